# Moot Court Kit. Two commands on a fresh machine:
#   make demo   set everything up and show the record case, both courts side by side
#   make test   set everything up and run every check (the command CI runs)
# Everything installs into .venv from pyproject.toml, the single list of dependencies;
# the venv is reinstalled whenever pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint format schemas clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/mootcourt evaluate liu-v-platform-2024 --lang en
	$(VENV)/bin/mootcourt evaluate liu-v-platform-2024 --lang zh-CN

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m tests.benchmarks.bench_engine

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check widgets tests

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format widgets tests

schemas: $(STAMP)
	$(PY) -m mootcourt.schemas

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
