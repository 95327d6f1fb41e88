"""Notebook pages: make each code cell's scrolling box reachable with the keyboard.

mkdocs-jupyter renders a code cell as `<div class="highlight-ipynb">`, which scrolls sideways
when a line is long; a reader without a mouse can scroll it only if it can take the focus
(axe-core: scrollable-region-focusable).  site.css draws the focus ring.
"""

import re

CODE_BOX = re.compile(r'<div class="(highlight-ipynb[^"]*)">')


def is_notebook(page):
    return page.file.src_uri.endswith((".py", ".ipynb"))


def on_page_content(content, page, config, files):
    if not is_notebook(page):
        return content
    return CODE_BOX.sub(r'<div class="\1" tabindex="0">', content)
