"""Keep every admin profile in Vietnamese and in Vietnam time."""

from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile


def normalise_profile(profile: UserProfile) -> bool:
    """Drop a language or time zone the site does not offer; True if something changed."""
    changed = False
    languages = {code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    if profile.preferred_language and profile.preferred_language not in languages:
        profile.preferred_language = ""
        changed = True
    zones = getattr(settings, "WAGTAIL_USER_TIME_ZONES", None)
    if zones is not None and profile.current_time_zone and profile.current_time_zone not in zones:
        profile.current_time_zone = ""
        changed = True
    return changed


@receiver(pre_save, sender=UserProfile)
def _vietnamese_profile(sender, instance, **kwargs):
    normalise_profile(instance)
