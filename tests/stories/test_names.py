"""A person who must not be named is found in the page's texts: full name and short forms, no
false alarms; every way to the public refuses such a page; the demo content names nobody."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from stories.models import ConsentMissing, StoryPage, StoryPerson
from stories.names import NameFinder
from tests.editorial.helpers import create_story, html, person, story_data

pytestmark = pytest.mark.django_db


def found(name: str, text: str) -> list[str]:
    return [m.found for m in NameFinder(name).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anh Lê Văn Tâm, tài xế xe ôm, kể lại", ["Lê Văn Tâm"]),
        ("LÊ VĂN TÂM nhận giấy khen", ["LÊ VĂN TÂM"]),  # any case
        ("le van tam nhan giay khen", ["le van tam"]),  # typed without marks
        ("Sau đó anh Tâm quay lại", ["anh Tâm"]),
        ("Anh Tâm nói", ["Anh Tâm"]),
        ("chi Tam va anh Tâm", ["chi Tam", "anh Tâm"]),  # "chi Tam": "chị Tâm" typed without marks
        ("em Văn Tâm", ["em Văn Tâm"]),
        ("Lê\u00a0Văn Tâm", ["Lê\u00a0Văn Tâm".replace("\u00a0", " ")]),  # a non-breaking space
    ],
)
def test_the_full_name_and_its_short_forms_are_found(text, expected):
    assert found("Lê Văn Tâm", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lê Văn Tám nhận giấy khen",  # another name: other marks are another person
        "anh Tầm và chị Tám",
        "anh tâm sự với phóng viên",  # "tâm" is a word here, not a name
        "Chị Thanh Tâm, tổ trưởng",  # another person whose given name is also Tâm
        "Thanh Tâm – Công an xã Củ Chi",
        "anh Tâmh",  # not the whole word
        "ông Lê Văn",  # part of the name only
        "L.V.T. và anh T. kể lại",  # what the editor writes instead
    ],
)
def test_no_false_alarms(text):
    assert found("Lê Văn Tâm", text) == []


def test_short_forms_of_a_two_word_given_name_and_words_that_look_like_names():
    assert found("Đinh Khánh An", "em Khánh An và em An về nhà") == ["em Khánh An", "em An"]
    assert found("Đinh Khánh An", "em ăn cơm, giữ an toàn, em an tâm") == []
    assert found("Võ Văn Sáu", "ông sau đó trở về; Ông Sáu kể") == ["Ông Sáu"]
    assert found("Nguyễn Thị Hoà", "bà Hòa bán hàng") == ["bà Hòa"]  # either tone placement
    finder = NameFinder("Đinh Khánh An")
    assert finder.replace("Em Khánh An nói: em An ổn.") == "Em K.A. nói: em A. ổn."


def test_the_demo_content_names_nobody_it_must_not():
    for story in StoryPage.objects.all():
        assert story.withheld_names() == [], story.title
        revision = story.get_latest_revision()
        if revision is not None:
            assert revision.as_object().withheld_names() == [], story.title


def initials_only_story(parent, client, action=None, sapo=None):
    """A story featuring Lê Văn Tâm by initials only, whose sapo names him."""
    return create_story(
        client,
        parent,
        title="Tài xế xe ôm đưa cụ bà lạc đường về nhà",
        sapo=sapo or "Anh Lê Văn Tâm, tài xế xe ôm, đã đưa cụ bà về tận nhà; anh Tâm không nhận tiền.",
        people=[person(full_name="Lê Văn Tâm", initials_only=True)],
        action=action,
    )


def test_submitting_is_refused_at_the_field_with_the_words_and_nothing_is_sent(editor, stories_index):
    response, page = initials_only_story(stories_index, editor, action="action-submit")
    assert response.status_code == 200 and page is None  # the form is shown again, nothing saved
    shown = html(response)
    assert "Chưa gửi được: bài nêu tên người không được nêu tên" in shown
    # The field and the words, on top of the form (and at the field itself).
    assert (
        "Sapo: Chứa “Lê Văn Tâm”, “anh Tâm”, người này chỉ hiện tên viết tắt: thay bằng “L.V.T.”, “anh T.”"
        in shown
    )

    # Saving a draft is allowed, with the same problems as a warning.
    response, page = initials_only_story(stories_index, editor)
    assert response.status_code == 302 and page is not None
    shown = html(editor.get(response["Location"]))
    assert "Đã lưu bản nháp. Bài chưa thể đăng cho tới khi sửa" in shown
    assert "Sapo chứa “Lê Văn Tâm”, “anh Tâm”" in shown
    assert page.current_workflow_state is None

    # Fixed: the same story is sent for approval.
    data = story_data(
        title=page.title,
        sapo="Anh L.V.T., tài xế xe ôm, đã đưa cụ bà về tận nhà; anh T. không nhận tiền.",
        people=[person(id=page.people.get().pk, full_name="Lê Văn Tâm", initials_only=True)],
        initial_people=1,
        action="action-submit",
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert StoryPage.objects.get(pk=page.pk).current_workflow_state is not None


def test_every_way_to_the_public_refuses_a_story_naming_an_initials_only_person(
    editor, leader, stories_index, client
):
    # Publishing in the editor: refused at the field, nothing saved.
    response, page = initials_only_story(stories_index, leader, action="action-publish")
    assert response.status_code == 200 and page is None
    assert "người này chỉ hiện tên viết tắt" in html(response)

    # A draft saved with the name in it …
    _response, page = initials_only_story(stories_index, editor)
    page = StoryPage.objects.get(pk=page.pk)
    blockers = page.get_latest_revision().as_object().get_publish_blockers()
    assert blockers == [
        "Sapo chứa “Lê Văn Tâm”, “anh Tâm”, người này chỉ hiện tên viết tắt: thay bằng “L.V.T.”, "
        "“anh T.” hoặc bỏ chọn “Chỉ hiện tên viết tắt” nếu nhân vật đã đồng ý công khai họ tên."
    ]

    # … bulk publishing refuses it,
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/pages/{stories_index.pk}/"
    assert leader.post(url, {}).status_code == 302
    assert not StoryPage.objects.get(pk=page.pk).live

    # … approving refuses it (a workflow started before the rule, or by code),
    page.get_workflow().start(page, get_user_model().objects.get(username="bientap"))
    task_state = StoryPage.objects.get(pk=page.pk).current_workflow_task_state
    response = leader.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    shown = html(leader.get(response["Location"], follow=True))
    assert "Chưa duyệt được" in shown and "Sapo chứa “Lê Văn Tâm”" in shown
    assert not StoryPage.objects.get(pk=page.pk).live

    # … scheduled publishing refuses it,
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None and not StoryPage.objects.get(pk=page.pk).live
    assert PageLogEntry.objects.filter(page=page, action="binhyen.publish_refused").exists()

    # … and so does publishing from code.
    with pytest.raises(ConsentMissing, match="Lê Văn Tâm"):
        page.get_latest_revision().publish()
    assert client.get(f"/nguoi-tot-viec-tot/{page.slug}/").status_code == 404


def test_withdrawn_consent_and_image_only_consent_are_named_in_the_message():
    page = StoryPage(title="Ông Lê Văn Tâm giúp hàng xóm", slug="ong-le-van-tam-giup-hang-xom", sapo="")
    withdrawn = StoryPerson(full_name="Lê Văn Tâm", initials_only=True, consent_withdrawn_at=timezone.now())
    findings = page.withheld_names(people=[withdrawn])
    assert [f.message for f in findings] == [
        "Tiêu đề chứa “Lê Văn Tâm”, người này đã rút lại đồng ý: thay bằng “L.V.T.”.",
        "Đường dẫn (slug) chứa “le-van-tam”, người này đã rút lại đồng ý: thay bằng “lvt”.",
    ]
    image_only = StoryPerson(
        full_name="Lê Văn Tâm",
        age=40,
        consent_given=True,
        consent_date=timezone.localdate(),
        consent_scope="chi-anh",
    )
    assert "chỉ đồng ý đăng ảnh, không đăng họ tên" in page.withheld_names(people=[image_only])[0].message
    named = StoryPerson(full_name="Lê Văn Tâm", age=40, consent_given=True, consent_date=timezone.localdate())
    assert page.withheld_names(people=[named]) == []  # consent to be named: nothing to find
