"""Hostile posts to the admin get a clear 4xx or form error in Vietnamese, never a 500: files that
only pretend to be images (the pixel cap is what a news photo needs), page forms without their fields."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

POLYGLOT = b"GIF89a" + b"<html><script>alert(1)</script></html>"


def png(width: int, height: int) -> bytes:
    data = io.BytesIO()
    Image.new("1", (width, height)).save(data, "PNG")  # one bit a point: a tiny file
    return data.getvalue()


def upload(admin_client, name: str, content: bytes, content_type: str):
    return admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type), "collection": 1},
    )


def test_a_polyglot_gif_gets_a_form_error(admin_client):
    before = get_image_model().objects.count()
    response = upload(admin_client, "anh.gif", POLYGLOT, "image/gif")
    assert response.status_code == 200
    assert "Tệp này không phải là ảnh đọc được" in response.content.decode()
    assert get_image_model().objects.count() == before


def test_a_decompression_bomb_gets_a_form_error(admin_client):
    response = upload(admin_client, "lon.png", png(20000, 20000), "image/png")
    assert response.status_code == 200
    assert "Ảnh quá lớn: tối đa 40 triệu điểm ảnh" in response.content.decode()


def test_the_pixel_cap_is_forty_million_points(admin_client):
    over = upload(admin_client, "vua-qua.png", png(8000, 5001), "image/png")
    assert over.status_code == 200 and "Ảnh quá lớn" in over.content.decode()
    under = upload(admin_client, "vua-du.png", png(2000, 1500), "image/png")
    assert under.status_code == 302


def test_the_multiple_uploader_answers_in_json(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("anh.gif", POLYGLOT, "image/gif")}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False and "không phải là ảnh" in data["error_message"]


def test_a_page_form_posted_without_its_stream_fields_answers_400(admin_client):
    from stories.models import StoryPage

    page = StoryPage.objects.live().first()
    title = page.title
    edit = admin_client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Tiêu đề giả mạo"})
    assert edit.status_code == 400
    assert "Biểu mẫu gửi lên không đủ dữ liệu" in edit.content.decode()
    revision = page.revisions.order_by("-pk").first()
    revert = admin_client.post(f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/", {"title": "x"})
    assert revert.status_code == 400
    page.refresh_from_db()
    assert page.title == title and page.revisions.order_by("-pk").first() == revision  # nothing saved


def jpeg_with_location() -> bytes:
    from PIL import ExifTags

    image = Image.new("RGB", (1200, 800), (200, 120, 40))
    exif = image.getexif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Artist] = "Nguyễn Văn Chụp"
    exif[ExifTags.Base.Make] = "Máy ảnh"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 12.0)})
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-12345"
    data = io.BytesIO()
    image.save(data, "JPEG", exif=exif.tobytes(), quality=90)
    return data.getvalue()


def test_uploads_lose_location_and_identity_but_keep_orientation(admin_client):
    from PIL import ExifTags

    response = upload(admin_client, "anh-hien-truong.jpg", jpeg_with_location(), "image/jpeg")
    assert response.status_code == 302
    image = get_image_model().objects.get(title="anh-hien-truong.jpg")
    rendition = image.get_rendition("fill-400x300|format-jpeg")
    for stored in (image.file, rendition.file):
        stored.open("rb")
        with Image.open(stored) as photo:
            exif = photo.getexif()
            assert not exif.get_ifd(ExifTags.IFD.GPSInfo), stored.name
            assert ExifTags.Base.Artist not in exif
            assert ExifTags.Base.BodySerialNumber not in exif.get_ifd(ExifTags.IFD.Exif)
            if stored is image.file:
                assert exif[ExifTags.Base.Orientation] == 6  # the photo still stands the right way
        stored.close()
    assert b"Nguy" not in image.file.open("rb").read()
