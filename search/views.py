"""/tim-kiem/ (the search page) and /tim-kiem/goi-y/ (suggestions for the search box)."""

from django.apps import apps
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from home.models import visible
from search import service
from search.folding import fold


def _province_choices():
    Province = apps.get_model("home", "Province")
    return sorted(Province.objects.all(), key=lambda province: fold(province.short_name))


def _commune_choices(province):
    """Communes of the chosen province that have something to find, by name."""
    if province is None:
        return []
    Commune = apps.get_model("home", "Commune")
    codes = set()
    for kind in service.KINDS:
        codes.update(
            visible(kind.model.objects.all())
            .filter(**{f"{kind.province_lookup}": province})
            .values_list(kind.commune_lookup, flat=True)
        )
    communes = Commune.objects.filter(province=province, pk__in=codes - {None})
    return sorted(communes, key=lambda commune: fold(commune.name))


def _url(params: service.SearchParams, **overrides) -> str:
    return "?" + urlencode(params.url_params(**overrides))


@require_safe
def search_page(request):
    params = service.SearchParams.from_querydict(request.GET)
    outcome = service.search(request, params)
    page_obj = outcome.page_obj
    context = {
        "params": params,
        "hide_search_box": True,
        "outcome": outcome,
        "kinds": service.KINDS,
        "orders": service.ORDERS,
        "provinces": _province_choices(),
        "communes": _commune_choices(params.province),
        "popular": service.popular_searches(request) if not outcome.total else [],
        "without_filters_url": _url(params, loai="", tinh="", xa="", tu="", den=""),
        "folded_example": " ".join(params.terms),
        "page_urls": {
            "previous": _url(params, trang=page_obj.previous_page_number())
            if page_obj and page_obj.has_previous()
            else "",
            "next": _url(params, trang=page_obj.next_page_number())
            if page_obj and page_obj.has_next()
            else "",
        },
    }
    response = render(request, "search/search.html", context)
    if params.query or params.has_filters or request.GET:
        # Results depend on the reader's words: never stored by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    elif request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def suggest(request):
    query = service.clean_text(request.GET.get("q", ""))
    try:
        results = service.suggestions(request, query)
    except service.SEARCH_ERRORS:
        service.logger.exception("Suggestions failed for %r", query)
        results = []
    response = JsonResponse({"query": query, "results": results}, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, max_age=60)
    return response
