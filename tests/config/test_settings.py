"""The settings module reads the environment, with safe defaults and clear errors."""

import importlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction

from config import settings as project_settings

ROOT = Path(__file__).resolve().parents[2]


def reload_settings(monkeypatch, tmp_path, **env):
    """Import config.settings afresh under the given environment."""
    for name in (
        "DEBUG",
        "DATABASE_URL",
        "CACHE_URL",
        "ELASTICSEARCH_URL",
        "SECRET_KEY",
        "HTTPS",
        "EMAIL_HOST",
        "TASKS_BACKEND",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(project_settings)


@pytest.fixture(autouse=True)
def _restore_settings_module(monkeypatch):
    yield
    monkeypatch.undo()
    importlib.reload(project_settings)


def test_defaults_are_the_embedded_tier(monkeypatch, tmp_path):
    s = reload_settings(monkeypatch, tmp_path)
    assert s.DEBUG is False
    db = s.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == tmp_path / "db.sqlite3"
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["timeout"] >= 5
    # Worker threads keep their connection: a new one parses the whole schema (~1.4 ms), which
    # made a page-cache hit cost six times its own work.
    assert db["CONN_MAX_AGE"] >= 60
    assert s.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    # Image renditions have their own room: a story page's dozen rendition keys used to push
    # the page cache's entries out of Django's default 300.
    assert s.CACHES["renditions"]["LOCATION"] != s.CACHES["default"]["LOCATION"]
    assert s.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] >= 5000
    assert s.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.database"
    assert s.LANGUAGE_CODE == "vi"
    assert s.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert s.SECURE_SSL_REDIRECT is False


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    first = reload_settings(monkeypatch, tmp_path).SECRET_KEY
    second = reload_settings(monkeypatch, tmp_path).SECRET_KEY
    assert first == second and len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert reload_settings(monkeypatch, tmp_path, SECRET_KEY="from-the-environment").SECRET_KEY == (
        "from-the-environment"
    )


