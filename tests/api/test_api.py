"""The headless API for ward apps (/api/v2/): what it lists, how it filters, what it never shows,
its errors, caching and CORS. Its schema is fuzzed in test_schema.py."""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from feeds.slices import FeedSlice
from forums.models import ForumAnnouncementPage
from home import kinds
from home.models import visible
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage
from tests.helpers import a_showcase, a_story

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/bai-viet/"
MARKS = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def listing(client, **query):
    response = client.get(LISTING, query)
    assert response.status_code == 200, response.content
    return response.json()


def every_id(client, **query) -> list[int]:
    """Every page a listing holds, paging through it with `offset`."""
    ids, offset = [], 0
    while True:
        data = listing(client, limit=50, offset=offset, **query)
        ids += [item["id"] for item in data["items"]]
        offset += 50
        if offset >= data["meta"]["total_count"]:
            return ids


def visible_ids(**query) -> set[int]:
    """What the feeds' slice holds for the same parameters (the one filtering rule)."""
    found = FeedSlice.from_params(query, paged=False)
    return {pk for kind in found.slice_kinds for pk in found.queryset(kind).values_list("pk", flat=True)}


def test_the_listing_holds_every_visible_page_of_every_kind_newest_first(client):
    data = listing(client, limit=50)
    expected = {
        pk
        for kind in kinds.all_kinds()
        for pk in visible(kind.model.objects.all()).values_list("pk", flat=True)
    }
    assert data["meta"]["total_count"] == len(expected)
    assert set(every_id(client)) == expected
    assert {item["meta"]["loai"] for item in data["items"]} == {kind.slug for kind in kinds.all_kinds()}
    published = [item["meta"]["first_published_at"] for item in data["items"]]
    assert published == sorted(published, reverse=True)
    item = next(item for item in data["items"] if item["meta"]["loai"] == "nguoi-tot-viec-tot")
    story = StoryPage.objects.get(pk=item["id"])
    assert item["title"] == story.title and item["sapo"] == story.sapo
    assert item["kicker"] == story.kicker and item["deed_date"] == story.deed_date.isoformat()
    assert item["place"] == {
        "name": story.place_name,
        "tinh": story.province.slug,
        "xa": [story.commune.slug],
    }
    assert item["meta"]["html_url"] == story.full_url
    assert item["meta"]["detail_url"] == f"http://127.0.0.1:8000/api/v2/bai-viet/{story.pk}/"
    assert "body" not in item  # a listing carries a card's worth; the page itself has the rest


@pytest.mark.parametrize(
    "query",
    [
        {"loai": "nguoi-tot-viec-tot"},
        {"loai": "mo-hinh"},
        {"loai": "dien-dan"},
        {"tinh": "ha-noi"},
        {"xa": "phuong-hoan-kiem"},
        {"tinh": "ha-noi", "loai": "mo-hinh"},
        {"chu-de": "phong-chay-chua-chay"},
        {"mo-hinh": "camera-an-ninh"},
        {"nam": "2025"},
    ],
)
def test_the_public_parameters_give_what_feeds_and_sections_give(client, query):
    ids = every_id(client, **query)
    assert ids, query
    assert set(ids) == visible_ids(**query)


