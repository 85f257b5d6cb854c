"""Refresh the project's Vietnamese admin catalogs from the installed Wagtail.

Run after a Wagtail upgrade (``make messages``). For each domain (``django``, ``djangojs``) it
reads Wagtail's English catalogs of every Wagtail app in INSTALLED_APPS, adds the messages of
Django's own catalogs that Django's Vietnamese translation lacks, merges them into one list (one
entry per msgctxt + msgid), and rewrites ``site/locale/vi/LC_MESSAGES/<domain>.po``:

* a message we already translate keeps our translation;
* a new message gets, for review, Wagtail's own Vietnamese translation if it has one, or our
  translation of a very similar old message; either is marked ``fuzzy`` (a fuzzy entry is not
  compiled, so Wagtail's own translation, if any, shows until someone reviews it);
* otherwise it is added untranslated;
* a Wagtail message that Wagtail no longer has is dropped;
* entries that did not come from Wagtail (no "origin:" comment) are kept as they are.

``--check`` writes nothing and exits with an error if a catalog is out of date.
"""

import difflib
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.management.catalogs import (
    DJANGO_APPS,
    DOMAINS,
    ORIGIN_PREFIX,
    VI_HEADER,
    Catalog,
    Entry,
    placeholder_problems,
    read_po,
    render_po,
    source_catalogs,
    write_po,
)

LANGUAGE = "vi"


def target_path(domain: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def merged_sources(domain: str, ours: dict) -> dict:
    """English entries to translate, one per key, each with the apps it comes from.

    Every message of the installed Wagtail apps, then the messages of Django's own catalogs
    (DJANGO_APPS) that Django's Vietnamese catalog lacks or that we already translate.
    """
    merged: dict = {}
    for app, catalog in source_catalogs(settings.INSTALLED_APPS, domain):
        for entry in catalog.entries:
            if entry.obsolete or not entry.msgid:
                continue
            if entry.key not in merged:
                merged[entry.key] = (entry, [])
            merged[entry.key][1].append(app)
    django_vi = dict(source_catalogs(settings.INSTALLED_APPS, domain, LANGUAGE, DJANGO_APPS))
    for app, catalog in source_catalogs(settings.INSTALLED_APPS, domain, "en", DJANGO_APPS):
        theirs = django_vi[app].by_key() if app in django_vi else {}
        for entry in catalog.entries:
            if entry.obsolete or not entry.msgid or entry.key in merged:
                continue
            have_theirs = entry.key in theirs and theirs[entry.key].translated
            have_ours = entry.key in ours and ours[entry.key].translated
            if not have_theirs or have_ours:
                merged[entry.key] = (entry, [app])
    return merged


def upstream_translations(domain: str) -> dict:
    """Wagtail's own Vietnamese translations, first app wins."""
    found: dict = {}
    for _app, catalog in source_catalogs(settings.INSTALLED_APPS, domain, LANGUAGE):
        for entry in catalog.entries:
            if entry.translated and entry.key not in found:
                found[entry.key] = entry
    return found


def single_form(entry: Entry) -> str:
    """Vietnamese has one plural form: take the last (the most general) translation."""
    return entry.translations[-1]


def refresh(domain: str) -> tuple[Catalog, dict]:
    path = target_path(domain)
    ours = read_po(path) if path.exists() else Catalog(header={}, entries=[])
    ours_by_key = ours.by_key()
    upstream = upstream_translations(domain)
    sources = merged_sources(domain, ours_by_key)
    stats = dict(total=0, kept=0, from_upstream=0, from_similar=0, untranslated=0, dropped=0)

    # Our translations of messages Wagtail has dropped or reworded, for "similar" suggestions.
    retired = {
        key: entry
        for key, entry in ours_by_key.items()
        if key not in sources and entry.origins and entry.translated
    }
    retired_ids = [key[1] for key in retired]

    entries: list[Entry] = []
    for key, (source, apps) in sources.items():
        stats["total"] += 1
        new = Entry(
            msgid=source.msgid,
            msgctxt=source.msgctxt,
            msgid_plural=source.msgid_plural,
            flags=[f for f in source.flags if f != "fuzzy"],
            extracted=[ORIGIN_PREFIX + ", ".join(apps)],
        )
        old = ours_by_key.get(key)
        if old is not None:
            new.comments = old.comments
            if old.fuzzy:
                new.flags.append("fuzzy")
        suggestion = None
        if old is not None and any(old.translations):
            text = single_form(old)
            stats["kept"] += 1
        elif key in upstream and not placeholder_problems(
            _with_text(new, single_form(upstream[key]))
        ):
            text = single_form(upstream[key])
            suggestion = "from_upstream"
        else:
            close = difflib.get_close_matches(source.msgid, retired_ids, n=1, cutoff=0.85)
            if close:
                match = next(e for k, e in retired.items() if k[1] == close[0])
                text = single_form(match)
                suggestion = "from_similar"
            else:
                text = ""
                stats["untranslated"] += 1
        if suggestion:
            stats[suggestion] += 1
            if "fuzzy" not in new.flags:
                new.flags.append("fuzzy")
        _set_text(new, text)
        entries.append(new)

    for key, entry in ours_by_key.items():
        if key in sources:
            continue
        if entry.origins:
            stats["dropped"] += 1
        else:
            entries.append(entry)  # the project's own message: not ours to manage

    header = dict(VI_HEADER)
    header["X-Generator"] = f"refresh_admin_catalogs (Wagtail {version('wagtail')})"
    comments = ours.header_comments or [
        "Vietnamese translations of the Wagtail admin for Bình Yên.",
        "Messages are merged from Wagtail's catalogs by `manage.py refresh_admin_catalogs`;",
        "terms follow site/locale/TERMS.md.",
    ]
    return Catalog(header=header, entries=entries, header_comments=comments), stats


def _set_text(entry: Entry, text: str) -> None:
    if entry.msgid_plural is not None:
        entry.msgstr_plural = {0: text}
        entry.msgstr = ""
    else:
        entry.msgstr = text


def _with_text(entry: Entry, text: str) -> Entry:
    probe = Entry(msgid=entry.msgid, msgid_plural=entry.msgid_plural)
    _set_text(probe, text)
    return probe


class Command(BaseCommand):
    help = "Merge the installed Wagtail's messages into site/locale/vi/LC_MESSAGES/*.po."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if a catalog is not up to date with the installed Wagtail.",
        )

    def handle(self, *args, check=False, **options):
        stale = []
        for domain in DOMAINS:
            catalog, stats = refresh(domain)
            path = target_path(domain)
            summary = ", ".join(f"{k} {v}" for k, v in stats.items())
            if check:
                current = path.read_text(encoding="utf-8") if path.exists() else ""
                if current != render_po(catalog):
                    stale.append(str(path))
                self.stdout.write(f"{domain}: {summary}")
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_po(path, catalog)
            self.stdout.write(f"{path}: {summary}")
            if stats["from_upstream"] or stats["from_similar"] or stats["untranslated"]:
                self.stdout.write(
                    "  review the entries marked fuzzy and translate the empty ones, "
                    "then run `manage.py compile_catalogs`."
                )
        if stale:
            raise CommandError(
                "Out of date with the installed Wagtail: "
                + ", ".join(stale)
                + ". Run `make messages`."
            )
