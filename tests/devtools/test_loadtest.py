"""The load test reads wrk's report as wrk prints it: a run with failed or non-2xx answers
must never be reported as clean."""

import os
import subprocess
import sys
import time
from types import SimpleNamespace

from devtools.loadtest import Server, parse

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:40000
  2 threads and 8 connections
  Latency Distribution
     50%    1.70ms
     99%   41.90ms
  20155 requests in 5.00s, 25.10MB read
  Non-2xx or 3xx responses: 12
Requests/sec:   4031.00
{"requests": 20155, "duration_us": 5000000, "p50_us": 1700, "p99_us": 41900, "connect": 0, "read": 3, "write": 0, "timeout": 2, "status": 12}
"""


def test_wrk_report_counts_socket_errors_and_non_2xx_answers():
    run = parse("tệp tĩnh", WRK_OUTPUT)
    assert round(run.requests_per_second) == 4031
    assert (run.p50_ms, run.p99_ms) == (1.7, 41.9)
    assert run.errors == 5 and run.non_2xx == 12
    assert run.requests == 20155


def test_worker_memory_is_read_for_each_child_of_the_server_process():
    server = object.__new__(Server)  # the reading only, without starting gunicorn
    server.process = SimpleNamespace(pid=os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        sizes = server.worker_memory_mb()
    finally:
        child.kill()
        child.wait()
    assert sizes and all(1 < size < 300 for size in sizes)
