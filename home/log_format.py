"""Structured logs: one JSON object per line (LOG_FORMAT=json), for log collectors.

Fields: time (ISO 8601, Asia/Ho_Chi_Minh), level, logger, message, and for request logs the
method, path (without the query string, which may carry what a reader searched or a tracking
code) and status. Exceptions come as one `exception` string. Nothing else of the request is
written: no headers, cookies, query strings or form data.
"""

import datetime
import json
import logging
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, ZONE).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", "")
            entry["path"] = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
