"""Gettext catalogs without gettext: read and write .po files, compile .mo files.

The admin's Vietnamese translations live in ``site/locale/vi/LC_MESSAGES/{django,djangojs}.po``
(found through LOCALE_PATHS, so they win over Wagtail's own). This module is shared by the
``refresh_admin_catalogs`` and ``compile_catalogs`` management commands and by the tests in
``tests/i18n``. It is deliberately small and has no dependency beyond the standard library, so
set-up needs neither GNU gettext nor an extra package.
"""

from __future__ import annotations

import ast
import re
import struct
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DOMAINS = ("django", "djangojs")

# Wagtail apps whose strings the project's admin shows. Only those also in INSTALLED_APPS count.
WAGTAIL_APPS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.users",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.search",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
)

# Django's own catalogs that the admin shows (form validation, "5 phút trước", password
# rules). Django's Vietnamese catalog covers most of them; we add only what it lacks.
DJANGO_APPS = (
    "django",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
)

# The extracted comment that marks an entry as merged from Wagtail. Entries without it (the
# project's own strings, if it ever has any) are never touched by the refresh command.
ORIGIN_PREFIX = "origin: "

VI_HEADER = {
    "Project-Id-Version": "Binh Yen admin (Wagtail)",
    "Report-Msgid-Bugs-To": "",
    "Language-Team": "Vietnamese",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # "# " translator comments
    extracted: list[str] = field(default_factory=list)  # "#. " extracted comments
    references: list[str] = field(default_factory=list)  # "#: " source references
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        """A usable translation: not fuzzy, not obsolete, every form non-empty."""
        if self.fuzzy or self.obsolete or not self.msgid:
            return False
        forms = self.translations
        return bool(forms) and all(form.strip() for form in forms)

    @property
    def origins(self) -> list[str]:
        return [c[len(ORIGIN_PREFIX) :] for c in self.extracted if c.startswith(ORIGIN_PREFIX)]


@dataclass
class Catalog:
    header: dict[str, str]
    entries: list[Entry]
    header_comments: list[str] = field(default_factory=list)

    def by_key(self) -> dict[tuple[str | None, str], Entry]:
        return {e.key: e for e in self.entries if not e.obsolete}


# --- Reading ------------------------------------------------------------------------------


def _unquote(token: str, where: str) -> str:
    token = token.strip()
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string, got {token!r}")
    # PO escapes are a subset of Python's; literal_eval keeps non-ASCII text as it is.
    return ast.literal_eval(token)


def parse_header(text: str) -> dict[str, str]:
    header = {}
    for line in text.split("\n"):
        if ":" in line:
            name, value = line.split(":", 1)
            header[name.strip()] = value.strip()
    return header


def read_po(path: str | Path) -> Catalog:
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    entries: list[Entry] = []
    header: dict[str, str] = {}
    header_comments: list[str] = []

    current: dict = {}
    last_field: tuple | None = None

    def flush():
        nonlocal current, last_field, header, header_comments
        if "msgid" in current:
            entry = Entry(
                msgid=current["msgid"],
                msgctxt=current.get("msgctxt"),
                msgid_plural=current.get("msgid_plural"),
                msgstr=current.get("msgstr", ""),
                msgstr_plural=current.get("msgstr_plural", {}),
                flags=current.get("flags", []),
                comments=current.get("comments", []),
                extracted=current.get("extracted", []),
                references=current.get("references", []),
                obsolete=current.get("obsolete", False),
            )
            if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
                header = parse_header(entry.msgstr)
                header_comments = entry.comments
            else:
                entries.append(entry)
        current = {}
        last_field = None

    for number, raw in enumerate(lines, 1):
        where = f"{path}:{number}"
        line = raw.strip()
        if not line:
            flush()
            continue
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].strip()
            if not line:
                continue
        if line.startswith("#"):
            if "msgstr" in current or "msgstr_plural" in current:
                flush()
            if line.startswith("#,"):
                current.setdefault("flags", []).extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                current.setdefault("extracted", []).append(line[2:].strip())
            elif line.startswith("#:"):
                current.setdefault("references", []).extend(line[2:].split())
            elif line.startswith("#|"):
                pass  # previous msgid: not kept
            else:
                current.setdefault("comments", []).append(line[1:].strip())
            continue
        if obsolete:
            current["obsolete"] = True
        match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")$", line)
        if match:
            keyword, index, value = match.groups()
            if keyword in ("msgctxt", "msgid") and ("msgstr" in current or "msgstr_plural" in current):
                flush()
                if obsolete:
                    current["obsolete"] = True
            text = _unquote(value, where)
            if index is not None:
                current.setdefault("msgstr_plural", {})[int(index)] = text
                last_field = ("msgstr_plural", int(index))
            else:
                current[keyword] = text
                last_field = (keyword,)
            continue
        if line.startswith('"') and last_field:
            text = _unquote(line, where)
            if last_field[0] == "msgstr_plural":
                current["msgstr_plural"][last_field[1]] += text
            else:
                current[last_field[0]] += text
            continue
        raise ValueError(f"{where}: cannot parse {raw!r}")
    flush()
    return Catalog(header=header, entries=entries, header_comments=header_comments)


