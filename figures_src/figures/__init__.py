"""The site's matplotlib figures: one module per kind, each with ``data`` and ``draw``.

``data(fig_id)`` returns exactly the arrays a figure plots (read from the trainer's JSON);
``draw(lang, fig_id)`` draws them.  ``python -m figures_src.figures OUT_DIR [ids...]``
writes ``OUT_DIR/<id>-<lang>.svg``.
"""
