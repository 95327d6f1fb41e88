# Build the site from the trainer out: data -> figures and videos -> pages -> site/.
# `make help` lists the targets.  Each rule names the script that makes its output, and
# that script is a prerequisite, so editing it rebuilds exactly what it makes.

.DEFAULT_GOAL := all
SHELL := /bin/bash
.DELETE_ON_ERROR:
# Render on every core by default (`make -j1` to override; a sub-make shares its parent's jobs).
# Each job's output is printed in one piece when it ends, so parallel renders stay readable;
# not for `serve` and `test`, whose last step runs long and should print as it goes.
ifeq ($(MAKELEVEL)$(filter -j%,$(MAKEFLAGS)),0)
MAKEFLAGS += --jobs=$(shell nproc)
ifeq ($(filter serve test,$(MAKECMDGOALS)),)
MAKEFLAGS += --output-sync=target
endif
endif

PY      := .venv/bin/python
VENV    := .venv/.installed
NODE    := node_modules/.installed
DEBS    := .venv/.debs-site
GEN     := docs/generated
DATA    := $(GEN)/data/.built
# What the training reads: the model package minus what only reads its output or checks it.
TRAINER := $(filter-out %/results.py %/analysis.py %/cli.py,$(wildcard figures_src/model/*.py)) \
           figures_src/atomic.py
ANALYSIS := $(GEN)/data/analysis.json
PINS    := build/pins
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

##@ Reading and building
.PHONY: all
all: site ## Set up whatever is missing, then build everything into site/

##@ Setup (each step is skipped when already done)
# System packages: checked on every run (fast), installed with apt-get only when missing.
.PHONY: debs debs-test
debs: ## Install the Debian packages the build needs (apt-get, sudo when not root)
	@tools/ensure-debs.sh site
debs-test: debs ## Also install the ones only the tests need (chromium)
	@tools/ensure-debs.sh test

$(VENV): requirements.lock pyproject.toml | debs
	@test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	@# The project itself, editable: figures_src, hooks and tools import from anywhere.
	$(PY) -m pip install -q --no-deps -e .
	@touch $@

$(NODE): package.json package-lock.json | debs
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: setup lock
setup: $(VENV) $(NODE) ## Create .venv and node_modules from the lock files
lock: ## Re-resolve requirements.txt into requirements.lock (needs PyPI)
	rm -rf /tmp/lock-venv && python3 -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install -q -r requirements.txt
	{ echo '# Exact versions of every Python package; regenerate with `make lock` after editing requirements.txt.'; \
	  /tmp/lock-venv/bin/pip freeze; } > requirements.lock

##@ Generated files (build outputs, never committed)
.PHONY: data
data: $(DATA) $(ANALYSIS) ## Train every scenario and write its JSON to docs/generated/data/
$(DATA): $(TRAINER) | $(VENV)
	$(PY) -m figures_src.model.data $(GEN)/data
	@touch $@
# Each JSON is made by the run above, which rewrites a file only when its numbers change: what
# depends on one JSON is remade only when that run's numbers changed.
$(GEN)/data/%.json: $(DATA) ;
# The closed forms and the trainer's numbers that check them.  Figures and pages read it,
# videos do not: editing analysis.py re-renders no video.
# It trains with the trainer itself, and rewrites analysis.json only when its numbers change.
ANALYSIS_RUN := $(GEN)/data/.analysis.built
$(ANALYSIS_RUN): figures_src/model/analysis.py $(TRAINER) | $(VENV)
	$(PY) -m figures_src.model.analysis $(GEN)/data
	@touch $@
$(ANALYSIS): $(ANALYSIS_RUN) ;
# The versions each kind of output is drawn with (figures_src/pins.py): a lock-file upgrade
# rewrites only the groups whose pins changed, so it re-renders exactly what it affects.  The
# site depends on the lock files themselves (mk/site.mk): rebuilding it is cheap.
$(PINS)/.built: requirements.lock figures_src/pins.py | $(VENV)
	$(PY) -m figures_src.pins $(PINS)
	@touch $@
$(PINS)/%.txt: $(PINS)/.built ;
.PRECIOUS: $(PINS)/%.txt  # made by a pattern rule, but never an intermediate to delete

include $(sort $(wildcard mk/*.mk))

##@ Checks
.PHONY: lint test check
lint: $(VENV) ## ruff check and ruff format --check
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
# pytest-xdist runs the test modules on every core (a module stays on one worker, so the pages it
# opens once are shared by its tests); TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= $(shell nproc)
test: $(VENV) debs-test site $(TEST_PREREQS) lint ## Set up, build, and run the whole test suite
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile
# The fast tier (markers set in tests/conftest.py): no site, no media, no browser; it reads the
# trainer's JSON and analysis.json (exercises, catalogs), so a fresh clone makes both first.
check: $(DATA) $(ANALYSIS) | $(VENV) $(NODE) ## Run the fast tests only (trainer, CLI, hooks, catalogs, page sources): seconds
	$(PY) -m pytest -m fast

##@ Housekeeping
.PHONY: clean help
clean: ## Remove build outputs (keeps .venv and node_modules)
	rm -rf site $(GEN) build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^##@/ {printf "\n%s\n", substr($$0, 5)} \
	  /^[a-zA-Z_-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
