"""Load through the project's own server: gunicorn as `make run` starts it, driven by wrk.

`manage.py loadtest` (and `make loadtest`) starts gunicorn on 127.0.0.1, lets wrk hit one URL
at a time for a few seconds (home, a story, a section, a search, a feed, the widget, and one
static file for scale), then all of them mixed, then the story again with the page cache off.
Each run reports requests per second, p50/p99 latency, and errors: wrk's socket errors plus
every answer that is not 2xx or 3xx. The budgets (docs/architecture.md, issue 17) compare a
page with the static file in the same run, so the machine's speed cancels out: a cached story
at least half the static file's throughput, an uncached one at least a tenth.

wrk (Debian package `wrk`) measures with a Lua script (`wrk_report.lua` beside this file) that
cycles through the paths it is given and prints its summary as one JSON line.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SCRIPT = Path(__file__).with_name("wrk_report.lua")


@dataclass
class Run:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors (connect, read, write, timeout)
    non_2xx: int  # answers that are neither 2xx nor 3xx
    requests: int = 0

    def line(self) -> str:
        return (
            f"{self.name:<34} {self.requests_per_second:>9.0f} {self.p50_ms:>8.1f} {self.p99_ms:>8.1f}"
            f" {self.errors:>6} {self.non_2xx:>7}"
        )


HEADER = f"{'đường dẫn':<34} {'yêu cầu/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'lỗi':>6} {'không 2xx':>7}"


def parse(name: str, output: str) -> Run:
    """The JSON line `wrk_report.lua` prints at the end of a run."""
    line = next(line for line in reversed(output.splitlines()) if line.startswith("{"))
    data = json.loads(line)
    seconds = data["duration_us"] / 1_000_000
    return Run(
        name=name,
        requests_per_second=data["requests"] / seconds if seconds else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["connect"] + data["read"] + data["write"] + data["timeout"],
        non_2xx=data["status"],
        requests=data["requests"],
    )


def wrk(name: str, base_url: str, paths: list[str], seconds: int, connections: int, threads: int = 2) -> Run:
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--latency",
        f"--script={SCRIPT}",
        base_url,
    ]
    env = {**os.environ, "LOADTEST_PATHS": "\n".join(paths)}
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, check=True, timeout=seconds + 60
    )
    return parse(name, result.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with `make run`'s workers and threads, DEBUG off, no access log (the log would
    measure the terminal), no scheduled-publishing loop; the page cache on unless told."""

    def __init__(self, page_cache: bool = True, workers: int = 2, threads: int = 4):
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DEBUG": "0",
            "PUBLISH_SCHEDULED_INTERVAL": "0",
            "DATA_DIR": str(settings.DATA_DIR),
        }
        if not page_cache:
            env["PAGE_CACHE_SECONDS"] = "0"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "config.wsgi",
                "-c",
                "config/gunicorn.conf.py",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={workers}",
                f"--threads={threads}",
                "--error-logfile=-",
                "--log-level=warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn dừng ngay khi khởi động")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn không trả lời sau 60 giây")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def worker_memory_mb(self) -> list[float]:
        """The resident memory of each gunicorn worker (the master's children), from /proc."""
        sizes = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:  # the process ended while we read
                continue
            if fields.get("PPid", "").strip() == str(self.process.pid) and "VmRSS" in fields:
                sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
        return sorted(sizes)

    def warm(self, paths: list[str]) -> None:
        """One request per path per worker thread: renditions, templates and caches are ready."""
        for path in paths:
            for _ in range(8):
                request = urllib.request.Request(self.url + path, headers={"Accept-Encoding": "br, gzip"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()


def wrk_available() -> bool:
    return shutil.which("wrk") is not None
