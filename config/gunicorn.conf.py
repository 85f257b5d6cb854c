"""Gunicorn settings used by `make run`: the default tier also publishes scheduled pages.

The master process starts one background thread that runs `manage.py publish_scheduled` in a
fresh process every PUBLISH_SCHEDULED_INTERVAL seconds (60 by default; 0 turns it off), so
"go live at" and "expire at" work without cron. Running it as a child process keeps Django out
of the master (workers are forked from it) and a failure in one run never stops the loop.
In production with several machines, turn it off and schedule the command once (see README).
"""

import os
import subprocess
import sys
import threading
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PUBLISH_SCHEDULED_INTERVAL = int(os.environ.get("PUBLISH_SCHEDULED_INTERVAL", "60") or 0)
COMMAND = [sys.executable, str(BASE_DIR / "manage.py"), "publish_scheduled"]

_stop = threading.Event()


def run_publish_scheduled(log) -> bool:
    """One run of the command; True when it succeeded. Never raises."""
    try:
        result = subprocess.run(
            COMMAND, cwd=BASE_DIR, capture_output=True, text=True, timeout=600, check=False
        )
    except Exception as exc:
        log.error("publish_scheduled could not run: %s", exc)
        return False
    if result.returncode != 0:
        log.error("publish_scheduled failed (%s): %s", result.returncode, result.stderr.strip()[-2000:])
        return False
    log.debug("publish_scheduled: %s", result.stdout.strip())
    return True


def scheduler_loop(log, interval: float, stop: threading.Event):
    while not stop.is_set():
        run_publish_scheduled(log)
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
