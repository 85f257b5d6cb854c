"""/suc-khoe/ tells a load balancer whether this instance can serve: 200 with every check ok,
503 naming what failed (in Vietnamese and by check), never a secret, never cached."""

import pytest
from django.test import override_settings

from home import health
from home.cache_backends import breaker

pytestmark = pytest.mark.django_db


def test_healthy_instance_answers_200(client):
    response = client.get("/suc-khoe/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok" and data["message"] == "Hệ thống hoạt động bình thường."
    assert set(data["checks"]) == {"database", "cache", "search", "disk"}
    assert all(check["status"] == "ok" for check in data["checks"].values())
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert client.get("/healthz").status_code == 200


def test_a_dead_cache_answers_503_without_secrets(client):
    breaker.reset()
    dead = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://:hemmelig@127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=dead):
        response = client.get("/suc-khoe/")
    assert response.status_code == 503
    data = response.json()
    assert data["checks"]["cache"]["status"] == "error" and data["checks"]["database"]["status"] == "ok"
    assert data["message"] == "Có lỗi: bộ nhớ đệm."
    assert "hemmelig" not in response.content.decode() and "127.0.0.1" not in response.content.decode()


def test_low_disk_space_answers_503(client, monkeypatch):
    monkeypatch.setattr(health, "MIN_FREE_BYTES", 1 << 62)
    response = client.get("/suc-khoe/")
    assert response.status_code == 503 and response.json()["checks"]["disk"]["status"] == "error"


def test_only_safe_methods(client):
    assert client.post("/suc-khoe/").status_code == 405
