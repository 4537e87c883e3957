# chronica: every target creates .venv itself on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint typecheck bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)  ## code the bundled sample article and print its events
	$(BIN)/chronica code chronica/data/sample/sample_article.txt --published 2024-03-15 --format table

test: $(STAMP)  ## the test suite (model, slow and browser tests included; browser ones skip without chromium)
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check chronica tests bench
	$(BIN)/ruff format --check chronica tests bench

typecheck: $(STAMP)
	$(BIN)/mypy chronica

check: lint typecheck test  ## everything CI runs

bench: $(STAMP)  ## throughput, memory and size figures -> BENCHMARKS.md
	$(BIN)/python bench/run.py

eval: $(STAMP)  ## score every gold set in ../shared/eval
	$(BIN)/chronica eval --set all

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
