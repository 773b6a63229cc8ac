# Transferraum: `make run` serves the platform, `make test` runs every check. Both set up what
# is missing first (virtualenv, Python and npm packages, translations, database, demo data).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Debian packages the tests need: the browser, WeasyPrint's libraries, fonts, PDF tools, gettext,
# and xmlsec1, which pysaml2 (the test's SAML identity provider) calls to sign its responses.
TEST_APT_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-dejavu-core poppler-utils gettext xmlsec1

.PHONY: help prepare setup run test lint format vendor messages db demo system-packages serve-prod clean backup restore \
	bench bench-alloc bench-web bench-pages bench-load bench-data bench-search bench-alerts

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory system-packages PACKAGES="nodejs npm"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# KERN's Fira Sans, cut down to what the interface shows: Latin with the accents of names in
# Europe (Latin-1 and Latin Extended-A), typographic quotes and dashes, …, •, €, →, ≤ (Fira Sans
# has no ✓). Only the weights KERN and our CSS use (400, 500, 600, 700), WOFF2 only;
# `manage.py fonts_css` writes static/css/fonts.css (not committed) from these two lists, so it
# declares the same faces with the same unicode-range. The full files stay for the dossier PDF
# (WeasyPrint subsets itself and must render any name).
FONT_SRC := node_modules/@kern-ux/native/dist/fonts/fira-sans
FONT_WEIGHTS := Regular Medium SemiBold Bold
FONT_PDF := Regular Italic SemiBold Bold
FONT_UNICODES := U+0020-007E,U+00A0-017F,U+2013-2014,U+2018-201A,U+201C-201E,U+2022,U+2026,U+2039-203A,U+20AC,U+2192,U+2212,U+2264

vendor: node_modules/.installed $(VENV)/.synced ## Copy the front-end packages into static/vendor/, subset the fonts
	@rm -rf static/vendor && mkdir -p static/vendor/kern/fonts/fira-sans static/vendor/kern/fonts/fira-sans-subset \
		static/vendor/htmx static/vendor/leaflet static/vendor/cytoscape
	cp node_modules/@kern-ux/native/dist/kern.min.css node_modules/@kern-ux/native/LICENSE.md static/vendor/kern/
	for w in $(FONT_PDF); do cp $(FONT_SRC)/FiraSans-$$w.woff2 static/vendor/kern/fonts/fira-sans/; done
	for w in $(FONT_WEIGHTS); do \
		$(VENV)/bin/pyftsubset $(FONT_SRC)/FiraSans-$$w.woff2 --unicodes="$(FONT_UNICODES)" \
			--flavor=woff2 --output-file=static/vendor/kern/fonts/fira-sans-subset/FiraSans-$$w.woff2 || exit 1; \
	done
	$(MANAGE) fonts_css --weights $(FONT_WEIGHTS) --unicodes "$(FONT_UNICODES)" --output static/css/fonts.css
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE static/vendor/htmx/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images node_modules/leaflet/LICENSE static/vendor/leaflet/
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE static/vendor/cytoscape/

system-packages: ## Install Debian packages given in PACKAGES (as root; otherwise say what is missing)
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Please install these Debian packages (as root):$$missing" >&2; exit 1; \
		fi; \
	fi

messages: $(VENV)/.synced ## Compile the translations
	@command -v msgfmt >/dev/null 2>&1 || $(MAKE) --no-print-directory system-packages PACKAGES=gettext
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

db: $(VENV)/.synced ## Migrate and load the region reference data
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) createcachetable
	$(MANAGE) load_region
	$(MANAGE) load_competences
	$(MANAGE) load_catalogue
	$(MANAGE) load_train_connections

demo: db ## Load the demo data (idempotent)
	$(MANAGE) demo

# SIZE: small (≈ 1,000 organisations and people), medium (≈ 10,000) or full (≈ 100,000, issue 18);
# SEED: the same seed gives the same data. Replaces data generated before, nothing else.
SIZE ?= full
SEED ?= 18
bench-data: db ## Generate a region's worth of data (SIZE=small|medium|full, default full; docs/large-data.md)
	$(MANAGE) generate_data --size $(SIZE) --seed $(SEED) --replace

