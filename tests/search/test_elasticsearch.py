"""Elasticsearch: index settings and documents without a server, the database fallback with an
unreachable one, and (when ELASTICSEARCH_URL is set) the real thing."""

import json
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from forums.models import ForumAnnouncementPage
from search.backends.elasticsearch import FoldingElasticsearchBackend, FoldingMapping, breaker
from stories.models import StoryPage
from tests.search.helpers import FAILURE, result_urls

CLOSED_PORT = "http://127.0.0.1:9"
UNREACHABLE = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [CLOSED_PORT],
        "INDEX_PREFIX": "binhyen_test_",
        "TIMEOUT": 1,
        "FALLBACK": "database",
    },
    "database": {"BACKEND": "search.backends.database"},
}


def offline_backend():
    return FoldingElasticsearchBackend({"URLS": [CLOSED_PORT], "INDEX_PREFIX": "binhyen_test_"})


def text_fields(properties, path=""):
    for name, mapping in properties.items():
        if mapping.get("type") == "nested":
            yield from text_fields(mapping["properties"], f"{path}{name}.")
        elif mapping.get("type") == "text":
            yield f"{path}{name}", mapping


@pytest.mark.django_db
def test_every_analyzer_folds_and_none_stems_or_drops_words():
    analysis = offline_backend().settings["settings"]["analysis"]
    assert analysis["char_filter"]["vietnamese_barred_d"]["mappings"][:2] == ["đ => d", "Đ => d"]
    for name in ("default", "vietnamese_folded", "ngram_analyzer", "edgengram_analyzer"):
        analyzer = analysis["analyzer"][name]
        assert analyzer["char_filter"] == ["vietnamese_barred_d"], name
        assert analyzer["filter"][:2] == ["lowercase", "asciifolding"], name
    text = json.dumps(analysis)
    for unwanted in ("stop", "stemmer", "snowball", "english"):
        assert unwanted not in text


def test_mappings_search_with_the_folding_analyzers():
    for model in (Page, StoryPage, ForumAnnouncementPage):
        fields = dict(text_fields(FoldingMapping(model).get_mapping()["properties"]))
        assert fields
        for name, mapping in fields.items():
            # No analyzer means the index's folding "default"; autocomplete fields name theirs.
            assert mapping.get("analyzer") in (None, "edgengram_analyzer"), name
            assert mapping.get("search_analyzer") in (None, "vietnamese_folded"), name


@pytest.mark.django_db
def test_documents_are_folded_but_filters_are_not():
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    document = FoldingMapping(StoryPage).get_document(story)
    assert document["title"] == "tai xe xe om truy duoi ke cuop giat dien thoai tren pho hang bai"
    assert document["title_filter"] == story.title
    assert "phuong hoan kiem" in json.dumps(document["stories_storypage__commune"])
    flattened = json.dumps(
        {key: value for key, value in document.items() if not key.endswith("_filter")}, ensure_ascii=False
    )
    assert not any(ord(char) > 127 for char in flattened)


@pytest.mark.django_db
def test_queries_reach_elasticsearch_folded():
    results = offline_backend().search("Đống Đa", Page.objects.live())
    body = json.dumps(results.query_compiler.get_query(), ensure_ascii=False)
    assert "dong da" in body and "Đống" not in body


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_the_database(client):
    forum = ForumAnnouncementPage.objects.get(title__contains="chợ Đống Đa")
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        assert isinstance(get_search_backend(), FoldingElasticsearchBackend)
        for _ in range(2):  # the first request trips the breaker, the second skips Elasticsearch
            response = client.get("/tim-kiem/", {"q": "dong da"})
            assert response.status_code == 200
            html = response.content.decode()
            assert result_urls(response)[0] == forum.url
            for alarming in (FAILURE, "Elasticsearch", "sự cố", "lỗi"):
                assert alarming not in html
            assert breaker.is_open()
        suggestions = client.get("/tim-kiem/goi-y/", {"q": "cho dong d"}).json()["results"]
        assert forum.title in [item["title"] for item in suggestions]


@pytest.mark.django_db
def test_unreachable_elasticsearch_still_answers_before_the_breaker_trips(client):
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE):
        breaker.reset()
        assert result_urls(client.get("/tim-kiem/", {"q": "camera an ninh"}))


@pytest.mark.django_db
def test_publishing_works_while_elasticsearch_is_down(client):
    story = StoryPage.objects.get(title__startswith="Học sinh lớp 9")
    with override_settings(
        WAGTAILSEARCH_BACKENDS={**UNREACHABLE, "database": {"BACKEND": "search.backends.database"}}
    ):
        story.title = "Học sinh lớp 9 trả lại túi xách ở phường Đồng Xoài"
        story.save_revision().publish()
        response = client.get("/tim-kiem/", {"q": "dong xoai"})
        assert story.url in result_urls(response)


@pytest.mark.django_db
def test_reindex_command_reports_an_unreachable_elasticsearch():
    with override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE), pytest.raises(CommandError, match="default"):
        call_command("reindex_search", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_reindex_command_rebuilds_the_database_index():
    with open(os.devnull, "w") as devnull:
        call_command("reindex_search", stdout=devnull)
    results = get_search_backend().search("nguoi tot viec tot", Page.objects.live())
    assert "Người tốt, việc tốt" in [page.title for page in results]


live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="needs a live Elasticsearch at ELASTICSEARCH_URL"
)


@live
@pytest.mark.django_db
def test_live_elasticsearch_folds_at_index_and_query_time(client):
    backend = get_search_backend()
    assert isinstance(backend, FoldingElasticsearchBackend)
    with open(os.devnull, "w") as devnull:
        call_command("reindex_search", stdout=devnull)
    index = backend.get_index_for_model(Page).name
    analyzed = backend.es.indices.analyze(index=index, analyzer="default", text="Người tốt Đống Đa Ðống")
    assert [token["token"] for token in analyzed["tokens"]] == ["nguoi", "tot", "dong", "da", "dong"]
    for accented in ("Người tốt, việc tốt", "Đống Đa", "trả lại tài sản"):
        with_marks = [page.pk for page in backend.search(accented, Page.objects.live())]
        assert with_marks
        assert with_marks == [page.pk for page in backend.search(accented.lower(), Page.objects.live())]
    forum = ForumAnnouncementPage.objects.get(title__contains="chợ Đống Đa")
    assert forum.url in result_urls(client.get("/tim-kiem/", {"q": "dong da"}))
    assert not breaker.is_open()


@live
@pytest.mark.django_db
def test_live_elasticsearch_autocomplete_folds():
    backend = get_search_backend()
    with open(os.devnull, "w") as devnull:
        call_command("reindex_search", stdout=devnull)
    titles = [page.title for page in backend.autocomplete("nguoi to", Page.objects.live())]
    assert "Người tốt, việc tốt" in titles
