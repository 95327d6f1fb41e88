##@ Figures (matplotlib, from the trainer's JSON)
# A figure is one module in figures_src/figures/ (its IDS and draw()) plus its catalog entry:
# nothing here lists figures.  The rules come from the code: figures_src/figures/build.py
# --make-deps writes build/make/figures.mk, in which each figure's two files (-zh, -en) depend
# on its module, the project modules it imports, and exactly the JSON files its drawing reads.
# Make remakes that file when a figure module changes, then reads it again.
FIGURE_DIR    := $(GEN)/figures
FIGURE_RULES  := build/make/figures.mk
FIGURE_COMMON := $(addprefix figures_src/figures/,__init__.py __main__.py build.py style.py) \
                 figures_src/model/results.py figures_src/palette.py $(PINS)/figures.txt

# Skipped for goals that build nothing (reading it would first set up .venv and train).
ifeq ($(filter clean help lock setup debs debs-test check lint,$(MAKECMDGOALS)),)
include $(FIGURE_RULES)
endif
$(FIGURE_RULES): $(wildcard figures_src/figures/*.py) figures_src/makedeps.py | $(VENV) $(DATA) $(ANALYSIS)
	$(PY) -m figures_src.figures --make-deps $@ --prune $(FIGURE_DIR)

FIGURE_FILES := $(foreach i,$(FIGURE_IDS),$(FIGURE_DIR)/$(i)-zh.svg $(FIGURE_DIR)/$(i)-en.svg)

# One run makes both languages (a pattern rule with two targets is grouped).
$(FIGURE_DIR)/%-zh.svg $(FIGURE_DIR)/%-en.svg: $(FIGURE_COMMON) | $(VENV)
	$(PY) -m figures_src.figures $(FIGURE_DIR) $*

.PHONY: figures figures-timing
figures: $(FIGURE_FILES) ## Draw every figure, both languages, into docs/generated/figures/

# The site shows the figures and reads their alt text and captions from the catalog; its
# pages and notebook read analysis.json.
SITE_DEPS += $(FIGURE_FILES) figures_src/figures/catalog.py $(ANALYSIS)
TEST_PREREQS += figures

# (bench-figures itself belongs to mk/animations.mk, which times figures and videos together.)
figures-timing: $(DATA) | $(VENV) ## Time each figure (seconds per id) into build/bench/figures.txt
	@mkdir -p build/bench
	$(PY) -m figures_src.figures build/bench/figures-out > build/bench/figures.txt
	@cat build/bench/figures.txt
