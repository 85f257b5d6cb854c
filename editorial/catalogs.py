"""The Vietnamese admin's gettext catalogs: which to read, how to check and compile them.

The admin's Vietnamese translations live in ``site/locale/vi/LC_MESSAGES/{django,djangojs}.po``
(found through LOCALE_PATHS, so they win over Wagtail's own). This module is shared by the
``refresh_admin_catalogs`` and ``compile_catalogs`` management commands (in
``editorial/management/commands``) and by the tests in ``tests/i18n``. Reading and writing .po
files and compiling .mo files go through polib (pure Python), so set-up needs no GNU gettext;
what is left here is the project's own rules: which catalogs count, what a usable translation
is, and the placeholder check.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib

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


# polib's default line width for .po files, about where msgmerge wraps.
WRAP_WIDTH = 78


# --- Reading and writing (polib) ----------------------------------------------------------


def read_po(path: str | Path) -> polib.POFile:
    """A .po file as polib reads it; the header entry is in ``metadata`` and ``header``."""
    return polib.pofile(str(path), wrapwidth=WRAP_WIDTH)


def new_catalog(metadata: dict[str, str], header: str = "", entries=()) -> polib.POFile:
    """A catalog to write: metadata ("Language: vi"...), header comment lines, entries."""
    catalog = polib.POFile(wrapwidth=WRAP_WIDTH)
    catalog.metadata = dict(metadata)
    catalog.header = header
    catalog.extend(entries)
    return catalog


def write_po(path: str | Path, catalog: polib.POFile) -> None:
    catalog.save(str(path))


def write_mo(path: str | Path, catalog: polib.POFile) -> int:
    """Compile to GNU .mo, leaving out fuzzy and untranslated entries. Returns the count.

    What counts as translated is ours (``is_translated``: a blank translation is not one),
    so polib compiles a copy that holds only those entries.
    """
    compiled = new_catalog(catalog.metadata, entries=(e for e in catalog if is_translated(e)))
    compiled.save_as_mofile(str(path))
    return len(compiled)


# --- What an entry says -------------------------------------------------------------------


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    """One entry per msgctxt + msgid."""
    return (entry.msgctxt, entry.msgid)


def by_key(catalog: polib.POFile) -> dict[tuple[str | None, str], polib.POEntry]:
    return {key(e): e for e in catalog if not e.obsolete}


def translations(entry: polib.POEntry) -> list[str]:
    """The translated forms: one, or one per msgstr[n] of a plural entry."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def is_translated(entry: polib.POEntry) -> bool:
    """A usable translation: not fuzzy, not obsolete, every form non-blank.

    Stricter than polib's ``POEntry.translated()``, which takes a blank translation as one.
    """
    if entry.fuzzy or entry.obsolete or not entry.msgid:
        return False
    forms = translations(entry)
    return bool(forms) and all(form.strip() for form in forms)


def origins(entry: polib.POEntry) -> list[str]:
    """The apps of an "#. origin: a, b" comment, an empty list if it has none.

    polib wraps a long comment over several "#." lines, always after a comma (app names have
    no spaces), so a line ending with a comma goes on with the next one.
    """
    apps: list[str] = []
    going_on = False
    for line in entry.comment.splitlines():
        if line.startswith(ORIGIN_PREFIX):
            line = line[len(ORIGIN_PREFIX) :]
        elif not going_on:
            continue
        apps += [app.strip() for app in line.split(",") if app.strip()]
        going_on = line.rstrip().endswith(",")
    return apps


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


def placeholder_problems(entry: polib.POEntry) -> list[str]:
    """Placeholders of the source that a translation drops, or ones it adds."""
    problems = []
    sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
    for form in translations(entry):
        if not form:
            continue
        got = placeholders(form)
        # With one plural form, the translation may follow either English form (for example
        # "1 page" has no %(count)s), but it must keep everything one of them has.
        options = [placeholders(s) for s in sources]
        if entry.msgid_plural:
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
    """(app, polib.POFile) pairs for one domain and language, in a stable order."""
    for app, path in installed_locale_dirs(installed_apps, apps).items():
        po_path = path / language / "LC_MESSAGES" / f"{domain}.po"
        if po_path.exists():
            yield app, read_po(po_path)
