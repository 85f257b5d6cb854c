"""Admin side of the reuse surface: the fanpage caption, one click from the page editor."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from feeds import admin_views, page_extras
from home import kinds


class FanpageCaptionMenuItem(ActionMenuItem):
    label = "Chú thích fanpage"
    name = "action-fanpage-caption"
    icon_name = "clipboard-list"
    order = 900

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or page is None:
            return False
        return kinds.of_article(page) is not None

    def get_url(self, parent_context):
        return reverse("feeds_admin:caption", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_fanpage_caption_menu_item():
    return FanpageCaptionMenuItem()


@hooks.register("register_admin_urls")
def register_fanpage_caption_url():
    return [
        path(
            "chu-thich-fanpage/",
            (
                [path("<int:page_id>/", admin_views.caption_view, name="caption")],
                "feeds_admin",
                "feeds_admin",
            ),
        )
    ]


# --- What the reuse surface adds to the public pages (the shell's page hooks) -------------


@hooks.register("site_page_head")
def feed_discovery_links(context):
    return page_extras.head_links(context)


@hooks.register("site_share_card_url")
def article_share_card(request, page):
    return page_extras.share_card_url(request, page)


@hooks.register("site_article_end")
def fanpage_caption_box(context, page):
    return page_extras.caption_box(context, page)
