"""Sign-in lockout (django-axes, configured in settings): the client's address, and the admin's
page of locked accounts and addresses with an unlock button for superusers."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods


def client_ip(request) -> str | None:
    """The address a failed sign-in is counted against: the peer, or behind the one proxy of
    BEHIND_PROXY the address that proxy appended last to X-Forwarded-For (the ones before it
    are whatever the client chose to send)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR")


def _locked():
    from axes.models import AccessAttempt

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


@require_http_methods(["GET", "POST"])
def locked_sign_ins(request):
    """Superusers: the accounts and addresses locked out now; "Mở khóa" clears one."""
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        attempt = _locked().filter(pk=request.POST.get("attempt")).first()
        if attempt is not None:
            who = attempt.username or attempt.ip_address
            attempt.delete()
            messages.success(request, f"Đã mở khóa đăng nhập cho “{who}”.")
        return redirect("editorial_locked_sign_ins")
    return TemplateResponse(
        request,
        "editorial/locked_sign_ins.html",
        {"title": "Mở khóa đăng nhập", "attempts": _locked(), "limit": settings.AXES_FAILURE_LIMIT},
    )
