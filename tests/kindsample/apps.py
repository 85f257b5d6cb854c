from django.apps import AppConfig


class KindSampleConfig(AppConfig):
    """A throwaway content kind, installed for the test suite only (tests/settings.py).

    It shows what adding a kind takes: a page model and its section in one app, one
    declaration (`kinds.py`) and two templates. Its app does not register the kind when it is
    ready; the test that proves the registry (tests/home/test_kinds.py) registers it itself,
    so the rest of the suite sees the site's three kinds.
    """

    name = "tests.kindsample"
    label = "kindsample"
    verbose_name = "Loại nội dung thử"
    default_auto_field = "django.db.models.AutoField"
