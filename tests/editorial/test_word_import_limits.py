"""Word import within limits: a zip bomb, a book-length document or an oversized request is
refused with a Vietnamese message before it costs a worker; pictures inside a .docx follow
the image upload's rules and lose their location metadata."""

import io
import zipfile

import pytest
from docx import Document
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from stories.models import StoryPage
from tests.editorial.helpers import html
from tests.editorial.test_word_import import post_file, story_docx

pytestmark = pytest.mark.django_db


def with_document_xml(document_xml: bytes) -> bytes:
    """A real .docx whose word/document.xml is replaced (compressed as Word would)."""
    source = zipfile.ZipFile(io.BytesIO(story_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = document_xml if member.filename == "word/document.xml" else source.read(member)
            target.writestr(member.filename, data)
    return out.getvalue()


def counts():
    return Page.objects.count(), get_image_model().objects.count()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(editor, stories_index):
    # 1.5 million empty paragraphs: ~50 MB of XML in a file of a few hundred kilobytes, which
    # held a worker at full CPU for over twelve minutes.
    paragraphs = b"<w:p/>" * 1_500_000
    xml = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>' + paragraphs + b"</w:body></w:document>"
    )
    bomb = with_document_xml(xml)
    assert len(bomb) < 1024 * 1024
    before = counts()
    response = post_file(editor, stories_index, "bom.docx", bomb)
    assert response.status_code == 200
    assert "chứa quá nhiều dữ liệu so với một bài viết" in html(response)
    assert counts() == before


def test_a_document_longer_than_a_story_is_refused(editor, stories_index):
    doc = Document()
    doc.add_paragraph("Một tài liệu quá dài", style="Title")
    for number in range(3_001):
        doc.add_paragraph(f"Đoạn {number}")
    buffer = io.BytesIO()
    doc.save(buffer)
    before = counts()
    response = post_file(editor, stories_index, "dai.docx", buffer.getvalue())
    assert "Tài liệu có hơn 3.000 đoạn văn" in html(response)
    assert counts() == before


def photo(size, exif=None) -> io.BytesIO:
    buffer = io.BytesIO()
    image = PILImage.new("RGB", size, (40, 120, 200))
    image.save(buffer, "JPEG", exif=exif.tobytes() if exif is not None else b"")
    buffer.seek(0)
    return buffer


def test_pictures_follow_the_image_upload_rules_and_lose_their_location(editor, stories_index):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Artist] = "Người chụp"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 12.0)})
    doc = Document()
    doc.add_paragraph("Tổ liên gia an toàn PCCC ra mắt", style="Title")
    doc.add_paragraph("Mười hộ gia đình cùng nhau trang bị bình chữa cháy.")
    doc.add_picture(photo((800, 600), exif))
    doc.add_paragraph("Buổi ra mắt tổ liên gia.")
    doc.add_picture(photo((8_000, 6_000)))  # 48 million points: over the 40 million cap
    buffer = io.BytesIO()
    doc.save(buffer)

    response = post_file(editor, stories_index, "to-lien-gia.docx", buffer.getvalue())
    assert response.status_code == 302
    page = StoryPage.objects.get(title="Tổ liên gia an toàn PCCC ra mắt")
    images = [block.value["image"] for block in page.body if block.block_type == "image"]
    assert len(images) == 1  # the oversized picture was left out
    edit = editor.get(response["Location"])
    assert "Bỏ qua một ảnh lớn hơn 40 triệu điểm ảnh" in html(edit)
    with images[0].file.open("rb") as stored, PILImage.open(stored) as kept:
        exif = kept.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo) and ExifTags.Base.Artist not in exif


def test_a_request_over_the_size_ceiling_is_refused_unread(editor, stories_index):
    before = counts()
    response = post_file(editor, stories_index, "qua-lon.docx", b"PK\x03\x04" + b"0" * (26 * 1024 * 1024))
    assert response.status_code == 413
    assert "lớn hơn 25 MB" in response.content.decode()
    assert counts() == before
