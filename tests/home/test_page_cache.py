"""The page cache for anonymous readers (home.page_cache): what enters it, what a hit costs,
that publishing replaces it at once, and that nothing personal is ever served from it."""

import gzip

import brotli
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry

from home import content_version as content_version_module
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

BR = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}
PUBLIC_URLS = [
    "/",
    "/nguoi-tot-viec-tot/",
    "/mo-hinh/?tinh=ha-noi",
    "/nguon-tin/rss/",
    "/nguon-tin/json/",
    "/nhung/",
]


def newest_story() -> StoryPage:
    return StoryPage.objects.live().public().order_by("-first_published_at").first()


def body_of(response) -> str:
    encoding = response.get("Content-Encoding", "")
    content = response.content
    if encoding == "br":
        content = brotli.decompress(content)
    elif encoding == "gzip":
        content = gzip.decompress(content)
    return content.decode()


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "story"])
def test_an_anonymous_page_is_kept_compressed_and_answered_without_a_query(client, url):
    url = newest_story().url if url == "story" else url
    with override_settings(PAGE_CACHE_SECONDS=0):
        plain = client.get(url)
    first = client.get(url, **BR)
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "br"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(url, **GZIP)
    assert len(queries) == 0  # the content version was read a moment ago
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert int(hit["Content-Length"]) == len(hit.content) < len(plain.content)
    # Every encoding says the same as the page built without the cache (feeds stamp no time).
    identity = client.get(url)
    assert "Content-Encoding" not in identity
    assert body_of(first) == body_of(hit) == identity.content.decode()
    assert plain["Cache-Control"] == hit["Cache-Control"]
    assert plain["Content-Type"] == hit["Content-Type"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304 and again["ETag"] == hit["ETag"] and len(queries) == 0
    assert not again.content
    with override_settings(PAGE_CACHE_VERSION_SECONDS=0), CaptureQueriesContext(connection) as queries:
        assert client.get(url, **GZIP)["X-Page-Cache"] == "hit"
    assert len(queries) == 1  # the content version, read on every request


def test_publishing_a_story_changes_the_cached_home_section_feed_and_story_at_once(client):
    story = newest_story()
    urls = ["/", "/nguoi-tot-viec-tot/", "/nguon-tin/rss/", story.url, "/api/v2/bai-viet/"]
    for url in urls:
        client.get(url, **BR)
        assert client.get(url, **BR)["X-Page-Cache"] == "hit", url
        assert story.title in body_of(client.get(url, **BR)), url

    story.title = "Cụ bà nhặt được ví trả lại người đánh rơi ngay trong ngày"
    story.save_revision().publish()

    for url in urls:
        response = client.get(url, **BR)
        assert response["X-Page-Cache"] == "miss", url
        assert "Cụ bà nhặt được ví" in body_of(response), url

    # And unpublishing takes it away from the very next request too.
    story.unpublish()
    assert client.get(story.url, **BR).status_code == 404
    assert "Cụ bà nhặt được ví" not in body_of(client.get("/", **BR))


def test_a_miss_reads_the_content_version_once(client):
    """The version the cache key is made of is the one the page is then built with."""
    url = "/nguoi-tot-viec-tot/"
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url)  # caches and renditions are made on the first view
        with CaptureQueriesContext(connection) as plain:
            client.get(url)
    content_version_module.forget_recent_version()  # as a second after the last read
    with CaptureQueriesContext(connection) as miss:
        assert client.get(url)["X-Page-Cache"] == "miss"
    reads = [
        q for q in miss.captured_queries if 'FROM "wagtailcore_pagelogentry" ORDER BY id DESC' in q["sql"]
    ]
    assert len(reads) == 1
    assert len(miss) == len(plain)


