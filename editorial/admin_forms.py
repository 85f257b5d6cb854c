"""Admin forms that Wagtail lets a project replace, adjusted for a Vietnamese admin."""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, whose password field has no label of its own.

    Without one Django derives "Password" from the field name, which no catalog translates.
    Used through WAGTAILADMIN_USER_LOGIN_FORM in config/settings.py.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
