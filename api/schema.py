"""The API's OpenAPI 3.0 document, built from what the endpoints really print.

Each kind of the registry (`home.kinds`) gives one schema for a listing item and one for a
page, made from the serializer Wagtail builds for its model (the fields its `api_fields` and
`api_listing_fields` declare): a field that knows its JSON Schema (`home.api_fields`) says it,
the others follow from the Django field behind them. Items allow no other properties, so a
field added to a model without a schema shows up as a failing schema test (`tests/api/`).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from rest_framework import fields as drf

from api.query import LIMIT_DEFAULT, LIMIT_MAX, OFFSET_MAX
from home import kinds, params

ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {"message": {"type": "string", "description": "Lời báo lỗi tiếng Việt"}},
}
META_SCHEMAS = {
    "type": {"type": "string", "description": "Kiểu trang của Wagtail, ví dụ stories.StoryPage"},
    "detail_url": {"type": "string", "description": "Địa chỉ API của trang này"},
    "html_url": {"type": "string", "description": "Địa chỉ trang trên web"},
    "slug": {"type": "string"},
    "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
}


def _field_schema(field) -> dict:
    """The JSON Schema of what one serializer field prints."""
    schema = getattr(field, "json_schema", None)
    if schema is not None:
        schema = dict(schema)
    elif isinstance(field, drf.ChoiceField):
        schema = {"type": "string", "enum": [*field.choices, *([""] if field.allow_blank else [])]}
    elif isinstance(field, drf.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, drf.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, drf.TimeField):
        schema = {"type": "string"}
    elif isinstance(field, drf.IntegerField):
        schema = {"type": "integer"}
    elif isinstance(field, drf.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, drf.CharField):  # URLField, SlugField, EmailField too
        schema = {"type": "string"}
    elif isinstance(field, drf.ListField):
        schema = {"type": "array", "items": _field_schema(field.child)}
    else:
        raise TypeError(f"no JSON Schema for API field {field.field_name!r} ({type(field).__name__})")
    if getattr(field, "allow_null", False):
        schema["nullable"] = True
    return schema


def _page_schema(serializer_class, kind) -> dict:
    """One page as the serializer prints it: `id`, the `meta` block, then the body fields."""
    serializer = serializer_class(context={})
    meta_names = set(serializer.meta_fields)
    body, meta = {}, {}
    for name, field in serializer.fields.items():
        if name in meta_names:
            if name == "loai":
                meta[name] = {
                    "type": "string",
                    "enum": [kind.slug],
                    "description": "giá trị của tham số loai",
                }
            else:
                meta[name] = dict(META_SCHEMAS[name])
        else:
            body[name] = _field_schema(field) if name != "id" else {"type": "integer"}
    properties = {"id": body.pop("id"), "meta": _object(meta), **body}
    return _object(properties, description=kind.label)


def _object(properties: dict, **extra) -> dict:
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
        **extra,
    }


def _parameter(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


SLUG = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,119}$"}


@cache
def openapi_document() -> dict:
    """The whole document (built once per process: it changes only with the code)."""
    from api.urls import router
    from api.views import ArticlesAPIViewSet

    components, listing_refs, detail_refs = {}, [], []
    for kind in kinds.all_kinds():
        name = kind.model.__name__
        for detail, suffix, refs in ((False, "Item", listing_refs), (True, "", detail_refs)):
            serializer_class = ArticlesAPIViewSet.serializer_for(router, kind.model, detail)
            components[name + suffix] = _page_schema(serializer_class, kind)
            refs.append({"$ref": f"#/components/schemas/{name}{suffix}"})
    components["Error"] = ERROR
    components["Listing"] = _object(
        {
            "meta": _object({"total_count": {"type": "integer", "minimum": 0}}),
            "items": {"type": "array", "maxItems": LIMIT_MAX, "items": {"oneOf": listing_refs}},
        }
    )
    kind_slugs = [kind.slug for kind in kinds.all_kinds()]
    errors = {
        "304": {"description": "Không đổi so với ETag đã gửi trong If-None-Match"},
        "400": {
            "description": "Tham số sai (lời báo tiếng Việt)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
    }
    headers = {
        "ETag": {"schema": {"type": "string"}, "description": "Đổi khi nội dung công khai đổi"},
        "Cache-Control": {"schema": {"type": "string"}},
    }
    listing = {
        "get": {
            "operationId": "listArticles",
            "summary": "Danh sách bài (mới đăng trước)",
            "parameters": [
                _parameter(params.PROVINCE, "Tỉnh, thành phố (slug), ví dụ ha-noi", SLUG),
                _parameter(params.COMMUNE, "Xã, phường, đặc khu (slug), ví dụ phuong-hoan-kiem", SLUG),
                _parameter(params.KIND, "Loại tin", {"type": "string", "enum": kind_slugs}),
                _parameter(params.TOPIC, "Chủ đề (slug)", SLUG),
                _parameter(params.MODEL_TYPE, "Loại mô hình (slug)", SLUG),
                _parameter(params.YEAR, "Năm", {"type": "integer", "minimum": 1945, "maximum": 2100}),
                _parameter(
                    "since",
                    "Chỉ các bài đăng hoặc cập nhật từ ngày (NNNN-TT-NN, giờ Việt Nam) hay thời điểm ISO 8601",
                    {"type": "string"},
                ),
                _parameter(
                    "limit",
                    f"Số bài một lần (mặc định {LIMIT_DEFAULT})",
                    {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX},
                ),
                _parameter(
                    "offset", "Bỏ qua bao nhiêu bài", {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX}
                ),
            ],
            "responses": {
                "200": {
                    "description": "Các bài",
                    "headers": headers,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Listing"}}},
                },
                **errors,
            },
        }
    }
    detail = {
        "get": {
            "operationId": "getArticle",
            "summary": "Một bài, đủ các trường của loại tin",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "responses": {
                "200": {
                    "description": "Bài",
                    "headers": headers,
                    "content": {"application/json": {"schema": {"oneOf": detail_refs}}},
                },
                **errors,
                "404": {
                    "description": "Không có bài này, hoặc bài chưa đăng, đã hết hạn hay không công khai",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                },
            },
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Bình Yên API",
            "version": "2",
            "description": (
                "API chỉ đọc cho ứng dụng phường, tổ dân phố và Zalo Mini App: câu chuyện người tốt, "
                "việc tốt, mô hình bảo đảm an ninh trật tự và diễn đàn đối thoại đang công khai. "
                "Mở CORS cho GET; mọi câu trả lời có ETag (gửi lại trong If-None-Match để nhận 304)."
            ),
        },
        "servers": [{"url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}],
        "paths": {"/api/v2/bai-viet/": listing, "/api/v2/bai-viet/{id}/": detail},
        "components": {"schemas": components},
    }
