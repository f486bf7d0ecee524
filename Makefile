# Two commands do everything on a fresh clone: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves on: the demo Site, its QR codes and the printed admin URL use it.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run setup install install-test system-deps test lint lock bench loadtest clean mutation fonts screenshots

run: setup
	@echo "Site draait op http://$(HOST):$(PORT)/ met de taakverwerkers ernaast (stoppen: Ctrl+C)"
	@PYTHON=$(BIN)/python bash scripts/run-dev.sh $(HOST) $(PORT)

# The trainer guides and the catalogue booklet take seconds each to render: warm_pdf_cache
# renders them in the background, so `make run` serves at once and the first trainer gets the
# PDF from the cache (a request that comes earlier waits for that same render, cms/pdf.py).
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py plan_daily_upkeep
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_demo_admin
	@mkdir -p var
# A database made before a page type gained search fields (the start-of-word search) is
# indexed anew: a second or so for the demo.
	@$(BIN)/python manage.py update_index >var/update_index.log 2>&1
	@nohup $(BIN)/python manage.py warm_pdf_cache >var/warm_pdf_cache.log 2>&1 &
	@echo "Pdf's worden op de achtergrond klaargezet (voortgang: var/warm_pdf_cache.log)"

install: $(VENV)/.installed-base
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps make a second run skip pip entirely until a lock file changes.
$(VENV)/.installed-base: requirements/base.lock | $(BIN)/python
	$(PIP) install -r requirements/base.lock
	@touch $@

$(VENV)/.installed-test: requirements/test.lock | $(BIN)/python
	$(PIP) install -r requirements/test.lock
	@touch $@ $(VENV)/.installed-base

system-deps:
	@bash scripts/system-deps.sh

test: install-test system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the lock files after changing pyproject.toml.
lock: $(BIN)/python
	$(PIP) install pip-tools
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe -o requirements/base.lock pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-header --allow-unsafe --extra test -o requirements/test.lock pyproject.toml

# Re-fetch the pinned web font from npm into static/fonts/ (needs npm and the network; the
# files are committed, so setup and test never do this).
fonts:
	bash scripts/update-fonts.sh

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache

# Every public page against the floor of this stack, cold and cached, and the PDFs; prints a
# table and writes bench-results.json. Then 1 against 20 networks (queries, page-cache hit
# ratio; about 2 min), written to benchmarks/results/networks.json.
bench: install-test
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/trainer_material.py
	$(BIN)/python benchmarks/networks.py

# gunicorn (2 workers) on a throw-away PostgreSQL, loaded with wrk on 127.0.0.1 (about 9 min),
# then one network against two taking turns (LOADTEST_TWO_NETWORKS=0 skips it, =only runs
# just it).
# LOADTEST_CACHE=redis puts the page cache in a redis-server, as with several app servers.
loadtest: install-test system-deps
	LOADTEST_CACHE=$(or $(LOADTEST_CACHE),file) bash scripts/with-postgres.sh $(BIN)/python benchmarks/loadtest.py

# Mutation testing of the service modules (scripts/mutation.py): per module the mutants the
# tests kill, in a throw-away copy under /tmp; about 5 minutes. Not part of `make test`.
# MUTATION_ARGS="--only retention,loans --survivors" narrows it down and shows what survived.
mutation: install-test
	$(BIN)/python scripts/mutation.py --min-rate 85 $(MUTATION_ARGS)

# The README's screenshots (docs/screenshots/): the demo on a throw-away database and a free
# port, photographed with Chromium, then removed again (about a minute).
screenshots: install-test
	$(BIN)/python scripts/screenshots.py
