"""Finding a featured person's name where readers would see it, when the person must not be named.

A person shown by initials only (or who withdrew consent, or agreed to a photo without their
name) must not be named in the title, sapo, captions or body either: those texts reach the page,
the feeds, link previews, the widget, oEmbed, the fanpage caption and search. This module finds
the full name and the short forms a Vietnamese text uses ("anh Tâm", "chị Khánh An": a form of
address followed by the given name), so publishing can be refused with the words found, and a
withdrawal can replace them.

How a word matches a word of the name:

- letter case does not matter ("LÊ VĂN TÂM", "lê văn tâm");
- tone marks may sit on either vowel ("Hoà" is "Hòa", "Thuỷ" is "Thủy");
- a word typed without any marks matches ("Le Van Tam"), but a word with *other* marks does not:
  "Tám", "Tầm" and "Tâm" are three different names;
- words are whole words separated by spaces ("Tâm" is not found in "Tâmh" or "Thanh Tâm").

A short form also needs its given name to start with a capital letter, as a name does in
Vietnamese writing: otherwise "em ăn", "ông sau đó" or "anh tâm sự" would name "An", "Sáu"
and "Tâm". Only the form of address may be in either case ("Anh Tâm" opens a sentence).
"""

import html
import json
import re
import unicodedata
from dataclasses import dataclass

# Tone marks (combining characters); the other marks (ă â ê ô ơ ư) belong to the letter.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Forms of address that precede a given name in a story ("anh Tâm", "bà Mai", "cháu Bảo").
ADDRESS_WORDS = ("anh", "chị", "ông", "bà", "em", "cháu", "cô", "chú", "bác", "cụ")
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
# Keys of StreamField JSON whose values are not text a reader sees.
_NOT_TEXT_KEYS = frozenset({"type", "id", "image", "page", "document"})


def _key(word: str) -> str:
    """Case- and tone-placement-insensitive spelling of one word."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(sorted(c for c in decomposed if c in _TONES))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + tones


def _bare(word: str) -> str:
    """The word without any marks, lower case ("Đức" -> "duc")."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Word:
    key: str
    bare: str

    @classmethod
    def of(cls, word: str) -> "_Word":
        return cls(_key(word), _bare(word))

    def matches(self, token: str) -> bool:
        if _key(token) == self.key:
            return True
        plain = _bare(token)
        return plain == token.lower() and plain == self.bare  # typed without marks


_ADDRESS = tuple(_Word.of(word) for word in ADDRESS_WORDS)


def initials(words: list[str]) -> str:
    return ".".join(word[0].upper() for word in words if word) + "."


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    found: str  # the words as written in the text
    replacement: str  # initials in their place: "L.V.T.", "anh T."


class NameFinder:
    """The full name and short forms of one person, found in plain text."""

    def __init__(self, full_name: str):
        self.words = unicodedata.normalize("NFC", full_name or "").split()
        self.patterns = [_Word.of(w) for w in self.words]
        self.initials = initials(self.words)
        # Given names as they follow a form of address: the last word, and the last two of a
        # name of three words or more ("em Khánh An" for "Đinh Khánh An").
        self.given = [self.patterns[-1:]] if self.words else []
        if len(self.words) >= 3:
            self.given.append(self.patterns[-2:])

    def _run(self, text: str, tokens: list, i: int, patterns: list) -> int | None:
        """Index after the tokens from `i` that spell `patterns`, separated by spaces only."""
        if i + len(patterns) > len(tokens):
            return None
        for offset, pattern in enumerate(patterns):
            token = tokens[i + offset]
            if not pattern.matches(token.group()):
                return None
            if offset and text[tokens[i + offset - 1].end() : token.start()].strip():
                return None
        return i + len(patterns)

    def find(self, text: str) -> list[Match]:
        text = unicodedata.normalize("NFC", text or "")
        if not self.words or not text:
            return []
        tokens = list(_WORD.finditer(text))
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            end = self._run(text, tokens, i, self.patterns) if len(self.words) >= 2 else None
            if end is not None:
                found.append(self._match(text, tokens, i, end, self.initials))
                i = end
                continue
            if any(address.matches(tokens[i].group()) for address in _ADDRESS):
                for given in sorted(self.given, key=len, reverse=True):
                    start = i + 1
                    if start >= len(tokens) or not tokens[start].group()[0].isupper():
                        continue
                    if text[tokens[i].end() : tokens[start].start()].strip():
                        continue
                    end = self._run(text, tokens, start, given)
                    if end is not None:
                        names = [t.group() for t in tokens[start:end]]
                        replacement = f"{tokens[i].group()} {initials(names)}"
                        found.append(self._match(text, tokens, i, end, replacement))
                        i = end - 1
                        break
            i += 1
        return found

    @staticmethod
    def _match(text, tokens, first, end, replacement) -> Match:
        start, stop = tokens[first].start(), tokens[end - 1].end()
        return Match(start, stop, " ".join(text[start:stop].split()), replacement)

    def replace(self, text: str) -> str:
        """`text` with every full name and short form replaced by initials."""
        if not isinstance(text, str) or not text:
            return text
        normalised = unicodedata.normalize("NFC", text)
        matches = self.find(normalised)
        if not matches:
            return text
        for match in reversed(matches):
            normalised = normalised[: match.start] + match.replacement + normalised[match.end :]
        return normalised

    def in_slug(self, slug: str) -> str:
        """The full name as it shows in an ASCII slug ("le-van-tam"), or ""."""
        if len(self.words) < 2 or not slug:
            return ""
        written = "-".join(_bare(word) for word in self.words)
        return written if re.search(rf"(?:^|-){re.escape(written)}(?:-|$)", slug) else ""


