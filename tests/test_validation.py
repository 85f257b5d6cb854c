"""Each page type refuses the mistakes an editor could make, with a Vietnamese message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError

from forums.models import ForumAnnouncementPage, ForumStatus
from home.models import Commune
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage, StoryPerson

pytestmark = pytest.mark.django_db


def errors_of(page) -> dict:
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    return info.value.message_dict


def a_story() -> StoryPage:
    return StoryPage.objects.live().get(title__startswith="Tài xế xe ôm")


def a_forum() -> ForumAnnouncementPage:
    return ForumAnnouncementPage.objects.live().filter(is_postponed=False).first()


def a_showcase() -> ModelShowcasePage:
    return ModelShowcasePage.objects.live().get(slug="camera-an-ninh-xa-soc-son")


def test_demo_pages_are_valid_as_they_are():
    a_story().full_clean()
    a_forum().full_clean()
    a_showcase().full_clean()


def test_forum_cannot_end_before_it_starts():
    forum = a_forum()
    forum.ends_at = forum.starts_at - datetime.timedelta(hours=1)
    assert errors_of(forum)["ends_at"] == ["Giờ kết thúc phải sau giờ bắt đầu."]


def test_forum_questions_deadline_is_before_the_forum():
    forum = a_forum()
    forum.questions_deadline = forum.starts_at + datetime.timedelta(minutes=5)
    assert "questions_deadline" in errors_of(forum)


def test_forum_is_postponed_or_cancelled_not_both():
    forum = a_forum()
    forum.is_postponed = forum.is_cancelled = True
    assert "is_postponed" in errors_of(forum)


def test_forum_status_follows_the_clock_and_the_flags():
    forum = a_forum()
    now = timezone.now()
    forum.starts_at, forum.ends_at = (
        now + datetime.timedelta(days=1),
        now + datetime.timedelta(days=1, hours=2),
    )
    assert forum.status == ForumStatus.UPCOMING
    forum.starts_at = now - datetime.timedelta(minutes=10)
    assert forum.status == ForumStatus.ONGOING
    forum.ends_at = now - datetime.timedelta(minutes=1)
    assert forum.status == ForumStatus.ENDED and forum.status_label == "Đã kết thúc"
    forum.is_cancelled = True
    assert forum.status_label == "Đã hủy"


def test_story_deed_cannot_be_in_the_future():
    story = a_story()
    story.deed_date = timezone.localdate() + datetime.timedelta(days=1)
    assert errors_of(story)["deed_date"] == ["Ngày diễn ra không thể ở tương lai."]


def test_story_commendation_is_all_or_nothing_and_after_the_deed():
    story = a_story()
    story.commendation_kind = ""
    assert "commendation_kind" in errors_of(story)
    story = a_story()
    story.commendation_date = story.deed_date - datetime.timedelta(days=1)
    assert errors_of(story)["commendation_date"] == ["Ngày khen thưởng không thể trước ngày diễn ra sự việc."]
    story.commendation_by = story.commendation_kind = ""
    story.commendation_date = None
    story.full_clean()


def test_featured_person_consent_needs_a_date_and_names_hide_without_consent():
    person = StoryPerson(full_name="Nguyễn Văn Hùng", consent_given=True)
    with pytest.raises(ValidationError) as info:
        person.clean()
    assert "consent_date" in info.value.message_dict
    assert StoryPerson(full_name="Nguyễn Văn Hùng", consent_given=False).display_name == "N.V.H."
    assert (
        StoryPerson(full_name="Nguyễn Văn Hùng", consent_given=True, initials_only=True).display_name
        == "N.V.H."
    )
    # A name shows only with complete consent: the age group and the date of consent are recorded.
    assert StoryPerson(full_name="Nguyễn Văn Hùng", consent_given=True).display_name == "N.V.H."
    agreed = StoryPerson(
        full_name="Nguyễn Văn Hùng", age=40, consent_given=True, consent_date=timezone.localdate()
    )
    assert agreed.display_name == "Nguyễn Văn Hùng"


def test_showcase_communes_must_belong_to_its_province():
    showcase = a_showcase()
    showcase.communes = [Commune.objects.get(name="Phường Bến Thành")]
    assert "Phường Bến Thành" in errors_of(showcase)["communes"][0]
    showcase.communes = []
    assert errors_of(showcase)["communes"] == ["Hãy chọn ít nhất một xã, phường nơi mô hình hoạt động."]


def test_showcase_year_cannot_be_in_the_future():
    showcase = a_showcase()
    showcase.year_started = timezone.localdate().year + 1
    assert "year_started" in errors_of(showcase)


def test_key_figure_date_cannot_be_in_the_future():
    showcase = a_showcase()
    block = showcase.key_figures.stream_block.child_blocks["figure"]
    value = block.to_python(
        {
            "label": "Camera",
            "value": "10",
            "unit": "chiếc",
            "as_of": str(timezone.localdate() + datetime.timedelta(days=3)),
        }
    )
    with pytest.raises(StructBlockValidationError) as info:
        block.clean(value)
    assert info.value.block_errors["as_of"].messages == ["Ngày thống kê không thể ở tương lai."]


@pytest.mark.parametrize(
    ("age", "own", "guardian", "complete"),
    [
        (30, True, False, True),  # an adult decides alone
        (30, False, True, False),
        (14, True, False, False),  # 7 to under 18: themselves and a guardian
        (14, False, True, False),
        (14, True, True, True),
        (5, False, True, True),  # under 7: the guardian
        (5, False, False, False),
    ],
)
def test_one_consent_rule_decides_display_and_publishing(age, own, guardian, complete):
    day = datetime.date(2026, 11, 1)
    person = StoryPerson(
        full_name="Nguyễn Văn An",
        age=age,
        consent_given=own,
        consent_date=day if own else None,
        guardian_consent=guardian,
        guardian_consent_date=day if guardian else None,
    )
    assert person.consent_complete is complete
    assert person.name_visible is complete and person.photo_visible is complete
    assert (person.publish_problem() == "") is complete
    person.initials_only = True  # always publishable, never shown
    assert person.publish_problem() == "" and not person.name_visible and not person.photo_visible
