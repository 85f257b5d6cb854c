"""The admin of security models: the criteria sets ("Bộ tiêu chí") as snippets, the dossier
screens and the dashboard reminder (views in models_showcase/dossier_admin.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from models_showcase import dossier_admin
from models_showcase.models import CriteriaSet


class CriteriaSetViewSet(SnippetViewSet):
    model = CriteriaSet
    icon = "list-ul"
    menu_label = "Bộ tiêu chí"
    list_display = ["name", "version", "effective_from"]
    ordering = ["-effective_from", "-version"]


register_snippet(CriteriaSetViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [
        path("ho-so-mo-hinh/", dossier_admin.dossier_list, name="models_showcase_dossiers"),
        path("ho-so-mo-hinh/<int:page_id>/", dossier_admin.dossier_detail, name="models_showcase_dossier"),
        path(
            "ho-so-mo-hinh/<int:page_id>/in/",
            dossier_admin.dossier_print,
            name="models_showcase_dossier_print",
        ),
    ]


@hooks.register("register_admin_menu_item")
def dossier_menu_item():
    return MenuItem(
        dossier_admin.TITLE, reverse("models_showcase_dossiers"), icon_name="folder-open-inverse", order=250
    )


@hooks.register("construct_homepage_panels")
def dossier_reminders(request, panels):
    panels.append(dossier_admin.DossierRemindersPanel())


@hooks.register("register_log_actions")
def register_dossier_log_actions(actions):
    actions.register_action(
        "models_showcase.dossier_document", "Thêm tài liệu hồ sơ", "Đã thêm tài liệu vào hồ sơ mô hình"
    )
    actions.register_action(
        "models_showcase.dossier_public", "Đổi phần công khai", "Đã đổi phần hồ sơ công khai trên trang"
    )
    actions.register_action("models_showcase.evaluation", "Ghi đánh giá", "Đã ghi một lần đánh giá mô hình")
