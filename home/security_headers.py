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

VIDEO_FRAMES = "https://www.youtube.com https://www.youtube-nocookie.com https://www.facebook.com"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=(), interest-cohort=()"
)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policies() -> tuple[str, str]:
    """(public policy, admin policy), with the static and media origins when they are elsewhere."""
    static, media = _origin(settings.STATIC_URL), _origin(settings.MEDIA_URL)

    def join(*parts):
        return " ".join(p for p in parts if p)

    self_, inline = "'self'", "'unsafe-inline'"

    common = [
        "default-src 'self'",
        f"style-src {join(self_, static, inline)}",
        f"img-src {join(self_, 'data:', media, static)}",
        f"font-src {join(self_, static)}",
        f"media-src {join(self_, media)}",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    public = [
        *common,
        f"script-src {join(self_, static)}",
        f"frame-src 'self' {VIDEO_FRAMES}",  # 'self': the feed builder previews the widget
        "frame-ancestors 'none'",
    ]
    admin = [
        *[c.replace("img-src 'self' data:", "img-src 'self' data: blob:") for c in common],
        f"script-src {join(self_, static, inline)}",
        f"frame-src 'self' {VIDEO_FRAMES}",
        "frame-ancestors 'self'",
    ]
    if settings.SECURE_SSL_REDIRECT:
        public.append("upgrade-insecure-requests")
        admin.append("upgrade-insecure-requests")
    return "; ".join(public), "; ".join(admin)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public, self.admin = policies()

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
