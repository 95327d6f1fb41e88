##@ Videos (manim, from the trainer's JSON)
# Every video in two languages: site quality (1280x720, 30 fps) into docs/generated/videos/,
# draft quality (854x480, 15 fps, quick previews) into build/drafts/.  One run makes the .mp4
# and its poster .jpg.  Nothing here lists videos: figures_src/videos/render.py --make-deps writes
# build/make/videos.mk from figures_src/videos/timing.py (the ids, the runs each plays, the scene
# that plays it), where each video depends on its scene module and the scene modules it builds on,
# the project files they import (titles.yml included), and the JSON of exactly the runs it plays.
# Pages are not prerequisites.  Each render has a private temporary media_dir and writes by
# rename, so parallel jobs are safe.
VIDEO_DIR   := $(GEN)/videos
DRAFT_DIR   := build/drafts
VIDEO_RULES := build/make/videos.mk
ifeq ($(filter clean help lock setup debs debs-test check lint,$(MAKECMDGOALS)),)
include $(VIDEO_RULES)
endif
$(VIDEO_RULES): figures_src/videos/timing.py figures_src/videos/render.py figures_src/makedeps.py \
                $(wildcard figures_src/videos/*.py) | $(VENV)
	$(PY) -m figures_src.videos.render --make-deps $@

VIDEO_NAMES := $(foreach i,$(VIDEO_IDS),$(foreach l,$(VIDEO_LANGS),$(i)-$(l)))
VIDEO_FILES := $(foreach n,$(VIDEO_NAMES),$(VIDEO_DIR)/$(n).mp4 $(VIDEO_DIR)/$(n).jpg)
DRAFT_FILES := $(foreach n,$(VIDEO_NAMES),$(DRAFT_DIR)/$(n).mp4 $(DRAFT_DIR)/$(n).jpg)
# The pages show each poster as a WebP at the width they display (figures_src/videos/posters.py).
POSTER_FILES := $(foreach n,$(VIDEO_NAMES),$(VIDEO_DIR)/$(n).webp)
VIDEO_COMMON := figures_src/videos/render.py figures_src/model/results.py figures_src/palette.py \
                $(addprefix figures_src/videos/,__init__.py common.py timing.py timeline.py) \
                $(PINS)/videos.txt
# Caption and chapter tracks (WebVTT) of every video, from the scenes' beats (timeline.py).
CAPTION_FILES := $(foreach n,$(VIDEO_NAMES),$(VIDEO_DIR)/$(n).vtt $(VIDEO_DIR)/$(n).chapters.vtt)

# "compare-start1-zh" -> video id "compare-start1", language "zh".
video_name = $(notdir $(basename $@))
video_lang = $(lastword $(subst -, ,$(video_name)))
video_id   = $(patsubst %-$(video_lang),%,$(video_name))
render     = $(PY) -m figures_src.videos.render $(video_id) $(video_lang) $(1) $(basename $@).mp4

# Pattern rules with two targets: one run makes both the .mp4 and the .jpg.
$(VIDEO_DIR)/%.mp4 $(VIDEO_DIR)/%.jpg: $(VIDEO_COMMON) | $(VENV)
	$(call render,site)
$(DRAFT_DIR)/%.mp4 $(DRAFT_DIR)/%.jpg: $(VIDEO_COMMON) | $(VENV)
	$(call render,draft)
$(VIDEO_DIR)/%.webp: $(VIDEO_DIR)/%.jpg figures_src/videos/posters.py $(PINS)/videos.txt | $(VENV)
	$(PY) -m figures_src.videos.posters $< $@

# One run writes every track; each is parsed back before it is written.
$(CAPTION_FILES) &: figures_src/videos/captions.py figures_src/videos/timeline.py \
                    figures_src/videos/timing.py figures_src/model/results.py $(VIDEO_DATA) | $(VENV)
	$(PY) -m figures_src.videos.captions $(VIDEO_DIR)

.PHONY: animations drafts bench-figures bench-animations
animations: $(VIDEO_FILES) $(POSTER_FILES) $(CAPTION_FILES) ## Render every video + poster + caption tracks, both languages, into docs/generated/videos/
drafts: $(DRAFT_FILES) ## Render fast low-resolution drafts of every video into build/drafts/ (previews)

# The site embeds the videos and reads their alt text, captions and durations from the catalog.
SITE_DEPS += $(VIDEO_FILES) $(POSTER_FILES) $(CAPTION_FILES) figures_src/videos/catalog.py
TEST_PREREQS += animations  # the tests probe the site videos themselves, not drafts

# Times a fresh render of all figures and all site videos (into a temporary directory, two at
# a time), then a no-op `make figures animations`, and checks each video against the budget
# and against a fresh render's bytes.  (mk/figures.mk leaves bench-figures to this fragment.)
bench-figures: figures animations | $(VENV) ## Time figures + videos, no-op rebuild, video sizes: bench/figures.md
	$(PY) -m tools.bench.media --out bench/figures.md
bench-animations: bench-figures ## Same as bench-figures
