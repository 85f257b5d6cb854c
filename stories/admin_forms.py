"""The story editor's form: a story that names a person it must not name is not sent on its way.

Saving a draft is always allowed (the save shows a warning, see `editorial.review`). Submitting
for approval, resubmitting, approving in the editor and publishing are refused with the words
found, at the field that holds them, so the editor fixes them before anyone reviews the story.
Everything else that stops publishing (consent not recorded yet) is shown as a warning and
flagged to the approver instead: collecting a signature can take a day, fixing a name cannot.
"""

from django.utils.text import capfirst
from wagtail.admin.forms import WagtailAdminPageForm

# The editor's buttons that send a version towards the public (the names of their inputs).
GOING_LIVE = ("action-submit", "action-restart-workflow", "action-publish")

REFUSED = (
    "Chưa gửi được: bài nêu tên người không được nêu tên. Hãy sửa những chỗ dưới đây "
    "(hoặc bấm “Lưu bản nháp” để sửa sau)."
)


class StoryPageForm(WagtailAdminPageForm):
    def going_live(self) -> bool:
        if any(self.data.get(name) for name in GOING_LIVE):
            return True
        return (
            bool(self.data.get("action-workflow-action"))
            and self.data.get("workflow-action-name") == "approve"
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_bound or not self.going_live():
            return cleaned_data
        formset = self.formsets.get("people")
        if formset is None or not formset.is_valid():
            return cleaned_data  # the people's own errors come first
        forms = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        people = [f.instance for f in forms]
        values = dict(cleaned_data)
        findings = self.instance.withheld_names(values=values, people=people)
        if not findings:
            return cleaned_data
        # A form-wide error as well, so the message on top lists every field and its words.
        self.add_error(None, REFUSED)
        for finding in findings:
            if finding.field == "role":
                forms[finding.index].add_error("role", capfirst(finding.detail))
                self.add_error(None, finding.message)
            elif finding.field in self.fields:
                self.add_error(finding.field, capfirst(finding.detail))
            else:
                self.add_error(None, finding.message)
        return cleaned_data
