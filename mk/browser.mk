# Real-browser checks (tests/browser/, run by `make test` through pytest), screenshots and the
# benchmark.  All drive Debian's chromium through Playwright; none downloads a browser.

# The browser tests need chromium (debs-test) and axe-core (node_modules) besides the site.
TEST_PREREQS += debs-test $(NODE)

##@ Browser
.PHONY: screenshots bench
screenshots: site/.built debs-test | $(VENV) ## PNG of every page, both languages, desktop and phone, into build/screenshots/
	$(PY) -m tools.screenshots site build/screenshots

# Never fails: a measurement that breaks is written into the report as an error.
bench: | $(VENV) ## Measure builds, page weight, Lighthouse, trainer speed: bench/report.md
	$(PY) -m tools.bench --out bench/report.md || echo "bench: the report may be incomplete (see above)"
