"""The admin opens in Vietnamese, in Vietnam time, whatever a user's stored profile says."""

from django.conf import settings

from editorial.signals import normalise_profile


class VietnameseAdminMiddleware:
    """Wagtail picks the admin language and time zone from the user's profile inside each admin
    view. A profile can hold another language (set before this site restricted the choice, or by
    a data import); this corrects it before the view runs, in memory and in the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.admin_prefix)
            and user is not None
            and user.is_authenticated
            and settings.WAGTAILADMIN_PERMITTED_LANGUAGES
        ):
            profile = getattr(user, "wagtail_userprofile", None)
            if profile is not None and normalise_profile(profile):
                type(profile).objects.filter(pk=profile.pk).update(
                    preferred_language=profile.preferred_language,
                    current_time_zone=profile.current_time_zone,
                )
        return self.get_response(request)
