# The MkDocs site.  Every page, the hooks, the theme overrides, the catalogs and the generated
# files are prerequisites, so a no-op `make` does nothing and a page edit rebuilds only the site
# (never a figure or a video: those rules do not depend on docs/*.md).
# Other fragments append their generated files to SITE_DEPS; since fragments are included in
# name order, the list is read with secondary expansion ($$), after every fragment is parsed.
# The lock files too: a Material, mkdocs or KaTeX upgrade rebuilds the site.
SITE_INPUTS := mkdocs.yml requirements.lock package-lock.json \
  $(shell find docs hooks overrides -type f -not -path 'docs/generated/*' \
    -not -name '*.pyc' 2>/dev/null) \
  $(wildcard figures_src/*.py figures_src/model/*.py)
SITE_DEPS ?=
MKDOCS := .venv/bin/mkdocs

.SECONDEXPANSION:

##@ The site
.PHONY: site serve
site: site/.built ## Build the site into site/ (mkdocs build --strict: any warning fails)
# No --quiet: it hides warnings from the --strict counter, so a broken link would pass.
# The log is kept for tests/test_site.py, which checks it for warnings instead of building again.
site/.built: $(SITE_INPUTS) $$(SITE_DEPS) $(DATA) | $(VENV) $(NODE)
	@mkdir -p build
	set -o pipefail; $(MKDOCS) build --strict 2>&1 | tee build/site-build.log
	@touch $@

serve: $$(SITE_DEPS) $(DATA) | $(VENV) $(NODE) ## Generate what is missing, then serve with live reload on 127.0.0.1:8000
	$(MKDOCS) serve -a 127.0.0.1:8000 --livereload
