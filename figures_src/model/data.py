"""Train every scenario once and write its run as JSON: the only source of every number.

python -m figures_src.model.data OUT_DIR        # writes OUT_DIR/<scenario id>.json
"""

import json
import sys
from pathlib import Path

from figures_src import makedeps
from figures_src.atomic import write_if_changed
from figures_src.model.costs import COSTS
from figures_src.model.scenarios import SCENARIOS
from figures_src.model.trainer import train_one


def run_scenario(scenario):
    s = scenario
    run = train_one(COSTS[s.cost], s.w0, s.b0, s.eta, s.epochs, s.x, s.y)
    return {"scenario": s.as_dict(), **run}


def write_json(path, obj):
    """Write atomically (a reader never sees half a file), and only when the content changed,
    so a file's modification time says when its numbers last changed."""
    text = json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=1) + "\n"
    return write_if_changed(path, text)


ANALYSIS_ID = "analysis"  # analysis.json: written by figures_src/model/analysis.py, not by main()


def known_ids():
    """Every data id a page, figure or scene may read: the scenarios, then the analysis."""
    return [*(s.id for s in SCENARIOS), ANALYSIS_ID]


def prune(out):
    """Delete the JSON of ids that no longer exist (a renamed or removed scenario)."""
    return makedeps.prune(out, {f"{i}.json" for i in known_ids()})


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.stderr.write("usage: python -m figures_src.model.data OUT_DIR\n")
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for s in SCENARIOS:
        write_json(out / f"{s.id}.json", run_scenario(s))
    for path in prune(out):
        print(f"data: removed {path.name} (no such scenario)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
