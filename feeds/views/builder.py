"""The builder page "Lấy tin cho fanpage": choose a slice, preview it, copy its URLs and embed code."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from feeds.slices import FeedSlice, SliceNotFound
from feeds.syndication import FORMATS
from feeds.views.documents import SITE_NAME
from feeds.views.widget import embed_code
from home import kinds, params
from home.collation import sorted_vi
from home.models import Commune, Province
from home.topics import known_topics


@require_safe
def builder_view(request):
    """The slice's feed URLs and embed code; a bad value shows its message above the form (400)."""
    error = ""
    try:
        feed_slice = FeedSlice.from_params(request.GET, paged=False, request=request)
    except SliceNotFound as exc:
        error, feed_slice = exc.message, FeedSlice()
    provinces = Province.objects.only("code", "name", "slug")
    province = feed_slice.province
    if province is None and not error:
        slug = (request.GET.get(params.PROVINCE) or "").strip()
        province = Province.objects.filter(slug=slug).first() if slug else None
    communes = Commune.objects.filter(province=province).only("code", "name", "slug") if province else []
    model_types = sorted_vi(
        (
            model_type
            for kind in kinds.all_kinds()
            if kind.has_types
            for model_type in kind.type_model.objects.all()
        ),
        key=str,
    )
    query = feed_slice.querystring()
    feed_urls = [(f.label, request.build_absolute_uri(reverse(f"feeds:{f.slug}")) + query) for f in FORMATS]
    widget_src = request.build_absolute_uri(reverse("feeds:widget")) + query
    context = {
        "error": error,
        "slice": feed_slice,
        "provinces": provinces,
        "communes": communes,
        "selected_province": province,
        "kinds": kinds.all_kinds(),
        "topics": sorted_vi(known_topics(request).values(), key=lambda topic: topic.name),
        "model_types": model_types,
        "feed_urls": feed_urls,
        "widget_src": widget_src,
        "embed_code": embed_code(request, widget_src, f"Tin từ {SITE_NAME}: {feed_slice.label}", 600),
        "query": urlencode(feed_slice.params()),
    }
    return render(request, "feeds/builder.html", context, status=400 if error else 200)
