"""Fixtures for the admin translation tests (catalogs are compiled in tests/conftest.py)."""

import pytest


@pytest.fixture
def admin_user_client(client, django_user_model):
    """A client signed in as a superuser, who can open every admin screen."""
    user = django_user_model.objects.create_superuser(
        username="kiemtra-giaodien", email="kiemtra@example.vn", password="mat-khau-thu-nghiem"
    )
    client.force_login(user)
    client.user = user
    return client
