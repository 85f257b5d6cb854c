"""The address a request comes from, for rate limits and sign-in lockout: one rule.

The peer's address; behind the one trusted proxy of BEHIND_PROXY=1, the address that proxy
appended last to X-Forwarded-For (the entries before it are whatever the client chose to send).
"""

from django.conf import settings


def client_address(request) -> str | None:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded:
        return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
