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
$(OFFLINE_ZIP): tools/offline_zip.py $(SITE_INPUTS) $$(SITE_DEPS) $(DATA) pyproject.toml | $(VENV) $(NODE)
	rm -rf $(OFFLINE_SITE)
	OFFLINE=true $(MKDOCS) build --strict --site-dir $(OFFLINE_SITE)
	$(PY) -m tools.offline_zip $(OFFLINE_SITE) $@

TEST_PREREQS += offline
