"""Shared pieces of the browser tests: the site served from a thread, Debian's headless Chromium
driven by Selenium, and the few actions a reader takes (open a link, pick an option, read a select).

Headless Chromium comes from the Debian packages `chromium` and `chromium-driver`; nothing ever
downloads a browser. Locally a missing browser skips the test with the reason; in CI (`CI` set)
it is a failure, so a browser test can never silently stop being checked.

The fixtures (`site_server`, `browser`, `browser_viewport`) are re-exported by tests/conftest.py;
a test module sets `pytestmark = BROWSER_MARKS` and may override `browser_viewport`.
"""

import json
import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.db import connections

# The flags this closed network needs, shared with the page audit (tools/audit/chromium.json).
CHROMIUM_FLAGS = json.loads(
    (Path(__file__).resolve().parents[1] / "tools" / "audit" / "chromium.json").read_text(encoding="utf-8")
)["flags"]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
MISSING_REASON = "headless Chromium is missing: apt-get install chromium chromium-driver"
WAIT_SECONDS = 30


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def browser_missing() -> bool:
    return not (CHROMIUM.exists() and CHROMEDRIVER.exists())


BROWSER_MARKS = [
    # Skipped before the database is built; in CI the `browser` fixture fails instead.
    pytest.mark.skipif(browser_missing() and not in_ci(), reason=MISSING_REASON),
    # The request threads share the test's own connection inside its transaction, which only
    # Django's in-memory SQLite test database allows (PostgreSQL's connection is closed by the
    # server after each request). The pages do not depend on the database; SQLite checks them.
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="the browser tests share the in-memory SQLite test database with their server thread",
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
    requests write (image renditions, search hits) is rolled back, and nothing is flushed for
    later tests. Two requests writing at once on that one connection would break the
    transaction: a test lets a page and its frames finish loading before the next page, or
    makes beforehand what frames loaded together would write.
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


@dataclass(frozen=True)
class Viewport:
    """The page's viewport in CSS pixels; `phone` emulates a phone (touch, <meta name=viewport>)
    through Chrome's device emulation, as headless windows are never narrower than 500 px."""

    width: int
    height: int
    phone: bool = False


PHONE = Viewport(390, 844, phone=True)


@pytest.fixture
def browser_viewport():
    """A desktop window; a module overrides this fixture to test on a phone (`PHONE`)."""
    return Viewport(1000, 1400)


@pytest.fixture
def browser(request, tmp_path, browser_viewport):
    """One headless Chromium with a fresh profile (--user-data-dir), quit after the test.

    After the test it fails if the browser requested anything from another host; when the test
    failed, it saves a screenshot in var/test-screenshots/ first."""
    if browser_missing():
        if in_ci():
            pytest.fail(f"{MISSING_REASON} (CI is set: a missing browser is a failure, not a skip)")
        pytest.skip(MISSING_REASON)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    viewport = browser_viewport
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path / "chromium-profile"
    window = f"{max(viewport.width, 500)},{viewport.height}"
    # ChromeDriver scrolls an element into view and taps its middle at once: with the site's
    # smooth scrolling (site.css, unless the reader prefers reduced motion) it is still moving.
    reduced_motion = "--force-prefers-reduced-motion"
    for flag in (*CHROMIUM_FLAGS, reduced_motion, f"--window-size={window}", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if viewport.phone:
        metrics = {"width": viewport.width, "height": viewport.height, "pixelRatio": 3}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {**metrics, "touch": True}})
    # Every request the browser makes is logged, so each test proves it asked no other host.
    # and what the console says, so each test proves no Content-Security-Policy was violated.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
        strangers = other_hosts_requested(driver)
        assert not strangers, f"the browser asked another host: {strangers}"
        refused = csp_violations(driver)
        assert not refused, f"the page broke its Content-Security-Policy: {refused}"
    finally:
        if getattr(request.node, "failed_call", False):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name[:150]}.png"))
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Where a failed browser test leaves what the browser showed (var/ is ignored by git).
SCREENSHOTS = Path(__file__).resolve().parents[1] / "var" / "test-screenshots"


