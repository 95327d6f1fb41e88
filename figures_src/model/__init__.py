"""The model: one sigmoid neuron, its two costs, the runs the site shows, and their numbers.

costs.py (the cost classes: ``fn`` and ``delta``) -> trainer.py (gradient descent in numpy)
-> scenarios.py (the runs, one declarative list) -> data.py (writes one JSON per run)
-> results.py (what every figure, video, page and notebook reads back).  analysis.py holds the
closed forms and checks them against the trainer; cli.py trains one run from the command line.
Nothing here imports matplotlib or manim.
"""
