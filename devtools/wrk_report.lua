-- wrk script for `manage.py loadtest` (devtools/loadtest.py): requests cycle through the
-- paths in LOADTEST_PATHS (one per line), as a browser sends them (brotli or gzip accepted),
-- and the run's summary is printed as one JSON line the command reads.

local paths = {}
for path in string.gmatch(os.getenv("LOADTEST_PATHS") or "/", "[^\n]+") do
  table.insert(paths, path)
end

wrk.headers["Accept-Encoding"] = "br, gzip"

local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.timeout, errors.status
  ))
end
