"""Operations: JSON log lines on request, error reports to Sentry without personal data."""

import json
import logging

import pytest
from django.test import RequestFactory

from home.error_reporting import scrub
from home.log_format import JsonFormatter


def test_a_json_log_line_names_the_request_without_its_query_or_headers():
    request = RequestFactory().get("/tra-cuu/?ma=ABCD-1234&q=nguyen+van+a", HTTP_COOKIE="sessionid=bimat")
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/tra-cuu/",), None
    )
    record.request, record.status_code = request, 404
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/tra-cuu/", 404)
    assert entry["time"].endswith("+07:00")  # Vietnam time
    assert "ABCD" not in line and "nguyen" not in line and "bimat" not in line


def test_log_format_is_read_from_the_environment(monkeypatch, tmp_path):
    from tests.config.test_settings import reload_settings

    s = reload_settings(monkeypatch, tmp_path, LOG_FORMAT="json")
    assert s.LOGGING["handlers"]["console"]["formatter"] == "json"
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        reload_settings(monkeypatch, tmp_path, LOG_FORMAT="xml")
    import importlib

    from config import settings as project_settings

    monkeypatch.undo()
    importlib.reload(project_settings)


def test_an_error_report_carries_no_personal_data():
    event = {
        "message": "boom",
        "user": {"id": 7, "email": "bientap@example.vn", "ip_address": "203.0.113.7"},
        "request": {
            "method": "POST",
            "url": "https://binhyen.example.vn/tra-cuu/?ma=ABCD-1234",
            "headers": {"Cookie": "sessionid=bimat"},
            "cookies": {"sessionid": "bimat"},
            "data": {"phone": "0912345678"},
            "query_string": "ma=ABCD-1234",
            "env": {"REMOTE_ADDR": "203.0.113.7"},
        },
        "breadcrumbs": {"values": [{"message": "SELECT … 0912345678"}]},
        "exception": {
            "values": [{"stacktrace": {"frames": [{"function": "f", "vars": {"phone": "0912345678"}}]}}]
        },
    }
    cleaned = json.dumps(scrub(event), ensure_ascii=False)
    for secret in ("bientap@example.vn", "203.0.113.7", "bimat", "0912345678", "ABCD-1234"):
        assert secret not in cleaned, secret
    assert json.loads(cleaned)["request"] == {"method": "POST", "url": "https://binhyen.example.vn/tra-cuu/"}


def test_sentry_starts_only_with_a_dsn_and_without_personal_data(monkeypatch, tmp_path):
    import sentry_sdk

    from tests.config.test_settings import reload_settings

    reload_settings(monkeypatch, tmp_path)
    assert not sentry_sdk.get_client().is_active()
    try:
        reload_settings(monkeypatch, tmp_path, SENTRY_DSN="https://khoa@sentry.example.vn/1")
        client = sentry_sdk.get_client()
        assert client.is_active()
        assert not client.options.get("send_default_pii") and client.options["before_send"] is scrub
    finally:
        sentry_sdk.init()  # off again for the rest of the suite
