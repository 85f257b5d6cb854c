"""Gunicorn settings used by `make run`: the default tier also publishes scheduled pages.

The master process starts one background thread that runs `manage.py publish_scheduled` in a
fresh process every PUBLISH_SCHEDULED_INTERVAL seconds (60 by default; 0 turns it off), so
"go live at" and "expire at" work without cron. Running it as a child process keeps Django out
of the master (workers are forked from it) and a failure in one run never stops the loop.
In production with several machines, turn it off and schedule the command once (see README).

The same loop refreshes the database's planner statistics once an hour
(`manage.py update_db_statistics`, see home/dbstats.py), as content grows.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PUBLISH_SCHEDULED_INTERVAL = int(os.environ.get("PUBLISH_SCHEDULED_INTERVAL", "60") or 0)
COMMAND = [sys.executable, str(BASE_DIR / "manage.py"), "publish_scheduled"]
STATS_COMMAND = [sys.executable, str(BASE_DIR / "manage.py"), "update_db_statistics"]
STATS_INTERVAL = 3600

_stop = threading.Event()


def run_command(log, command: list[str]) -> bool:
    """One run of a management command; True when it succeeded. Never raises."""
    name = command[-1]
    try:
        result = subprocess.run(
            command, cwd=BASE_DIR, capture_output=True, text=True, timeout=600, check=False
        )
    except Exception as exc:
        log.error("%s could not run: %s", name, exc)
        return False
    if result.returncode != 0:
        log.error("%s failed (%s): %s", name, result.returncode, result.stderr.strip()[-2000:])
        return False
    log.debug("%s: %s", name, result.stdout.strip())
    return True


def scheduler_loop(log, interval: float, stop: threading.Event):
    stats_due = time.monotonic()
    while not stop.is_set():
        run_command(log, COMMAND)
        if time.monotonic() >= stats_due:
            run_command(log, STATS_COMMAND)
            stats_due = time.monotonic() + STATS_INTERVAL
        stop.wait(interval)


def when_ready(server):
    if PUBLISH_SCHEDULED_INTERVAL <= 0:
        return
    threading.Thread(
        target=scheduler_loop,
        args=(server.log, PUBLISH_SCHEDULED_INTERVAL, _stop),
        name="publish_scheduled",
        daemon=True,
    ).start()
    server.log.info("Scheduled publishing: publish_scheduled every %s s", PUBLISH_SCHEDULED_INTERVAL)


def on_exit(server):
    _stop.set()
