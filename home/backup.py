"""Backups that restore: a consistent database snapshot and the media files, in one archive.

Copying `db.sqlite3` while the site writes can lose the last transactions (the WAL file holds
them), and `dumpdata`/`loaddata` cannot bring a Wagtail site back (content types, tree paths,
revisions). So the database is copied with its own tools while the site keeps running:
SQLite's online backup API (a consistent snapshot, pages copied under a read transaction) or
`pg_dump --format=custom` on PostgreSQL (one repeatable-read snapshot). The media files are
copied after the snapshot, so every file the snapshot names is already on disk.

An archive is `binhyen-YYYYmmdd-HHMMSS.tar.gz` holding `manifest.json` (when, engine, versions,
counts), `database.sqlite3` or `database.pgdump`, and `media/`. The secret key is not in it:
a restored site makes a new one (sessions end, nothing else depends on it).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

PREFIX = "binhyen-"
SUFFIX = ".tar.gz"
# Renditions are made again from the originals on the next request; the backup skips none of
# the originals, documents or share cards, only what is rebuilt on demand.
REBUILT_MEDIA = ("images",)


class BackupError(Exception):
    """What an operator must fix, in Vietnamese."""


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args, env


def _snapshot_database(target: Path) -> str:
    if _engine() == "sqlite":
        name = target / "database.sqlite3"
        source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]), timeout=30)
        try:
            with sqlite3.connect(str(name)) as copy:
                source.backup(copy, pages=1024)
        finally:
            source.close()
        return name.name
    name = target / "database.pgdump"
    args, env = _pg_env()
    db = settings.DATABASES["default"]["NAME"]
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(name), *args, db], env)
    return name.name


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"Không tìm thấy lệnh {command[0]} (cài gói postgresql-client).")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{command[0]} báo lỗi: {done.stderr.strip()[:500]}")


def _counts() -> dict:
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "last_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "images": get_image_model().objects.count(),
    }


def create_backup(directory: Path, keep: int | None = None) -> Path:
    """Write one archive into `directory`; with `keep`, remove all but the `keep` newest."""
    import django
    import wagtail

    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive = directory / f"{PREFIX}{stamp}{SUFFIX}"
    with tempfile.TemporaryDirectory(dir=directory) as work:
        work = Path(work)
        counts = _counts()  # before the snapshot: the snapshot holds at least these
        database = _snapshot_database(work)
        manifest = {
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": _engine(),
            "database": database,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "counts": counts,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        partial = archive.with_suffix(".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            tar.add(work / database, arcname=database)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media", filter=_skip_rebuilt)
        partial.rename(archive)  # a half-written archive never looks like a backup
    if keep:
        for old in sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))[:-keep]:
            old.unlink()
    return archive


def _skip_rebuilt(member: tarfile.TarInfo):
    parts = Path(member.name).parts
    return None if len(parts) > 1 and parts[1] in REBUILT_MEDIA else member


def restore_backup(archive: Path) -> dict:
    """Bring `archive` back into the configured, empty database and media folder."""
    if not archive.is_file():
        raise BackupError(f"Không có tệp sao lưu {archive}.")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        raise BackupError(f"Thư mục tệp tải lên {media} chưa trống: chỉ khôi phục vào nơi trống.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        work = Path(work)
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["engine"] != _engine():
            raise BackupError(
                f"Bản sao lưu là của {manifest['engine']}, cơ sở dữ liệu đang cấu hình là {_engine()}."
            )
        _restore_database(work / manifest["database"])
        if (work / "media").is_dir():
            media.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / "media", media, dirs_exist_ok=True)
    return manifest


def _restore_database(dump: Path) -> None:
    if _engine() == "sqlite":
        target = Path(settings.DATABASES["default"]["NAME"])
        if target.exists() and target.stat().st_size:
            raise BackupError(f"Đã có cơ sở dữ liệu {target}: chỉ khôi phục vào nơi trống.")
        connection.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(str(dump))
        try:
            with sqlite3.connect(str(target)) as copy:
                source.backup(copy)
        finally:
            source.close()
        return
    if connection.introspection.table_names():
        raise BackupError("Cơ sở dữ liệu đang cấu hình đã có bảng: chỉ khôi phục vào cơ sở dữ liệu trống.")
    connection.close()
    args, env = _pg_env()
    db = settings.DATABASES["default"]["NAME"]
    _run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", db, *args, str(dump)], env)
