"""Everything the site shows is made here: the model (model/), the figures (figures/) and the
videos (videos/), each with its catalog, plus the few facts all three share (languages, palette,
titles)."""
