"""Sign-in lockout (django-axes, configured in settings; the address it counts is
home.client_address): the admin's page of locked accounts and addresses with an unlock button
for superusers."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods


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
