PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/us-japan-2plus2-talks.txt
SEED_ANCHOR := 2024-07-28

.PHONY: demo test typecheck install install-test evaluate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: $(VENV)/.installed
	@mkdir -p demo-output
	$(BIN)/timeline extract $(SEED) --anchor $(SEED_ANCHOR) --format table
	$(BIN)/timeline extract $(SEED) --anchor $(SEED_ANCHOR) --format ics -o demo-output/seed.ics
	$(BIN)/timeline extract $(SEED) --anchor $(SEED_ANCHOR) --format csv -o demo-output/seed.csv
	$(BIN)/timeline extract $(SEED) --anchor $(SEED_ANCHOR) --format html -o demo-output/seed.html
	@echo "wrote demo-output/seed.ics, demo-output/seed.csv and demo-output/seed.html"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

evaluate: $(VENV)/.installed
	$(BIN)/timeline evaluate ../shared/corpora/tbaq

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info demo-output test-artifacts
