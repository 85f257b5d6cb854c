"""The admin's shell in the site's own name and language: the local editors' guide in the Help
menu's place, the product name instead of "Wagtail", natural Vietnamese labels, and only the
page types and fields an editor's work needs.

Hooks are registered in editorial/wagtail_hooks.py, which imports this module.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem

GUIDE_URL_NAME = "editorial_guide"
GUIDE_TITLE = "Hướng dẫn biên tập"
SUBMIT_LABEL = "Gửi duyệt"
RESUBMIT_LABEL = "Gửi duyệt lại"
# Wagtail's dashboard panel that links to its English release notes.
FOREIGN_PANELS = {"whats_new_in_wagtail_version"}


def product_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def guide(request):
    """A short guide in Vietnamese: writing a story, consent, approval, Word import, withdrawal.

    It replaces Wagtail's Help menu, which linked to the English guide.wagtail.org (another
    host, in another language) and carried a "2" badge that never went away for new editors.
    """
    return TemplateResponse(
        request,
        "editorial/guide.html",
        {
            "title": GUIDE_TITLE,
            "product_name": product_name(),
            "word_import_url": reverse("stories_import_word"),
        },
    )


@hooks.register("register_admin_urls")
def urls():
    return [path("huong-dan/", guide, name=GUIDE_URL_NAME)]


@hooks.register("construct_main_menu")
def local_help_menu(request, menu_items):
    """Wagtail's Help submenu (English guide, "What's new", its badge) becomes one item that
    opens the local guide."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]
    menu_items.append(
        MenuItem(GUIDE_TITLE, reverse(GUIDE_URL_NAME), name="help", icon_name="help", order=11000)
    )


@hooks.register("construct_homepage_panels")
def no_foreign_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in FOREIGN_PANELS]


class SubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>" read "Gửi vào Duyệt bài trước khi đăng"; editors
    say "Gửi duyệt" (and "Gửi duyệt lại" after the approver asked for changes)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = RESUBMIT_LABEL if needs_changes else SUBMIT_LABEL
        return context


@hooks.register("construct_page_action_menu")
def natural_submit_label(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitMenuItem(order=item.order)


# --- Page types an editor is offered ----------------------------------------------------------


def may_create_sections(user, parent) -> bool:
    """A section ("Chuyên mục", a unit's part of a section) shapes the site's structure: only
    those who may publish under the parent (leaders, administrators) create one. Editors who
    write stories are not offered it."""
    return parent.permissions_for_user(user).can_publish_subpage()


def _is_section(app_label: str, model_name: str) -> bool:
    from django.apps import apps

    from home.models import SectionIndexPage

    model = apps.get_model(app_label, model_name)
    return issubclass(model, SectionIndexPage)


def offer_page_types(request, response):
    """Wagtail's "choose a page type" screen lists every creatable type, whoever asks (it has
    no hook for this): leave out sections for those who may not create them. Called by
    EditorialAdminMiddleware.process_template_response."""
    match = getattr(request, "resolver_match", None)
    context = getattr(response, "context_data", None)
    if not (
        match and match.namespace == "wagtailadmin_pages" and match.url_name == "add_subpage" and context
    ):
        return response
    parent = context.get("parent_page")
    if parent is None or may_create_sections(request.user, parent):
        return response
    context["page_types"] = [
        page_type for page_type in context["page_types"] if not _is_section(page_type[1], page_type[2])
    ]
    return response


@hooks.register("before_create_page")
def refuse_sections_to_writers(request, parent_page, page_class):
    from django.http import HttpResponseForbidden

    from home.models import SectionIndexPage

    if issubclass(page_class, SectionIndexPage) and not may_create_sections(request.user, parent_page):
        return HttpResponseForbidden(
            "Chỉ lãnh đạo hoặc quản trị viên tạo chuyên mục mới. Bạn có thể viết bài trong chuyên mục này."
        )
    return None