def test_since_lists_only_what_was_published_or_updated_from_then(client):
    story = a_story()
    StoryPage.objects.filter(pk__in=visible_ids()).update(
        last_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    StoryPage.objects.filter(pk=story.pk).update(last_published_at=timezone.now())
    today = timezone.localdate().isoformat()
    data = listing(client, since=today, loai="nguoi-tot-viec-tot")
    assert [item["id"] for item in data["items"]] == [story.pk]
    moment = (timezone.now() - datetime.timedelta(days=31)).isoformat()
    assert len(every_id(client, since=moment, loai="nguoi-tot-viec-tot")) > 1


def test_a_page_shows_its_structured_fields_rich_text_as_html_and_images_as_renditions(client):
    showcase = a_showcase()
    data = client.get(f"{LISTING}{showcase.pk}/").json()
    assert data["meta"]["loai"] == "mo-hinh" and data["meta"]["type"] == "models_showcase.ModelShowcasePage"
    assert data["model_type"] == {"slug": showcase.model_type.slug, "name": showcase.model_type.name}
    assert data["year_started"] == showcase.year_started and data["status"] == showcase.status
    assert data["how_it_works"].startswith("<") and "linktype=" not in data["how_it_works"]
    series = showcase.figure_series()[0]
    assert data["figures"][0] == {
        "label": series.label,
        "unit": series.unit,
        "values": [{"value": float(v.value), "as_of": v.as_of.isoformat()} for v in series.values],
    }
    points = showcase.point_summary()
    assert data["record"]["points"] == points["count"] > 0 and data["record"]["retired"] is False
    hero = data["hero"]["image"]
    rendition = showcase.hero_image.get_rendition("fill-1200x630-c75|format-jpeg|jpegquality-80")
    assert (hero["width"], hero["height"], hero["url"]) == (rendition.width, rendition.height, rendition.url)
    assert hero["full_url"].startswith("http://127.0.0.1:8000/media/")

    story = a_story()
    data = client.get(f"{LISTING}{story.pk}/").json()
    assert data["deed_type"] == story.deed_type and data["byline"] == story.byline
    assert "<p>" in data["body"] and "linktype=" not in data["body"]
    # Addresses inside the HTML are absolute, for apps that show it outside the site.
    assert not re.search(r'(src|href)="/', data["body"])
    assert data["topics"] == story.topic_names

    forum = ForumAnnouncementPage.objects.live().first()
    data = client.get(f"{LISTING}{forum.pk}/").json()
    assert data["starts_at"] == timezone.localtime(forum.starts_at).isoformat()
    assert data["status"] == forum.status and data["status_label"] == forum.status_label
    assert data["venue"] == forum.venue and data["chairs"]


def test_people_appear_only_as_they_agreed(client):
    """The API prints names as the page does (`display_name`): never a withheld full name, nor
    consent records."""
    checked = 0
    for story in visible(StoryPage.objects.all()):
        body = client.get(f"{LISTING}{story.pk}/").content.decode()
        for person in story.people.all():
            assert person.display_name in body
            if not person.name_visible:
                assert person.full_name not in body, story.title
                checked += 1
        assert "consent" not in body and "full_name" not in body
    assert checked, "the demo has people shown by their initials"


def test_draft_restricted_and_expired_pages_never_appear(client):
    admin = get_user_model().objects.create_superuser("bien-tap-api", "api@example.vn", "mat-khau-dai-123")
    stories = StoryPage.objects.live().order_by("pk")
    restricted, expired, unpublished, drafted = stories[0], stories[1], stories[2], stories[3]
    never_published = StoryPage.objects.filter(live=False).first()
    assert never_published is not None, "the demo has a draft awaiting consent"
    for page in (restricted, expired, unpublished):
        assert client.get(f"{LISTING}{page.pk}/").status_code == 200

    PageViewRestriction.objects.create(page=Page.objects.get(pk=restricted.pk), restriction_type="login")
    StoryPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    unpublished.unpublish()
    drafted.title = "Bản nháp chưa được duyệt"
    drafted.save_revision()

    hidden = {restricted.pk, expired.pk, unpublished.pk, never_published.pk}
    for signed_in in (False, True):  # an editor sees through the API what anyone sees
        if signed_in:
            client.force_login(admin)
        for query in (
            {},
            {"loai": "nguoi-tot-viec-tot"},
            {"xa": restricted.commune.slug, "tinh": restricted.province.slug},
        ):
            assert not hidden & set(every_id(client, **query)), query
        for pk in hidden:
            response = client.get(f"{LISTING}{pk}/")
            assert response.status_code == 404
            assert "không công khai" in response.json()["message"]
        assert "Bản nháp chưa được duyệt" not in client.get(f"{LISTING}{drafted.pk}/").content.decode()
        assert "Bản nháp chưa được duyệt" not in client.get(LISTING, {"limit": 50}).content.decode()
    # A section index or the home page is not an article.
    assert client.get(f"{LISTING}{Page.objects.get(depth=2).pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "tinh=khong-co-tinh-nay",
        "xa=khong-co-xa-nay",
        "loai=cau-chuyen-la",
        "chu-de=khong-co",
        "mo-hinh=khong-co",
        "loai=dien-dan&chu-de=phong-chay-chua-chay",
        "nam=12",
        "nam=999999999999",
        "since=hom-qua",
        "since=2026-02-30",
        "since=2026-13-01T00:00:00",
        "limit=0",
        "limit=51",
        "limit=1000000000000",
        "offset=-1",
        "offset=abc",
        "tinh=%3Cscript%3Ealert(1)%3C/script%3E",
        "xa=%FF%FE",
        "q=" + "a" * 5000,
        "chude=an-ninh",
        "type=stories.StoryPage",
        "fields=*",
        "format=xml",
    ],
)
def test_bad_parameters_answer_400_in_vietnamese(client, query):
    response = client.get(f"{LISTING}?{query}")
    assert response.status_code == 400, query
    message = response.json()["message"]
    assert MARKS.search(message), message
    assert "<script>" not in message


