"""Share cards: 1200x630, legible Vietnamese, generated once, a new URL when the content changes."""

import dataclasses
import io
import unicodedata

import pytest
from django.core.files.storage import default_storage
from PIL import Image, ImageStat
from wagtail.models import Page, PageViewRestriction

from feeds import sharecard

pytestmark = pytest.mark.django_db

LONG_TITLE = (
    "Người dân phường Hoàn Kiếm đồng lòng truy đuổi, khống chế đối tượng cướp giật điện thoại của "
    "nữ du khách trên phố Hàng Bài giữa đêm mưa, được Chủ tịch Ủy ban nhân dân thành phố tặng bằng khen"
)
EVERY_VIETNAMESE_LETTER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def relative_luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def has_glyph(face, char: str) -> bool:
    """Whether the font draws the character itself rather than its 'missing glyph' box."""
    missing = face.getmask("\ue000")
    mask = face.getmask(char)
    return (mask.size, bytes(mask)) != (missing.size, bytes(missing))


@pytest.fixture
def long_spec(story):
    return dataclasses.replace(sharecard.card_spec(story), title=sharecard.nfc(LONG_TITLE))


def test_the_bundled_fonts_draw_every_vietnamese_letter():
    for path in (sharecard.BOLD, sharecard.REGULAR):
        face = sharecard.font(path, 40)
        for char in EVERY_VIETNAMESE_LETTER + EVERY_VIETNAMESE_LETTER.upper() + "–·…":
            assert has_glyph(face, char), (path.name, char)
    assert (sharecard.FONT_DIR / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_a_title_typed_with_combining_marks_is_drawn_with_the_same_glyphs():
    decomposed = unicodedata.normalize("NFD", "Người tốt, việc tốt ở Đống Đa")
    assert len(decomposed) > len("Người tốt, việc tốt ở Đống Đa")
    assert sharecard.nfc(decomposed) == "Người tốt, việc tốt ở Đống Đa"
    assert (
        sharecard.CardSpec(title=sharecard.nfc(decomposed)).digest()
        == sharecard.CardSpec(title="Người tốt, việc tốt ở Đống Đa").digest()
    )


def test_a_long_vietnamese_title_makes_a_legible_1200x630_card(long_spec):
    card = sharecard.render_card(long_spec)
    assert card.image.size == (1200, 630)
    title_lines = [line for line in card.lines if line.size >= 44]
    assert 2 <= len(title_lines) <= sharecard.TITLE_MAX_LINES
    assert title_lines[-1].text.endswith("…")  # cut, never overflowing
    drawn = " ".join(line.text for line in title_lines).rstrip("…").rstrip()
    assert LONG_TITLE.startswith(drawn) and len(drawn) > 120
    bold = sharecard.font(sharecard.BOLD, title_lines[0].size)
    assert all(has_glyph(bold, char) for char in drawn if not char.isspace())
    texts = {line.text for line in card.lines}
    assert {"BÌNH YÊN", "BẮT GIỮ KẺ TRỘM, CƯỚP", "Minh Châu – Công an phường Hoàn Kiếm"} <= texts
    assert "Phường Hoàn Kiếm, Hà Nội · 08/03/2026" in texts
    for line in card.lines:
        left, top, right, bottom = line.box
        assert left >= 40 and right <= 1200 - 40 and top > 0 and bottom <= 630 - 30, line.text
        assert line.size >= 28
        # Text against the brightest tenth of what lies behind it: WCAG AA (4.5:1) at least.
        pixels = sorted(card.background.crop(line.box).get_flattened_data(), key=relative_luminance)
        bright = pixels[int(len(pixels) * 0.9)]
        assert contrast(line.fill, bright) >= 4.5, (line.text, contrast(line.fill, bright))
    # The text really is on the image: the card differs from its background where each line is.
    for line in card.lines:
        diff = (
            ImageStat.Stat(card.image.crop(line.box).convert("L")).mean[0]
            - ImageStat.Stat(card.background.crop(line.box).convert("L")).mean[0]
        )
        assert abs(diff) > 10, line.text


def test_a_page_without_an_image_gets_a_plain_background():
    card = sharecard.render_card(sharecard.CardSpec(title="Diễn đàn “Công an lắng nghe ý kiến nhân dân”"))
    assert card.image.size == (1200, 630)
    assert card.background.getpixel((600, 600)) == sharecard.BACKGROUND


def test_share_card_url_is_generated_once_and_changes_with_title_or_image(client, story, monkeypatch):
    url = sharecard.card_url(story)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"] and not response.cookies
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    name = sharecard.storage_name(story, sharecard.card_digest(story))
    assert default_storage.exists(name)

    def never(*args):
        raise AssertionError("the card was drawn again")

    monkeypatch.setattr(sharecard, "card_bytes", never)
    assert client.get(url).content == response.content
    monkeypatch.undo()

    story.title = "Tài xế xe ôm dũng cảm ở phố Hàng Bài"
    story.save_revision().publish()
    new_url = sharecard.card_url(story)
    assert new_url != url
    assert client.get(url).status_code == 302 and client.get(url)["Location"] == new_url
    other_image = type(story.hero_image).objects.exclude(pk=story.hero_image_id).first()
    story.hero_image = other_image
    story.save_revision().publish()
    assert sharecard.card_url(story) not in (url, new_url)


def test_no_share_card_for_private_or_unknown_pages(client, story):
    url = sharecard.card_url(story)
    PageViewRestriction.objects.create(page=Page.objects.get(pk=story.pk), restriction_type="login")
    assert client.get(url).status_code == 404
    assert client.get("/anh-chia-se/999999/0123456789abcdef.jpg").status_code == 404
