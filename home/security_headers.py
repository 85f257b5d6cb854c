"""Security headers of every response the site writes: a Content-Security-Policy, a
Permissions-Policy and, on HTML pages, Cross-Origin-Resource-Policy.

Public pages run no inline script: every script is a file from the static origin, so the
policy has no `'unsafe-inline'` for scripts (structured data `<script type="application/ld+json">`
is data, not code, and is not governed by script-src). Styles may be inline (the plain error
pages, the responsive video wrapper Wagtail writes). Video embeds come from YouTube or
Facebook frames. The admin's policy allows Wagtail's own inline scripts (panels, date
pickers) and framing by itself (previews), and nothing from another host.

A response that already sets its own policy keeps it: the widget (framed by any site),
Wagtail's documents (`default-src 'none'`), citizens' photos.
"""

from urllib.parse import urlsplit

from django.conf import settings

UNSAFE_INLINE = "'unsafe-inline'"
VIDEO_FRAMES = "https://www.youtube.com https://www.youtube-nocookie.com https://www.facebook.com"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=(), interest-cohort=()"
)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policy(admin: bool) -> str:
    """The public or the admin policy, with the static and media origins when they are elsewhere.
    The admin differs in three places: Wagtail's inline scripts, `blob:` images (upload previews)
    and being framed by itself (previews)."""
    static, media = _origin(settings.STATIC_URL), _origin(settings.MEDIA_URL)

    def sources(*parts):
        return " ".join(p for p in ("'self'", *parts) if p)

    directives = [
        "default-src 'self'",
        f"script-src {sources(static, UNSAFE_INLINE if admin else '')}",
        f"style-src {sources(static, UNSAFE_INLINE)}",
        f"img-src {sources('data:', 'blob:' if admin else '', media, static)}",
        f"font-src {sources(static)}",
        f"media-src {sources(media)}",
        "connect-src 'self'",
        f"frame-src {sources(VIDEO_FRAMES)}",  # 'self': the builder previews the widget, the admin its pages
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'" if admin else "frame-ancestors 'none'",
    ]
    if settings.SECURE_SSL_REDIRECT:
        directives.append("upgrade-insecure-requests")
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public, self.admin = policy(admin=False), policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if response.has_header("Content-Security-Policy"):
            return response  # its own policy: the widget (framed anywhere), documents, photos
        # A preview is rendered through a dummy request for the page's own path, and framed by
        # the admin's preview panel: it takes the admin's policy.
        admin = request.path.startswith("/admin/") or getattr(request, "is_preview", False)
        response["Content-Security-Policy"] = self.admin if admin else self.public
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