def test_a_page_address_refuses_parameters_and_unknown_pages_in_vietnamese(client):
    story = a_story()
    response = client.get(f"{LISTING}{story.pk}/?tinh=ha-noi")
    assert response.status_code == 400 and MARKS.search(response.json()["message"])
    response = client.get(f"{LISTING}999999999/")
    assert response.status_code == 404 and MARKS.search(response.json()["message"])
    assert client.get(f"{LISTING}{story.pk}/", HTTP_ACCEPT="text/html").status_code == 200
    assert client.get(f"{LISTING}{story.pk}/", HTTP_AUTHORIZATION="Basic eDp5").status_code == 200


def test_responses_carry_an_etag_answer_304_and_change_when_content_is_published(client):
    for url in (LISTING, f"{LISTING}?loai=nguoi-tot-viec-tot", f"{LISTING}{a_story().pk}/"):
        response = client.get(url)
        etag = response["ETag"]
        assert response["Content-Type"] == "application/json"
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage=600" in cache_control and "max-age=60" in cache_control
        assert "Accept-Encoding" in response["Vary"]
        assert not response.cookies
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again["ETag"] == etag
        assert len(queries) == 0  # the page cache, under the content version read a moment ago
    before = client.get(LISTING)["ETag"]
    story = a_story()
    story.title = "Tin mới sửa"
    story.save_revision().publish()
    response = client.get(LISTING, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200 and response["ETag"] != before
    assert "Tin mới sửa" in response.content.decode()


def test_cors_is_open_for_reading(client):
    response = client.get(LISTING, HTTP_ORIGIN="https://zalo.me")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        LISTING, HTTP_ORIGIN="https://zalo.me", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert client.get(f"{LISTING}?tinh=x")["Access-Control-Allow-Origin"] == "*"  # errors too
    assert client.post(LISTING).status_code == 405


@override_settings(PAGE_CACHE_SECONDS=0)  # what building the answer costs; a cache hit costs one query
def _listing_queries(client, query) -> int:
    client.get(LISTING, query)  # renditions and cached lookups are made on the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LISTING, query).status_code == 200
    return len(queries)


def test_a_listing_costs_a_fixed_number_of_queries(client):
    # The content version (the view restrictions of the visibility rule and the site, for
    # `html_url`, are kept under it: home.models.private_sections, home.known_site); for each
    # kind of the slice its newest keys (the total was counted on the first request of this
    # content version); then for each kind on the page its pages, their lead images and the
    # images' renditions, and the relations its cards print (a story's people, a showcase's
    # communes): 1 + 3 + 3 + 4 + 4 with all three kinds, whatever the limit.
    assert _listing_queries(client, {"limit": 50}) == 15
    assert _listing_queries(client, {"limit": 5, "loai": "dien-dan"}) == 5
    assert _listing_queries(client, {"limit": 50, "loai": "dien-dan"}) == 5
    assert _listing_queries(client, {"limit": 50, "loai": "nguoi-tot-viec-tot", "tinh": "ha-noi"}) == 6


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_total_follows_publishing_at_once(client):
    """The total is kept until the content changes: unpublishing a story lowers it at once."""
    before = listing(client, loai="nguoi-tot-viec-tot")["meta"]["total_count"]
    since = listing(client, loai="nguoi-tot-viec-tot", since="2000-01-01")["meta"]["total_count"]
    assert since == before
    a_story().unpublish()
    assert listing(client, loai="nguoi-tot-viec-tot")["meta"]["total_count"] == before - 1
    assert listing(client)["meta"]["total_count"] == len(every_id(client))


@override_settings(PAGE_CACHE_SECONDS=0)
def test_a_page_costs_a_fixed_number_of_queries(client):
    for page in (a_story(), a_showcase(), ForumAnnouncementPage.objects.live().first()):
        url = f"{LISTING}{page.pk}/"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        # The listing's few, the page's own relations (people, topics, communes), the related
        # showcase's visibility and the renditions of the images in its body.
        assert len(queries) <= 16, (page, [q["sql"] for q in queries])


def test_the_openapi_document_is_served_at_a_stable_address(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.0")
    assert set(document["paths"]) == {"/api/v2/bai-viet/", "/api/v2/bai-viet/{id}/"}
    names = {p["name"] for p in document["paths"]["/api/v2/bai-viet/"]["get"]["parameters"]}
    assert {"tinh", "xa", "loai", "chu-de", "since"} <= names
    loai = next(p for p in document["paths"]["/api/v2/bai-viet/"]["get"]["parameters"] if p["name"] == "loai")
    assert loai["schema"]["enum"] == [kind.slug for kind in kinds.all_kinds()]
    for model in (StoryPage, ModelShowcasePage, ForumAnnouncementPage):
        assert model.__name__ in document["components"]["schemas"]
    assert response["Access-Control-Allow-Origin"] == "*"
