# Developer entry points. Each target sets up its own virtual environment (.venv) first,
# so `make demo` and `make test` work on a fresh machine with only python3.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
BXMLKIT = $(VENV)/bin/bxmlkit
STAMP   = $(VENV)/.installed

.PHONY: demo test check bench fuzz docs docs-serve clean vocabulary

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## The main job on the bundled examples: build a document, check and lint every example,
## then show the diagnostics for a deliberately broken set (without failing the demo).
demo: $(STAMP)
	@echo "== build the guide's document with the models"
	$(PY) examples/hello.py
	@echo "== parse, check and re-serialize every bundled example"
	$(BXMLKIT) check examples/*.xml
	@echo "== lint the bundled examples (clean)"
	$(BXMLKIT) lint examples/*.xml
	@echo "== lint a deliberately broken set (findings expected; the demo does not fail)"
	-$(BXMLKIT) lint examples/broken
	@echo "== demo done"

## Regenerate bxmlkit/vocabulary.py from schema/bxml.xsd (a test fails when it is stale).
vocabulary: $(STAMP)
	$(PY) -m bxmlkit.schema.generate

## The whole test suite, with the line and branch coverage of bxmlkit (the floor is
## [tool.coverage.report] fail_under in pyproject.toml).  `coverage run` starts measuring
## before pytest loads bxmlkit's own pytest plugins (bxmlkit.testing, bxmlkit.sim), whose
## module-level code pytest-cov's --cov would count as never run.
test: $(STAMP)
	$(PY) -m coverage run -m pytest
	$(PY) -m coverage report

## Static checks that CI runs besides the tests: ruff, and mypy --strict on the package and
## on the tests (a test that calls something wrongly is caught before it runs).
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict bxmlkit tests

## The documentation site, built into site/ (--strict: a broken link or reference fails).
## The reference pages are generated from the code by docsgen/ on every build.
docs: $(STAMP)
	$(PY) -m pip install --quiet -e '.[docs]'
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --site-dir site

## Serve the site on http://127.0.0.1:8000/bxmlkit/ and rebuild on changes.
docs-serve: $(STAMP)
	$(PY) -m pip install --quiet -e '.[docs]'
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

## Benchmark tables (peers installed from the `bench` extra), saved to benchmarks/results/
## and copied into the README.
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/bench_codec.py --save
	$(PY) benchmarks/bench_validate.py --save
	$(PY) benchmarks/bench_lint.py --save
	$(PY) benchmarks/bench_sim.py --save
	$(PY) benchmarks/bench_startup.py --save
	$(PY) benchmarks/bench_instructions.py --save
	$(PY) benchmarks/readme_tables.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis dist build site
