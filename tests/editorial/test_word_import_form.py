"""The Word import form as the browser meets it: the date picker's script loads, a single
section is preselected, the commune is a chooser, and a validation error keeps the file."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import Commune
from stories.kept_uploads import KEPT_SESSION_KEY, kept_dir
from stories.models import StoryPage
from tests.editorial.helpers import as_user, html
from tests.editorial.test_word_import import story_docx

pytestmark = pytest.mark.django_db

URL = "/admin/nhap-tu-word/"
TITLE = "Cụ bà 80 tuổi được trả lại sổ tiết kiệm đánh rơi"


def fields(parent, **changes):
    data = {
        "parent": parent.pk,
        "deed_type": "tra-lai-tai-san",
        "deed_date": "03/11/2026",
        "commune": Commune.objects.get(name="Phường Hoàn Kiếm").pk,
        "byline": "Minh Châu",
    }
    return {**data, **changes}


def kept_token(response) -> str:
    match = re.search(r'name="kept_file" value="([0-9a-f]{32})"', html(response))
    assert match, "the form carries the kept file"
    return match.group(1)


def test_the_date_pickers_script_loads_before_the_form_calls_it(editor):
    page = html(editor.get(URL))
    assert "initDateChooser(" in page
    assert page.index("wagtailadmin/js/date-time-chooser.js") < page.index("initDateChooser(")
    assert page.index("wagtailadmin/js/chooser-widget.js") < page.index("new Chooser(")


def test_the_commune_is_a_chooser_not_a_list_of_every_commune(editor):
    page = html(editor.get(URL))
    assert page.count("<option") < 100
    assert 'id="id_commune-chooser"' in page


def test_a_single_section_is_preselected(ward_editor, ward_index):
    page = html(ward_editor.get(URL))
    select = re.search(r'<select name="parent".*?</select>', page, re.S).group(0)
    assert re.findall(r"<option[^>]*>", select) == [f'<option value="{ward_index.pk}" selected>']


def test_several_sections_are_not_preselected(editor):
    page = html(editor.get(URL))
    select = re.search(r'<select name="parent".*?</select>', page, re.S).group(0)
    assert "selected" not in select.replace('<option value="" selected>', "")


def test_after_an_error_the_file_is_kept_and_the_import_goes_on(editor, stories_index):
    first = editor.post(
        URL,
        {
            **fields(stories_index, deed_date="03/11/2099"),
            "file": SimpleUploadedFile("bai.docx", story_docx()),
        },
    )
    assert first.status_code == 200
    assert "Ngày diễn ra không thể ở tương lai." in html(first)
    assert "Đã giữ tệp “bai.docx”" in html(first)
    token = kept_token(first)
    assert (kept_dir() / f"{token}.docx").is_file()

    second = editor.post(URL, {**fields(stories_index), "kept_file": token})
    assert second.status_code == 302
    assert StoryPage.objects.filter(title=TITLE).exists()
    assert not (kept_dir() / f"{token}.docx").exists()
    assert token not in editor.session.get(KEPT_SESSION_KEY, {})


def test_a_kept_file_of_another_session_is_not_used(editor, stories_index):
    first = editor.post(
        URL,
        {
            **fields(stories_index, deed_date="03/11/2099"),
            "file": SimpleUploadedFile("bai.docx", story_docx()),
        },
    )
    token = kept_token(first)
    other = as_user("bientap")  # the same person signed in elsewhere: another session
    for value in (token, "../../etc/passwd", "0" * 32):
        response = other.post(URL, {**fields(stories_index), "kept_file": value})
        assert response.status_code == 200
        assert "Hãy chọn tệp Word (.docx) cần nhập." in html(response)
    assert not StoryPage.objects.filter(title=TITLE).exists()


def test_a_refused_file_is_not_kept(editor, stories_index):
    response = editor.post(
        URL, {**fields(stories_index), "file": SimpleUploadedFile("ghi-chu.txt", b"van ban thuong")}
    )
    assert response.status_code == 200
    assert not re.search(r'name="kept_file" value="[0-9a-f]', html(response))
    assert "Đã giữ tệp" not in html(response)
