"""Import from Word: a .docx becomes a draft story that opens in the editor; bad files create nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import Commune
from stories.models import StoryPage
from tests.editorial.helpers import html

pytestmark = pytest.mark.django_db


def png(color) -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), color).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def story_docx() -> bytes:
    doc = Document()
    doc.add_paragraph("Cụ bà 80 tuổi được trả lại sổ tiết kiệm đánh rơi", style="Title")
    doc.add_paragraph(
        "Nhặt được chiếc túi có sổ tiết kiệm bên hồ Hoàn Kiếm, anh bảo vệ đã tìm đến tận nhà trả lại."
    )
    doc.add_heading("Diễn biến", level=1)
    paragraph = doc.add_paragraph("Sáng 3/11, ")
    paragraph.add_run("anh bảo vệ").bold = True
    paragraph.add_run(" thấy một chiếc túi vải ")
    paragraph.add_run("bị bỏ quên").italic = True
    paragraph.add_run(" trên ghế đá.")
    doc.add_picture(png((200, 30, 30)))
    doc.add_paragraph("Chiếc túi được bàn giao tại trụ sở công an phường.", style="Caption")
    doc.add_heading("Lời khuyên", level=2)
    doc.add_paragraph("Giữ nguyên tài sản nhặt được", style="List Bullet")
    doc.add_paragraph("Báo ngay cho công an gần nhất", style="List Bullet")
    doc.add_picture(png((30, 30, 200)))
    doc.add_paragraph("Câu chuyện được người dân chia sẻ rộng rãi.")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def post_file(client, parent, name, content):
    return client.post(
        "/admin/nhap-tu-word/",
        {
            "file": SimpleUploadedFile(name, content),
            "parent": parent.pk,
            "deed_type": "tra-lai-tai-san",
            "deed_date": "03/11/2026",
            "commune": Commune.objects.get(name="Phường Hoàn Kiếm").pk,
            "byline": "Minh Châu",
        },
    )


def test_a_docx_becomes_a_draft_story_that_opens_and_renders(editor, stories_index):
    form = editor.get("/admin/nhap-tu-word/")
    assert form.status_code == 200 and "Nhập bài từ Word" in html(form)
    images_before = get_image_model().objects.count()

    response = post_file(editor, stories_index, "cau-chuyen.docx", story_docx())
    assert response.status_code == 302
    page = StoryPage.objects.get(title="Cụ bà 80 tuổi được trả lại sổ tiết kiệm đánh rơi")
    assert not page.live and page.get_parent().pk == stories_index.pk
    assert page.sapo.startswith("Nhặt được chiếc túi")
    kinds = [block.block_type for block in page.body]
    assert kinds == ["paragraph", "image", "paragraph", "image", "paragraph"]
    first = page.body[0].value.source
    assert "<h2>Diễn biến</h2>" in first and "<b>anh bảo vệ</b>" in first and "<i>bị bỏ quên</i>" in first
    assert "<h2>Lời khuyên</h2>" in page.body[2].value.source
    assert "<ul><li>Giữ nguyên tài sản nhặt được</li>" in page.body[2].value.source
    assert page.body[1].value["caption"] == "Chiếc túi được bàn giao tại trụ sở công an phường."
    assert get_image_model().objects.count() == images_before + 2

    edit = editor.get(response["Location"])
    assert edit.status_code == 200
    assert "Đã tạo bản nháp" in html(edit)
    draft = editor.get(f"/admin/pages/{page.pk}/view_draft/")
    assert draft.status_code == 200
    rendered = html(draft)
    assert "Diễn biến" in rendered and "<b>anh bảo vệ</b>" in rendered and rendered.count("<figure") >= 2

    # The editor loads the body as Draftail content with the headings, list and styles intact.
    editor_html = html(edit)
    for token in ("header-two", "unordered-list-item", "BOLD", "ITALIC"):
        assert token in editor_html, token


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("ghi-chu.txt", "Chỉ là văn bản thường".encode(), "chỉ nhận tệp có đuôi .docx"),
        (
            "ghi-chu.docx",
            "Chỉ là văn bản thường, đổi đuôi".encode(),
            "không phải là tài liệu Word .docx đọc được",
        ),
        ("cat-ngan.docx", None, "không phải là tài liệu Word .docx đọc được"),
        ("bai-cu.doc", b"\xd0\xcf\x11\xe0" + b"0" * 100, "Word 97–2003"),
    ],
)
def test_bad_files_are_refused_and_create_nothing(editor, stories_index, name, content, message):
    if content is None:
        whole = story_docx()
        content = whole[: len(whole) // 2]
    pages, images = Page.objects.count(), get_image_model().objects.count()
    response = post_file(editor, stories_index, name, content)
    assert response.status_code == 200
    assert message in html(response)
    assert (Page.objects.count(), get_image_model().objects.count()) == (pages, images)


def test_import_only_into_sections_the_user_may_write(ward_editor, stories_index, ward_index):
    form = ward_editor.get("/admin/nhap-tu-word/").context["form"]
    assert list(form.fields["parent"].queryset) == [ward_index]
    pages = Page.objects.count()
    response = post_file(ward_editor, stories_index, "cau-chuyen.docx", story_docx())
    assert response.status_code == 200 and Page.objects.count() == pages
