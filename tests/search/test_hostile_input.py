"""Never fails: any query string and any filter value answers 200 (or 4xx), never 5xx.

Runs on SQLite and, in CI, on PostgreSQL (which rejects NUL characters in text parameters).
A response that used the "try again later" safety net counts as a failure here: that net is
for broken databases, not for readers' input.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search.helpers import FAILURE

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    '""',
    '"unbalanced quote',
    "'",
    "''; DROP TABLE wagtailcore_page; --",
    "\x00",
    "an\x00ninh",
    "\x01\x02\x1b[31m\x7f",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u3000",
    "\u200b\u200d\ufeff",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "\u0301\u0303",  # combining marks alone
    "🙂🚓",
    "𝔡𝔬𝔫𝔤 𝔡𝔞",
    "x" * 5000,
    "ệ" * 5000,
    " ".join(["tu"] * 500),
    " ".join(f"từ{i}" for i in range(500)),
    "<script>alert(1)</script>",
    "%",
    "%%",
    "\\",
    "*",
    "NEAR(an ninh)",
    "an AND OR NOT",
    "title:camera",
    "{title body}: an",
    "-an",
    "^an",
    "()",
    "a" * 65 + " an",
    "\ufffd\ufffd",
]

HOSTILE_FILTERS = [
    {"tinh": "\x00"},
    {"tinh": "' OR 1=1 --"},
    {"tinh": "a" * 5000},
    {"tinh": "ha-noi", "xa": "\x00"},
    {"tinh": "ha-noi", "xa": "x" * 300},
    {"xa": "phuong-dong-da"},  # a commune without its province
    {"loai": "\x00"},
    {"loai": "<b>"},
    {"sap-xep": "random()"},
    {"tu": "2024-13-45"},
    {"tu": "99999-01-01"},
    {"tu": "0000-00-00", "den": "\u2028"},
    {"tu": "2026-01-01", "den": "2020-01-01"},
    {"den": "31/02/2024"},
    {"trang": "0"},
    {"trang": "-1"},
    {"trang": "1000000000000"},
    {"trang": "1e9"},
    {"trang": "\x00"},
    {"trang": "9" * 5000},
]


def assert_answers(response):
    assert response.status_code in (200, 400, 404, 405), response.status_code
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert FAILURE not in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries(client, query):
    assert_answers(client.get("/tim-kiem/", {"q": query}))
    assert_answers(client.get("/tim-kiem/", {"q": query, "tinh": "ha-noi", "sap-xep": "moi-nhat"}))
    response = client.get("/tim-kiem/goi-y/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize("filters", HOSTILE_FILTERS)
def test_hostile_filter_values(client, filters):
    response = client.get("/tim-kiem/", {"q": "an ninh", **filters})
    assert_answers(response)
    assert response.status_code == 200


def test_repeated_and_unknown_parameters(client):
    assert_answers(client.get("/tim-kiem/?q=an&q=ninh&q=%00&tinh=ha-noi&tinh=x&foo=bar&trang=2&trang=x"))


def test_broken_utf8_in_the_query_string(client):
    for raw in ("q=%ff%fe%fd", "q=%ED%A0%80", "q=%C3", "tinh=%ff&q=an", "q=%E1%BB"):
        assert_answers(client.get("/tim-kiem/", QUERY_STRING=raw))
        assert client.get("/tim-kiem/goi-y/", QUERY_STRING=raw).status_code == 200


def test_the_query_is_echoed_safely(client):
    html = client.get("/tim-kiem/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html
    html = client.get("/tim-kiem/", {"q": "an\x00ninh\u2028x"}).content.decode()
    assert "\x00" not in html and "\u2028" not in html


PARAM_NAMES = st.sampled_from(["q", "loai", "tinh", "xa", "tu", "den", "sap-xep", "trang"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), filters=st.dictionaries(PARAM_NAMES, st.text(max_size=40), max_size=4))
def test_any_query_and_filters_answer(client, query, filters):
    response = client.get("/tim-kiem/", {**filters, "q": query})
    assert_answers(response)
    assert response.status_code == 200
    suggestions = client.get("/tim-kiem/goi-y/", {"q": query})
    assert suggestions.status_code == 200


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12), max_size=600))
def test_any_number_of_words_answers(client, words):
    assert_answers(client.get("/tim-kiem/", {"q": " ".join(words)[:6000]}))
