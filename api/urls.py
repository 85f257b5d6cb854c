"""/api/v2/: the endpoints (Wagtail's API router) and the OpenAPI document, CORS open."""

from django.http import JsonResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from api import http
from api.views import ArticlesAPIViewSet

router = WagtailAPIRouter("api")
router.register_endpoint(ArticlesAPIViewSet.name, ArticlesAPIViewSet)


def openapi(request):
    from api.schema import openapi_document

    response = JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=3600"
    return response


urlpatterns = decorate_urlpatterns(
    [path("openapi.json", openapi, name="openapi"), path("", router.urls)], http.cors
)
