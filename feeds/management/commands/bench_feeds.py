"""Server time of feeds: a 50-item feed uncached, and a 304 answer (`make bench`).

Requests go through the whole Django stack (middleware included) with the test client; the
rendered-body cache is switched off so every feed request is built from the database.
Budgets (DESIGN.md, issue 5): median under 25 ms uncached with a constant number of queries,
and a 304 under 5 ms.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from feeds import http, sources

CASES = [
    ("RSS, tất cả tin", "/nguon-tin/rss/"),
    ("Atom, người tốt việc tốt", "/nguon-tin/atom/?loai=nguoi-tot-viec-tot"),
    ("JSON Feed, Hà Nội", "/nguon-tin/json/?tinh=ha-noi"),
    ("RSS, Phường Hoàn Kiếm", "/nguon-tin/rss/?tinh=ha-noi&xa=phuong-hoan-kiem"),
]


class Command(BaseCommand):
    help = "Đo thời gian máy chủ của nguồn tin (50 tin, không cache) và của câu trả lời 304."

    def add_arguments(self, parser):
        parser.add_argument("--iterations", type=int, default=50)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, iterations, host, **options):
        client = Client(HTTP_HOST=host)
        http.BODY_CACHE_SECONDS = 0
        self.stdout.write(f"Nguồn tin: {sources.PAGE_SIZE} tin một trang, {iterations} lần mỗi phép đo")
        for label, url in CASES:
            first = client.get(url)  # warm up (site root paths, templates)
            if first.status_code != 200:
                self.stdout.write(f"{label}: {url} trả về {first.status_code}, bỏ qua")
                continue
            items = first.content.count(b"<item>") + first.content.count(b"<entry>")
            items = items or first.content.count(b'"id": "urn:uuid:')
            self._measure(f"{label} ({items} tin, không cache)", client, url, iterations, {})
            self._measure(
                f"{label} (304)", client, url, iterations, {"HTTP_IF_NONE_MATCH": first["ETag"]}, expect=304
            )

    def _measure(self, label, client, url, iterations, headers, expect=200):
        timings, query_counts = [], set()
        for _ in range(iterations):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url, **headers)
                timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != expect:
                raise SystemExit(f"{url}: {response.status_code}, chờ {expect}")
            query_counts.add(len(queries))
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        counts = ", ".join(str(c) for c in sorted(query_counts))
        self.stdout.write(
            f"{label}: trung vị {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, truy vấn {counts}"
        )
