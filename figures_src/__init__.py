"""Everything the site shows is made here: the trainer, its scenarios, figures and scenes."""