def plain_text(value) -> str:
    """The text a reader sees in a field value: rich text without tags, StreamField JSON
    (a list of blocks, or a StreamValue) reduced to its strings, one per line."""
    if value is None:
        return ""
    if hasattr(value, "raw_data"):  # a StreamValue
        value = json.loads(json.dumps(list(value.raw_data), default=str))
    if isinstance(value, str):
        return html.unescape(_TAG.sub(" ", value))
    if isinstance(value, dict):
        return "\n".join(plain_text(v) for k, v in value.items() if k not in _NOT_TEXT_KEYS)
    if isinstance(value, list | tuple):
        return "\n".join(plain_text(v) for v in value)
    return ""


@dataclass(frozen=True)
class Finding:
    """One person named in one field: the words found and what to write instead."""

    field: str  # a field of the page ("sapo"), or "role" of the person at `index`
    label: str  # how the editor knows the field: "Sapo", "Vai trò của nhân vật N.V.H."
    person: object
    matches: tuple[Match, ...]
    index: int | None = None

    @property
    def detail(self) -> str:
        """What is wrong and what to write instead, without the field's name."""
        found = ", ".join(dict.fromkeys(f"“{m.found}”" for m in self.matches))
        instead = ", ".join(dict.fromkeys(f"“{m.replacement}”" for m in self.matches))
        text = f"chứa {found}, {self.person.name_withheld_reason}: thay bằng {instead}"
        if self.person.initials_only and not self.person.consent_withdrawn_at:
            text += " hoặc bỏ chọn “Chỉ hiện tên viết tắt” nếu nhân vật đã đồng ý công khai họ tên"
        return text + "."

    @property
    def message(self) -> str:
        return f"{self.label} {self.detail}"


def find_withheld_names(fields: list[tuple[str, str, object]], people: list) -> list[Finding]:
    """Where the page names a person it must not name.

    `fields` are (name, label, value) of the page's public texts ("slug" is read as a slug);
    `people` the featured people, whose own roles are read too.
    """
    withheld = [p for p in people if p.name_withheld_reason]
    found = []
    for person in withheld:
        finder = NameFinder(person.full_name)
        for name, label, value in fields:
            if name == "slug":
                written = finder.in_slug(value or "")
                if written:
                    match = Match(0, 0, written, ascii_initials(finder.words))
                    found.append(Finding(name, label, person, (match,)))
                continue
            matches = tuple(finder.find(plain_text(value)))
            if matches:
                found.append(Finding(name, label, person, matches))
        for index, other in enumerate(people):
            matches = tuple(finder.find(other.role or ""))
            if matches:
                label = f"Vai trò của nhân vật {other.display_name}"
                found.append(Finding("role", label, person, matches, index))
    return found


def ascii_initials(words: list[str]) -> str:
    return "".join(_bare(word)[:1] for word in words)
