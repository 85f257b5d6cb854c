"""Which communes a moderator answers for: the same unit scope as page editing (editorial).

A unit is a section page for the unit ("Phường Hoàn Kiếm" under /nguoi-tot-viec-tot/) and a
group with add/edit permissions on that page only; the section's communes are
`SectionIndexPage.unit()["communes"]`. A group whose page permissions sit on the home page or a
whole section covers every commune, as it does for pages. Moderating also needs the model
permission "participation.change_submission".
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Page

from home.models import SectionIndexPage

MODERATE = "participation.change_submission"
SEE_CONTACTS = "participation.view_contact_details"
PAGE_CODENAMES = ("add_page", "change_page")


def moderated_communes(user) -> list[int] | None:
    """The commune codes a user moderates; None for every commune, [] for none."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    if not user.has_perm(MODERATE):
        return []
    cache_name = "_participation_communes"
    if hasattr(user, cache_name):
        return getattr(user, cache_name)
    pages = Page.objects.filter(
        group_permissions__group__user=user, group_permissions__permission__codename__in=PAGE_CODENAMES
    ).distinct()
    communes: set[int] | None = set()
    for page in pages.specific():
        unit = page.unit() if isinstance(page, SectionIndexPage) else {"communes": None}
        if unit["communes"] is None:
            communes = None
            break
        communes |= {commune.pk for commune in unit["communes"]}
    result = None if communes is None else sorted(communes)
    setattr(user, cache_name, result)
    return result


def in_scope(user, submission) -> bool:
    communes = moderated_communes(user)
    return communes is None or submission.commune_id in communes


def scoped(user, queryset):
    communes = moderated_communes(user)
    return queryset if communes is None else queryset.filter(commune__in=communes)


def moderators_of(commune) -> list:
    """Active users who moderate this commune as a unit (not the whole site): they get the mail."""
    perm = Q(groups__permissions__codename="change_submission") | Q(
        user_permissions__codename="change_submission"
    )
    users = get_user_model().objects.filter(perm, is_active=True, is_superuser=False).distinct()
    return [user for user in users if (communes := moderated_communes(user)) and commune.pk in communes]
