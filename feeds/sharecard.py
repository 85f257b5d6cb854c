"""Share cards: a 1200x630 JPEG per page for Facebook and Zalo link previews (`og:image`).

Title, unit, place and date and the site's mark, drawn over the page's image (darkened where
the text sits) or a plain background, with Noto Sans (bundled in feeds/fonts, SIL OFL 1.1),
which has every precomposed Vietnamese letter. Text is normalised to NFC first, so a title
typed with combining marks is drawn with the same glyphs.

A card is drawn when its page is published (a task, feeds/tasks.py), or else on its first
request, and stored in the default storage under a name made of the page id and a digest of
everything drawn on it; the URL carries the same digest, so a new title or image gives a new
URL and the platforms fetch a fresh preview.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageDraw, ImageFont, ImageOps

from home import kinds

WIDTH, HEIGHT = 1200, 630
CARD_VERSION = "1"  # bump when the drawing changes, so every card gets a new URL
FONT_DIR = Path(__file__).parent / "fonts"
BOLD, REGULAR = FONT_DIR / "NotoSans-Bold.ttf", FONT_DIR / "NotoSans-Regular.ttf"
MARGIN = 64
TITLE_SIZES = (64, 58, 52, 48, 44)
TITLE_MAX_LINES = 4
BACKGROUND = (13, 44, 84)
MARK_RED = (183, 28, 28)
WHITE, PALE, YELLOW = (255, 255, 255), (226, 232, 240), (255, 213, 79)
STORAGE_DIR = "share-cards"


@lru_cache(maxsize=32)
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


@dataclass(frozen=True)
class CardSpec:
    """What a card shows; the digest of it names the card."""

    title: str
    kicker: str = ""
    unit: str = ""
    place_date: str = ""
    image: object = None  # a Wagtail image, or None for the plain background

    def digest(self) -> str:
        image = self.image
        image_key = (
            f"{image.pk}:{image.file.name}:{image.focal_point_x}:{image.focal_point_y}:"
            f"{image.focal_point_width}:{image.focal_point_height}"
            if image
            else "-"
        )
        raw = "|".join([CARD_VERSION, self.title, self.kicker, self.unit, self.place_date, image_key])
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


def card_spec(page) -> CardSpec:
    """The card of any page: content pages show their facts; others just their title."""
    kind = kinds.of_article(page)
    if kind is None:
        return CardSpec(title=nfc(page.title))
    kicker = kind.kicker_of(page) or kind.label
    if page.notice_words:
        kicker = f"{page.notice_words} · {kicker}"
    event_when, event_where = page.when_where
    if event_when:  # an event: its time, then its venue and place (the point of sharing it)
        return CardSpec(
            title=nfc(page.title),
            kicker=nfc(kicker),
            unit=nfc(event_when),
            place_date=nfc(", ".join(part for part in (event_where, page.place_name) if part)),
            image=page.visible_hero_image,
        )
    when = page.card_date or page.first_published_at
    date_text = when.strftime("%d/%m/%Y") if when else ""
    return CardSpec(
        title=nfc(page.title),
        kicker=nfc(kicker),
        unit=nfc(page.unit),
        place_date=nfc(" · ".join(part for part in (page.place_name, date_text) if part)),
        image=page.visible_hero_image,
    )


def card_digest(page) -> str:
    return card_spec(page).digest()


def card_url(page) -> str:
    return reverse("feeds:share_card", args=[page.pk, card_digest(page)])


# --- Drawing ------------------------------------------------------------------------------


@dataclass
class TextLine:
    text: str
    box: tuple[int, int, int, int]
    size: int
    fill: tuple[int, int, int]


@dataclass
class Card:
    image: Image.Image
    background: Image.Image  # the same card before any text, to measure contrast against
    lines: list[TextLine] = field(default_factory=list)


def _fit_line(draw, text: str, face, width: int) -> str:
    """The text, cut with an ellipsis if it is wider than `width`."""
    if draw.textlength(text, font=face) <= width:
        return text
    while text and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(draw, text: str, face, width: int, max_lines: int) -> tuple[list[str], bool]:
    """Words into lines no wider than `width`; returns the lines and whether all of it fit."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=face) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word if draw.textlength(word, font=face) <= width else _fit_line(draw, word, face, width)
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, True
    kept = lines[:max_lines]
    kept[-1] = _fit_line(draw, kept[-1] + " …", face, width)
    return kept, False


