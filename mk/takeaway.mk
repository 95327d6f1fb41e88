##@ Take it anywhere: offline copy and PDF
# Separate targets: plain `make` stays fast.  Each builds the site again into its own directory
# under build/, so site/ (directory URLs, what GitHub Pages serves) is never touched.
PROJECT_NAME    := $(shell sed -n 's/^name = "\(.*\)"/\1/p' pyproject.toml)
PROJECT_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
OFFLINE_SITE    := build/offline/site
OFFLINE_ZIP     := build/offline/$(PROJECT_NAME)-$(PROJECT_VERSION).zip

.PHONY: offline
offline: $(OFFLINE_ZIP) ## Offline copy that opens from file://: build/offline/<name>-<version>.zip
# OFFLINE=true turns on Material's offline plugin (mkdocs.yml; hooks/offline.py).
# After site/ (order-only): the two builds share the caches under build/ (the notebooks'
# outputs, the cut KaTeX fonts), and mkdocs-jupyter writes its cache files in place, so a
# build running beside another could read half a file.  The second build then reuses them.
$(OFFLINE_ZIP): tools/offline_zip.py $$(SITE_INPUTS) $$(SITE_DEPS) $(DATA) pyproject.toml \
  | $(VENV) $(NODE) site/.built
	rm -rf $(OFFLINE_SITE)
	OFFLINE=true $(MKDOCS) build --strict --site-dir $(OFFLINE_SITE)
	$(PY) -m tools.offline_zip $(OFFLINE_SITE) $@

TEST_PREREQS += offline

# One PDF per language, printed by Debian's chromium from the built pages (tools/pdf_book.py),
# with key frames cut from the site's videos (tools/keyframes.py).  It reads site/ (order-only:
# the site is built first) and is remade when the site's inputs change; it does not depend on
# site/.built itself, since the site links the PDFs (below) and is rebuilt once they exist.
PDF_DIR   := build/pdf
PDF_FILES := $(PDF_DIR)/cross-entropy-zh.pdf $(PDF_DIR)/cross-entropy-en.pdf
PDF_TOOLS := tools/pdf_book.py tools/pdf_book.css tools/keyframes.py tools/sitebrowser.py

.PHONY: pdf
pdf: $(PDF_FILES) ## One PDF per language: build/pdf/cross-entropy-zh.pdf and -en.pdf
$(PDF_FILES) &: $(PDF_TOOLS) $$(SITE_INPUTS) $$(SITE_DEPS) $(DATA) | site/.built debs-test $(VENV)
	$(PY) -m tools.pdf_book site $(PDF_DIR)

# The home page links the downloads with their sizes (hooks/publish.py).  `make publish`
# builds them, touches this stamp when any of them changed, and rebuilds the site.  The stamp
# has no rule of its own (the PDFs read site/, so a rule would make a cycle).
DOWNLOADS_STAMP := build/downloads.stamp
site/.built: $(wildcard $(DOWNLOADS_STAMP))
TEST_PREREQS += pdf
