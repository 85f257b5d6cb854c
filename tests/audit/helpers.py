"""Helpers of the page audit tests: the audit config, the tools it needs, the server it starts."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


AUDIT = ROOT / "tools" / "audit"


CONFIG = json.loads((AUDIT / "audit.config.json").read_text(encoding="utf-8"))


PAGE_NAMES = [page["name"] for page in CONFIG["pages"]]


CHROMIUM = json.loads((AUDIT / "chromium.json").read_text(encoding="utf-8"))


CHROMIUM_CANDIDATES = CHROMIUM["candidates"]


SCALE_TIER_VARIABLES = [
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "CACHE_URL",
    "MEDIA_ROOT",
    "HTTPS",
    "BEHIND_PROXY",
    "SECRET_KEY",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def missing(reason: str):
    """Skip locally; fail when CI is set."""
    if in_ci():
        pytest.fail(f"{reason} (CI is set: a missing audit tool is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def missing_tools() -> list[str]:
    problems = []
    chrome = os.environ.get("CHROME_PATH")
    if chrome and not Path(chrome).exists():
        problems.append(f"CHROME_PATH={chrome} does not exist")
    elif not chrome and not any(Path(path).exists() for path in CHROMIUM_CANDIDATES):
        problems.append("no Chromium (apt-get install chromium)")
    if not (os.environ.get("JAVA") or shutil.which("java")):
        problems.append("no java (apt-get install default-jre-headless)")
    if not shutil.which("node"):
        problems.append("no node (Node.js 20 or later)")
    if not (AUDIT / "node_modules" / ".installed").exists():
        problems.append("no tools/audit/node_modules (make node-deps)")
    return problems


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class AuditServer:
    def __init__(self, data_dir: Path, port: int):
        self.data_dir = data_dir
        self.base = f"http://127.0.0.1:{port}"
        self.env = {k: v for k, v in os.environ.items() if k not in SCALE_TIER_VARIABLES}
        self.env.update(
            DATA_DIR=str(data_dir),
            DEBUG="0",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            WAGTAILADMIN_BASE_URL=self.base,
            SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_SETTINGS_MODULE="config.settings",
            # No task worker beside this server: tasks (the demo pages' indexing) run at once.
            TASKS_BACKEND="immediate",
        )
        self.log = data_dir / "server.log"
        self.config_file = data_dir / "pages.json"
        self.process = None

    def manage(self, *args: str, log_name: str) -> subprocess.Popen:
        log = open(self.data_dir / log_name, "w")  # noqa: SIM115 (closed by the child's exit)
        return subprocess.Popen(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def run(self, *args: str) -> None:
        name = f"{args[0]}.log"
        code = self.manage(*args, log_name=name).wait(timeout=600)
        if code:
            pytest.fail(
                f"manage.py {' '.join(args)} failed ({code}):\n{tail(self.data_dir / name)}", pytrace=False
            )

    def build(self) -> None:
        # collectstatic needs no database, so it runs while the database is built.
        static = self.manage("collectstatic", "--noinput", "--verbosity", "0", log_name="collectstatic.log")
        self.run("migrate", "--noinput", "--verbosity", "0")
        self.run("sync_site_url")
        self.run("load_demo")
        if static.wait(timeout=600):
            pytest.fail(f"collectstatic failed:\n{tail(self.data_dir / 'collectstatic.log')}", pytrace=False)
        pages = subprocess.run(
            [sys.executable, str(AUDIT / "pages.py")], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if pages.returncode:
            pytest.fail(f"tools/audit/pages.py failed:\n{pages.stderr}", pytrace=False)
        self.config_file.write_text(pages.stdout, encoding="utf-8")
        self.config = json.loads(pages.stdout)

    def start(self) -> None:
        log = open(self.log, "w")  # noqa: SIM115
        bind = self.base.removeprefix("http://")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                bind,
                "--workers",
                "2",
                "--threads",
                "4",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn stopped:\n{tail(self.log)}", pytrace=False)
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        pytest.fail(f"{self.base}/ did not answer within 60 s:\n{tail(self.log)}", pytrace=False)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def node(self, script: str) -> dict:
        """Run one of tools/audit's scripts on every configured page; returns its results by page name."""
        run = subprocess.run(
            ["node", str(AUDIT / script), "--base", self.base, "--config", str(self.config_file)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if run.returncode:
            pytest.fail(
                f"node tools/audit/{script} failed ({run.returncode}):\n{run.stderr[-4000:]}", pytrace=False
            )
        return {page["name"]: page for page in json.loads(run.stdout)["pages"]}
