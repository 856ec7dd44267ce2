# The MLOps Interview Guide: every task a contributor or CI runs.
# `make help` lists the targets.

SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The npm tools (package.json): Rollup, which the site's build runs (overrides/hooks/study_bundle.py), so
# `make setup` installs them; Lighthouse for make bench, Stryker for make mutate.
NODE_INSTALLED := node_modules/.installed
SITE_DIR ?= site
# Test processes (pytest-xdist): the machines this runs on have two cores. TEST_WORKERS=0 runs one process.
TEST_WORKERS ?= 2
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup system-deps serve build check lint test links bench figures mutate clean

help: ## List the targets with what they do
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt
	test -d $(VENV) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(INSTALLED)

setup: $(INSTALLED) $(NODE_INSTALLED) ## Create .venv and install the pinned Python packages and npm tools (Rollup, for the build)

$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: installing the Debian packages (make system-deps)"; bash scripts/install_system_deps.sh; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_INSTALLED)

system-deps: ## Install the Debian packages the tests and the PDF downloads need (chromium, poppler-utils, Pango, fonts)
	bash scripts/install_system_deps.sh

serve: setup ## Serve the site with live reload on http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup system-deps ## Build the site into site/, with the downloads (PDFs, flashcards) in site/downloads/
	EXPORTS=1 $(VENV)/bin/mkdocs build --strict --clean --site-dir site

check: setup ## Check every page against the contract, build strictly, check the built site
	$(PYTHON) scripts/check_site.py

lint: setup ## Lint the Python code (ruff), spell-check (codespell) and lint the Markdown (PyMarkdown)
	$(VENV)/bin/ruff check scripts tests overrides/hooks
	$(VENV)/bin/codespell
	$(PYTHON) scripts/lint_markdown.py

test: setup system-deps check lint ## Run every check: contract, build, lint, and the test suite
	$(PYTHON) -m pytest -n $(TEST_WORKERS) --dist loadfile

links: setup ## Check every external link of the built site ($(SITE_DIR)/, from make build) with lychee; needs the network
	$(PYTHON) scripts/check_links.py --site-dir $(SITE_DIR) --summary "$${GITHUB_STEP_SUMMARY:-}"

figures: setup ## Regenerate the figures in docs/assets/figures/
	$(PYTHON) scripts/make_figures.py --out docs/assets/figures

bench: setup system-deps $(NODE_INSTALLED) ## Measure build time, page weight, first search, and Lighthouse beside plain Material (figures, not pass/fail)
	$(PYTHON) scripts/bench.py
	$(PYTHON) scripts/bench_site.py
	$(PYTHON) scripts/bench_side_by_side.py

# Mutation testing: slow (about 32 minutes on two busy cores), so not part of make test. Stryker (npm,
# package-lock.json) mutates the study and search modules and runs `node --test tests/js/` per mutant;
# mutmut (requirements.txt; [tool.mutmut] in pyproject.toml) mutates the checker's rules and runs their
# in-process tests. Reports go to reports/mutation/ (git-ignored); the scores are figures, not a gate.
mutate: setup ## Mutation testing (slow, not in make test): Stryker on the study and search modules, mutmut on the checker's rules; prints each area's score
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf reports/mutation mutants
	mkdir -p reports/mutation/mutmut
	node_modules/.bin/stryker run
	@echo "mutmut run (its progress goes to reports/mutation/mutmut/run.log)"
	@$(VENV)/bin/mutmut run --max-children 2 > reports/mutation/mutmut/run.log 2>&1 \
		|| { tail -c 3000 reports/mutation/mutmut/run.log; exit 1; }
	$(VENV)/bin/mutmut results > reports/mutation/mutmut/results.txt
	$(VENV)/bin/mutmut export-cicd-stats
	cp mutants/mutmut-cicd-stats.json reports/mutation/mutmut/
	$(PYTHON) scripts/mutation_scores.py

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .ruff_cache
