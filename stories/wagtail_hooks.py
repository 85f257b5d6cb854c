"""Admin hooks of the stories section: Word import, consent withdrawal, consent audit trail."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import Button, ListingButton
from wagtail.log_actions import log

from stories import views
from stories.forms import WordImportForm
from stories.models import StoryIndexPage, StoryPage
from stories.panels import PEOPLE_JS

CONSENT_FIELDS = {
    "age_group": "nhóm tuổi",
    "consent_given": "đồng ý của nhân vật",
    "consent_date": "ngày đồng ý",
    "consent_scope": "phạm vi đồng ý",
    "guardian_consent": "đồng ý của người giám hộ",
    "guardian_consent_date": "ngày người giám hộ đồng ý",
    "initials_only": "chỉ hiện tên viết tắt",
    "photo_id": "ảnh nhân vật",
}


@hooks.register("register_admin_urls")
def urls():
    return [
        path("nhap-tu-word/", views.import_from_word, name="stories_import_word"),
        path("cau-chuyen/<int:page_id>/rut-lai-dong-y/", views.withdraw, name="stories_withdraw_consent"),
    ]


class WordImportMenuItem(MenuItem):
    def is_shown(self, request):
        return WordImportForm.parents_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def word_import_menu_item():
    return WordImportMenuItem(
        "Nhập bài từ Word", reverse("stories_import_word"), icon_name="doc-full", order=250
    )


def _withdraw_url(page):
    return reverse("stories_withdraw_consent", args=[page.pk])


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class is StoryPage and page.permissions_for_user(user).can_edit():
        yield Button("Rút lại đồng ý của nhân vật", _withdraw_url(page), icon_name="user", priority=60)
    if specific_class is StoryIndexPage and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            "Nhập bài từ Word",
            f"{reverse('stories_import_word')}?chuyen_muc={page.pk}",
            icon_name="doc-full",
            priority=55,
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    if page.specific_class is StoryPage and page.permissions_for_user(user).can_edit():
        yield ListingButton("Rút lại đồng ý của nhân vật", _withdraw_url(page), icon_name="user", priority=60)


def _consent_state(obj) -> dict:
    return {
        (person.pk or person.full_name): {field: getattr(person, field) for field in CONSENT_FIELDS}
        | {"initials": person.initials}
        for person in obj.people.all()
    }


def _log_consent_changes(request, page):
    """Write an audit-log entry when a save changes anyone's consent, with who did it."""
    if not isinstance(page.specific, StoryPage):
        return
    revisions = list(page.revisions.order_by("-created_at", "-id")[:2])
    if not revisions:
        return
    new = _consent_state(revisions[0].as_object())
    old = _consent_state(revisions[1].as_object()) if len(revisions) > 1 else {}
    changes = []
    for key, state in new.items():
        before = old.get(key)
        if before is None:
            if len(revisions) > 1 or any(state[f] for f in ("consent_given", "guardian_consent")):
                changes.append({"person": state["initials"], "changes": ["thêm nhân vật"]})
            continue
        changed = [label for field, label in CONSENT_FIELDS.items() if before[field] != state[field]]
        if changed:
            changes.append({"person": state["initials"], "changes": changed})
    for key, state in old.items():
        if key not in new:
            changes.append({"person": state["initials"], "changes": ["xóa nhân vật"]})
    if changes:
        log(
            instance=page.specific,
            action="binhyen.consent_changed",
            user=request.user,
            data={"people": changes},
            revision=revisions[0],
        )


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def after_save(request, page):
    """Every save in the editor, "publish" included: Wagtail runs these hooks after
    `after_publish_page` too, so consent changes are recorded once per save."""
    if isinstance(page.specific, StoryPage):
        _log_consent_changes(request, page)


@hooks.register("insert_editor_js")
def people_box_js():
    """As an age is typed, the person's age group follows (stories/panels.py)."""
    return format_html('<script src="{}"></script>', versioned_static(PEOPLE_JS))
