"""Two-factor sign-in for the admin, on django-otp.

After the password, the admin asks for a 6-digit code from an authenticator app (TOTP: Google
Authenticator, Microsoft Authenticator, FreeOTP…) or one of ten single-use recovery codes.
Superusers and approvers ("Lãnh đạo duyệt") must add an app before the admin opens
(`TWO_FACTOR_REQUIRED`); any other editor may add one from "Tài khoản" and is then asked too.

- `TwoFactorMiddleware` sends a signed-in but unverified user, on any admin URL, to "Nhập mã"
  when they have a device, else to "Thiết lập" when it is due for them; the sign-in, sign-out
  and these screens themselves stay open.
- Setting up shows a QR code and the key written out, asks for one code from the app (proving
  it was added), then shows the recovery codes once.
- Wrong codes are throttled by django-otp (each doubles the wait) and logged; the verified
  device is kept in the session, so the idle limit and sign-out end it as they end the session.
"""

from __future__ import annotations

import logging
import re
import secrets

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

APPROVERS = "Lãnh đạo duyệt"
RECOVERY_CODES = 10
APP_NAME = "Ứng dụng xác thực"
RECOVERY_NAME = "Mã dự phòng"
# Admin paths an unverified user may still open: signing in and out, these screens, and the
# admin's own assets (the icon sprite is fetched and put into every admin page, these included).
OPEN_PATHS = ("login/", "logout/", "password_reset/", "jsi18n/", "sprite/", "xac-thuc-hai-lop/")


def is_required_for(user) -> bool:
    """Superusers and approvers must use a second factor (when the site requires it at all)."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=APPROVERS).exists()


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/admin/"

    def __call__(self, request):
        # The path first: reading the user reads the session, and a public page that did so
        # would vary on cookies and leave the shared caches.
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.prefix)
            and not request.path.removeprefix(self.prefix).startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            if user_has_device(user):
                return redirect(f"{reverse('editorial_two_factor_verify')}?next={request.get_full_path()}")
            if is_required_for(user):
                return redirect(f"{reverse('editorial_two_factor_setup')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Mã xác thực",
        max_length=20,
        help_text="6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Hãy nhập mã xác thực."},
    )

    def clean_code(self) -> str:
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return image.to_string(encoding="unicode")


def _grouped(base32_key: str) -> str:
    return " ".join(base32_key[i : i + 4] for i in range(0, len(base32_key), 4))


def _new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [secrets.token_hex(4) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _render(request, mode: str, **context):
    titles = {
        "setup": "Thiết lập xác thực hai lớp",
        "verify": "Xác thực hai lớp",
        "codes": "Mã dự phòng của bạn",
    }
    return TemplateResponse(
        request,
        "editorial/two_factor.html",
        {"mode": mode, "title": titles[mode], "next": _next_url(request), **context},
    )


@require_http_methods(["GET", "POST"])
def setup(request):
    """Add an authenticator app: scan, type one code, keep the recovery codes."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Replacing an app needs the old one (or a recovery code) first.
        return redirect(f"{reverse('editorial_two_factor_verify')}?next={request.path}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            logger.info("Two-factor app added for user %s", user.pk)
            return _render(request, "codes", codes=_new_recovery_codes(user))
        form.add_error(
            "code", "Mã không đúng. Hãy nhập mã đang hiện trong ứng dụng (mã đổi sau mỗi 30 giây)."
        )
    return _render(
        request,
        "setup",
        form=form,
        qr=mark_safe(_qr_svg(device.config_url)),
        key=_grouped(_base32(device)),
        required=is_required_for(user),
    )


def _base32(device: TOTPDevice) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode().rstrip("=")


@require_http_methods(["GET", "POST"])
def verify(request):
    """The code after the password."""
    user = request.user
    if not user_has_device(user):
        return redirect(f"{reverse('editorial_two_factor_setup')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        # Six digits come from the app; anything else can only be a recovery code.
        kind = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
        for device in kind.objects.devices_for_user(user):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                form.add_error("code", "Bạn đã nhập sai nhiều lần. Hãy đợi một lát rồi thử lại.")
                break
            if device.verify_token(code):
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    left = device.token_set.count()
                    messages.warning(request, f"Bạn vừa dùng một mã dự phòng; còn {left} mã.")
                return redirect(_next_url(request))
        else:
            logger.warning("Wrong two-factor code for user %s", user.pk)
            form.add_error("code", "Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng.")
    return _render(request, "verify", form=form)


@require_http_methods(["POST"])
def new_recovery_codes(request):
    """From "Tài khoản": ten new codes (the old ones stop working); needs a verified session."""
    if not request.user.is_verified():
        return redirect(reverse("editorial_two_factor_verify"))
    return _render(request, "codes", codes=_new_recovery_codes(request.user))


def urls():
    return [
        path("xac-thuc-hai-lop/", verify, name="editorial_two_factor_verify"),
        path("xac-thuc-hai-lop/thiet-lap/", setup, name="editorial_two_factor_setup"),
        path("xac-thuc-hai-lop/ma-du-phong/", new_recovery_codes, name="editorial_two_factor_codes"),
    ]


def account_menu_item(request):
    """ "Xác thực hai lớp" in "Tài khoản", for every editor."""
    has_app = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return {
        "url": reverse("editorial_two_factor_setup"),
        "label": "Xác thực hai lớp",
        "help_text": (
            "Đang bật: đăng nhập cần mã từ ứng dụng xác thực. Bấm để đổi sang điện thoại khác."
            if has_app
            else "Thêm ứng dụng xác thực trên điện thoại để đăng nhập an toàn hơn."
        ),
    }
