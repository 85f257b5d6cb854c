"""/suc-khoe/ (also /healthz): is this instance able to serve readers? For load balancers and
uptime checks: 200 when the database, the cache, search and disk space are fine, 503 otherwise,
with one line a check. Nothing secret is shown: no host names, paths or error messages, only
the kind of error."""

import shutil
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

MIN_FREE_BYTES = 512 * 1024 * 1024  # below this on the data disk, uploads and the database fail soon


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not keep a value")
    cache.delete(key)


def _search():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None and not client.ping():  # Elasticsearch: the database would answer instead
        raise RuntimeError("Elasticsearch does not answer")
    backend.search("suc khoe", Page.objects.filter(pk__in=[])).count()


def _disk():
    if shutil.disk_usage(settings.MEDIA_ROOT).free < MIN_FREE_BYTES:
        raise RuntimeError("low disk space")


CHECKS = {"database": _database, "cache": _cache, "search": _search, "disk": _disk}
MESSAGES = {
    "database": "cơ sở dữ liệu",
    "cache": "bộ nhớ đệm",
    "search": "máy tìm kiếm",
    "disk": "dung lượng đĩa",
}


@never_cache
@require_safe
def health(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        start = time.perf_counter()
        try:
            check()
        except Exception as error:
            healthy = False
            results[name] = {"status": "error", "error": type(error).__name__}
        else:
            results[name] = {"status": "ok"}
        results[name]["ms"] = round((time.perf_counter() - start) * 1000, 1)
    failed = [MESSAGES[name] for name, result in results.items() if result["status"] != "ok"]
    body = {
        "status": "ok" if healthy else "error",
        "message": "Hệ thống hoạt động bình thường." if healthy else "Có lỗi: " + ", ".join(failed) + ".",
        "checks": results,
    }
    return JsonResponse(body, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})
