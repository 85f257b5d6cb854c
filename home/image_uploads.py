"""Image uploads that answer a form error, never a server error, for files that only pretend
to be images.

Wagtail's image field recognises a file by its first bytes and reads its size later, with
Pillow: a GIF header in front of HTML (a polyglot) or a PNG of 20000×20000 points passes the
first step and then raises inside Pillow (`UnidentifiedImageError`, `DecompressionBombError`),
which Wagtail does not catch. The field here turns those into the field's own errors, and
takes location and identity metadata out of the photo before it is stored (renditions are made
from the stored file, so none of them carry it either). The form base
(`WAGTAILIMAGES_IMAGE_FORM_BASE`) puts it on every image form: add, edit, multiple upload.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a file it cannot read as the image its header claims.
UNREADABLE = (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError)


# EXIF fields that say where a photo was taken or who took it, owns the camera or is in it.
# Orientation and the colour profile stay: without them photos turn sideways or change colour.
PRIVATE_EXIF = (
    ExifTags.Base.Artist,
    ExifTags.Base.Copyright,
    ExifTags.Base.ImageDescription,
    ExifTags.Base.XPAuthor,
    ExifTags.Base.XPComment,
    ExifTags.Base.XPSubject,
    ExifTags.Base.XPKeywords,
    ExifTags.Base.CameraOwnerName,
    ExifTags.Base.BodySerialNumber,
    ExifTags.Base.LensSerialNumber,
    ExifTags.Base.MakerNote,
    ExifTags.Base.UserComment,
    ExifTags.Base.HostComputer,
)
PRIVATE_IFDS = (ExifTags.IFD.GPSInfo,)
REWRITTEN_FORMATS = {"JPEG", "PNG", "WEBP"}


def without_private_metadata(uploaded):
    """The uploaded photo without location and identity metadata (EXIF GPS, author, serial
    numbers, comments; XMP and IPTC blocks), keeping orientation and the colour profile; JPEGs
    are written again with their own quantisation tables (`quality="keep"`), so they look the
    same. Files with nothing to remove, and other formats, come back unchanged."""
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        if image.format not in REWRITTEN_FORMATS:
            uploaded.seek(0)
            return uploaded
        exif = image.getexif()
        private = [tag for tag in PRIVATE_EXIF if tag in exif]
        exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
        private_nested = [tag for tag in PRIVATE_EXIF if tag in exif_ifd]
        has_ifds = [ifd for ifd in PRIVATE_IFDS if exif.get_ifd(ifd)]
        has_blocks = any(key in image.info for key in ("xmp", "XML:com.adobe.xmp", "photoshop", "iptc"))
        if not (private or private_nested or has_ifds or has_blocks):
            uploaded.seek(0)
            return uploaded
        for tag in private:
            del exif[tag]
        for tag in private_nested:
            del exif_ifd[tag]
        for ifd in PRIVATE_IFDS:
            if ifd in exif:
                del exif[ifd]
        options = {"exif": exif.tobytes()}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if image.format == "JPEG":
            options.update(quality="keep", subsampling="keep")
        elif image.format == "WEBP":
            options.update(lossless=image.info.get("lossless", False), quality=90)
        output = io.BytesIO()
        image.save(output, format=image.format, **options)
    cleaned = SimpleUploadedFile(uploaded.name, output.getvalue(), getattr(uploaded, "content_type", None))
    return cleaned


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

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        try:
            cleaned = without_private_metadata(f)
        except UNREADABLE as error:
            raise ValidationError(
                "Tệp này không phải là ảnh đọc được (JPG, PNG, GIF, WebP hoặc AVIF). Hãy chọn tệp ảnh khác.",
                code="invalid_image",
            ) from error
        if cleaned is not f:
            cleaned.image = f.image
            cleaned.content_type = getattr(f, "content_type", None)
        return cleaned


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