def test_scale_tier_from_urls(monkeypatch, tmp_path):
    s = reload_settings(
        monkeypatch,
        tmp_path,
        DATABASE_URL="postgres://binh:yen@db.internal:5432/binhyen",
        CACHE_URL="redis://cache.internal:6379/1",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    db = s.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.internal", 5432, "binhyen", "binh")
    redis = {
        "BACKEND": "home.cache_backends.ResilientRedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
    }
    assert s.CACHES["default"] == redis
    assert s.CACHES["renditions"] == {**redis, "KEY_PREFIX": "renditions"}
    search = s.WAGTAILSEARCH_BACKENDS["default"]
    assert search["BACKEND"] == "search.backends.elasticsearch"
    assert search["URLS"] == ["http://search.internal:9200"]
    assert s.WAGTAILSEARCH_BACKENDS[search["FALLBACK"]]["BACKEND"] == "search.backends.database"


def test_postgresql_connections_are_tuned_and_the_url_can_set_them_back(monkeypatch, tmp_path):
    tuned = reload_settings(monkeypatch, tmp_path, DATABASE_URL="postgres://a:b@h/db")
    assert tuned.DATABASES["default"]["OPTIONS"]["options"] == "-c jit=off -c random_page_cost=1.1"
    url = "postgres://a:b@h/db?options=-c%20random_page_cost%3D4"
    spinning = reload_settings(monkeypatch, tmp_path, DATABASE_URL=url)
    # PostgreSQL applies the -c options in order: the URL's own comes last and wins.
    assert spinning.DATABASES["default"]["OPTIONS"]["options"].endswith("-c random_page_cost=4")


def test_postgresql_prepares_statements_unless_a_pooler_shares_connections(monkeypatch, tmp_path):
    monkeypatch.delenv("DB_PREPARED_STATEMENTS", raising=False)
    options = reload_settings(monkeypatch, tmp_path, DATABASE_URL="postgres://a:b@h/db").DATABASES["default"][
        "OPTIONS"
    ]
    assert (options["server_side_binding"], options["prepare_threshold"]) == (True, 5)
    monkeypatch.setenv("DB_PREPARED_STATEMENTS", "0")
    pooled = reload_settings(monkeypatch, tmp_path, DATABASE_URL="postgres://a:b@h/db").DATABASES["default"]
    assert "server_side_binding" not in pooled["OPTIONS"] and "prepare_threshold" not in pooled["OPTIONS"]


def test_sqlite_url_keeps_the_concurrency_options(monkeypatch, tmp_path):
    s = reload_settings(monkeypatch, tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3")
    assert s.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.parametrize(
    ("name", "value"),
    [("DEBUG", "maybe"), ("CACHE_URL", "memcached://x"), ("DB_CONN_MAX_AGE", "soon")],
)
def test_bad_values_are_configuration_errors(monkeypatch, tmp_path, name, value):
    env = {name: value}
    if name == "DB_CONN_MAX_AGE":
        env["DATABASE_URL"] = "postgres://a:b@h/db"
    with pytest.raises(ImproperlyConfigured):
        reload_settings(monkeypatch, tmp_path, **env)


def test_tasks_wait_in_the_database_unless_asked_to_run_at_once(monkeypatch, tmp_path):
    s = reload_settings(monkeypatch, tmp_path)
    assert s.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in s.INSTALLED_APPS  # its table and its worker, db_worker
    s = reload_settings(monkeypatch, tmp_path, TASKS_BACKEND="immediate")
    assert s.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        reload_settings(monkeypatch, tmp_path, TASKS_BACKEND="celery")


def test_the_test_suite_runs_tasks_at_once():
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_debug_only_when_asked(monkeypatch, tmp_path):
    assert reload_settings(monkeypatch, tmp_path, DEBUG="1").DEBUG is True
    assert reload_settings(monkeypatch, tmp_path, DEBUG="off").DEBUG is False


def test_whitenoise_sits_right_after_security_middleware():
    middleware = settings.MIDDLEWARE
    assert middleware[0] == "django.middleware.security.SecurityMiddleware"
    assert middleware[1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_static_files_are_compressed_and_hashed(monkeypatch, tmp_path):
    s = reload_settings(monkeypatch, tmp_path)
    assert s.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def _editor_saves(alias, results, name):
    """Read, pause, then write inside atomic(): the pattern that deadlocks deferred transactions."""
    try:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM saves")
            time.sleep(0.3)
            cursor.execute("INSERT INTO saves (who) VALUES (%s)", [name])
        results[name] = "ok"
    except Exception as exc:  # the failure this test exists to catch
        results[name] = repr(exc)
    finally:
        connections[alias].close()


@pytest.mark.parametrize("mode", ["IMMEDIATE", "DEFERRED"])
def test_two_editors_saving_at_once_never_see_database_is_locked(tmp_path, django_db_blocker, mode):
    """With the project's options both saves succeed; SQLite's default (DEFERRED) shows why."""
    path = tmp_path / "concurrent.sqlite3"
    setup = sqlite3.connect(path)
    # The site's database is in WAL mode from its first migration on; switching a fresh file to WAL
    # takes an exclusive lock that the busy timeout does not cover, which is not what editors meet.
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE saves (who TEXT)")
    setup.commit()
    setup.close()
    alias = f"concurrent_{mode.lower()}"
    options = {**project_settings.SQLITE_OPTIONS, "transaction_mode": mode}
    connections.settings[alias] = connections.configure_settings(
        {
            "default": connections.settings["default"],
            alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options},
        }
    )[alias]
    results = {}
    with django_db_blocker.unblock():
        threads = [
            threading.Thread(target=_editor_saves, args=(alias, results, f"editor{i}")) for i in (1, 2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    del connections.settings[alias]
    if mode == "IMMEDIATE":
        assert results == {"editor1": "ok", "editor2": "ok"}
        assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM saves").fetchone() == (2,)
    else:
        assert any("database is locked" in outcome for outcome in results.values()), results


def test_deploy_check_reports_only_documented_opt_ins(tmp_path):
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "HTTPS": "1",
        "SECRET_KEY": "x" * 30 + "production-like-secret-key-0123456789",
        "ALLOWED_HOSTS": "binhyen.example.vn",
        "DEBUG": "0",
        "EMAIL_HOST": "smtp.example.vn",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    reported = {line.split(")")[0].split("(")[-1] for line in output.splitlines() if "(security." in line}
    assert result.returncode == 0, output  # a crash would report nothing, and pass below
    # HSTS preload is an opt-in (SECURE_HSTS_PRELOAD=1), documented in the README.
    assert reported == {"security.W021"}, output


def test_production_needs_a_mail_server(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_HOST"):
        reload_settings(monkeypatch, tmp_path, HTTPS="1", SECRET_KEY="k" * 50)
    s = reload_settings(monkeypatch, tmp_path, HTTPS="1", SECRET_KEY="k" * 50, EMAIL_HOST="smtp.example.vn")
    assert s.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"


def test_local_mail_goes_to_files_only_the_operator_reads(monkeypatch, tmp_path, capsys):
    """A password-reset link is never printed to the console (and so to logs)."""
    from django.core import mail

    s = reload_settings(monkeypatch, tmp_path)
    assert s.EMAIL_BACKEND == "home.mail.PrivateFileEmailBackend"
    connection = mail.get_connection(s.EMAIL_BACKEND, file_path=str(tmp_path / "mail"))
    mail.EmailMessage(
        "Đặt lại mật khẩu",
        "https://binhyen.example.vn/admin/password_reset/abc/",
        to=["a@b.vn"],
        connection=connection,
    ).send()
    [written] = (tmp_path / "mail").iterdir()
    assert "password_reset/abc" in written.read_text()
    assert (tmp_path / "mail").stat().st_mode & 0o077 == 0 and written.stat().st_mode & 0o077 == 0
    assert "password_reset" not in capsys.readouterr().out
