# Two commands do everything from a fresh clone: `make demo` and `make test`.
#   make demo   installs amcalc alone (attrs, python-dateutil, holidays) and explains a contract
#   make test   installs the test, bulk and docs extras, then runs tests, mypy, ruff and the docs build
#   make check  runs the project's scenario cases, then the shared ones ($(SHARED_CASES)) when present
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
TOOLS   := $(VENV)/.tools-installed
SHARED_CASES ?= ../shared/cases

.PHONY: demo test check docs clean

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(TOOLS): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(TOOLS)

demo: $(RUNTIME)
	$(BIN)/amcalc demo

test: $(TOOLS)
	$(BIN)/python -m pytest -q
	$(BIN)/python -m mypy
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mkdocs build --strict --quiet --site-dir build/site

check: $(RUNTIME)
	$(BIN)/amcalc check tests/scenarios docs/examples/scenarios
	@if [ -d "$(SHARED_CASES)" ]; then \
		$(BIN)/amcalc check $(SHARED_CASES); \
	else \
		echo "make check: no shared cases at $(SHARED_CASES); give their folder: make check SHARED_CASES=path/to/cases"; \
	fi

docs: $(TOOLS)
	$(BIN)/mkdocs build --strict --site-dir build/site

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .hypothesis
