"""Form widgets of the ground floor that content models name in their panels.

Kept apart from home.choosers (the chooser's views), so a models module can import a widget
without loading admin views while the app registry is still being populated.
"""

import json

from django import forms
from django.urls import reverse
from wagtail.admin.staticfiles import versioned_static

from home.models import Commune

# The choose view of home.choosers.commune_chooser_viewset.
CHOOSER_URL_NAME = "commune_chooser:choose"


class CommuneMultipleChooser(forms.SelectMultiple):
    """Several communes (a showcase that runs in more than one ward), chosen through the same
    modal with its "multiple" mode: the chosen ones are listed with a remove button, "Thêm xã,
    phường" opens the modal. The value travels as hidden inputs of the field's name, so the
    form field is Django's own ModelMultipleChoiceField; only the chosen rows are rendered.
    """

    template_name = "home/widgets/commune_multiple_chooser.html"

    def __init__(self, attrs=None, linked_fields=None):
        super().__init__(attrs)
        self.linked_fields = linked_fields or {}

    def optgroups(self, name, value, attrs=None):
        # The select's options are never listed: the template prints the chosen ones only.
        return []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        codes = [int(v) for v in (value or []) if str(v).isdigit()]
        chosen = list(Commune.objects.select_related("province").filter(pk__in=codes)) if codes else []
        context["chosen"] = chosen
        context["chooser_url"] = reverse(CHOOSER_URL_NAME)
        context["options_json"] = json.dumps(
            {"modalUrl": context["chooser_url"], "linkedFields": self.linked_fields, "name": name}
        )
        return context

    def value_from_datadict(self, data, files, name):
        return [value for value in data.getlist(name) if value] if hasattr(data, "getlist") else []

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                "home/js/commune-multiple-chooser.js",
            ]
        )


class VietnameseOrderedSelect(forms.Select):
    """A select whose options read in Vietnamese alphabetical order (home.collation), for
    lists whose rows have no stored sort key (model types: "Camera an ninh" before "Cổng
    trường an toàn", Đ after D, not after Z). The empty option stays first."""

    def optgroups(self, name, value, attrs=None):
        from home.collation import sort_key

        groups = super().optgroups(name, value, attrs)
        empty = [group for group in groups if group[1][0]["value"] in ("", None)]
        rest = [group for group in groups if group not in empty]
        rest.sort(key=lambda group: sort_key(str(group[1][0]["label"])))
        return [(group_name, options, index) for index, (group_name, options, _) in enumerate(empty + rest)]