def other_hosts_requested(driver) -> list[str]:
    """The URLs on another host that the browser requested since the last call (pages, frames,
    images, scripts, fonts, fetches, beacons), read from Chrome's network log."""
    from urllib.parse import urlsplit

    found = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            found.append(url)
    return found


def csp_violations(driver) -> list[str]:
    """What Chrome's console reported as refused by the Content-Security-Policy since the last call."""
    return [
        entry["message"][:300]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]
    ]


# What a reader does -----------------------------------------------------------------------------


def waiting(driver, seconds: float = WAIT_SECONDS):
    """A wait that looks again when the page swapped the element it read for a new one (the
    builder and the section filters replace parts of the page in place as a choice is made)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, ignored_exceptions=[StaleElementReferenceException])


@contextmanager
def navigation(driver):
    """Wait, after the block (a tap, a choice that submits a form), until the next page has loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    old_page = driver.find_element("tag name", "html")
    yield
    wait = WebDriverWait(driver, WAIT_SECONDS)
    wait.until(lambda d: gone(old_page))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def gone(element) -> bool:
    """Whether `element` has left the document. Chrome says so with a stale-element error, or,
    caught between two documents, with "Node with given id does not belong to the document"."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def close_date_picker(driver, field) -> None:
    """Close the date picker that opened under `field` as a person would: Escape, and where it
    stayed open (it covers the fields below it), Tab away; wait until it is hidden."""
    from selenium.webdriver.common.keys import Keys

    def picker_open(d) -> bool:
        return any(p.is_displayed() for p in d.find_elements("css selector", ".xdsoft_datetimepicker"))

    from selenium.common.exceptions import TimeoutException

    field.send_keys(Keys.ESCAPE)
    if picker_open(driver):
        field.send_keys(Keys.TAB)
    try:
        waiting(driver, 1).until(lambda d: not picker_open(d))
    except TimeoutException:  # still open (Tab reached another date field): click empty space,
        # which the picker hears as a mousedown on the document
        driver.execute_script("document.body.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))")
    try:
        waiting(driver).until(lambda d: not picker_open(d))
    except TimeoutException:
        state = driver.execute_script(
            "return [document.activeElement && (document.activeElement.id || document.activeElement.tagName),"
            " Array.from(document.querySelectorAll('.xdsoft_datetimepicker'))"
            ".filter(p => p.offsetParent !== null).map(p => p.className)]"
        )
        raise TimeoutException(f"the date picker stayed open: {state}") from None


def by_words(driver, words: str, tag: str = "a", within: str = "main"):
    """The `tag` element (a link, a button, a summary) reading `words` inside `within` (a CSS
    selector), as a reader finds it: by its own text, whatever the CSS shows (kickers are in
    capitals)."""
    assert '"' not in words, words
    scope = driver.find_element("css selector", within)
    return scope.find_element("xpath", f'.//{tag}[normalize-space()="{words}"]')


def tap(driver, words: str, tag: str = "a", within: str = "main"):
    """Tap the link (or button) reading `words` and wait for the page it opens."""
    element = by_words(driver, words, tag, within)
    with navigation(driver):
        element.click()


def labelled(driver, label: str):
    """The form control whose <label> reads `label` (its own words, not its options'), as a
    reader finds a field; wrapped (<label>Năm <select>) or pointed to (<label for>)."""
    control = driver.execute_script(
        """
        for (const label of document.querySelectorAll("label")) {
            const own = [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
                .map((node) => node.textContent).join(" ").replace(/\\s+/g, " ").trim();
            if (own === arguments[0] && label.control) return label.control;
        }
        return null;
        """,
        label,
    )
    assert control is not None, f"no field labelled “{label}” on {driver.current_url}"
    return control


def choose(driver, label: str, option: str):
    """Pick the option with these words in the select labelled `label`."""
    from selenium.webdriver.support.select import Select

    Select(labelled(driver, label)).select_by_visible_text(option)


def chosen(driver, label: str) -> str:
    """The words of the option the select labelled `label` shows as chosen."""
    from selenium.webdriver.support.select import Select

    return Select(labelled(driver, label)).first_selected_option.text.strip()
