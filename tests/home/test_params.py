"""One set of public parameter names on sections, search, feeds and the widget; old spellings
answer 301 so shared links keep working; an unknown name on a feed is refused, by name."""

import json
import re
from urllib.parse import urlsplit

import pytest

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "/nguoi-tot-viec-tot/?chude=phong-chay-chua-chay",
            "/nguoi-tot-viec-tot/?chu-de=phong-chay-chua-chay",
        ),
        (
            "/nguoi-tot-viec-tot/?tinh=ha-noi&chude=cuop-giat&trang=2",
            "/nguoi-tot-viec-tot/?tinh=ha-noi&chu-de=cuop-giat&trang=2",
        ),
        ("/mo-hinh/?loai=nha-tro-tu-quan-van-minh", "/mo-hinh/?mo-hinh=nha-tro-tu-quan-van-minh"),
        ("/tim-kiem/?q=chay&loai=cau-chuyen", "/tim-kiem/?q=chay&loai=nguoi-tot-viec-tot"),
        ("/tim-kiem/?q=chay&chude=phong-chay-chua-chay", "/tim-kiem/?q=chay&chu-de=phong-chay-chua-chay"),
    ],
)
def test_old_spellings_answer_301_to_the_current_ones(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_a_section_takes_its_own_kind_and_refuses_another(client):
    assert client.get("/nguoi-tot-viec-tot/?loai=nguoi-tot-viec-tot").status_code == 200
    response = client.get("/nguoi-tot-viec-tot/?loai=dien-dan")
    assert response.status_code == 400
    assert "Chuyên mục này chỉ có tin loại “Người tốt, việc tốt”" in response.content.decode()


@pytest.mark.parametrize("url", ["/nguon-tin/rss/?chude=x", "/nguon-tin/json/?tinh=ha-noi&chude=cuop-giat"])
def test_an_unknown_parameter_on_a_feed_is_refused_by_name(client, url):
    response = client.get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Không có tham số “chude”" in text and "Hãy dùng “chu-de”" in text


def test_posting_tools_tracking_parameters_are_let_by(client):
    assert client.get("/nguon-tin/rss/?loai=mo-hinh&utm_source=dlvr.it").status_code == 200
    assert client.get("/nhung/?utm_medium=iframe").status_code == 200
    assert client.get("/nhung/?chude=x").status_code == 400


SLICES = [
    {"tinh": "ha-noi", "loai": "nguoi-tot-viec-tot", "chu-de": "phong-chay-chua-chay"},
    {
        "tinh": "ha-noi",
        "xa": "phuong-hoan-kiem",
        "loai": "nguoi-tot-viec-tot",
        "chu-de": "phong-chay-chua-chay",
    },
    {"tinh": "ha-noi", "loai": "nguoi-tot-viec-tot", "nam": "2026"},
]


def _in_slice(slice_params) -> set[str]:
    """The stories of the slice, by the ORM directly (not through any surface)."""
    stories = StoryPage.objects.live().filter(commune__province__slug=slice_params["tinh"])
    if "xa" in slice_params:
        stories = stories.filter(commune__slug=slice_params["xa"])
    if "chu-de" in slice_params:
        stories = stories.filter(tags__name="phòng cháy chữa cháy")
    if "nam" in slice_params:
        stories = stories.filter(deed_date__year=int(slice_params["nam"]))
    return {story.url for story in stories}


def _story_links(html: str) -> set[str]:
    return set(re.findall(r'href="(/nguoi-tot-viec-tot/[^"?#]+/)"', html)) - {"/nguoi-tot-viec-tot/"}


@pytest.mark.parametrize("slice_params", SLICES, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_one_slice_filters_identically_on_sections_search_feeds_and_widget(client, slice_params):
    expected = _in_slice(slice_params)
    assert expected, "the demo site has stories in this slice"
    all_stories = {story.url for story in StoryPage.objects.live()}
    assert expected < all_stories

    section = client.get("/nguoi-tot-viec-tot/", slice_params)
    assert section.status_code == 200
    assert _story_links(section.content.decode()) == expected

    feed = json.loads(client.get("/nguon-tin/json/", slice_params).content)
    assert {urlsplit(item["url"]).path for item in feed["items"]} == expected

    widget = client.get("/nhung/", {**slice_params, "so": "20"}).content.decode()
    assert {urlsplit(url).path for url in re.findall(r'<a class="card" href="([^"]+)"', widget)} == expected

    # Search needs words: what it finds with the slice is what it finds without it, in the slice.
    outside = set()
    for word in ("chay", "nguoi", "phuong"):
        unfiltered = _searched(client, {"q": word, "loai": "nguoi-tot-viec-tot"})
        outside |= unfiltered - expected
        assert _searched(client, {"q": word, **slice_params}) == unfiltered & expected, word
    assert outside  # the words alone also find stories outside the slice


def _searched(client, query) -> set[str]:
    """Every story a search lists, over all its pages."""
    found, number = set(), 1
    while True:
        html = client.get("/tim-kiem/", {**query, "trang": number}).content.decode()
        found |= _story_links(html)
        if 'rel="next"' not in html:
            return found
        number += 1
