# Bình Yên: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)


.PHONY: static
.PHONY: run test lint format check pytest bench bench-data loadtest install install-runtime clean-venv catalogs messages audit node-deps

# The virtual environment is brought up to date whenever a lock file changes. `make run` installs
# what the site needs to run (requirements/runtime-lock.txt); `make test` and the other developer
# targets add the test and lint tools (requirements/lock.txt, the same pins plus the dev extra).
$(VENV)/.installed-runtime: requirements/runtime-lock.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/runtime-lock.txt
	@touch $@

$(VENV)/.installed: requirements/lock.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/lock.txt
	@touch $@ $(VENV)/.installed-runtime

install-runtime: $(VENV)/.installed-runtime
install: $(VENV)/.installed

# The audit's npm packages (tools/audit: Lighthouse, axe-core, puppeteer-core, vnu-jar), reinstalled
# whenever the lock changes. No install scripts run, so nothing downloads a browser or a Java runtime:
# the audit uses Debian's chromium and the system's java. Without npm the audit tests are skipped
# (they fail instead when CI is set).
NODE_DEPS := tools/audit/node_modules/.installed
$(NODE_DEPS): tools/audit/package.json tools/audit/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tools/audit && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
		&& touch node_modules/.installed; \
	else echo "npm not found: tests/audit will be skipped; install Node.js 20+ and npm to run them" >&2; fi

node-deps: $(NODE_DEPS)

# Compile site/locale/**/*.po into .mo files (build output, ignored by git); needs no GNU gettext.
catalogs: install-runtime
	$(PY) manage.py compile_catalogs

# After a Wagtail upgrade: merge new admin messages into site/locale/vi, then translate the
# empty or fuzzy ones (see site/locale/TERMS.md for the words to use).
messages: install
	$(PY) manage.py refresh_admin_catalogs
	$(PY) manage.py compile_catalogs

## make run: set up everything, load demo content, serve on http://127.0.0.1:$(PORT) (DEBUG off);
## the server also runs publish_scheduled every minute (config/gunicorn.conf.py), and the task
## worker (manage.py db_worker: e-mail, cache purges, share cards, search indexing) runs beside
## it, stopped with it (Ctrl+C) by the shell's trap
run: install-runtime catalogs
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_localities
	$(PY) manage.py repair_slugs
	$(PY) manage.py sync_site_url
	$(PY) manage.py load_demo
	@$(MAKE) --no-print-directory static
	@$(PY) manage.py ensure_admin
	@echo "Trang web: http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --error-logfile -

# Collected, compressed static files; redone only when a source file or the lock changes.
STATIC_MANIFEST := var/static/staticfiles.json
$(STATIC_MANIFEST): $(shell find site/static -type f 2>/dev/null) requirements/runtime-lock.txt
	$(PY) manage.py collectstatic --noinput --verbosity 0

static: install-runtime $(STATIC_MANIFEST)

## make test: lint, Django checks, migrations check and the whole pytest suite
test: install catalogs lint check pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

pytest: install node-deps
	$(VENV)/bin/pytest

## make bench: server-time benchmark on a separate database with BENCH_STORIES synthetic stories
BENCH_STORIES ?= 10000
# Synthetic showcases and forums on top of the demo's own (none by default, so CI stays as fast).
BENCH_SHOWCASES ?= 0
BENCH_FORUMS ?= 0
# The benchmark measures pages, not a worker: its tasks (search indexing above all) run at once,
# so the stories it loads are searchable before they are measured (tools/audit/run.sh does the same).
bench-data bench loadtest: export TASKS_BACKEND = immediate
BENCH_DATA = DATA_DIR=$(CURDIR)/var/bench
bench-data: install
	$(BENCH_DATA) $(PY) manage.py migrate --noinput --verbosity 0
	$(BENCH_DATA) $(PY) manage.py load_demo
	$(BENCH_DATA) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(BENCH_DATA) $(PY) manage.py add_bulk_stories $(BENCH_STORIES) --total
	$(if $(filter-out 0,$(BENCH_SHOWCASES) $(BENCH_FORUMS)),$(BENCH_DATA) $(PY) manage.py add_bulk_content \
		--showcases $(BENCH_SHOWCASES) --forums $(BENCH_FORUMS) --total)

bench: bench-data
	$(BENCH_DATA) $(PY) manage.py bench
	$(BENCH_DATA) $(PY) manage.py bench_search
	$(BENCH_DATA) $(PY) manage.py bench_feeds
	$(BENCH_DATA) $(PY) manage.py bench_relevance

## make loadtest: the project's own gunicorn under wrk (Debian package `wrk`), on the bench data:
## requests per second, p50/p99 and errors per URL, against a static file in the same run
LOADTEST_SECONDS ?= 5
loadtest: bench-data
	$(BENCH_DATA) $(PY) manage.py loadtest --seconds $(LOADTEST_SECONDS)

## make audit: Lighthouse (mobile), axe-core and the Nu HTML Checker on the pages listed in
## tools/audit/audit.config.json, served by gunicorn (DEBUG off) from its own data in var/audit
AUDIT_PORT ?= 8765
audit: install catalogs node-deps
	PY=$(PY) AUDIT_PORT=$(AUDIT_PORT) tools/audit/run.sh

clean-venv:
	rm -rf $(VENV)
