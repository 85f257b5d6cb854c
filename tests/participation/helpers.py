"""Helpers of the participation tests: forms posted as a person's browser would (the page's own
tokens, aged past the minimum fill time), the demo forum, unit moderators."""

import re
import time

from django.contrib.auth.models import Group, Permission
from django.core import signing
from wagtail.models import GroupPagePermission, Page

from forums.models import ForumAnnouncementPage, ForumIndexPage
from home.models import Commune
from participation import guards

CU_CHI = "Đối thoại về an ninh trật tự ở vùng ven"  # an upcoming demo forum in xã Củ Chi
QUESTION = "Xin hỏi công an xã kế hoạch tuần tra ban đêm ở ấp 3 khi có trộm gia súc như thế nào?"
PASSWORD = "mat-khau-thu-nghiem-dai"


def upcoming_forum() -> ForumAnnouncementPage:
    return ForumAnnouncementPage.objects.get(title__startswith=CU_CHI)


def aged_token(seconds: int = 60) -> str:
    """The form's signed timestamp as if the page had been opened `seconds` ago."""
    return signing.dumps(int(time.time()) - seconds, salt=guards.SALT)


def csrf_of(response) -> str:
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content)
    return found.group(1).decode() if found else ""  # a closed form has none


def post_form(client, url, fields: dict, age: int = 60, **extra):
    """GET the form (as a browser does, for its CSRF cookie), then POST what a person typed."""
    page = client.get(url)
    data = {"csrfmiddlewaretoken": csrf_of(page), "form_started": aged_token(age), "website": "", **fields}
    return client.post(url, data, **extra)


def question(**fields) -> dict:
    return {"text": QUESTION, "topic": "an-ninh-trat-tu", **fields}


def unit_moderator(django_user_model, username: str, commune_code: int, see_contacts: bool = True):
    """A unit as editorial makes one: a forum section for the commune, a group with page
    permissions on it only, the moderation permission; and a member."""
    commune = Commune.objects.get(code=commune_code)
    forums = ForumIndexPage.objects.order_by("depth", "path").first()
    section = ForumIndexPage.objects.filter(slug=commune.slug).first()
    if section is None:
        section = ForumIndexPage(title=commune.name, slug=commune.slug)
        forums.add_child(instance=section)
    group = Group.objects.create(name=f"Tiếp nhận {commune.name} ({username})")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(Permission.objects.get(codename="change_submission"))
    if see_contacts:
        group.permissions.add(Permission.objects.get(codename="view_contact_details"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=Page.objects.get(pk=section.pk),
            permission=Permission.objects.get(codename=codename),
        )
    user = django_user_model.objects.create_user(username, f"{username}@example.vn", PASSWORD)
    user.groups.add(group)
    return user
