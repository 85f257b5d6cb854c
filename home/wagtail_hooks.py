"""Hooks of the ground floor: the commune chooser (see home.choosers), expired pages gone at once,
the log entry of a repaired slug."""

from django.http import Http404
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from home.choosers import commune_chooser_viewset


@hooks.register("register_admin_viewset")
def register_commune_chooser():
    return commune_chooser_viewset


@hooks.register("before_serve_page")
def gone_when_expired(page, request, serve_args, serve_kwargs):
    """A page past its expiry time answers 404 at once, whatever its routes (a forum's calendar
    file too), not only after the next `publish_scheduled` run."""
    if getattr(page, "has_expired", False):
        raise Http404


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action("binhyen.slug_repaired")
    class SlugRepaired(LogFormatter):
        label = "Sửa đường dẫn bị lỗi"

        def format_message(self, log_entry):
            data = log_entry.data
            return f"Đường dẫn “{data.get('old', '')}” được sửa thành “{data.get('new', '')}”; địa chỉ cũ vẫn chuyển tới trang."
