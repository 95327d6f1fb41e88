##@ Publishing
# .github/workflows/publish.yml runs `make test`, then `make publish`, and hands site/ to
# GitHub Pages.  The site's address comes from mkdocs.yml (SITE_URL / REPO_URL override it).
WORKFLOWS := $(wildcard .github/workflows/*.yml)

.PHONY: publish lint-workflows
# The PDFs and the offline copy first, then the site that links them (a new make reads them in).
publish: pdf offline ## Build everything the published site serves (what the Pages workflow uploads)
	@mkdir -p $(dir $(DOWNLOADS_STAMP))
	@if [ ! -e $(DOWNLOADS_STAMP) ] || [ -n "$$(find $(PDF_FILES) $(OFFLINE_ZIP) -newer $(DOWNLOADS_STAMP))" ]; \
	  then touch $(DOWNLOADS_STAMP); fi
	@$(MAKE) --no-print-directory site
TEST_PREREQS += publish

# actionlint (PyPI wheel in .venv) checks the workflow's syntax, expressions and action inputs;
# part of `make lint`, so `make test` fails on a broken workflow.
lint-workflows: | $(VENV) ## Lint the GitHub Actions workflows with actionlint
	.venv/bin/actionlint $(WORKFLOWS)
lint: lint-workflows
