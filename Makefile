# Two commands for people: `make run` and `make test`. Both set everything up first.
# `make run` installs only what builds and serves the site (requirements.lock); `make test`
# adds the test tools (requirements-test.lock: pytest, Playwright, axe, GETTSIM, …).
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
SERVE_STAMP := $(VENV)/.installed-serve-$(shell sha256sum requirements.lock | cut -c1-12)
TEST_STAMP  := $(VENV)/.installed-test-$(shell cat requirements.lock requirements-test.lock | sha256sum | cut -c1-12)
NODE_STAMP  := node_modules/.soziallotse-$(shell sha256sum package-lock.json | cut -c1-12)

.PHONY: test-full setup setup-serve run test build check bench clean

setup-serve: $(SERVE_STAMP) $(NODE_STAMP)
setup: $(TEST_STAMP) $(NODE_STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Every Python dependency is pinned with its hash.
$(SERVE_STAMP): requirements.lock | $(VENV)/bin/python
	$(PIP) -r requirements.lock
	rm -f $(VENV)/.installed-serve-* && touch $@

$(TEST_STAMP): requirements.lock requirements-test.lock | $(VENV)/bin/python
	$(PIP) -r requirements.lock -r requirements-test.lock
	rm -f $(VENV)/.installed-* && touch $@ $(SERVE_STAMP)

# Pyodide comes from the npm registry; npm ci checks the lock file's sha512 integrity.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

run: setup-serve
	$(PY) build.py serve

build: setup-serve
	$(PY) build.py build

check: setup-serve
	$(PY) build.py check

test: setup
	$(PY) build.py check
	$(PY) -m pytest

# The slower full crawl: the gate (tests/browser/test_gate.py) on every page of every type, not
# only the biggest page of each type.
test-full: setup
	$(PY) build.py check
	SL_GATE_FULL=1 $(PY) -m pytest

bench: setup
	$(PY) tools/bench.py

clean:
	rm -rf site build .pytest_cache
