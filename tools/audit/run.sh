#!/usr/bin/env bash
# `make audit`: build the audit's own data directory (migrate, demo content, static files), serve
# it with gunicorn (DEBUG off) on 127.0.0.1:$AUDIT_PORT, run tools/audit/audit.js on the pages of
# tools/audit/audit.config.json, stop the server. Exits with audit.js's status (1 = over budget).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
AUDIT_PORT=${AUDIT_PORT:-8765}
export DATA_DIR=${AUDIT_DATA_DIR:-$PWD/var/audit}
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$AUDIT_PORT"
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1,localhost
# The audit measures the embedded default with its own SQLite database, whatever this shell uses.
unset DATABASE_URL ELASTICSEARCH_URL CACHE_URL MEDIA_ROOT HTTPS SECURE_SSL_REDIRECT BEHIND_PROXY
# No task worker here: tasks (search indexing of the demo pages) run at once, inside each command.
export TASKS_BACKEND=immediate

if "$PY" -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', $AUDIT_PORT)) != 0)"; then
  echo "audit: port $AUDIT_PORT is taken; choose another with AUDIT_PORT=... make audit" >&2
  exit 2
fi

echo "== audit data in $DATA_DIR =="
"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py sync_site_url
"$PY" manage.py load_demo
"$PY" manage.py collectstatic --noinput --verbosity 0
"$PY" tools/audit/pages.py > "$DATA_DIR/pages.json"

LOG="$DATA_DIR/gunicorn.log"
"$(dirname "$PY")/gunicorn" config.wsgi --bind "127.0.0.1:$AUDIT_PORT" --workers 2 --threads 4 \
  --access-logfile - --error-logfile - >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT

ready=""
for _ in $(seq 1 60); do
  if "$PY" -c "import urllib.request; urllib.request.urlopen('$WAGTAILADMIN_BASE_URL/', timeout=5)" 2>/dev/null; then
    ready=1
    break
  fi
  kill -0 "$SERVER" 2>/dev/null || { echo "audit: gunicorn stopped; see $LOG" >&2; exit 2; }
  sleep 1
done
[[ -n $ready ]] || { echo "audit: $WAGTAILADMIN_BASE_URL/ did not answer within 60 s; see $LOG" >&2; exit 2; }

echo "== auditing $WAGTAILADMIN_BASE_URL (server log: $LOG) =="
status=0
node tools/audit/audit.js --base "$WAGTAILADMIN_BASE_URL" --config "$DATA_DIR/pages.json" \
  --json "$DATA_DIR/audit.json" || status=$?
exit "$status"
