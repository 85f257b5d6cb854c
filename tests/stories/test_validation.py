"""A story refuses the mistakes an editor could make, with a Vietnamese message; one consent rule."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from stories.models import StoryPerson
from tests.helpers import a_story, errors_of

pytestmark = pytest.mark.django_db


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
