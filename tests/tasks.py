"""Tasks in tests: the suite runs them at once (tests/settings.py); these helpers switch a test
to the database backend, the site's default, and run its worker, `manage.py db_worker`, in the
test's own process and transaction."""

import io
import signal

from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_tasks():
    """Tasks stored as rows, as on the site, until a worker runs them."""
    return override_settings(TASKS=DATABASE_TASKS)


def waiting(task_name: str = "") -> list[DBTaskResult]:
    """Stored tasks that have not run, optionally those whose path ends with `task_name`."""
    rows = DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")
    return [row for row in rows if row.task_path.endswith(task_name)]


def run_worker(monkeypatch) -> str:
    """`manage.py db_worker --batch`: run every task that is due, then stop; its log.

    Two things differ from a worker process, both because the test's transaction must survive:
    the worker does not drop the connection between tasks (`close_old_connections`), and on
    SQLite it claims a task in a savepoint of that transaction (the way it does on PostgreSQL)
    instead of opening an exclusive transaction of its own. Its signal handlers are put back.
    """
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    monkeypatch.setattr(
        "django_tasks_db.utils.connection_requires_manual_exclusive_transaction", lambda c: False
    )
    handlers = {
        number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }
    out = io.StringIO()
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=out)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return out.getvalue()
