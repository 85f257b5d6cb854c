"""Fixtures for the admin translation tests: compiled catalogs, plain static storage, a user."""

import gettext

import pytest
from django.core.management import call_command
from django.test.signals import language_changed


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs(django_db_blocker):
    """Compile site/locale/**/*.po (the .mo files are build output) and drop cached catalogs."""
    with django_db_blocker.unblock():
        call_command("compile_catalogs", verbosity=0)
    gettext._translations.clear()  # the standard library caches .mo files by path
    language_changed(setting="LOCALE_PATHS")  # and Django caches the merged catalogs


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """The manifest storage needs collectstatic; tests render templates without it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def admin_user_client(client, django_user_model):
    """A client signed in as a superuser, who can open every admin screen."""
    user = django_user_model.objects.create_superuser(
        username="lanhdao", email="lanhdao@example.vn", password="mat-khau-thu-nghiem"
    )
    client.force_login(user)
    client.user = user
    return client
