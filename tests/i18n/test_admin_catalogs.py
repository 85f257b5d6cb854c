"""The Vietnamese admin catalogs stay complete and correct as Wagtail changes.

Coverage is measured against Wagtail's own English catalogs of the installed version, for every
Wagtail app in INSTALLED_APPS: a message counts as translated when our catalog
(site/locale/vi) or Wagtail's own Vietnamese catalog has a non-empty, non-fuzzy translation.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from home.management.catalogs import (
    DJANGO_APPS,
    DOMAINS,
    placeholder_problems,
    read_po,
    source_catalogs,
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
        for entry in catalog.entries:
            if entry.msgid and not entry.obsolete:
                english.setdefault(entry.key, app)
    translated = {e.key for e in ours(domain).entries if e.translated}
    for _app, catalog in source_catalogs(settings.INSTALLED_APPS, domain, "vi", **kwargs):
        translated |= {e.key for e in catalog.entries if e.translated}
    missing = sorted(
        (app, key[1] if key[0] is None else f"{key[1]} [{key[0]}]")
        for key, app in english.items()
        if key not in translated
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
        f"{entry.msgid!r} -> {entry.translations!r}: {problem}"
        for entry in ours(domain).entries
        if entry.translated
        for problem in placeholder_problems(entry)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_is_well_formed(domain):
    catalog = ours(domain)
    assert catalog.header["Language"] == "vi"
    assert catalog.header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in catalog.header["Content-Type"]
    keys = [e.key for e in catalog.entries if not e.obsolete]
    assert len(keys) == len(set(keys)), "one entry per msgctxt + msgid"
    for entry in catalog.entries:
        if entry.msgid_plural is not None and entry.translated:
            assert list(entry.msgstr_plural) == [0], f"{entry.msgid!r}: one plural form"


def test_catalogs_match_the_installed_wagtail():
    """After a Wagtail upgrade, `make messages` must be run (and new messages translated)."""
    call_command("refresh_admin_catalogs", check=True, stdout=io.StringIO())


def test_placeholder_check_catches_mistakes():
    from home.management.catalogs import Entry

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

    from home.management.catalogs import write_mo

    catalog = ours("django")
    write_mo(tmp_path / "django.mo", catalog)
    with open(tmp_path / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Save draft") == "Lưu bản nháp"
    assert compiled.ngettext("1 page", "%(counter)s pages", 5) == "%(counter)s trang"
