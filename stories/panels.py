"""Edit panels of the people box: a read-only moment in Vietnamese, an age that fills its group."""

import json

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.panels import FieldPanel

# Static files of the people box in the editor (added by the `insert_editor_js` hook).
PEOPLE_JS = "stories/admin/people.js"


class MomentPanel(FieldPanel):
    """A read-only date and time shown as "14:05, 01/12/2026" in Vietnam time, "—" when empty.

    Wagtail's read-only FieldPanel prints the raw value, which is the word "None" when empty.
    """

    def __init__(self, field_name, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if not value:
            return "—"
        return date_format(timezone.localtime(value), "H:i, d/m/Y")


def age_group_rules() -> str:
    """The rule of `AgeGroup.for_age` as data for the browser: [[upper bound, group], …]."""
    from stories.models.people import AgeGroup  # the panels are built inside that module

    bounds = [age for age in range(1, 121) if AgeGroup.for_age(age) != AgeGroup.for_age(age - 1)]
    rules = [[upper, AgeGroup.for_age(upper - 1)] for upper in bounds]
    rules.append([None, AgeGroup.for_age(120)])
    return json.dumps(rules)


class AgePanel(FieldPanel):
    """The age, whose input tells the browser how to fill "Nhóm tuổi" as the age is typed."""

    def __init__(self, field_name="age", *args, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.NumberInput(attrs={"min": 0, "max": 120, "data-age-group-rules": age_group_rules()}),
        )
        super().__init__(field_name, *args, **kwargs)
