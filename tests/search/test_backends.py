"""The folding backends: what they store, how they match, on SQLite and on PostgreSQL."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Not, Or, Phrase, PlainText
from wagtail.search.utils import parse_query_string

from search.backends import MAX_QUERY_TERMS, fold_query
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def titles(results):
    return [page.title for page in results]


def test_the_default_backend_is_the_folding_one_for_this_database():
    backend = get_search_backend()
    expected = "postgres" if connection.vendor == "postgresql" else "sqlite"
    assert type(backend).__module__ == f"search.backends.{expected}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search configuration")
def test_postgresql_uses_the_simple_configuration():
    assert get_search_backend().config == "simple"


def test_index_entries_hold_folded_text():
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    entry = IndexEntry.objects.get(object_id=str(story.pk), content_type__model="storypage")
    # SQLite keeps the text in `title`/`body`; PostgreSQL keeps tsvectors there and plain text in
    # `title_text`/`body_text`. Either way it is folded.
    title = entry.title_text if connection.vendor == "postgresql" else entry.title
    body = entry.body_text if connection.vendor == "postgresql" else entry.body
    assert title == "tai xe xe om truy duoi ke cuop giat dien thoai tren pho hang bai"
    assert "phuong hoan kiem" in body  # the commune name, through RelatedFields
    assert not any(ord(char) > 127 for char in title + body)


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("Người tốt, việc tốt", "nguoi tot viec tot"),
        ("Đống Đa", "dong da"),
        ("Tổ liên gia an toàn PCCC", "to lien gia an toan pccc"),
        ("trả lại tài sản", "tra lai tai san"),
        ("cứu người đuối nước", "cuu nguoi duoi nuoc"),
    ],
)
def test_accented_and_plain_queries_find_the_same_pages(accented, plain):
    backend = get_search_backend()
    pages = Page.objects.live()
    with_marks = titles(backend.search(accented, pages))
    assert with_marks
    assert with_marks == titles(backend.search(plain, pages))
    assert with_marks == titles(backend.search(accented.upper(), pages))


def test_short_vietnamese_syllables_are_not_stop_words():
    backend = get_search_backend()
    pages = Page.objects.live()
    # "an" (Hội An, an ninh) and "do" (đỡ, độ, do) are English stop words, but Vietnamese words.
    assert "Xóm đạo bình yên ở Hội An" in titles(backend.search("hoi an", pages))
    assert backend.search("an", pages).count() >= 5
    assert backend.search("do", pages).count() >= 1


def test_autocomplete_folds_the_partial_word():
    backend = get_search_backend()
    found = titles(backend.autocomplete("nguoi to", Page.objects.live()))
    assert "Người tốt, việc tốt" in found
    assert found == titles(backend.autocomplete("Người tố", Page.objects.live()))


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'", "\x00", "\u2028", "NEAR(a b)", "a AND OR NOT", "*", "-", "^", "{title}: x", "\\"],
)
def test_the_backend_itself_survives_query_syntax(query):
    # Wagtail's admin passes what editors type straight to the backend.
    results = get_search_backend().search(query, Page.objects.live())
    assert results.count() == len(list(results))


def test_the_backend_caps_very_long_queries():
    results = get_search_backend().search(" ".join(["an"] * 500), Page.objects.live())
    assert results.count() >= 1


def test_query_trees_from_the_admin_are_folded():
    _filters, query = parse_query_string('"Đống Đa" chợ', operator="and")
    folded = fold_query(query)
    assert isinstance(folded, And)
    assert [type(part) for part in folded.subqueries] == [Phrase, PlainText]
    assert folded.subqueries[0].query_string == "dong da"
    assert titles(get_search_backend().search(query, Page.objects.live()))


def test_fold_query_drops_what_has_no_words():
    assert fold_query("!!!") is None
    assert fold_query(Or([PlainText("?"), PlainText("Tốt")])).query_string == "tot"
    assert fold_query(Not(PlainText("\x00"))) is None
    assert len(fold_query(" ".join(f"w{i}" for i in range(100))).split()) == MAX_QUERY_TERMS


def test_words_spread_over_title_and_body_still_match():
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    # "tai xe" is in the title, "hoan kiem" only in the body (the commune, through RelatedFields).
    found = get_search_backend().search("tài xế Hoàn Kiếm", Page.objects.live())
    assert story.pk in [page.pk for page in found]


def test_relevance_results_count_and_slice_consistently():
    results = get_search_backend().search("phuong", Page.objects.live())
    total = results.count()
    assert total > 10
    pages = [page.pk for start in range(0, total, 7) for page in results[start : start + 7]]
    assert len(pages) == len(set(pages)) == total


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL index")
def test_postgresql_has_the_title_and_body_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'site_search_indexentry_title_body_gin'"
        )
        assert "gin" in cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL ranking")
def test_postgresql_scores_only_the_newest_matches_of_a_common_word(monkeypatch):
    from search.backends.postgres import PostgresRankingMixin

    everything = {
        page.pk
        for page in get_search_backend().search("phuong", Page.objects.live(), order_by_relevance=False)
    }
    assert len(everything) > 5
    monkeypatch.setattr(PostgresRankingMixin, "RANK_CANDIDATES", 5)
    ranked = [page.pk for page in get_search_backend().search("phuong", Page.objects.live())]
    assert len(ranked) == 5 and set(ranked) <= everything
    # The five most recently indexed of the matching pages (every demo page is indexed once,
    # in order of creation, so the newest pages), scored among themselves.
    newest = set(sorted(everything)[-5:])
    assert set(ranked) == newest


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan cache")
def test_postgresql_plans_each_search_for_its_own_words(client):
    """The site's statements are prepared on the server, and PostgreSQL may keep one generic
    plan for a statement after five runs; a search's statements are planned for their words."""
    modes, reading = [], []

    def plan_mode():
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            return cursor.fetchone()[0]

    def record(execute, sql, params, many, context):
        if "wagtailsearch_indexentry" in sql and not reading:
            reading.append(True)
            modes.append(plan_mode())
            reading.clear()
        return execute(sql, params, many, context)

    before = plan_mode()
    with connection.execute_wrapper(record):
        for _ in range(7):  # past PostgreSQL's five custom plans
            response = client.get("/tim-kiem/", {"q": "cuu nguoi duoi nuoc"})
    assert response.status_code == 200
    assert before == "auto"
    assert modes and set(modes) == {"force_custom_plan"}
