"""The synonym list in the admin: "Từ đồng nghĩa" under Settings, kept by the approvers."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(ModelViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = "Từ đồng nghĩa"
    add_to_settings_menu = True
    name = "tu-dong-nghia"
    form_fields = ["phrases", "note"]
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["phrases", "note"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_synonyms():
    return SynonymGroupViewSet()
