"""Two-factor sign-in (editorial/two_factor.py): superusers and approvers cannot reach the
admin on a password alone; a code from the authenticator app or a recovery code (once) opens it."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import password_only_login

pytestmark = pytest.mark.django_db

SETUP = "/admin/xac-thuc-hai-lop/thiet-lap/"
VERIFY = "/admin/xac-thuc-hai-lop/"


def _code(device) -> str:
    return f"{totp(device.bin_key):06d}"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("quantri2", "qt2@example.vn", "x")


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/users/", "/admin/mo-khoa-dang-nhap/"])
def test_a_superuser_on_a_password_alone_is_sent_to_add_an_app(client, superuser, path):
    password_only_login(client, superuser)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith(f"{SETUP}?next=")


def test_an_approver_must_add_an_app_and_an_editor_may(client, django_user_model):
    approver = django_user_model.objects.create_user("lanhdao2", password="x", is_staff=True)
    approver.groups.add(Group.objects.get(name="Lãnh đạo duyệt"))
    password_only_login(client, approver)
    assert client.get("/admin/")["Location"].startswith(SETUP)

    editor = django_user_model.objects.create_user("bientap2", password="x")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    password_only_login(client, editor)
    assert client.get("/admin/").status_code == 200
    page = client.get(SETUP).content.decode()
    assert "Quét mã QR" in page and "<svg" in page


def test_adding_the_app_takes_one_of_its_codes_then_shows_recovery_codes_once(client, superuser):
    password_only_login(client, superuser)
    assert "Thiết lập xác thực hai lớp" in client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    wrong = client.post(
        SETUP, {"code": "000000" if _code(device) != "000000" else "111111", "next": "/admin/"}
    )
    assert "Mã không đúng" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()  # a person retyping takes longer than the wait a wrong code costs
    done = client.post(SETUP, {"code": _code(device), "next": "/admin/"})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_the_code_and_a_recovery_code_works_once(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    recovery = StaticDevice.objects.create(user=superuser, name="Mã dự phòng", confirmed=True)
    StaticToken.objects.create(device=recovery, token="a1b2c3d4")

    password_only_login(client, superuser)
    assert client.get("/admin/pages/")["Location"] == f"{VERIFY}?next=/admin/pages/"
    wrong = "000000" if _code(device) != "000000" else "111111"
    refused = client.post(VERIFY, {"code": wrong, "next": "/admin/pages/"})
    assert "Mã không đúng hoặc đã hết hạn" in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    opened = client.post(VERIFY, {"code": "A1B2 C3D4", "next": "/admin/pages/"})
    assert opened.status_code == 302 and opened["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200

    password_only_login(client, superuser)  # another sign-in: the recovery code is spent
    again = client.post(VERIFY, {"code": "a1b2c3d4", "next": "/admin/"})
    assert again.status_code == 200 and "Mã không đúng" in again.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    assert client.post(VERIFY, {"code": _code(device), "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_next_address_elsewhere_is_not_followed(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    password_only_login(client, superuser)
    response = client.post(VERIFY, {"code": _code(device), "next": "https://ke-gian.example/"})
    assert response["Location"] == "/admin/"


def test_signing_in_with_the_password_then_the_code_through_the_login_page(client, superuser):
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    response = client.post(
        "/admin/login/", {"username": "quantri2", "password": "x", "next": "/admin/"}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert client.post(VERIFY, {"code": _code(device), "next": "/admin/"})["Location"] == "/admin/"
