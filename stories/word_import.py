"""Read a story written in Word (.docx) into the parts of a StoryPage.

The first "Title" / "Heading 1" paragraph (or the first paragraph) becomes the title, the next
paragraph (or a "Subtitle") the sapo; headings become h2/h3, list paragraphs ul/ol, bold, italic
and web links are kept; pictures become image blocks in place, a "Caption" paragraph right after
a picture its caption. The rich text uses only the editor's features (h2, h3, bold, italic, link,
ol, ul), so the imported draft opens in the editor like any other.
"""

import io
import logging
import zipfile
from dataclasses import dataclass, field
from html import escape

from django.core.exceptions import ValidationError
from PIL import Image as PILImage

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
# Limits checked on the zip's directory before anything is decompressed or parsed. A member's
# reader in zipfile stops at the size its directory entry declares (and fails its CRC check if
# the data says otherwise), so declared sizes bound the work. A story's document.xml is a few
# hundred kilobytes; 8 MB holds a very long report. Photos do not compress, text does, but not
# beyond ~30:1 in real documents; 1,000:1 and more is a bomb.
MAX_XML_BYTES = 8 * 1024 * 1024
MAX_UNPACKED_BYTES = 80 * 1024 * 1024
MAX_MEMBERS = 1_000
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
# Limits on what the parsed document may hold: a story, not a book.
MAX_BLOCKS = 3_000
MAX_IMAGES = 40
SAPO_MAX = 600
TITLE_MAX = 255
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

TOO_BIG_INSIDE = (
    "Tệp “{name}” chứa quá nhiều dữ liệu so với một bài viết (nội dung giải nén quá lớn hoặc "
    "nén bất thường), nên không được mở. Hãy tách tài liệu thành các bài ngắn hơn, giảm kích "
    "thước ảnh rồi tải lên lại. Chưa có bài nào được tạo."
)
TOO_LONG = (
    "Tài liệu có hơn {limit} đoạn văn, bảng hoặc mục: quá dài cho một bài. Hãy tách thành "
    "các bài ngắn hơn rồi nhập từng bài. Chưa có bài nào được tạo."
)
TOO_MANY_IMAGES = (
    "Tài liệu có hơn {limit} ảnh. Hãy giữ lại những ảnh cần cho bài (các ảnh khác có thể "
    "tải lên thư viện ảnh) rồi nhập lại. Chưa có bài nào được tạo."
)

NOT_DOCX = (
    "Tệp “{name}” không phải là tài liệu Word .docx đọc được (tệp có thể bị hỏng, bị cắt ngắn "
    "hoặc chỉ được đổi đuôi thành .docx). Hãy mở tệp bằng Word, chọn Lưu thành… định dạng "
    "“Tài liệu Word (.docx)” rồi tải lên lại. Chưa có bài nào được tạo."
)


@dataclass
class ImportedImage:
    data: bytes
    extension: str
    description: str = ""
    caption: str = ""


@dataclass
class ImportedStory:
    title: str = ""
    sapo: str = ""
    # ("html", "<p>…</p>") or ("image", ImportedImage), in document order
    parts: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def images(self) -> list[ImportedImage]:
        return [value for kind, value in self.parts if kind == "image"]


def _inline_html(paragraph) -> str:
    """The paragraph's text as inline HTML: bold, italic, web links and line breaks."""
    from docx.text.hyperlink import Hyperlink

    out = []

    def run_html(run) -> str:
        text = escape(run.text or "").replace("\n", "<br/>").replace("\t", " ")
        if not text:
            return ""
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        return text

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            inner = "".join(run_html(r) for r in item.runs)
            url = (item.url or "").strip()
            if url.lower().startswith(("http://", "https://", "mailto:")) and inner:
                out.append(f'<a href="{escape(url, quote=True)}">{inner}</a>')
            else:
                out.append(inner)
        else:
            out.append(run_html(item))
    return "".join(out).strip()


