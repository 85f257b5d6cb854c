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


PASSWORD = "Nhà trọ tự quản 2026!"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def editor_account(django_user_model):
    return django_user_model.objects.create_user("bientap-khoa", "khoa@example.vn", PASSWORD, is_staff=True)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor_account):
    for _ in range(4):
        assert sign_in(client, "bientap-khoa", "doan-mo-123").status_code == 200  # the form again
    fifth = sign_in(client, "bientap-khoa", "doan-mo-123")
    assert fifth.status_code == 429 and "tạm bị khóa trong 30 phút" in fifth.content.decode()
    response = sign_in(client, "bientap-khoa", PASSWORD, address="198.51.100.9")  # another address too
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_accounts_is_locked_out(client, editor_account):
    for number in range(5):
        sign_in(client, f"khong-co-{number}", "doan-mo-123")
    assert sign_in(client, "bientap-khoa", PASSWORD).status_code == 429


def test_a_right_password_before_the_limit_resets_the_count(client, editor_account):
    for _ in range(4):
        sign_in(client, "bientap-khoa", "doan-mo-123")
    assert sign_in(client, "bientap-khoa", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "bientap-khoa", "doan-mo-123")
    assert sign_in(client, "bientap-khoa", PASSWORD).status_code == 302


def test_a_superuser_unlocks_an_account_from_the_admin(client, admin_client, editor_account):
    for _ in range(5):
        sign_in(client, "bientap-khoa", "doan-mo-123")
    page = admin_client.get("/admin/mo-khoa-dang-nhap/")
    assert page.status_code == 200 and "bientap-khoa" in page.content.decode()
    attempt = page.context["attempts"].get(username="bientap-khoa")
    response = admin_client.post("/admin/mo-khoa-dang-nhap/", {"attempt": attempt.pk}, follow=True)
    assert "Đã mở khóa đăng nhập cho “bientap-khoa”" in response.content.decode()
    # The address is still locked on its own; from another one the account signs in again.
    assert sign_in(client, "bientap-khoa", PASSWORD, address="198.51.100.9").status_code == 302


def test_only_superusers_see_the_unlock_page(client, editor_account):
    from django.contrib.auth.models import Permission

    editor_account.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor_account)
    response = client.get("/admin/mo-khoa-dang-nhap/")
    assert response.status_code in (302, 403) and "Mở khóa" not in response.content.decode()
    assert "Mở khóa đăng nhập" not in client.get("/admin/").content.decode()  # nor its menu item