def _background(spec: CardSpec) -> Image.Image:
    base = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    if spec.image is not None:
        try:
            with spec.image.open_file() as handle:
                photo = Image.open(handle)
                photo = ImageOps.exif_transpose(photo).convert("RGB")
            centre = (0.5, 0.5)
            if spec.image.focal_point_x is not None and spec.image.width and spec.image.height:
                centre = (
                    spec.image.focal_point_x / spec.image.width,
                    spec.image.focal_point_y / spec.image.height,
                )
            base = ImageOps.fit(photo, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=centre)
        except (OSError, ValueError):
            pass  # a missing or broken file: the plain background still makes a good card
    # Darken everything a little and the lower part, where the text sits, a lot.
    shade = Image.new("L", (WIDTH, HEIGHT))
    shade_draw = ImageDraw.Draw(shade)
    for y in range(HEIGHT):
        t = y / HEIGHT
        shade_draw.line([(0, y), (WIDTH, y)], fill=int(255 * (0.35 + 0.5 * min(1.0, t * 1.6))))
    black = Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0))
    return Image.composite(black, base, shade) if spec.image is not None else base


def render_card(spec: CardSpec) -> Card:
    background = _background(spec)
    image = background.copy()
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    card = Card(image=image, background=background)

    def put(text, x, y, face, fill, size):
        draw.text((x, y), text, font=face, fill=fill)
        left, top, right, bottom = draw.textbbox((x, y), text, font=face)
        card.lines.append(TextLine(text, (left, top, right, bottom), size, fill))

    # The site's mark, top left.
    mark_face = font(BOLD, 30)
    mark = "BÌNH YÊN"
    mark_width = int(draw.textlength(mark, font=mark_face))
    draw.rounded_rectangle([MARGIN, 48, MARGIN + mark_width + 40, 48 + 56], radius=10, fill=MARK_RED)
    put(mark, MARGIN + 20, 54, mark_face, WHITE, 30)

    # The title: the largest size at which it fits in four lines.
    for size in TITLE_SIZES:
        title_face = font(BOLD, size)
        title_lines, fits = wrap(draw, spec.title, title_face, width, TITLE_MAX_LINES)
        if fits:
            break
    line_height = int(size * 1.22)
    meta_face, kicker_face = font(REGULAR, 28), font(BOLD, 28)
    meta_lines = [_fit_line(draw, text, meta_face, width) for text in (spec.unit, spec.place_date) if text]

    # Lay the text block out from the bottom up.
    y = HEIGHT - 52 - len(meta_lines) * 40
    meta_top = y
    for text in meta_lines:
        put(text, MARGIN, y, meta_face, PALE, 28)
        y += 40
    y = meta_top - 16 - len(title_lines) * line_height
    for text in title_lines:
        put(text, MARGIN, y, title_face, WHITE, size)
        y += line_height
    if spec.kicker:
        top = meta_top - 16 - len(title_lines) * line_height - 48
        put(_fit_line(draw, spec.kicker.upper(), kicker_face, width), MARGIN, top, kicker_face, YELLOW, 28)
    return card


def card_bytes(spec: CardSpec) -> bytes:
    buffer = io.BytesIO()
    render_card(spec).image.save(buffer, "JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue()


def storage_name(page, digest: str) -> str:
    return f"{STORAGE_DIR}/{page.pk}-{digest}.jpg"


def drop_cards(page) -> list[str]:
    """Delete every stored card of `page` (any digest); the paths of those deleted."""
    try:
        _, files = default_storage.listdir(STORAGE_DIR)
    except (FileNotFoundError, NotADirectoryError):
        return []
    dropped = []
    for file_name in files:
        if file_name.startswith(f"{page.pk}-"):
            default_storage.delete(f"{STORAGE_DIR}/{file_name}")
            dropped.append(file_name)
    return dropped


def _store(name: str, data: bytes) -> None:
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another request or task stored the same card meanwhile; keep one copy
        default_storage.delete(saved)


def stored_card(page) -> bytes:
    """The page's card from storage, drawn and stored the first time it is asked for (when the
    publication's task, `feeds.tasks.draw_share_card`, has not drawn it yet)."""
    spec = card_spec(page)
    name = storage_name(page, spec.digest())
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    data = card_bytes(spec)
    _store(name, data)
    return data


def ensure_card(page) -> bool:
    """Draw and store the page's current card unless it is stored already; whether it drew."""
    spec = card_spec(page)
    name = storage_name(page, spec.digest())
    if default_storage.exists(name):
        return False
    _store(name, card_bytes(spec))
    return True
