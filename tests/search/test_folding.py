"""The folding function and the highlighter: pure functions, no database."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from search.folding import fold, fold_for_index, fold_with_map, query_terms, tokens
from search.highlight import highlight, restore_marks, spans


def test_fold_removes_every_mark_and_the_bar_of_d():
    assert fold("Người tốt, việc tốt") == "nguoi tot, viec tot"
    assert fold("Đống Đa") == "dong da"
    assert fold("đ Đ") == "d d"
    # Letters carrying two marks (a vowel mark and a tone), which SQLite's tokenizer keeps.
    assert fold("ờ ệ ặ ữ ỗ ẫ ậ ự ở Ẵ") == "o e a u o a a u o a"
    assert fold("TÂN ĐỊNH") == "tan dinh"


def test_fold_treats_decomposed_and_precomposed_text_alike():
    text = "Phường Hải Châu, Đà Nẵng"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "phuong hai chau, da nang"


def test_fold_maps_the_eth_look_alike_to_d():
    # U+00D0 looks exactly like Đ (U+0110) and shows up in text converted by old tools.
    assert fold("\u00d0ống \u00d0a") == "dong da"


def test_tokens_drop_punctuation_the_same_way_for_every_engine():
    assert tokens("Hơn 2.650 hộ; camera-an-ninh, 24/7!") == [
        "hon",
        "2",
        "650",
        "ho",
        "camera",
        "an",
        "ninh",
        "24",
        "7",
    ]
    assert fold_for_index("  Đống   Đa\n(Hà Nội)  ") == "dong da ha noi"
    assert tokens("snake_case") == ["snake", "case"]
    assert tokens("x" * 500) == ["x" * 64]


def test_query_terms_are_distinct_in_order_and_limited():
    assert query_terms("tốt TỐT tot việc", 10) == ["tot", "viec"]
    assert query_terms(" ".join(f"w{i}" for i in range(100)), 12) == [f"w{i}" for i in range(12)]
    assert query_terms("\"' \x00 \u2028 !!!", 10) == []


def test_highlight_marks_accented_words_for_an_unaccented_query():
    html = highlight("Chợ Đống Đa và phố Hàng Bài", ["dong", "da"])
    assert html == "Chợ <mark>Đống</mark> <mark>Đa</mark> và phố Hàng Bài"
    assert highlight("Chợ Đống Đa", ["đống", "đa"]) == "Chợ <mark>Đống</mark> <mark>Đa</mark>"


def test_highlight_marks_whole_words_only_and_escapes_html():
    assert highlight("Bàn an ninh", ["an"]) == "Bàn <mark>an</mark> ninh"
    html = highlight("<script>alert('an')</script> an", ["an"])
    assert "<script>" not in html
    assert html.endswith("<mark>an</mark>")
    assert "&lt;script&gt;" in html


def test_highlight_keeps_decomposed_marks_inside_the_mark():
    text = unicodedata.normalize("NFD", "Đống Đa")
    html = highlight(text, ["dong"])
    assert html.startswith("<mark>") and html.index("</mark>") == len("<mark>") + len(text.split()[0])


def test_highlight_cuts_long_text_around_the_first_match():
    text = ("lời dẫn " * 60) + "chợ Đống Đa " + ("kết thúc " * 60)
    html = highlight(text, ["dong", "da"], limit=120)
    assert "<mark>Đống</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) < 200


def test_restore_marks_finds_the_words_as_written():
    assert restore_marks("camera an ninh", "Mô hình Camera an ninh xã Sóc Sơn") == "Camera an ninh"
    assert restore_marks("dong da", "Phường Đống Đa, Hà Nội") == "Đống Đa"
    assert restore_marks("khong co", "Đống Đa") is None


@given(st.text())
def test_fold_is_idempotent_and_leaves_no_marks(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(char) for char in unicodedata.normalize("NFD", folded))
    assert "đ" not in folded and "Đ" not in folded


@given(st.text())
def test_fold_ignores_normal_form(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(st.text(), st.lists(st.text(min_size=1), max_size=5))
def test_highlight_never_breaks_and_only_adds_marks(text, terms):
    found = spans(text, terms)
    assert all(0 <= start < end <= len(text) for start, end in found)
    html = str(highlight(text, terms))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")


@given(st.text())
def test_fold_with_map_points_inside_the_text(text):
    folded, positions = fold_with_map(text)
    assert len(folded) == len(positions)
    assert all(0 <= position < len(text) for position in positions)


def test_the_fast_path_folds_exactly_as_the_rule():
    # `fold` takes a translate table built from the rule for marked Latin letters; whatever the
    # table covers, composed or decomposed, must fold as the rule's per-character loop does.
    import unicodedata

    from search.folding import _fold_by_rule

    letters = [chr(code) for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)) for code in range(start, end)]
    letters += list("aăâeêioôơuưyđĐ ,.0-") + [chr(code) for code in range(0x0300, 0x0370)]
    for letter in letters:
        assert fold(letter) == _fold_by_rule(letter), hex(ord(letter))
    text = "Người tốt, việc tốt ở Đống Đa; Ƣ, İ, Ð: ĂN NINH TỔ QUỐC"
    for form in ("NFC", "NFD"):
        assert fold(unicodedata.normalize(form, text)) == _fold_by_rule(unicodedata.normalize(form, text))
