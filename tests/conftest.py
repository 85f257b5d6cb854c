"""Shared fixtures: a real database (SQLite, or PostgreSQL through DATABASE_URL) with the demo site."""

import gettext

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client, override_settings
from django.test.signals import language_changed

from home import content_version as content_version_module
from home.content_version import forget_recent_version

# The browser tests' fixtures; their helpers stay in tests/browser.py.
from tests.browser import browser, browser_viewport, site_server  # noqa: F401


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Mark a test whose own code failed, so the browser fixture can keep a screenshot."""
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


@pytest.fixture(scope="session", autouse=True)
def _isolated_files(tmp_path_factory):
    """Media in a throwaway folder, and static files without the collectstatic manifest."""
    with override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogs(django_db_blocker):
    """Compile site/locale/**/*.po (the .mo files are build output) and drop cached catalogs."""
    with django_db_blocker.unblock():
        call_command("compile_catalogs", verbosity=0)
    gettext._translations.clear()  # the standard library caches .mo files by path
    language_changed(setting="LOCALE_PATHS")  # and Django caches the merged catalogs


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Migrations (which load the localities), then the demo content, once per run."""
    with django_db_blocker.unblock():
        call_command("sync_site_url", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("load_demo")


@pytest.fixture(autouse=True)
def _still_clock(monkeypatch):
    """Within a test, the page cache's clock stands still: the content version it read stays
    current until something saved forgets it (home.signals) or the test moves time on, so a
    test does not depend on how fast the machine runs it."""
    monkeypatch.setattr(content_version_module, "_clock", lambda: 1_000_000.0)


@pytest.fixture(autouse=True)
def _clean_cache():
    """Caches are keyed by the content version (`home.content_version`), built from row ids.

    Each test rolls back, and SQLite then hands out the same ids again, so a version could
    repeat with other content: every test starts with an empty cache.
    """
    for alias in settings.CACHES:  # the page cache and fragments, and image renditions
        caches[alias].clear()
    forget_recent_version()  # the page cache's memory of the version, for the same reason
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


# `Client.force_login` stands for "already signed in", which in the admin means with both
# factors: the session it makes is verified, as after typing the authenticator app's code
# (editorial/two_factor.py). The two-factor tests sign in with the password alone through
# `password_only_login`, or through the real pages in a browser.
password_only_login = Client.force_login


def _force_login_with_second_factor(self, user, backend=None):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password_only_login(self, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực (kiểm thử)")
    session = self.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


Client.force_login = _force_login_with_second_factor


@pytest.fixture
def front_cache_purges(settings, monkeypatch):
    """A CDN in front of the site (Wagtail's HTTP purge backend); the URLs it was asked to purge."""
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.internal",
        }
    }
    purged = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda self, url: purged.append(url)
    )
    return purged
