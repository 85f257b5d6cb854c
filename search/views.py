"""/tim-kiem/ (the search page) and /tim-kiem/goi-y/ (suggestions for the search box)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from home import kinds, params
from home.content_version import cached
from home.models import Commune, Province, private_sections, visible
from search import queries, suggestions
from search.folding import fold
from search.params import ORDERS, SearchParams, clean_text
from search.popular import popular_searches


def _province_choices():
    return list(Province.objects.all())


def _commune_choices(province, request=None):
    """Communes of the chosen province that have something to find, by name; kept until the
    content changes (a province of the country's largest has 12,000 stories to look through)."""
    if province is None:
        return []

    def build():
        codes, private = set(), private_sections(request)
        for kind in kinds.all_kinds():
            codes.update(
                visible(kind.model.objects.all(), private)
                .filter(**{kind.province_lookup: province})
                .order_by()
                .values_list(kind.commune_lookup, flat=True)
                .distinct()
            )
        return list(Commune.objects.filter(province=province, pk__in=codes - {None}))

    return cached(f"search:communes:{province.pk}", build, request)


def _url(search_params: SearchParams, **overrides) -> str:
    return "?" + urlencode(search_params.url_params(**overrides))


@require_safe
def search_page(request):
    redirect = params.redirect_to_current(request)
    if redirect is not None:
        return redirect
    search_params = SearchParams.from_querydict(request.GET, request)
    outcome = queries.search(request, search_params)
    page_obj = outcome.page_obj
    no_filters = dict.fromkeys((*params.SLICE, "tu", "den"), "")
    context = {
        "params": search_params,
        "hide_search_box": True,
        "outcome": outcome,
        "kinds": kinds.all_kinds(),
        "orders": ORDERS,
        "provinces": _province_choices(),
        "communes": _commune_choices(search_params.province, request),
        "popular": popular_searches(request) if not outcome.total else [],
        "without_filters_url": _url(search_params, **no_filters),
        "folded_example": " ".join(search_params.terms),
        "query_has_marks": fold(search_params.query) != search_params.query.lower(),
        "correction_url": _url(search_params, q=outcome.correction.query, trang="")
        if outcome.correction
        else "",
        "page_urls": {
            "previous": _url(search_params, trang=page_obj.previous_page_number())
            if page_obj and page_obj.has_previous()
            else "",
            "next": _url(search_params, trang=page_obj.next_page_number())
            if page_obj and page_obj.has_next()
            else "",
        },
    }
    response = render(request, "search/search.html", context)
    if search_params.query or search_params.has_filters or request.GET:
        # Results depend on the reader's words: never stored by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    elif request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def suggest(request):
    raw = request.GET.get("q", "")
    query = clean_text(raw)
    try:
        found = suggestions.suggestions(request, query + " " if raw[-1:].isspace() else query)
    except queries.SEARCH_ERRORS:
        queries.logger.exception("Suggestions failed for %r", query)
        found = {"query": "", "results": []}
    body = {
        "query": query,
        "completed": found["query"],
        "search_url": f"{reverse('search')}?{urlencode({'q': found['query']})}" if found["query"] else "",
        "results": found["results"],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, max_age=60)
    return response
