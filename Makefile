# Moot Court Kit. Two commands on a fresh machine:
#   make demo   set everything up and open the instructor's dashboard (Voila) on the record case
#   make test   set everything up and run every check (the command CI runs)
# Everything installs into .venv from pyproject.toml, the single list of dependencies;
# the venv is reinstalled whenever pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lab hub notebooks lint format schemas clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

# The presenter prints its URL; DEMO_ARGS=--no-browser where there is no display.
demo: $(STAMP)
	$(VENV)/bin/mootcourt present liu-v-platform-2024 $(DEMO_ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m tests.benchmarks.bench_engine
	@for b in tests/benchmarks/bench_*.py; do \
	  m=$$(basename $$b .py); [ $$m = bench_engine ] || $(PY) -m tests.benchmarks.$$m || exit 1; \
	done

# The students' entry point: the course in JupyterLab.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

# A JupyterHub on this machine, to try the kit on a hub (README "In class"): any name, one
# password; each student's server pulls the course (this checkout's commits) with nbgitpuller.
# Needs configurable-http-proxy (npm install -g configurable-http-proxy). Not a class server.
hub: $(STAMP)
	$(PY) -m mootcourt.hub.local $(HUB_ARGS)

# Re-execute every notebook and store its outputs, cleaned (run after the reasoning changes).
notebooks: $(STAMP)
	$(PY) scripts/notebooks.py execute

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
