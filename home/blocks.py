"""StreamField blocks shared by every content section. Written once here, imported elsewhere."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# Rich text features an editor may use in body text; headings start at h2 (the title is h1).
BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
SHORT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .()-]{1,18}[0-9]$",
    "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối hoặc dấu + ở đầu (ví dụ 0243 942 4224).",
)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=BODY_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Đoạn văn"
        description = "Đoạn văn bản thường, có thể có tiêu đề nhỏ, chữ đậm, danh sách và liên kết."
        preview_value = (
            "<p>Đêm 12/3, anh Nguyễn Văn Hùng phát hiện hai đối tượng lạ cạy khóa xe máy "
            "trước cửa nhà hàng xóm và lập tức hô hoán mọi người cùng truy đuổi.</p>"
        )


class ImageWithRenditionsBlock(ImageChooserBlock):
    """An image chooser whose images arrive with their renditions.

    StreamField loads every image of a block type in one query (bulk_to_python); fetching
    the renditions in the same pass means a page with ten pictures costs no more queries
    than a page with one.
    """

    def bulk_to_python(self, values):
        values = list(values)
        images = get_image_model().objects.prefetch_renditions().in_bulk(v for v in values if v is not None)
        return [images.get(v) if v is not None else None for v in values]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageWithRenditionsBlock(label="Ảnh")
    caption = blocks.CharBlock(
        label="Chú thích", required=False, max_length=300, help_text="Mô tả ngắn hiện dưới ảnh."
    )
    credit = blocks.CharBlock(
        label="Nguồn ảnh", required=False, max_length=120, help_text="Ví dụ: Ảnh: Công an phường."
    )

    class Meta:
        icon = "image"
        label = "Ảnh"
        description = "Một ảnh kèm chú thích và nguồn ảnh."
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Lời trích dẫn", max_length=1000)
    speaker = blocks.CharBlock(label="Người nói", max_length=120)
    speaker_role = blocks.CharBlock(
        label="Chức vụ, vai trò",
        required=False,
        max_length=200,
        help_text="Ví dụ: Tổ trưởng tổ dân phố số 5.",
    )

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        description = "Lời nói của nhân vật hoặc cán bộ, ghi rõ người nói."
        template = "blocks/quote.html"
        preview_value = {
            "text": "Thấy người gặp nạn thì phải giúp, ai ở vị trí của tôi cũng sẽ làm như vậy.",
            "speaker": "Anh Trần Minh Đức",
            "speaker_role": "Tài xế xe ôm công nghệ",
        }


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tiêu đề bộ ảnh", required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label="Các ảnh", min_num=2, max_num=30)

    class Meta:
        icon = "doc-full-inverse"
        label = "Bộ ảnh"
        description = "Từ 2 đến 30 ảnh hiển thị thành lưới."
        template = "blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label="Đường dẫn video", help_text="Đường dẫn YouTube hoặc Facebook của video.")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=300)

    class Meta:
        icon = "media"
        label = "Video"
        description = "Video nhúng từ YouTube hoặc Facebook."
        template = "blocks/video.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tiêu đề", max_length=120, default="Thông tin thêm")
    body = blocks.RichTextBlock(label="Nội dung", features=SHORT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = "Hộp thông tin"
        description = "Khung nổi bật tóm tắt số liệu, mốc thời gian hoặc lời khuyên."
        template = "blocks/fact_box.html"
        preview_value = {
            "title": "Khi phát hiện trộm cắp",
            "body": "<ul><li>Gọi ngay 113</li><li>Giữ nguyên hiện trường</li></ul>",
        }


class BodyBlock(blocks.StreamBlock):
    """The body of stories and showcases: text, pictures, quotes, video and fact boxes."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    fact_box = FactBoxBlock()

    class Meta:
        block_counts = {"video": {"max_num": 5}}


class KeyFigureBlock(blocks.StructBlock):
    """A key figure as a structured row, so it can be charted, compared and fed, not retyped."""

    label = blocks.CharBlock(label="Chỉ số", max_length=80, help_text="Ví dụ: Camera đã lắp.")
    value = blocks.DecimalBlock(label="Giá trị", min_value=0, max_digits=14, decimal_places=2)
    unit = blocks.CharBlock(
        label="Đơn vị", required=False, max_length=30, help_text="Ví dụ: chiếc, hộ, lượt."
    )
    as_of = blocks.DateBlock(label="Tính đến ngày", help_text="Ngày số liệu được thống kê.")

    def clean(self, value):
        value = super().clean(value)
        as_of = value.get("as_of")
        if as_of and as_of > timezone.localdate():
            raise blocks.StructBlockValidationError(
                block_errors={"as_of": ValidationError("Ngày thống kê không thể ở tương lai.")}
            )
        return value

    class Meta:
        icon = "table"
        label = "Số liệu"
        description = "Một con số nổi bật: tên chỉ số, giá trị, đơn vị và ngày thống kê."
        template = "blocks/key_figure.html"
        preview_value = {
            "label": "Camera đã lắp",
            "value": "1250",
            "unit": "chiếc",
            "as_of": datetime.date(2025, 6, 30),
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(
        label="Tên hiển thị", required=False, max_length=200, help_text="Để trống để dùng tên của tài liệu."
    )

    class Meta:
        icon = "doc-full"
        label = "Tài liệu"
        description = "Văn bản, quyết định, biên bản để người đọc tải về."
        template = "blocks/document.html"


class HotlineBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Tên đường dây", max_length=80, help_text="Ví dụ: Cảnh sát 113.")
    number = blocks.CharBlock(label="Số điện thoại", max_length=20, validators=[phone_validator])
    note = blocks.CharBlock(label="Ghi chú", required=False, max_length=120, help_text="Ví dụ: trực 24/7.")

    class Meta:
        icon = "mobile-alt"
        label = "Đường dây nóng"
        description = "Số điện thoại người dân bấm để gọi ngay."
        template = "blocks/hotline.html"
        preview_value = {"label": "Cảnh sát 113", "number": "113", "note": "Trực 24/7"}


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label="Mạng xã hội",
        choices=[("facebook", "Facebook"), ("zalo", "Zalo"), ("youtube", "YouTube"), ("tiktok", "TikTok")],
    )
    url = blocks.URLBlock(label="Đường dẫn")

    class Meta:
        icon = "link"
        label = "Mạng xã hội"
        description = "Trang fanpage, kênh Zalo hoặc YouTube của đơn vị."
