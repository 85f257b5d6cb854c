"""Server time of feeds: a 50-item feed uncached, and a 304 answer (`make bench`).

Requests go through the whole Django stack (middleware included) with the test client; the
rendered-body cache is switched off so every feed request is built from the database.
Budgets (docs/architecture.md): median under 25 ms uncached with a constant number of queries,
and a 304 under 5 ms.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from devtools.benchmark import cpu_reference_line, verdict
from feeds import responses, slices

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
        # Built from the database every time: the page cache for anonymous readers is off too.
        with override_settings(PAGE_CACHE_SECONDS=0):
            self.measure(iterations, host)

    def measure(self, iterations, host):
        client = Client(HTTP_HOST=host)
        responses.BODY_CACHE_SECONDS = 0
        self.stdout.write(cpu_reference_line())
        self.stdout.write(f"Nguồn tin: {slices.PAGE_SIZE} tin một trang, {iterations} lần mỗi phép đo")
        measurements = []  # (label, url, headers, expected status, item count)
        for label, url in CASES:
            first = client.get(url)  # warm up (site root paths, templates)
            if first.status_code != 200:
                self.stdout.write(f"{label}: {url} trả về {first.status_code}, bỏ qua")
                continue
            items = first.content.count(b"<item>") + first.content.count(b"<entry>")
            items = items or first.content.count(b'"id": "urn:uuid:')
            measurements.append((f"{label} ({items} tin, không cache)", url, {}, 200, items))
            measurements.append((f"{label} (304)", url, {"HTTP_IF_NONE_MATCH": first["ETag"]}, 304, 0))
        # Round-robin over the cases, so a slow spell of a shared machine hits all of them alike.
        timings = {label: [] for label, *_ in measurements}
        query_counts = {label: set() for label, *_ in measurements}
        for _ in range(iterations):
            for label, url, headers, expect, _items in measurements:
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url, **headers)
                    timings[label].append((time.perf_counter() - start) * 1000)
                if response.status_code != expect:
                    raise SystemExit(f"{url}: {response.status_code}, chờ {expect}")
                query_counts[label].add(len(queries))
        full_ok, not_modified_ok, full_pages = True, True, 0
        for label, _url, _headers, expect, items in measurements:
            values = sorted(timings[label])
            median = statistics.median(values)
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            counts = ", ".join(str(c) for c in sorted(query_counts[label]))
            self.stdout.write(f"{label}: trung vị {median:.1f} ms, p95 {p95:.1f} ms, truy vấn {counts}")
            if expect == 304:
                not_modified_ok &= median < 5
            elif items == slices.PAGE_SIZE:
                full_pages += 1
                full_ok &= median < 25 and len(query_counts[label]) == 1
        self.stdout.write(cpu_reference_line())
        page_size = slices.PAGE_SIZE
        budget = f"nguồn tin {page_size} tin (trung vị < 25 ms, số truy vấn cố định)"
        if full_pages:
            self.stdout.write(verdict(budget, full_ok))
        else:
            self.stdout.write(f"Ngân sách {budget}: chưa đo, không nguồn tin nào đủ {page_size} tin")
        self.stdout.write(verdict("câu trả lời 304 (trung vị < 5 ms)", not_modified_ok))
