"""What keeps bots and floods out of the citizens' forms, without a CAPTCHA.

- a honeypot field people never see (`website`);
- a signed timestamp (`form_started`) proving the form was loaded from this site, at least
  PARTICIPATION_MIN_FILL_SECONDS before it was posted and not days ago;
- rate limits in the cache (Redis in the scale tier): per address, and per forum or commune;
- duplicates: the same words to the same place within PARTICIPATION_DUPLICATE_DAYS.
"""

import hashlib
import re
import time
import unicodedata

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "participation.form-started"
MAX_FORM_AGE = 24 * 3600
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def setting(name: str, default):
    return getattr(settings, f"PARTICIPATION_{name}", default)


def form_token() -> str:
    return signing.dumps(int(time.time()), salt=SALT)


def token_problem(token: str) -> str:
    """Why the timestamp refuses the post ("" when it is fine)."""
    try:
        started = signing.loads(token or "", salt=SALT, max_age=MAX_FORM_AGE)
    except signing.SignatureExpired:
        return "Biểu mẫu đã mở quá lâu. Xin tải lại trang và gửi lại."
    except signing.BadSignature:
        return "Biểu mẫu không hợp lệ. Xin tải lại trang và gửi lại."
    if not isinstance(started, int) or time.time() - started < setting("MIN_FILL_SECONDS", 5):
        return "Biểu mẫu được gửi quá nhanh. Xin đọc lại nội dung rồi bấm gửi."
    return ""


def client_address(request) -> str:
    """The one rule of the site (home.client_address), so the limits hold behind a proxy."""
    from home.client_address import client_address as address

    return address(request) or "unknown"


def over_limit(*scopes: str) -> bool:
    """Count one attempt in each scope ("ip:1.2.3.4", "forum:12"); True when any is over its limit.

    Limits are a number per window of seconds: PARTICIPATION_RATE_LIMITS = {"ip": (5, 600), …}."""
    limits = setting(
        "RATE_LIMITS", {"ip": (5, 600), "forum": (300, 3600), "commune": (300, 3600), "vote": (30, 600)}
    )
    over = False
    for scope in scopes:
        count, window = limits[scope.split(":", 1)[0]]
        key = "participation:rate:" + hashlib.sha256(scope.encode()).hexdigest()[:32]
        cache.add(key, 0, window)
        try:
            seen = cache.incr(key)
        except ValueError:  # expired between add and incr, or the cache dropped it
            cache.set(key, 1, window)
            seen = 1
        over = over or seen > count
    return over


def plain_text(value: str) -> str:
    """Text as typed, with invisible control and direction characters removed and the spaces
    tidied; HTML is kept as the characters typed and escaped wherever it is printed."""
    value = unicodedata.normalize("NFC", value or "")
    value = CONTROL.sub("", value).replace("\r\n", "\n")
    lines = [" ".join(line.split()) for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fingerprint(*parts) -> str:
    """The same words (whatever the case, marks aside from spacing) to the same place."""
    words = " ".join(str(p) for p in parts).casefold().split()
    return hashlib.sha256(" ".join(words).encode()).hexdigest()