prepare: $(VENV)/.synced vendor messages db ## Packages, static files, translations, database (no demo data)

setup: prepare demo ## Everything `make run` needs

run: setup ## Serve http://127.0.0.1:8000 with demo data (and the task worker)
	@trap 'kill 0' EXIT; \
	$(MANAGE) db_worker --no-startup-delay & \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: $(VENV)/.synced ## ruff check and format check, migrations check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy transferraum config
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.synced ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(VENV)/.synced vendor messages ## Every check and test: lint, unit, PostgreSQL (with DATABASE_URL), browser
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_APT_PACKAGES)"
	@$(MAKE) --no-print-directory lint
	$(VENV)/bin/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

bench: $(VENV)/.synced bench-alloc bench-web bench-load bench-search bench-alerts ## Run every benchmark and write docs/benchmarks.md (takes a while)

bench-alloc: $(VENV)/.synced ## Allocation benchmark: ours against stable, serial, greedy
	$(PY) -m benchmarks.allocation.run --out docs/benchmarks.md

# BENCH_WEB_START_PAGE: the signed-in page measured (default: "Mein Bereich", /mein-bereich/).
bench-web: $(VENV)/.synced vendor messages ## Lighthouse (phone) on the main pages under gunicorn, production settings
	@$(MAKE) --no-print-directory system-packages PACKAGES=chromium
	$(PY) -m benchmarks.web.run --out docs/benchmarks.md $(BENCH_WEB_ARGS)
	@$(MAKE) --no-print-directory bench-pages

# The page budget and the load test create or replace this PostgreSQL database and fill it with
# `generate_data --size $(SIZE)` (full by default; SIZE=small for a quick run).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/transferraum_bench
bench-pages: $(VENV)/.synced vendor messages ## Page budget: key pages against the layout page, PostgreSQL, gunicorn (SIZE=…)
	$(PY) -m benchmarks.pages.run --out docs/benchmarks.md --size $(SIZE) --database-url $(BENCH_DATABASE_URL) $(BENCH_PAGES_ARGS)

bench-load: $(VENV)/.synced vendor messages ## Load test: Locust steps up users until p95 > 500 ms or errors (SIZE=…)
	$(PY) -m benchmarks.load.run --out docs/benchmarks.md --size $(SIZE) --database-url $(BENCH_DATABASE_URL) $(BENCH_LOAD_ARGS)

# The database the search benchmark fills with 100,000 organisations (its own, kept between runs).
BENCH_SEARCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/transferraum_bench_search
bench-search: $(VENV)/.synced ## Search p50/p95 at 100,000 organisations (PostgreSQL)
	DATABASE_URL=$(BENCH_SEARCH_DATABASE_URL) $(PY) -m benchmarks.search.run --out docs/benchmarks.md $(BENCH_SEARCH_ARGS)

BENCH_ALERTS_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tr_opportunities_bench_alerts
bench-alerts: $(VENV)/.synced ## Alert run: 20,000 saved searches against 500 new items (PostgreSQL)
	DATABASE_URL=$(BENCH_ALERTS_DATABASE_URL) $(PY) -m benchmarks.alerts.run --out docs/benchmarks.md $(BENCH_ALERTS_ARGS)

serve-prod: prepare ## Serve with production settings through gunicorn (see README)
	DJANGO_SETTINGS_MODULE=config.settings.prod $(MANAGE) collectstatic --no-input -v0
	DJANGO_SETTINGS_MODULE=config.settings.prod $(VENV)/bin/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers 2

# Backups (docs/deployment.md): one dated archive of the database and the uploads in BACKUP_DIR
# (var/backups/ by default); restore asks before it replaces anything.
backup: $(VENV)/.synced ## Back up the database and the uploaded files into var/backups/ (BACKUP_DIR)
	$(MANAGE) backup

restore: $(VENV)/.synced ## Put a backup back: make restore FILE=var/backups/transferraum-….tar.gz
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/transferraum-<date>.tar.gz" >&2; exit 1; }
	$(MANAGE) restore "$(FILE)"

clean: ## Remove installed and generated files (not the database)
	rm -rf $(VENV) node_modules static/vendor static/css/fonts.css staticfiles
