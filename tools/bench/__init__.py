"""`make bench`: measure builds, page weight, Lighthouse scores and trainer speed.

Run as `python -m tools.bench --out bench/report.md` from the repository root.  Every
measurement is wrapped so that an error lands in the report instead of failing the run.
"""
