"""Compile the project's .po catalogs (LOCALE_PATHS) to .mo with polib, without GNU gettext.

.mo files are build output (ignored by git): `make run` and `make test` run this first.
Fuzzy and untranslated entries are left out, so Wagtail's own translation (if any) shows for
them. A translation that loses a placeholder of its source stops the build, since it would
break the page that shows it.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from editorial.catalogs import is_translated, placeholder_problems, read_po, write_mo


class Command(BaseCommand):
    help = "Compile site/locale/**/*.po to .mo (polib; no GNU gettext needed)."

    def handle(self, *args, **options):
        errors = []
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalog = read_po(po_path)
                for entry in catalog:
                    if is_translated(entry):
                        for problem in placeholder_problems(entry):
                            errors.append(f"{po_path}: {entry.msgid!r}: {problem}")
                count = write_mo(po_path.with_suffix(".mo"), catalog)
                if options["verbosity"] >= 1:
                    self.stdout.write(f"{po_path.with_suffix('.mo')}: {count} messages")
        if errors:
            raise CommandError("Placeholders do not match:\n" + "\n".join(errors))
