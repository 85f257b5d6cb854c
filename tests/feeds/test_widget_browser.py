"""The widget in a real browser: embedded on another origin, it shows cards and resizes itself.

Headless Chromium from the Debian packages `chromium` and `chromium-driver`; skipped with a
reason when they are missing. The site is served from a thread of this process, against the
same test database (SQLite in memory, shared cache) with the demo content; the embedding page
comes from a second server on another origin (`localhost` instead of `127.0.0.1`).
"""

import json
import os
import shutil
import socketserver
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections

# The flags this closed network needs, shared with the page audit (tools/audit/chromium.json).
CHROMIUM_FLAGS = json.loads(
    (Path(__file__).resolve().parents[2] / "tools" / "audit" / "chromium.json").read_text(encoding="utf-8")
)["flags"]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

# Locally a missing browser skips the test with the reason; in CI (CI set) it is a failure,
# so the widget can never silently stop being checked.
_MISSING = not (CHROMIUM.exists() and CHROMEDRIVER.exists())
if _MISSING and os.environ.get("CI"):
    raise RuntimeError("CI needs Debian's chromium and chromium-driver for the widget test")

pytestmark = [
    # The request threads share the test's own connection inside its transaction, which only
    # Django's in-memory SQLite test database allows (PostgreSQL's connection is closed by the
    # server after each request). The widget does not depend on the database; SQLite checks it.
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="the browser test shares the in-memory SQLite test database with its server thread",
    ),
    pytest.mark.skipif(
        _MISSING, reason="headless Chromium is missing: apt-get install chromium chromium-driver"
    ),
    pytest.mark.django_db,
]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site_server(db, django_db_blocker):
    """The whole Django site (static files included) on 127.0.0.1 and a free port.

    Like Django's own live server, the request threads share this thread's connection to the
    in-memory test database with the demo content, inside the test's transaction: what the
    requests write (image renditions) is rolled back, and nothing is flushed for later tests.
    """
    with django_db_blocker.unblock():
        connection = connections["default"]
        connection.inc_thread_sharing()
        server = ThreadedWSGIServer(
            ("127.0.0.1", 0), QuietHandler, connections_override={"default": connection}
        )
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()
            connection.dec_thread_sharing()


class EmbeddingPage(BaseHTTPRequestHandler):
    def __init__(self, html, *args, **kwargs):
        self.html = html
        super().__init__(*args, **kwargs)

    def do_GET(self):
        body = self.html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_origin():
    """A plain HTML page on another origin, as a ward website would be."""
    servers = []

    def serve(html: str) -> str:
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), partial(EmbeddingPage, html))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://localhost:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        *CHROMIUM_FLAGS,
        "--window-size=1000,1400",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(tmp_path / "chromium-profile", ignore_errors=True)


def test_widget_on_another_origin_shows_cards_resizes_and_a_story_page_cannot_be_framed(
    site_server, other_origin, browser, client
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from stories.models import StoryPage

    story = StoryPage.objects.live().get(title__startswith="Tài xế xe ôm")
    # Make the image renditions now: the browser loads both frames at once, and two requests
    # creating the same rendition on the one shared test connection would break its transaction.
    for url in ("/nhung/?tinh=ha-noi&so=4", story.url):
        assert client.get(url).status_code == 200
    page = other_origin(
        f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phường</title></head>
<body style="margin:0">
<h1>Trang thông tin phường</h1>
<iframe id="khung-tin" src="{site_server}/nhung/?tinh=ha-noi&so=4" title="Tin" width="100%" height="150"
 loading="lazy" style="border:0;width:100%;max-width:560px" data-binh-yen></iframe>
<script src="{site_server}/nhung/tai.js" async></script>
<iframe id="bai-viet" src="{site_server}{story.url}" width="600" height="300"></iframe>
</body></html>"""
    )
    assert page.startswith("http://localhost:")  # another origin than the site's 127.0.0.1

    browser.get(page)
    frame = browser.find_element(By.ID, "khung-tin")
    WebDriverWait(browser, 30).until(lambda d: frame.size["height"] > 300)
    height = frame.size["height"]

    browser.switch_to.frame(frame)
    cards = browser.find_elements(By.CSS_SELECTOR, "a.card")
    assert len(cards) == 4
    assert all(card.get_attribute("href").startswith("http://127.0.0.1") for card in cards)
    assert all(card.text.strip() for card in cards)
    content_height = browser.execute_script("return document.documentElement.getBoundingClientRect().height")
    assert abs(height - content_height) <= 2
    assert browser.execute_script("return document.cookie") == ""
    browser.switch_to.default_content()

    # The story page refuses to be framed (X-Frame-Options: DENY): the frame holds no story.
    browser.switch_to.frame(browser.find_element(By.ID, "bai-viet"))
    assert story.title not in browser.page_source
    browser.switch_to.default_content()
