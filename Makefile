# Manchette — the project's command line. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 2
DEV := DJANGO_SETTINGS_MODULE=manchette.settings.dev

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ est requis." if sys.version_info < (3, 11) else 0)'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -c requirements.lock
	touch $@

venv: $(VENV)/.installed ## Create the virtual environment with the pinned dependencies

migrate: venv ## Apply the database migrations
	$(DEV) $(PY) manage.py migrate --noinput

demo: migrate ## Load the demo content and the demo accounts (idempotent)
	$(DEV) $(PY) manage.py seed_demo
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(DEV) $(PY) manage.py demo_admin

run: demo ## Set up everything, then serve the site and its worker on http://127.0.0.1:$(PORT)
	@PY=$(PY) PORT=$(PORT) WORKERS=$(WORKERS) scripts/serve.sh

backup: venv ## Back up the database (online) and the media into var/backups/manchette-<time>.tar.gz
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-manchette.settings.dev} $(PY) manage.py backup

restore: venv ## Restore a backup, site stopped: make restore ARCHIVE=var/backups/….tar.gz [REPLACE=1]
	@test -n "$(ARCHIVE)" || { echo "  make restore ARCHIVE=var/backups/manchette-….tar.gz"; exit 1; }
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-manchette.settings.dev} $(PY) manage.py \
		restore $(if $(REPLACE),--replace) "$(ARCHIVE)"

test: venv ## Run the whole test suite (browser tests need /usr/bin/chromium)
	$(PY) -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: venv ## ruff, layer contracts, dead code, Django checks, migrations, French catalogue
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture
	$(DEV) $(PY) manage.py check
	$(DEV) $(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_catalogue.py

format: venv ## Fix what ruff can fix
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: venv ## Update, complete and compile the French catalogue (needs gettext)
	cd manchette && ../$(PY) ../manage.py makemessages -l fr --no-obsolete -i "static/*"
	$(PY) scripts/fill_french_catalogue.py
	cd manchette && ../$(PY) ../manage.py compilemessages -l fr

bench: venv ## Measure pages per second, latency and queries per page (see bench/run.py)
	@command -v wrk >/dev/null && command -v nginx >/dev/null \
		&& test -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so || { \
		echo "  bench: installing Debian's wrk, nginx and its purge module"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light \
			libnginx-mod-http-cache-purge >/dev/null \
		|| { echo "  bench: install them as root: apt-get install -y wrk nginx-light" \
			"libnginx-mod-http-cache-purge"; exit 1; }; }
	$(PY) bench/run.py $(BENCH_ARGS)
	@if [ -n "$$BENCH_ARCHIVE" ]; then $(PY) bench/archive.py; fi

bench-archive: venv ## Listings and sitemaps on an archive (BENCH_ARCHIVE=5000,200000, on PostgreSQL)
	$(PY) bench/archive.py

check-deploy: venv ## `manage.py check --deploy` with the production settings
	DJANGO_SETTINGS_MODULE=manchette.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		ALLOWED_HOSTS=example.org SITE_URL=https://example.org TRUSTED_PROXIES=unix,127.0.0.1,::1 \
		$(PY) manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtual environment (keeps var/, the data)
	rm -rf $(VENV)

.PHONY: help venv migrate demo run backup restore test lint format messages bench bench-archive check-deploy clean
