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
