"""The API's endpoints, on Wagtail's API v2 (`wagtail.api.v2`).

One endpoint, `bai-viet`, holds every content kind of the registry (`home.kinds`): the listing
filters with the public parameters (`api.query`) and the detail of a page shows every field its
model declares in `api_fields`. Wagtail's serializers print the fields (its `meta` block with
`type`, `detail_url`, `html_url`; the body fields beside it), its router makes the URLs; what
differs from Wagtail's own `pages` endpoint:

- only what the one visibility rule allows (`home.models.visible`: live, public, unexpired),
  whoever asks: the API is public and cacheable, so a signed-in editor sees what anyone sees;
- the parameters are the site's own names, and a listing item carries a card's worth of fields
  of its own kind (`api_listing_fields`), so an app needs no `fields=` or `type=`;
- responses carry an ETag made from the content version and the URL, answer 304 to a matching
  `If-None-Match` after one query, and are public for shared caches (`api.http`).
"""

from __future__ import annotations

import re
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.urls import path, re_path
from rest_framework import fields as drf
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from api import http
from api.query import ApiBadRequest, check_detail_query, listing_query
from feeds.slices import by_kind
from home import kinds
from home.content_version import cached
from home.models import private_sections, visible
from home.models.listings import lead_images

NOT_FOUND = "Không có bài viết này, hoặc bài chưa đăng, đã hết hạn hay không công khai."
METHOD_NOT_ALLOWED = "API chỉ để đọc: hãy dùng GET."
PAGE_ID_RE = re.compile(r"^[1-9][0-9]{0,17}$")


class KindField(drf.Field):
    """The page's content kind: the value of `loai=`."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        kind = kinds.of_article(page)
        return kind.slug if kind else ""


class ArticlesAPIViewSet(PagesAPIViewSet):
    name = "bai-viet"
    model = Page
    renderer_classes = [JSONRenderer]
    # Public and the same for everyone: no sign-in (a bad Authorization header changes nothing).
    authentication_classes = []
    permission_classes = [AllowAny]
    filter_backends = []
    body_fields = ["id", "title"]
    meta_fields = ["type", "loai", "detail_url", "html_url", "slug", "first_published_at"]
    detail_only_fields = []
    listing_meta_fields = ("type", "loai", "detail_url", "html_url", "first_published_at")

    # --- Which fields, from the models' own declarations --------------------------------

    @classmethod
    def get_meta_fields(cls, model):
        fields = cls._convert_api_fields(cls.meta_fields)
        return [
            APIField("loai", serializer=KindField()) if field.name == "loai" else field for field in fields
        ]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_listing_default_fields(cls, model):
        return ["id", *cls.listing_meta_fields, "title", *getattr(model, "api_listing_fields", ())]

    @classmethod
    def serializer_for(cls, router, model, detail: bool):
        return _serializer_class(cls, router, model, detail)

    def serialize(self, page, detail: bool) -> dict:
        serializer_class = self.serializer_for(self.request.wagtailapi_router, type(page), detail)
        return serializer_class(page, context=self.get_serializer_context()).data

    def get_serializer_context(self):
        # Wagtail's own context adds a queryset of every page the request may see (for `parent`
        # and `alias_of` links), which this endpoint does not print.
        return {"request": self.request, "view": self, "router": self.request.wagtailapi_router}

    def get_renderer_context(self):
        return {**super().get_renderer_context(), "indent": None}  # compact JSON for phones

    def perform_content_negotiation(self, request, force=False):
        # Always JSON, whatever `Accept` or `?format=` say (DRF would answer 404 or 406).
        return JSONRenderer(), JSONRenderer.media_type

    # --- Errors in Vietnamese, never a 500 for a parameter --------------------------------

    def handle_exception(self, exc):
        if isinstance(exc, ApiBadRequest):
            return Response({"message": exc.message}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, MethodNotAllowed):
            response = Response({"message": METHOD_NOT_ALLOWED}, status=status.HTTP_405_METHOD_NOT_ALLOWED)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        return super().handle_exception(exc)

    # --- The listing --------------------------------------------------------------------

    def listing_view(self, request):
        query = listing_query(request)
        if (not_modified := http.not_modified(request)) is not None:
            return not_modified
        # The slice's newest keys, one query a kind on that kind's own rows, as feeds read them
        # (`FeedSlice.newest_keys`); the total only changes with the content, so it is counted
        # once per content version (every visible story took 100 ms at 300,000 on PostgreSQL).
        private = private_sections(request)
        since = query.since.isoformat() if query.since else ""
        total = cached(
            f"api-total:{query.slice.querystring()}:{since}",
            lambda: query.slice.count(private, since=query.since),
            request,
        )
        keys = query.slice.newest_keys(query.offset + query.limit, private, since=query.since)[query.offset :]
        serialized = {}
        router, context = request.wagtailapi_router, self.get_serializer_context()
        for kind, pks in by_kind(keys).items():
            # The keys queries applied the visibility rule already. One serializer (one reading
            # of its fields) for all the pages of a kind, not one per page.
            pages = list(kind.model.objects.filter(pk__in=pks).cards())
            data = self.serializer_for(router, kind.model, False)(pages, many=True, context=context).data
            serialized.update({page.pk: item for page, item in zip(pages, data, strict=True)})
        items = [serialized[pk] for _published, pk, _kind in keys if pk in serialized]
        return http.public(request, Response({"meta": {"total_count": total}, "items": items}))

    # --- One page -------------------------------------------------------------------------

    def detail_view(self, request, pk):
        if not PAGE_ID_RE.match(pk):  # the address of a page is its number; anything else is none
            return Response({"message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        pk = int(pk)
        check_detail_query(request)
        if (not_modified := http.not_modified(request)) is not None:
            return not_modified
        content_types = {ContentType.objects.get_for_model(kind.model).pk: kind for kind in kinds.all_kinds()}
        content_type_id = (
            visible(Page.objects.filter(pk=pk, content_type_id__in=list(content_types)))
            .values_list("content_type_id", flat=True)
            .first()
        )
        if content_type_id is None:
            return Response({"message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        model = content_types[content_type_id].model
        page = (
            model.objects.filter(pk=pk)
            .select_related(*model.listing_select_related)
            .prefetch_related(lead_images(), *model.page_prefetch_related)
            .first()
        )
        if page is None:  # unpublished between the two queries
            return Response({"message": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        return http.public(request, Response(self.serialize(page, detail=True)))

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            re_path(r"^(?P<pk>[^/]+)/$", cls.as_view({"get": "detail_view"}), name="detail"),
        ]


@cache
def _serializer_class(viewset, router, model, detail: bool):
    """Wagtail's serializer class for one model, built once per process."""
    return viewset._get_serializer_class(router, model, [], show_details=detail)
