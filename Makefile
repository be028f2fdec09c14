# Two commands for people: `make run` and `make test`. Both set everything up first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)
NODE_STAMP := node_modules/.soziallotse-$(shell sha256sum package-lock.json | cut -c1-12)

.PHONY: setup run test build check bench clean

setup: $(STAMP) $(NODE_STAMP)

# Every Python dependency is pinned with its hash in requirements.lock.
$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $@

# Pyodide comes from the npm registry; npm ci checks the lock file's sha512 integrity.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

run: setup
	$(PY) build.py serve

build: setup
	$(PY) build.py build

check: setup
	$(PY) build.py check

test: setup
	$(PY) build.py check
	$(PY) -m pytest

bench: setup
	$(PY) tools/bench.py

clean:
	rm -rf site build .pytest_cache
