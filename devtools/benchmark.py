"""Server-time measurement shared by the `bench*` commands: median, p95 and query counts.

Requests go through Django's test client in-process, so the figures are server time only
(URL routing, views, templates, database), without network or gunicorn overhead.
"""

import statistics
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext


@dataclass
class Result:
    name: str
    median_ms: float
    p95_ms: float
    queries: str
    requests: int

    def line(self) -> str:
        return (
            f"{self.name:<36} {self.median_ms:>9.1f} {self.p95_ms:>9.1f} {self.queries:>9} {self.requests:>7}"
        )


def cpu_reference_line() -> str:
    """How fast this machine is right now: a fixed pure-Python loop, timed.

    Shared and virtual machines change speed from minute to minute (here by up to 1.7x), so
    every benchmark prints this next to its figures; compare runs only at similar values.
    """
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        timings.append((time.perf_counter() - started) * 1000)
    return f"Tốc độ máy lúc đo: vòng lặp chuẩn {min(timings):.0f} ms (càng nhỏ càng nhanh)"


def verdict(label: str, ok: bool) -> str:
    return f"Ngân sách {label}: {'ĐẠT' if ok else 'CHƯA ĐẠT'}"


HEADER = f"{'trang':<36} {'median ms':>9} {'p95 ms':>9} {'truy vấn':>9} {'số lần':>7}"


def measure(
    name: str,
    urls: list[str],
    rounds: int = 3,
    client: Client | None = None,
    page_cache: bool = False,
    cold: bool = False,
    **headers,
) -> Result:
    """Request every URL `rounds` times after one warm-up pass; renditions and caches are warm.

    The page cache for anonymous readers (home.page_cache) is off unless `page_cache` is set:
    the budgets are for building a page, and a repeat would otherwise be a cache hit. With
    `cold`, what is kept under the content version (menus, filter choices, a list's keys) is
    dropped before each request: what the first reader after a publication pays."""
    if not page_cache:
        with override_settings(PAGE_CACHE_SECONDS=0):
            return measure(name, urls, rounds, client, page_cache=True, cold=cold, **headers)
    client = client or Client(HTTP_HOST="127.0.0.1")
    for url in urls:
        response = client.get(url, **headers)
        if response.status_code not in (200, 304):
            raise RuntimeError(f"{url} trả về {response.status_code}")
    timings, query_counts = [], set()
    for _ in range(rounds):
        for url in urls:
            if cold:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url, **headers)
                timings.append((time.perf_counter() - started) * 1000)
            query_counts.add(len(queries))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    counts = sorted(query_counts)
    return Result(
        name=name,
        median_ms=statistics.median(timings),
        p95_ms=p95,
        queries=str(counts[0]) if len(counts) == 1 else f"{counts[0]}–{counts[-1]}",
        requests=len(timings),
    )
