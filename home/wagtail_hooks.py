"""Admin hooks of the ground floor: the commune chooser (see home.choosers)."""

from wagtail import hooks

from home.choosers import commune_chooser_viewset


@hooks.register("register_admin_viewset")
def register_commune_chooser():
    return commune_chooser_viewset
