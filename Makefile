# Bình Yên: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test lint format check pytest bench install clean-venv

# The virtual environment is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements/lock.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/lock.txt
	@touch $@

install: $(VENV)/.installed

## make run: set up everything, load demo content, serve on http://127.0.0.1:$(PORT) (DEBUG off);
## the server also runs publish_scheduled every minute (config/gunicorn.conf.py)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_localities
	$(PY) manage.py sync_site_url
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@$(PY) manage.py ensure_admin
	@echo "Trang web: http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	$(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --error-logfile -

## make test: lint, Django checks, migrations check and the whole pytest suite
test: install lint check pytest

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
