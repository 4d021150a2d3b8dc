# Two entry points, both idempotent: `make run` and `make test`.
# The virtualenv is rebuilt only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# pytest rewrites every test module (for its assert messages) and compiles it again in
# each process unless it may keep the result as bytecode: where PYTHONDONTWRITEBYTECODE
# is set that is a few seconds of CPU per xdist worker on every run, so the suite runs
# without it (the bytecode goes to the ignored __pycache__ folders).
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

.PHONY: run test test-fast test-under-load typecheck lint format bench clean

# Our modules are compiled ahead, as pip leaves an installed app's (and as Textual's
# are): start-up then reads bytecode even where PYTHONDONTWRITEBYTECODE is set.
run: $(STAMP)
	@$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/coffeechat $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(PYTEST) -n auto --dist worksteal --ignore=tests/snapshots $(PYTEST_ARGS)
	# Snapshots run on their own, one at a time: under a parallel load a modal's
	# focus or cursor can land a frame late and change the picture.
	$(PYTEST) -p no:xdist tests/snapshots $(PYTEST_ARGS)

# The inner loop: unit and Pilot tests only (no tmux end-to-end, no snapshots, no
# scale tests marked slow). Work stealing: a worker that runs dry takes tests queued
# for the other, so the longest tests at the end do not leave a core idle. Three workers
# per core: a Pilot test spends more than half its time waiting for the app to go idle
# (Textual's pilot sleeps at least 20 ms per key and pause), and the other workers'
# tests use the core meanwhile (two per core left it idle a sixth of the run).
FAST_WORKERS := $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 3 )))
test-fast: $(STAMP)
	$(PYTEST) -n $(FAST_WORKERS) --dist worksteal -m "not slow" tests/unit tests/tui $(PYTEST_ARGS)

# The suite on a busy machine: `make test` three times on a clean clone while a CPU hog
# runs on every core (.ci/under-load). It keeps every core busy for the whole run.
test-under-load:
	.ci/under-load

typecheck: $(STAMP)
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@# Compiled as an installed app is (see run): a fresh tree starts from bytecode too.
	@$(BIN)/python -m compileall -q src >/dev/null
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist
