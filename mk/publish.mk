##@ Publishing
# .github/workflows/publish.yml runs `make test`, then `make publish`, and hands site/ to
# GitHub Pages.  The site's address comes from mkdocs.yml (SITE_URL / REPO_URL override it).
WORKFLOWS := $(wildcard .github/workflows/*.yml)

.PHONY: publish lint-workflows
publish: site ## Build everything the published site serves (what the Pages workflow uploads)

# actionlint (PyPI wheel in .venv) checks the workflow's syntax, expressions and action inputs;
# part of `make lint`, so `make test` fails on a broken workflow.
lint-workflows: | $(VENV) ## Lint the GitHub Actions workflows with actionlint
	.venv/bin/actionlint $(WORKFLOWS)
lint: lint-workflows
