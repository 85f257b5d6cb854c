"""The Vietnamese admin catalogs stay complete and correct as Wagtail changes.

Coverage is measured against Wagtail's own English catalogs of the installed version, for every
Wagtail app in INSTALLED_APPS: a message counts as translated when our catalog
(site/locale/vi) or Wagtail's own Vietnamese catalog has a non-empty, non-fuzzy translation.
"""

import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from editorial.catalogs import (
    DJANGO_APPS,
    DOMAINS,
    is_translated,
    key,
    placeholder_problems,
    read_po,
    source_catalogs,
    translations,
)

THRESHOLD = 0.98
OURS = Path(settings.LOCALE_PATHS[0]) / "vi" / "LC_MESSAGES"


def ours(domain):
    return read_po(OURS / f"{domain}.po")


def coverage(domain, apps=None):
    """(translated, total, missing) over the English messages of the installed apps."""
    kwargs = {} if apps is None else {"apps": apps}
    english = {}
    for app, catalog in source_catalogs(settings.INSTALLED_APPS, domain, "en", **kwargs):
        for entry in catalog:
            if entry.msgid and not entry.obsolete:
                english.setdefault(key(entry), app)
    translated = {key(e) for e in ours(domain) if is_translated(e)}
    for _app, catalog in source_catalogs(settings.INSTALLED_APPS, domain, "vi", **kwargs):
        translated |= {key(e) for e in catalog if is_translated(e)}
    missing = sorted(
        (app, msg_key[1] if msg_key[0] is None else f"{msg_key[1]} [{msg_key[0]}]")
        for msg_key, app in english.items()
        if msg_key not in translated
    )
    return len(english) - len(missing), len(english), missing


@pytest.mark.parametrize("domain", DOMAINS)
def test_wagtail_admin_is_translated(domain):
    done, total, missing = coverage(domain)
    assert total > 0, f"found no English {domain} catalogs in the installed Wagtail"
    share = done / total
    print(f"{domain}: {done}/{total} Wagtail messages translated ({share:.1%})")
    assert share >= THRESHOLD, (
        f"only {share:.1%} of Wagtail's {domain} messages have a Vietnamese translation "
        f"(need {THRESHOLD:.0%}); run `make messages` and translate these "
        f"in {OURS / f'{domain}.po'}:\n" + "\n".join(f"  {app}: {msgid!r}" for app, msgid in missing)
    )


def test_django_messages_shown_in_the_admin_are_translated():
    done, total, missing = coverage("django", DJANGO_APPS)
    assert done / total >= THRESHOLD, "\n".join(f"  {app}: {msgid!r}" for app, msgid in missing)


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_placeholders(domain):
    problems = [
        f"{entry.msgid!r} -> {translations(entry)!r}: {problem}"
        for entry in ours(domain)
        if is_translated(entry)
        for problem in placeholder_problems(entry)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_is_well_formed(domain):
    catalog = ours(domain)
    assert catalog.metadata["Language"] == "vi"
    assert catalog.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in catalog.metadata["Content-Type"]
    keys = [key(e) for e in catalog if not e.obsolete]
    assert len(keys) == len(set(keys)), "one entry per msgctxt + msgid"
    for entry in catalog:
        if entry.msgid_plural and is_translated(entry):
            assert list(entry.msgstr_plural) == [0], f"{entry.msgid!r}: one plural form"


def test_catalogs_match_the_installed_wagtail():
    """After a Wagtail upgrade, `make messages` must be run (and new messages translated)."""
    call_command("refresh_admin_catalogs", check=True, stdout=io.StringIO())


def test_placeholder_check_catches_mistakes():
    Entry = polib.POEntry
    good = Entry(msgid="Delete %(title)s", msgstr="Xóa %(title)s")
    lost = Entry(msgid="Delete %(title)s", msgstr="Xóa")
    renamed = Entry(msgid="<b>{user}</b> at {datetime}", msgstr="<b>{nguoi}</b> lúc {datetime}")
    plural = Entry(msgid="1 page", msgid_plural="%(counter)s pages", msgstr_plural={0: "%(counter)s trang"})
    plural_lost = Entry(msgid="1 page", msgid_plural="%(counter)s pages", msgstr_plural={0: "1"})
    assert placeholder_problems(good) == []
    assert placeholder_problems(plural) == []
    assert placeholder_problems(lost)
    assert placeholder_problems(renamed)
    assert placeholder_problems(plural_lost)


def test_compiled_catalog_round_trips(tmp_path):
    import gettext

    from editorial.catalogs import write_mo

    catalog = ours("django")
    write_mo(tmp_path / "django.mo", catalog)
    with open(tmp_path / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Save draft") == "Lưu bản nháp"
    assert compiled.ngettext("1 page", "%(counter)s pages", 5) == "%(counter)s trang"


def test_compiled_catalog_leaves_out_what_is_not_translated(tmp_path):
    """Fuzzy, empty, blank and obsolete entries are not compiled, so Wagtail's own shows."""
    import gettext

    from editorial.catalogs import new_catalog, write_mo

    Entry = polib.POEntry
    catalog = new_catalog(
        {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"},
        entries=[
            Entry(msgid="Save", msgstr="Lưu"),
            Entry(msgid="Save", msgctxt="verb", msgstr="Lưu lại"),
            Entry(msgid="Draft", msgstr="Bản nháp", flags=["fuzzy"]),
            Entry(msgid="Live", msgstr=""),
            Entry(msgid="Status", msgstr="  "),
            Entry(msgid="1 page", msgid_plural="%(counter)s pages", msgstr_plural={0: " "}),
            Entry(msgid="Old", msgstr="Cũ", obsolete=True),
        ],
    )
    assert write_mo(tmp_path / "django.mo", catalog) == 2
    with open(tmp_path / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Save") == "Lưu"
    assert compiled.pgettext("verb", "Save") == "Lưu lại"
    for msgid in ("Draft", "Live", "Status", "Old"):
        assert compiled.gettext(msgid) == msgid
    assert compiled.ngettext("1 page", "%(counter)s pages", 5) == "%(counter)s pages"


@pytest.mark.parametrize("domain", DOMAINS)
def test_refreshed_catalog_reads_back_as_written(domain, tmp_path):
    """What `make messages` writes, polib reads back the same (a long origin comment wraps)."""
    from editorial.catalogs import origins, write_po
    from editorial.management.commands.refresh_admin_catalogs import refresh, signature

    catalog, _stats = refresh(domain)
    write_po(tmp_path / f"{domain}.po", catalog)
    again = read_po(tmp_path / f"{domain}.po")
    assert signature(again) == signature(catalog)
    if domain == "django":  # where some messages come from so many apps that polib wraps the line
        assert re.search(r"^#\. (?!origin: )", (tmp_path / "django.po").read_text(), re.M)
        assert any(len(origins(e)) > 4 for e in again)
    assert again.metadata == catalog.metadata
    assert again.header == catalog.header
    written = {key(e): (translations(e), e.flags, e.tcomment) for e in catalog}
    read = {key(e): (translations(e), e.flags, e.tcomment) for e in again}
    assert read == written
