# Shortcuts for working on briefpack. CI runs `make check` (lint, types) and then the README's test command.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install check lint types test test-fast format bench ab outline

install:  ## a virtual environment with briefpack, its test and dev tools
	$(PYTHON) -m venv $(VENV) && $(BIN)/pip install -q -e '.[test,dev]'

check: lint types  ## what CI checks before the tests

lint:
	$(BIN)/ruff check generator tests tools

types:
	$(BIN)/mypy

test:  ## the whole suite, on every core
	$(BIN)/pytest

test-fast:  ## the inner loop: skip what drives LibreOffice, Chromium, watch, serve and the fuzzer, and old-pack builds
	$(BIN)/pytest -m "not slow and not browser"

format:
	$(BIN)/ruff check --fix generator tests tools

bench:  ## cold, no-op, watch-edit, batch and long-handout timings (a few minutes)
	$(BIN)/python tools/bench.py

ab:  ## cold builds of BASE (default: the last release) and the working tree, side by side
	$(BIN)/python tools/ab.py $(or $(BASE),f952802) --rounds 8

outline:  ## the default pack's composed documents, one line per block, for reviewing content changes
	$(BIN)/python tools/outline.py
