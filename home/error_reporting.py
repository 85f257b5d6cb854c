"""Error reporting to Sentry (sentry-sdk), off unless SENTRY_DSN is set.

What leaves the site is the error: its type, message, stack with local variables removed, the
request's method and path. Not sent: the user, IP address, cookies, headers, form data, query
strings (a search, a tracking code) and local variables (which may hold any of those).
"""


def scrub(event, hint=None):
    request = event.get("request") or {}
    event["request"] = {key: request[key] for key in ("method", "url") if key in request}
    if "url" in event["request"]:
        event["request"]["url"] = event["request"]["url"].split("?", 1)[0]
    event.pop("user", None)
    for exception in (event.get("exception") or {}).get("values", []):
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    event.pop("breadcrumbs", None)
    return event


def start_error_reporting(dsn: str, environment: str = "production") -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    # The SDK's default sends no personal data (send_default_pii, now deprecated, stays unset);
    # `scrub` removes what the Django integration still attaches.
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        include_local_variables=False,
        max_breadcrumbs=0,
        traces_sample_rate=0,
        before_send=scrub,
    )
