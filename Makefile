# make run   — set up (venv, app, system packages) and start the app
# make test  — the same set-up plus test tools, then every test, offscreen
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
export OMP_THREAD_LIMIT ?= 1

.PHONY: run test lint typecheck system-deps bench bench-intake bench-big-page bench-gui bench-household bench-layout-memory bench-crypt screenshots torture fuzz package install-desktop translations clean

run: $(APP_STAMP) system-deps translations
	$(BIN)/paperasse

test: $(TEST_STAMP) system-deps translations lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The rules pyproject.toml names, on the code, its tests and its tools.
lint: $(TEST_STAMP)
	$(BIN)/ruff check --no-cache desktop_app tests tools benchmarks

# The types of the domain and the services (pyproject.toml's [tool.mypy] says what is checked).
typecheck: $(TEST_STAMP)
	$(BIN)/mypy

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python venv module missing: installing python3-venv"; \
	  sh packaging/system-deps.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Checked once, then again only when the list changes (or a check found something missing:
# the script leaves the stamp only when every package is there), so a second `make run` starts
# the window at once.
SYSDEPS_STAMP := $(VENV)/.system-deps-ok
system-deps: $(SYSDEPS_STAMP)
$(SYSDEPS_STAMP): packaging/system-deps.sh | $(BIN)/python
	@STAMP=$@ sh packaging/system-deps.sh

# The .qm files the app loads, rebuilt when a .ts catalogue changes.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
translations: $(QM_FILES)
$(QM_FILES) &: $(TS_FILES) desktop_app/gui/i18n_build.py | $(APP_STAMP)
	@$(BIN)/python -m desktop_app.gui.i18n_build

bench: bench-intake bench-big-page bench-gui bench-household bench-layout-memory bench-crypt

# UNSEEN_COUNT documents of each kind per split of the generated corpus (tools/intake_corpus).
bench-intake: $(APP_STAMP) system-deps
	$(BIN)/python benchmarks/bench_intake.py
	$(BIN)/python benchmarks/bench_intake_unseen.py --split tune,test,holdout --count $${UNSEEN_COUNT:-40} --write-doc

bench-big-page: $(APP_STAMP) system-deps
	$(BIN)/python benchmarks/bench_big_page.py

bench-household: $(APP_STAMP)
	$(BIN)/python benchmarks/bench_household.py

bench-layout-memory: $(APP_STAMP) system-deps
	$(BIN)/python benchmarks/bench_layout_memory.py

bench-crypt: $(APP_STAMP)
	$(BIN)/python benchmarks/bench_crypt.py

bench-gui: $(TEST_STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_gui.py

screenshots: $(TEST_STAMP) system-deps translations
	$(BIN)/python tools/screenshots.py

torture: $(TEST_STAMP)
	$(BIN)/python tools/torture.py --trials $${TRIALS:-200} --passphrase-trials $${PASSPHRASE_TRIALS:-20}

fuzz: $(TEST_STAMP)
	$(BIN)/python tools/fuzz_intake.py --seconds $${SECONDS_BUDGET:-60}

clean:
	rm -rf $(VENV) build dist *.egg-info

package: $(APP_STAMP) system-deps translations
	$(BIN)/python -m pip install --quiet -e '.[package]'
	sh packaging/build.sh

install-desktop:
	sh packaging/install-desktop.sh
