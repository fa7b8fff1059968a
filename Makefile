# make build: validate content/ and build site/ (Thai at /, English at /en/).
# make test:  run every test.   make serve: preview with live reload.
# make preview AGENCY=<folder>: preview one agency only (fast at any number of agencies).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

CHROMIUM ?= /usr/bin/chromium

.PHONY: build test serve preview validate lint schema weight bench bench-search audit clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/python -m generator build

validate: $(STAMP)
	$(BIN)/python -m generator validate

# --livereload is explicit: MkDocs 1.6.1 with Click 8.3.0-8.3.1 turns it off by default.
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr $(ADDR)

# A reviewer's quick look at one agency, however many the province has: only that agency's
# pages are built, so an edit shows in about a second.   make preview AGENCY=<folder name>
preview: $(STAMP)
	@test -n "$(AGENCY)" || { echo "ตั้งชื่อโฟลเดอร์หน่วยงาน / name the agency folder: make preview AGENCY=<folder>"; exit 2; }
	C3_AGENCY=$(AGENCY) C3_PREVIEW=true $(BIN)/mkdocs serve --livereload --dev-addr $(ADDR)

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium

test: $(STAMP) $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools
	$(BIN)/mypy

schema: $(STAMP)
	$(BIN)/python -m generator schema

# What a first view of each page type downloads, and the search index size per language.
weight: build $(CHROMIUM)
	$(BIN)/python -m tools.page_weight site

# Synthetic provinces of 100 and 1,000 agencies, built and measured against the targets of
# docs/*/scale.md, and built the naive way for comparison (about 45 minutes on 2 cores, and
# search on a throttled phone at 1,000 and with a 10,000-agency index: about 25 more). Pagefind (requirements-bench.txt) is for
# bench-search: the site's search and Pagefind's, side by side, on the 1,000-agency build.
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP) $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m tools.bench 100 1000 --runs 3 --naive 100 1000 --serve 1000 --search 1000 --search-grow 10

bench-search: $(BENCH_STAMP) $(CHROMIUM)
	test -d .bench/site-1000 || $(BIN)/python -m tools.bench 1000 --runs 1
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m tools.bench_pagefind .bench/site-1000 --json .bench/search.json

# Lighthouse (npm, pinned in package-lock.json) with Debian's Chromium, mobile, on one page of each
# type in Thai and English: scores per page and their medians; JSON reports in .audit/.
# A measurement, not a gate: make test does not run it.   make audit RUNS=3 for steadier figures.
NODE_STAMP := node_modules/.installed
RUNS ?= 1

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

audit: build $(CHROMIUM) $(NODE_STAMP)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m tools.audit site --runs $(RUNS)

clean:
	rm -rf site .site-* .bench .mkdocs-bench-* .audit $(VENV)