# --- Writing ------------------------------------------------------------------------------


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _field(keyword: str, text: str, prefix: str = "") -> list[str]:
    if "\n" in text.rstrip("\n") or len(text) > 76:
        parts = re.findall(r"[^\n]*\n|[^\n]+$", text)
        chunks: list[str] = []
        for part in parts:
            # Break long lines at spaces so diffs stay readable, as msgmerge does.
            while len(part) > 76:
                cut = part.rfind(" ", 0, 76)
                if cut <= 0:
                    break
                chunks.append(part[: cut + 1])
                part = part[cut + 1 :]
            chunks.append(part)
        return [f'{prefix}{keyword} ""'] + [f"{prefix}{_quote(c)}" for c in chunks if c]
    return [f"{prefix}{keyword} {_quote(text)}"]


def format_entry(entry: Entry) -> str:
    out: list[str] = []
    out += [f"# {c}".rstrip() for c in entry.comments]
    out += [f"#. {c}" for c in entry.extracted]
    if entry.references:
        out.append("#: " + " ".join(entry.references))
    if entry.flags:
        out.append("#, " + ", ".join(dict.fromkeys(entry.flags)))
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        out += _field("msgctxt", entry.msgctxt, prefix)
    out += _field("msgid", entry.msgid, prefix)
    if entry.msgid_plural is not None:
        out += _field("msgid_plural", entry.msgid_plural, prefix)
        forms = entry.msgstr_plural or {0: ""}
        for index in sorted(forms):
            out += _field(f"msgstr[{index}]", forms[index], prefix)
    else:
        out += _field("msgstr", entry.msgstr, prefix)
    return "\n".join(out)


def render_po(catalog: Catalog) -> str:
    head = Entry(msgid="", comments=catalog.header_comments)
    head.msgstr = "".join(f"{k}: {v}\n" for k, v in catalog.header.items())
    blocks = [format_entry(head)] + [format_entry(e) for e in catalog.entries]
    return "\n\n".join(blocks) + "\n"


def write_po(path: str | Path, catalog: Catalog) -> None:
    Path(path).write_text(render_po(catalog), encoding="utf-8")


def write_mo(path: str | Path, catalog: Catalog) -> int:
    """Compile to GNU .mo, leaving out fuzzy and untranslated entries. Returns the count."""
    messages: dict[bytes, bytes] = {}
    header = "".join(f"{k}: {v}\n" for k, v in catalog.header.items())
    messages[b""] = header.encode("utf-8")
    for entry in catalog.entries:
        if not entry.translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        messages[key.encode("utf-8")] = "\0".join(entry.translations).encode("utf-8")
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    count = len(keys)
    keystart = 7 * 4 + 16 * count
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    output += struct.pack(f"{len(koffsets)}i", *koffsets)
    output += struct.pack(f"{len(voffsets)}i", *voffsets)
    output += ids + strs
    Path(path).write_bytes(output)
    return count - 1


# --- Checks -------------------------------------------------------------------------------

# printf-style (%(name)s, %s, %d, %%), Python format ({count}, {0}), Django template
# variables ({{ var }}) and HTML tags with their attributes.
_PLACEHOLDER = re.compile(
    r"%\([A-Za-z0-9_]+\)[#0\- +]?\d*(?:\.\d+)?[sdifrxXeEgGc]"
    r"|%[#0\- +]?\d*(?:\.\d+)?[sdifrxXeEgGc%]"
    r"|\{\{\s*[^}]*?\s*\}\}"
    r"|\{[A-Za-z0-9_]*(?:[.\[][^{}]*)?(?:![rsa])?(?::[^{}]*)?\}"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
)


def placeholders(text: str) -> Counter:
    found = Counter()
    for token in _PLACEHOLDER.findall(text):
        if token.startswith("<"):
            # Tags must survive; their attribute values may be reworded only if not
            # placeholders themselves, so compare the tag with normalised whitespace.
            token = re.sub(r"\s+", " ", token)
        found[token] += 1
    return found


def placeholder_problems(entry: Entry) -> list[str]:
    """Placeholders of the source that a translation drops, or ones it adds."""
    problems = []
    sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
    for form in entry.translations:
        if not form:
            continue
        got = placeholders(form)
        # With one plural form, the translation may follow either English form (for example
        # "1 page" has no %(count)s), but it must keep everything one of them has.
        options = [placeholders(s) for s in sources]
        if entry.msgid_plural is not None:
            union = Counter()
            for option in options:
                union |= option
            missing = options[-1] - got
            extra = got - union
        else:
            missing = options[0] - got
            extra = got - options[0]
        if missing:
            problems.append("missing " + ", ".join(sorted(missing)))
        if extra:
            problems.append("unexpected " + ", ".join(sorted(extra)))
    return problems


# --- Where the catalogs are ---------------------------------------------------------------


def locale_dir(app: str) -> Path:
    """The locale folder of an app; "django" means Django's own (django/conf/locale)."""
    import importlib

    package = Path(importlib.import_module(app).__file__).resolve().parent
    return package / "conf" / "locale" if app == "django" else package / "locale"


def installed_locale_dirs(installed_apps, apps=WAGTAIL_APPS) -> dict[str, Path]:
    """Apps of ``apps`` that are installed ("django" always is) and ship translations."""
    found = {}
    for app in apps:
        if app != "django" and app not in installed_apps:
            continue
        path = locale_dir(app)
        if path.is_dir():
            found[app] = path
    return found


def source_catalogs(installed_apps, domain: str, language: str = "en", apps=WAGTAIL_APPS):
    """(app, Catalog) pairs for one domain and language, in a stable order."""
    for app, path in installed_locale_dirs(installed_apps, apps).items():
        po_path = path / language / "LC_MESSAGES" / f"{domain}.po"
        if po_path.exists():
            yield app, read_po(po_path)
