"""Backup drill: `manage.py backup` while the site writes, `manage.py restore` into a fresh data
directory, and the restored site serves the last committed revision and every image.

Each step runs as an operator runs it, in its own process, on the database the suite uses
(SQLite by default; with DATABASE_URL, two scratch databases on the same PostgreSQL server).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SETUP = """
import io
from PIL import Image as PILImage
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page
home = Page.objects.get(depth=2).specific
for number in range(3):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (40 * number, 90, 160)).save(buffer, "JPEG")
    get_image_model().objects.create(title=f"Ảnh {number}", file=ImageFile(buffer, name=f"anh-{number}.jpg"))
home.title = "Bình Yên – bản 0"
home.save_revision().publish()
"""

WRITER = """
import pathlib, time
from wagtail.models import Page
stop, progress = pathlib.Path({stop!r}), pathlib.Path({progress!r})
home = Page.objects.get(depth=2).specific
deadline = time.monotonic() + 120
number = 0
while not stop.exists() and time.monotonic() < deadline:
    number += 1
    home.title = f"Bình Yên – bản {{number}}"
    revision = home.save_revision()  # committed when it returns (autocommit)
    partial = progress.with_suffix(".part")
    partial.write_text(str(revision.pk))
    partial.replace(progress)  # atomic: the test never reads a half-written number
    time.sleep(0.01)
"""

CHECK = """
import json
from django.conf import settings
from django.test import Client, override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
images = list(get_image_model().objects.all())
home = Page.objects.get(depth=2).specific
plain_static = {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES={{**settings.STORAGES, "staticfiles": plain_static}}):  # no collectstatic here
    response = Client().get(home.url, HTTP_HOST="127.0.0.1")
print(json.dumps({{
    "has_revision": Revision.objects.filter(pk={last}).exists(),
    "images": len(images),
    "files": sum(image.file.storage.exists(image.file.name) for image in images),
    "status": response.status_code,
    "title_served": "Bình Yên – bản 0" in response.content.decode(),
}}))
"""


def scratch_databases():
    """DATABASE_URLs of a source and a target database, or (None, None) for SQLite files."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return None, None
    import psycopg

    base, _, name = url.rpartition("/")
    names = [f"{name}_drill_src", f"{name}_drill_dst"]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for db in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{db}"')
            admin.execute(f'CREATE DATABASE "{db}"')
    return tuple(f"{base}/{db}" for db in names)


def manage(env, *args, **kwargs):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, **kwargs
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def environment(data_dir: Path, database_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CACHE_URL", "ELASTICSEARCH_URL")}
    env.update(
        DATA_DIR=str(data_dir), MEDIA_ROOT=str(data_dir / "media"), DJANGO_SETTINGS_MODULE="config.settings"
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def test_a_backup_taken_while_the_site_writes_restores_into_a_fresh_directory(tmp_path):
    source_url, target_url = scratch_databases()
    source = environment(tmp_path / "nguon", source_url)
    manage(source, "migrate", "--noinput", "--verbosity", "0")
    manage(source, "shell", "-c", SETUP)

    stop, progress = tmp_path / "dung", tmp_path / "tien-do"
    writer = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", WRITER.format(stop=str(stop), progress=str(progress))],
        cwd=ROOT,
        env=source,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (progress.exists() and progress.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # a few more revisions
        last_committed = int(progress.read_text())
        printed = manage(source, "backup", "--dir", str(tmp_path / "sao-luu"))
        time.sleep(0.2)  # the writer goes on after the snapshot
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read()[-3000:]
    assert "Đã sao lưu" in printed
    [archive] = (tmp_path / "sao-luu").glob("binhyen-*.tar.gz")

    target = environment(tmp_path / "khoi-phuc", target_url)
    printed = manage(target, "restore", str(archive))
    assert "Đã khôi phục" in printed
    # The restored site migrates like any other (nothing to do) and serves.
    manage(target, "migrate", "--noinput", "--verbosity", "0")
    result = json.loads(
        manage(target, "shell", "-c", CHECK.format(last=last_committed)).strip().splitlines()[-1]
    )
    assert result == {"has_revision": True, "images": 3, "files": 3, "status": 200, "title_served": True}

    # Restoring over a site that has data is refused, and changes nothing.
    again = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=target,
        capture_output=True,
        text=True,
    )
    assert again.returncode != 0 and "chỉ khôi phục vào" in again.stderr
