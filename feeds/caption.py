"""The ready-to-post caption for a ward fanpage: title (status words in front), an event's time
and place, a trimmed sapo, the link, hashtags."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings

from home import kinds

SAPO_LIMIT = 280
MAX_HASHTAGS = 6


def trim(text: str, limit: int = SAPO_LIMIT) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def hashtag(text: str) -> str:
    """ "phòng cháy chữa cháy" -> "#PhòngCháyChữaCháy"; Facebook and Zalo keep the diacritics."""
    text = unicodedata.normalize("NFC", text or "")
    words = re.findall(r"\w+", text)
    joined = "".join(word[:1].upper() + word[1:] for word in words if word)
    return f"#{joined}" if joined and not joined.isdigit() else ""


def page_hashtags(page) -> list[str]:
    kind = kinds.of_article(page)
    tags = []
    if kind is not None:
        tags.append(f"#{kind.hashtag}")
        tags.extend(hashtag(topic) for topic in page.topic_names)
        tags.extend(hashtag(commune.name) for commune in page.place_communes()[:2])
        province = getattr(page, "province", None)
        if province is not None:
            tags.append(hashtag(province.short_name))
    site_tag = hashtag(settings.WAGTAIL_SITE_NAME)
    tags.append(site_tag)
    unique = list(dict.fromkeys(tag for tag in tags if tag))
    return unique[:MAX_HASHTAGS] if len(unique) <= MAX_HASHTAGS else [*unique[: MAX_HASHTAGS - 1], site_tag]


def headline(page) -> str:
    """The title, with the words a changed piece of news needs in front ("[ĐÃ HỦY] …")."""
    notice = getattr(page, "notice_words", "")
    return f"[{notice}] {page.title.strip()}" if notice else page.title.strip()


def event_lines(page) -> list[str]:
    """For an event (a forum), when and where it takes place: the point of posting it; once it
    has been held, what came of it."""
    when, where = getattr(page, "when_where", ("", ""))
    if not when:
        return []
    place = ", ".join(part for part in (where, page.place_name) if part)
    lines = [f"🕗 Thời gian: {when}", f"📍 Địa điểm: {place}"]
    if outcome := getattr(page, "reuse_outcome", ""):
        lines.append(f"✅ Kết quả: {outcome}")
    return lines


def fanpage_caption(page, url: str) -> str:
    parts = [headline(page)]
    if lines := event_lines(page):
        parts.append("\n".join(lines))
    sapo = trim(getattr(page, "sapo", "") or getattr(page, "search_description", ""))
    if sapo:
        parts.append(sapo)
    parts.append(f"👉 Đọc tiếp: {url}")
    parts.append(" ".join(page_hashtags(page)))
    return "\n\n".join(parts)