def test_a_change_saved_by_another_worker_is_served_within_the_version_window(client, monkeypatch):
    """Another process's publish reaches this one's page cache when its version is read again.

    Written without signals (bulk_create, update), as this process would see another's write.
    """
    clock = [1000.0]
    monkeypatch.setattr(content_version_module, "_clock", lambda: clock[0])
    story = newest_story()
    client.get(story.url, **BR)
    assert client.get(story.url, **BR)["X-Page-Cache"] == "hit"

    StoryPage.objects.filter(pk=story.pk).update(title="Tiêu đề mới do tiến trình khác đăng")
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page_id=story.pk,
                content_type=story.content_type,
                action="wagtail.publish",
                label="x",
                timestamp=timezone.now(),
            )
        ]
    )
    clock[0] += 0.5  # within the window: the version read a moment ago still answers
    stale = client.get(story.url, **BR)
    assert stale["X-Page-Cache"] == "hit" and "Tiêu đề mới" not in body_of(stale)
    clock[0] += 0.6  # past PAGE_CACHE_VERSION_SECONDS (1): read again, the new page
    fresh = client.get(story.url, **BR)
    assert fresh["X-Page-Cache"] == "miss" and "Tiêu đề mới do tiến trình khác đăng" in body_of(fresh)


def test_a_signed_in_editor_never_receives_a_cached_page_nor_leaves_one(client):
    story = newest_story()
    for url in ("/", story.url):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    editor = Client(HTTP_HOST="127.0.0.1")
    editor.force_login(
        get_user_model().objects.create_superuser("bientap-cache", "b@example.vn", "mat-khau-dai-123")
    )
    for url in ("/", story.url):
        response = editor.get(url, **BR)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    # What the editor was shown (the admin's user bar) never reaches a reader.
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert "userbar" in body_of(editor.get(story.url, **BR))
    for url in ("/", story.url):
        response = client.get(url, **BR)
        assert response["X-Page-Cache"] == "hit"
        assert "userbar" not in body_of(response)


def test_a_reader_with_any_cookie_is_answered_uncached(client):
    client.get("/")
    client.cookies["sessionid"] = "khong-hop-le"
    response = client.get("/")
    assert "X-Page-Cache" not in response
    response = client.get("/", HTTP_AUTHORIZATION="Basic eDp5", HTTP_COOKIE="")
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "story", "/api/v2/bai-viet/", "/api/v2/openapi.json"])
def test_no_cached_page_carries_a_cookie_or_a_csrf_token(client, url):
    url = newest_story().url if url == "story" else url
    client.get(url, **BR)
    response = client.get(url, **BR)
    assert response["X-Page-Cache"] == "hit"
    assert not response.cookies and not response.has_header("Set-Cookie")
    body = body_of(response)
    assert "csrfmiddlewaretoken" not in body and "csrftoken" not in body


@pytest.mark.parametrize(
    "url",
    [
        "/tim-kiem/?q=camera",  # a search with words
        "/tim-kiem/goi-y/?q=cam",  # suggestions
        "/suc-khoe/",  # the health check
        "/admin/login/",  # the admin and its forms (a CSRF cookie)
        "/khong-co-trang-nay/",  # not a 200
    ],
)
def test_personal_and_live_answers_never_enter_the_cache(client, url):
    for _ in range(2):
        response = client.get(url, **BR)
        assert "X-Page-Cache" not in response, url


def test_answers_outside_the_cache_are_compressed_too_but_not_the_admin(client):
    search = client.get("/tim-kiem/?q=camera", **BR)
    assert search["Content-Encoding"] == "br" and "Accept-Encoding" in search["Vary"]
    assert "camera" in body_of(search).lower()
    assert "private" in search["Cache-Control"]
    admin = client.get("/admin/login/", **BR)
    assert "Content-Encoding" not in admin


def test_a_page_cache_of_zero_seconds_turns_it_off(client):
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get("/")
        response = client.get("/", **BR)
    assert "X-Page-Cache" not in response
    assert response["Content-Encoding"] == "br"  # still compressed
