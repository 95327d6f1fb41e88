##@ Figures (matplotlib, from the trainer's JSON)
# One rule per figure id, making its two files (-zh, -en) together.  Prerequisites: the
# figure's own module (edit it: only its figures re-render), the shared style and CLI, and
# the JSON stamp $(DATA) (retrain: everything re-renders).  Pages are not prerequisites.
FIGURE_DIR    := $(GEN)/figures
FIGURE_COMMON := $(addprefix figures_src/figures/,__init__.py __main__.py build.py style.py) \
                 figures_src/results.py figures_src/palette.py
# id:module -- must match the modules' IDS (tests/test_figures.py checks).
FIGURE_MAP := \
  cost-quadratic-start1:cost_curves cost-quadratic-start2:cost_curves \
  cost-cross-entropy-start1:cost_curves cost-cross-entropy-start2:cost_curves \
  cost-compare-start1:cost_curves cost-compare-start2:cost_curves \
  sigmoid:sigmoid step-size:step_size \
  neuron-one-input:neurons neuron-three-inputs:neurons \
  start-map:start_map linear-neuron:linear_neuron reproduce-cross-entropy:reproduce
FIGURE_IDS   := $(foreach m,$(FIGURE_MAP),$(word 1,$(subst :, ,$(m))))
FIGURE_FILES := $(foreach i,$(FIGURE_IDS),$(FIGURE_DIR)/$(i)-zh.svg $(FIGURE_DIR)/$(i)-en.svg)

# $(1) = figure id, $(2) = module.  Grouped target (&:): one run makes both languages.
define FIGURE_RULE
$(FIGURE_DIR)/$(1)-zh.svg $(FIGURE_DIR)/$(1)-en.svg &: figures_src/figures/$(2).py $(FIGURE_COMMON) $(DATA) | $(VENV)
	$(PY) -m figures_src.figures $(FIGURE_DIR) $(1)
endef
$(foreach m,$(FIGURE_MAP),$(eval $(call FIGURE_RULE,$(word 1,$(subst :, ,$(m))),$(word 2,$(subst :, ,$(m))))))

.PHONY: figures figures-timing
figures: $(FIGURE_FILES) ## Draw every figure, both languages, into docs/generated/figures/

# The site shows the figures and reads their alt text and captions from the catalog.
SITE_DEPS += $(FIGURE_FILES) figures_src/figure_catalog.py
TEST_PREREQS += figures

# (bench-figures itself belongs to mk/animations.mk, which times figures and videos together.)
figures-timing: $(DATA) | $(VENV) ## Time each figure (seconds per id) into build/bench/figures.txt
	@mkdir -p build/bench
	$(PY) -m figures_src.figures build/bench/figures-out > build/bench/figures.txt
	@cat build/bench/figures.txt
