"""Where things are: the repository root and the folder the trainer writes its JSON to."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "docs" / "generated"  # build outputs the site embeds, never committed
DATA_DIR = GENERATED / "data"  # one JSON per scenario, plus analysis.json
