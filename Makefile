# Bình Yên: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test lint format check pytest bench install clean-venv catalogs messages

# The virtual environment is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements/lock.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/lock.txt
	@touch $@

install: $(VENV)/.installed

# Compile site/locale/**/*.po into .mo files (build output, ignored by git); needs no GNU gettext.
catalogs: install
	$(PY) manage.py compile_catalogs

# After a Wagtail upgrade: merge new admin messages into site/locale/vi, then translate the
# empty or fuzzy ones (see site/locale/TERMS.md for the words to use).
messages: install
	$(PY) manage.py refresh_admin_catalogs
	$(PY) manage.py compile_catalogs

## make run: set up everything, load demo content, serve on http://127.0.0.1:$(PORT) (DEBUG off)
run: install catalogs
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_localities
	$(PY) manage.py sync_site_url
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@$(PY) manage.py ensure_admin
	@echo "Trang web: http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	$(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --error-logfile -

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

pytest: install
	$(VENV)/bin/pytest

## make bench: server-time benchmark on a separate database with BENCH_STORIES synthetic stories
BENCH_STORIES ?= 10000
bench: install
	DATA_DIR=$(CURDIR)/var/bench $(PY) manage.py migrate --noinput --verbosity 0
	DATA_DIR=$(CURDIR)/var/bench $(PY) manage.py load_demo
	DATA_DIR=$(CURDIR)/var/bench $(PY) manage.py add_bulk_stories $(BENCH_STORIES) --total
	DATA_DIR=$(CURDIR)/var/bench $(PY) manage.py bench

clean-venv:
	rm -rf $(VENV)
