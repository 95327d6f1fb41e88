"""Both costs from one start on one clock: the quadratic run above, the cross-entropy run below."""

from figures_src.scenes.common import WORDS, get_text
from figures_src.scenes.run_scene import RunScene


class CompareScene(RunScene):
    """Same construct(); only the title changes, since it names the shared start."""

    def get_title(self, runs):
        scenario = runs[0]["scenario"]
        words = WORDS[self.lang]["compare-title"]
        string = words.format(w0=scenario["w0"], b0=scenario["b0"], eta=scenario["eta"])
        return get_text(self.lang, string, font_size=32)
