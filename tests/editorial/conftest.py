"""Fixtures of the editorial tests: the demo accounts, the story sections, a signed-in superuser."""

import pytest

from stories.models import StoryIndexPage
from tests.editorial.helpers import as_user


@pytest.fixture
def editor():
    return as_user("bientap")


@pytest.fixture
def leader():
    return as_user("lanhdao")


@pytest.fixture
def ward_editor():
    return as_user("bientap-hoankiem")


@pytest.fixture
def stories_index():
    return StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")


@pytest.fixture
def ward_index():
    return StoryIndexPage.objects.get(slug="phuong-hoan-kiem")


@pytest.fixture
def admin_user_client(client, django_user_model):
    """A client signed in as a superuser, who can open every admin screen."""
    user = django_user_model.objects.create_superuser(
        username="kiemtra-giaodien", email="kiemtra@example.vn", password="mat-khau-thu-nghiem"
    )
    client.force_login(user)
    client.user = user
    return client
