"""The API from a ward app's page on another origin, in headless Chromium: CORS lets it read a
listing (compressed, as the browser asks), the ETag is exposed, and the conditional request,
which needs a preflight because of its If-None-Match header, answers 304."""

from tests.browser import BROWSER_MARKS
from tests.feeds.test_widget_browser import other_origin  # noqa: F401 (a fixture)

pytestmark = BROWSER_MARKS

READ = """
const done = arguments[arguments.length - 1];
const url = arguments[0];
fetch(url)
  .then((first) => first.json().then((data) => [first, data]))
  .then(([first, data]) => {
    const etag = first.headers.get("ETag");
    return fetch(url, {headers: {"If-None-Match": etag}}).then((second) => done({
      status: first.status, etag: etag, items: data.items.length,
      kinds: data.items.map((item) => item.meta.loai), second: second.status,
    }));
  })
  .catch((error) => done({error: String(error)}));
"""


def test_a_page_on_another_origin_reads_the_api(site_server, other_origin, browser, client):  # noqa: F811
    url = f"{site_server}/api/v2/bai-viet/?tinh=ha-noi&limit=5"
    assert client.get("/api/v2/bai-viet/?tinh=ha-noi&limit=5").status_code == 200  # renditions made
    page = other_origin(
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Ứng dụng phường</title></head><body></body></html>'
    )
    assert page.startswith("http://localhost:")  # another origin than the site's 127.0.0.1
    browser.get(page)
    result = browser.execute_async_script(READ, url)
    assert "error" not in result, result
    assert result["status"] == 200 and result["items"] == 5
    assert set(result["kinds"]) <= {"nguoi-tot-viec-tot", "mo-hinh", "dien-dan"}
    assert result["etag"], "the ETag is exposed to scripts"
    assert result["second"] == 304