def _style(paragraph) -> str:
    try:
        return (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return ""


def _list_kind(doc, paragraph, style: str) -> str:
    """'ul' / 'ol' for a list paragraph, '' otherwise."""
    ppr = paragraph._p.pPr
    num_pr = ppr.numPr if ppr is not None else None
    if num_pr is None:
        if style.startswith("list bullet"):
            return "ul"
        if style.startswith("list number"):
            return "ol"
        return ""
    try:
        num_id = num_pr.numId.val
        level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        numbering = doc.part.numbering_part.element
        num = numbering.num_having_numId(num_id)
        abstract_id = num.abstractNumId.val
        for abstract in numbering.findall(f"{W}abstractNum"):
            if abstract.get(f"{W}abstractNumId") == str(abstract_id):
                for lvl in abstract.findall(f"{W}lvl"):
                    if lvl.get(f"{W}ilvl") == str(level):
                        fmt = lvl.find(f"{W}numFmt")
                        if fmt is not None and fmt.get(f"{W}val") == "bullet":
                            return "ul"
                        return "ol"
    except (AttributeError, KeyError, NotImplementedError, ValueError):
        pass
    return "ol" if "number" in style else "ul"


def _images(doc, paragraph, warnings) -> list[ImportedImage]:
    found = []
    for drawing in paragraph._p.iter(f"{W}drawing"):
        doc_pr = drawing.find(f".//{WP}docPr")
        description = (doc_pr.get("descr") or "").strip() if doc_pr is not None else ""
        for blip in drawing.iter(f"{A}blip"):
            rel_id = blip.get(f"{R}embed")
            part = doc.part.related_parts.get(rel_id) if rel_id else None
            if part is None:
                continue
            data = part.blob
            problem = _image_problem(data)
            if problem:
                warnings.append(problem)
                continue
            img_format = _image_format(data)
            found.append(
                ImportedImage(data=data, extension=IMAGE_FORMATS[img_format], description=description)
            )
    return found


def _image_format(data: bytes) -> str | None:
    with PILImage.open(io.BytesIO(data)) as img:
        return img.format


def _image_problem(data: bytes) -> str:
    """Why a picture of the document cannot become an image of the library, or "" if it can:
    the same rules as an upload through Wagtail's image form (format, file size, pixels)."""
    from django.conf import settings

    skipped = "Hãy chèn lại ảnh này trong trình soạn thảo nếu cần."
    if len(data) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        megabytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE // (1024 * 1024)
        return f"Bỏ qua một ảnh lớn hơn {megabytes} MB. {skipped}"
    try:
        with PILImage.open(io.BytesIO(data)) as img:
            img_format = img.format
            pixels = img.width * img.height
            img.verify()
    except Exception:  # any unreadable picture is skipped, not fatal
        img_format, pixels = None, 0
    if img_format not in IMAGE_FORMATS:
        return (
            "Bỏ qua một hình không đọc được hoặc không phải ảnh JPEG, PNG, GIF, WebP "
            f"(ví dụ hình vẽ, biểu đồ). {skipped}"
        )
    if pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        megapixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
        return f"Bỏ qua một ảnh lớn hơn {megapixels} triệu điểm ảnh. {skipped}"
    return ""


def _check_archive(uploaded, name: str) -> None:
    """Refuse a .docx whose zip directory promises more work than a story needs, before
    anything is decompressed: too many members, a document.xml or a total beyond the limits,
    or a member that packs more than MAX_RATIO times its compressed size."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(NOT_DOCX.format(name=name)) from exc
    total = sum(member.file_size for member in members)
    too_big = (
        len(members) > MAX_MEMBERS
        or total > MAX_UNPACKED_BYTES
        or any(
            member.file_size > MAX_XML_BYTES
            for member in members
            if member.filename.lower().endswith((".xml", ".rels"))
        )
        or any(
            member.file_size > RATIO_FROM_BYTES
            and member.file_size > MAX_RATIO * max(member.compress_size, 1)
            for member in members
        )
    )
    if too_big:
        logger.info("Word import refused %r: %d members, %d bytes unpacked", name, len(members), total)
        raise ValidationError(TOO_BIG_INSIDE.format(name=name))


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def parse_docx(uploaded, name: str = "") -> ImportedStory:
    """Parse an uploaded .docx; raise ValidationError with a Vietnamese message if it cannot."""
    import docx
    from docx.table import Table

    name = name or getattr(uploaded, "name", "") or "tệp"
    # Django keeps an upload over FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file: its size is
    # known without reading it, and nothing below reads it whole into memory.
    size = getattr(uploaded, "size", None)
    if size is None:
        uploaded.seek(0, io.SEEK_END)
        size = uploaded.tell()
    if size > MAX_BYTES:
        raise ValidationError(
            f"Tệp “{name}” lớn hơn 20 MB. Hãy giảm kích thước ảnh trong tài liệu rồi thử lại."
        )
    uploaded.seek(0)
    if uploaded.read(4) != b"PK\x03\x04":
        raise ValidationError(NOT_DOCX.format(name=name))
    uploaded.seek(0)
    _check_archive(uploaded, name)
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            if archive.testzip() is not None:
                raise zipfile.BadZipFile("corrupt member")
        uploaded.seek(0)
        document = docx.Document(uploaded)
        return _read(document, Table)
    except ValidationError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds
        logger.info("Word import refused %r: %s", name, exc)
        raise ValidationError(NOT_DOCX.format(name=name)) from exc


def _read(document, Table) -> ImportedStory:
    story = ImportedStory()
    html: list[str] = []
    list_kind, list_items = "", []

    def close_list():
        nonlocal list_kind, list_items
        if list_items:
            html.append(f"<{list_kind}>" + "".join(f"<li>{i}</li>" for i in list_items) + f"</{list_kind}>")
        list_kind, list_items = "", []

    def flush():
        close_list()
        if html:
            story.parts.append(("html", "".join(html)))
            html.clear()

    blocks = list(document.iter_inner_content())
    if len(blocks) > MAX_BLOCKS:
        raise ValidationError(TOO_LONG.format(limit=f"{MAX_BLOCKS:,}".replace(",", ".")))
    has_title_style = any(
        not isinstance(b, Table) and _style(b) == "title" and b.text.strip() for b in blocks
    )

    for block in blocks:
        if isinstance(block, Table):
            close_list()
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    html.append("<p>" + escape(" – ".join(cells)) + "</p>")
            continue
        paragraph = block
        style = _style(paragraph)
        text = paragraph.text.strip()
        images = _images(document, paragraph, story.warnings)
        is_heading = style.startswith("heading") or style in ("title", "subtitle")
        kind = "" if is_heading else _list_kind(document, paragraph, style)

        if not text:
            pass
        elif not story.title and (style == "title" or not has_title_style):
            story.title = _shorten(text, TITLE_MAX)
        elif style == "caption" and story.parts and story.parts[-1][0] == "image" and not html:
            story.parts[-1][1].caption = _shorten(text, 300)
        elif (
            story.title
            and not story.sapo
            and not story.parts
            and not html
            and (style == "subtitle" or (not is_heading and not kind))
        ):
            story.sapo = text
        elif kind:
            if list_kind and list_kind != kind:
                close_list()
            list_kind = kind
            list_items.append(_inline_html(paragraph))
        else:
            close_list()
            if is_heading:
                level = style.removeprefix("heading").strip()
                tag = "h2" if level in ("", "1", "2") else "h3"
                html.append(f"<{tag}>{escape(text)}</{tag}>")
            else:
                html.append(f"<p>{_inline_html(paragraph)}</p>")
        for image in images:
            flush()
            story.parts.append(("image", image))
    flush()
    if len(story.images) > MAX_IMAGES:
        raise ValidationError(TOO_MANY_IMAGES.format(limit=MAX_IMAGES))

    if not story.title:
        raise ValidationError("Tài liệu không có chữ nào để làm tiêu đề. Hãy kiểm tra lại tệp Word.")
    if not story.sapo:
        # A story with no separate lead paragraph: use the first text paragraph.
        for index, (kind, value) in enumerate(story.parts):
            if kind == "html" and value.startswith("<p>"):
                first, _, rest = value.partition("</p>")
                from django.utils.html import strip_tags

                story.sapo = strip_tags(first).strip()
                if rest:
                    story.parts[index] = ("html", rest)
                else:
                    story.parts.pop(index)
                break
    if not story.sapo:
        raise ValidationError("Tài liệu chỉ có tiêu đề, chưa có đoạn sapo và nội dung nào để nhập.")
    if len(story.sapo) > SAPO_MAX:
        story.parts.insert(0, ("html", f"<p>{escape(story.sapo)}</p>"))
        story.sapo = _shorten(story.sapo, SAPO_MAX)
        story.warnings.append(
            "Đoạn sapo dài hơn 600 ký tự nên đã được rút gọn; đoạn đầy đủ nằm ở đầu nội dung."
        )
    if not story.parts:
        raise ValidationError("Tài liệu chưa có nội dung bài ngoài tiêu đề và sapo.")
    return story
