"""The widget in a real browser: embedded on another origin, it shows cards and resizes itself.

Headless Chromium from the Debian packages `chromium` and `chromium-driver` (skipped with a
reason when they are missing, a failure in CI), driven through the shared fixtures of
tests/browser.py. The site is served from a thread of this process, against the same test
database (SQLite in memory, shared cache) with the demo content; the embedding page comes from
a second server on another origin (`localhost` instead of `127.0.0.1`).
"""

import socketserver
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler

import pytest

from tests.browser import BROWSER_MARKS, csp_violations

pytestmark = BROWSER_MARKS


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

    # The story page refuses to be framed (frame-ancestors 'none', X-Frame-Options: DENY): the
    # frame holds no story, and the browser says why.
    browser.switch_to.frame(browser.find_element(By.ID, "bai-viet"))
    assert story.title not in browser.page_source
    browser.switch_to.default_content()
    refused = csp_violations(browser)  # read here, so the fixture finds no other violation
    assert refused and all("frame-ancestors 'none'" in message for message in refused), refused


def test_fanpage_admin_builds_a_slice_embeds_it_elsewhere_and_follows_more_to_the_slice(
    site_server, other_origin, browser, client
):
    """In /lay-tin/ a fanpage admin picks a kind, a province and then a commune, which appears
    without a reload; pastes the embed code into a page on another origin, where the widget
    resizes to its content; and "Xem thêm" opens the section filtered the same way."""
    from urllib.parse import urlsplit

    from selenium.webdriver.common.by import By
    from wagtail.models import Site

    from tests.browser import choose, chosen, labelled, waiting

    # The site's own links (cards, "Xem thêm") carry its root URL: the server of this test.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=urlsplit(site_server).port)
    # Renditions for every preview the builder will show, made now (see site_server).
    for query in ("", "?loai=nguoi-tot-viec-tot", "?tinh=ha-noi&loai=nguoi-tot-viec-tot"):
        assert client.get(f"/nhung/{query}").status_code == 200
    assert client.get("/nhung/?tinh=ha-noi&xa=phuong-hoan-kiem&loai=nguoi-tot-viec-tot").status_code == 200
    wait = waiting(browser)

    def settled():
        wait.until(lambda d: d.execute_script('return !document.getElementById("chon-nguon-tin").ariaBusy'))

    browser.get(f"{site_server}/lay-tin/")
    browser.execute_script("window.samePage = true")  # gone if the page reloads
    commune = labelled(browser, "Xã, phường, đặc khu")
    assert not commune.is_enabled()
    choose(browser, "Loại tin", "Người tốt, việc tốt")
    settled()
    choose(browser, "Tỉnh, thành phố", "Thành phố Hà Nội")
    wait.until(lambda d: labelled(d, "Xã, phường, đặc khu").is_enabled())
    settled()
    choose(browser, "Xã, phường, đặc khu", "Phường Hoàn Kiếm")
    settled()
    wait.until(
        lambda d: "xa=phuong-hoan-kiem" in d.find_element(By.ID, "ma-nhung-code").get_attribute("value")
    )
    assert browser.execute_script("return window.samePage") is True  # no reload on the way
    assert chosen(browser, "Tỉnh, thành phố") == "Thành phố Hà Nội"
    assert "tinh=ha-noi&xa=phuong-hoan-kiem&loai=nguoi-tot-viec-tot" in browser.current_url  # shareable
    embed = browser.find_element(By.ID, "ma-nhung-code").get_attribute("value")
    assert (
        "Xem trước: Người tốt, việc tốt · Phường Hoàn Kiếm, Hà Nội"
        in browser.find_element(By.TAG_NAME, "main").text
    )

    page = other_origin(
        f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phường Hoàn Kiếm</title></head>
<body><h1>Trang thông tin phường Hoàn Kiếm</h1>
{embed}
</body></html>"""
    )
    browser.get(page)
    frame = browser.find_element(By.CSS_SELECTOR, "iframe[data-binh-yen]")
    assert 'height="600"' in embed  # as pasted; the loader then sets the widget's own height
    wait.until(lambda d: frame.size["height"] != 600)
    height = frame.size["height"]
    browser.switch_to.frame(frame)
    content = browser.execute_script("return document.documentElement.getBoundingClientRect().height")
    assert abs(height - content) <= 2
    cards = browser.find_elements(By.CSS_SELECTOR, "a.card")
    assert cards and all("Phường Hoàn Kiếm, Hà Nội" in card.text for card in cards)
    before = set(browser.window_handles)
    browser.find_element(By.PARTIAL_LINK_TEXT, "Xem thêm").click()  # opens in a new tab
    wait.until(lambda d: len(d.window_handles) > len(before))
    browser.switch_to.window(next(iter(set(browser.window_handles) - before)))
    wait.until(
        lambda d: d.execute_script("return document.readyState") == "complete" and "/nguoi" in d.current_url
    )

    landed = urlsplit(browser.current_url)
    assert (landed.path, landed.query) == ("/nguoi-tot-viec-tot/", "tinh=ha-noi&xa=phuong-hoan-kiem")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Người tốt, việc tốt"
    metas = [meta.text for meta in browser.find_elements(By.CSS_SELECTOR, "main .card .meta")]
    assert metas and all(meta.startswith("Phường Hoàn Kiếm, Hà Nội") for meta in metas)
