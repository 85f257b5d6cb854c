"""Image uploads that answer a form error, never a server error, for files that only pretend
to be images.

Wagtail's image field recognises a file by its first bytes and reads its size later, with
Pillow: a GIF header in front of HTML (a polyglot) or a PNG of 20000×20000 points passes the
first step and then raises inside Pillow (`UnidentifiedImageError`, `DecompressionBombError`),
which Wagtail does not catch. The field here turns those into the field's own errors. The form
base (`WAGTAILIMAGES_IMAGE_FORM_BASE`) puts it on every image form: add, edit, multiple upload.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a file it cannot read as the image its header claims.
UNREADABLE = (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError)


class SafeImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail fills the placeholders of its own message; this one has none.
        self.error_messages["file_too_many_pixels"] = too_many_pixels_message()

    def _checked(self, check, f):
        try:
            check(f)
        except Image.DecompressionBombError as error:
            raise ValidationError(too_many_pixels_message(), code="file_too_many_pixels") from error
        except UNREADABLE as error:
            raise ValidationError(
                "Tệp này không phải là ảnh đọc được (JPG, PNG, GIF, WebP hoặc AVIF). Hãy chọn tệp ảnh khác.",
                code="invalid_image",
            ) from error

    def check_image_file_format(self, f):
        self._checked(super().check_image_file_format, f)

    def check_image_pixel_size(self, f):
        self._checked(super().check_image_pixel_size, f)


def too_many_pixels_message() -> str:
    megapixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
    return f"Ảnh quá lớn: tối đa {megapixels} triệu điểm ảnh (ví dụ 7.700 × 5.200). Hãy thu nhỏ ảnh rồi tải lên lại."


class ImageForm(BaseImageForm):
    """Wagtail's image form with the safe file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SafeImageField):
            self.fields["file"] = SafeImageField(
                label=field.label, required=field.required, widget=field.widget, help_text=field.help_text
            )
