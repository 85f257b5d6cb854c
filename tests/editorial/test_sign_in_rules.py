"""Sign-in rules for a site that is a target: no guessable passwords, sessions that end when
idle, no second admin mounted."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def new_user(admin_client, password):
    return admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bientap-moi",
            "email": "moi@example.vn",
            "first_name": "Biên",
            "last_name": "Tập",
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )


@pytest.mark.parametrize("weak", ["1", "12345678901", "matkhau", "bientap-moi1"])
def test_a_guessable_password_is_refused(admin_client, weak):
    response = new_user(admin_client, weak)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="bientap-moi").exists()


def test_a_strong_password_is_accepted(admin_client):
    response = new_user(admin_client, "Nhà trọ tự quản 2026!")
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="bientap-moi").exists()


def test_an_admin_session_ends_after_two_idle_hours(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 7200


def test_an_active_session_is_renewed_every_few_minutes_not_on_every_request(admin_client):
    admin_client.get("/admin/")
    assert "sessionid" not in admin_client.get("/admin/").cookies  # renewed a moment ago
    session = admin_client.session
    session["_renewed_at"] -= 301
    session.save()
    assert admin_client.get("/admin/").cookies["sessionid"]["max-age"] == 7200


def test_a_reader_gets_no_session(client):
    assert "sessionid" not in client.get("/").cookies


def test_django_admin_is_not_mounted(client):
    assert client.get("/django-admin/").status_code == 404
