"""Print the audit's page list as JSON, with `first_live` entries resolved to real paths.

Run with the project's Python and the same DATA_DIR as the server being audited:

    DATA_DIR=var/audit .venv/bin/python tools/audit/pages.py

Reads tools/audit/audit.config.json (the one place that lists the pages and budgets) and prints
it back with every page given a `path`. A model with no live public page is an error.
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CONFIG = HERE / "audit.config.json"


def resolve(config: dict) -> dict:
    from django.apps import apps

    pages = []
    for entry in config["pages"]:
        entry = dict(entry)
        model_name = entry.pop("first_live", None)
        if model_name:
            model = apps.get_model(model_name)
            page = model.objects.live().public().order_by("path").first()
            if page is None:
                raise SystemExit(f"pages.py: no live public {model_name} page; load the demo content first")
            entry["path"] = urlsplit(page.full_url).path
            entry["title"] = page.title
        pages.append(entry)
    return {**config, "pages": pages}


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    json.dump(resolve(config), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
