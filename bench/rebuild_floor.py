"""The floor under a one-seed rebuild: what any ``pelican`` run that enriches a new seed
pays before it builds anything, set against the cold build of the same site.

Issue #13 asks for a rebuild after one new seed of at most 0.2× the cold build, at 1k
and at 5k articles, through plain ``pelican`` with ingest included. A new seed has new
text, so the run has to run NER on it, and a fresh ``pelican`` process has to start
Python, import Pelican and the plugin, import spaCy and load its model. This script
times those steps in fresh processes (the median of ``--runs``), and the cold build of
a bench site (``bench/run.py`` makes them under ``bench/work/site-N``), and prints the
floor as a share of the cold build. If the floor alone is above 0.2×, no build-side
work can meet the target at that size.

    python bench/rebuild_floor.py                  # bench/work/site-1000, 5 runs
    python bench/rebuild_floor.py --site bench/work/site-5000 --runs 3

Exits 0 with "skipped: …" when the bench site or the spaCy model is absent.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

STARTUP = ("import pelican, pelican.generators, pelican.readers, markdown, jinja2, yaml; "
           "import sys; sys.path.insert(0, {plugins!r}); import news_digest.hooks, "
           "news_digest.site.generator, news_digest.ingest.run")
"""What every ``pelican`` run of a digest site imports before it reads a post."""

MODEL = ("import sys; sys.path.insert(0, {plugins!r}); "
         "from news_digest.enrich import ner; nlp = ner.load_spacy(); "
         "assert nlp is not None; nlp('Ann Example met the Mayor of Springfield.')")
"""spaCy's import and the NER model's load, as ingest's worker does them."""


def wall(code: str, runs: int) -> float:
    """Median wall time of ``python -c code`` in a fresh process, interpreter start included."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold_build(site: Path) -> float:
    """Wall time of a cold ``bench/run.py --phase build`` of a copy of ``site``'s posts
    (no output, no cache: every page rendered)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for part in ("content", "data", "seeds"):
            if (site / part).exists():
                shutil.copytree(site / part, copy / part)
        t = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--phase", "build",
                        "--site", str(copy)], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=ROOT / "bench" / "work" / "site-1000")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    from news_digest.enrich.ner import model_dir

    if not (args.site / "content").is_dir():
        print(f"skipped: no bench site at {args.site} (make it with "
              "`python bench/run.py --sizes 1000 --no-doc`)")
        return 0
    if model_dir() is None:
        print("skipped: the spaCy model is not installed")
        return 0
    plugins = str(ROOT / "plugins")
    bare = wall("pass", args.runs)
    startup = wall(STARTUP.format(plugins=plugins), args.runs)
    model = wall(MODEL.format(plugins=plugins), args.runs) - bare
    floor = startup + model
    cold = cold_build(args.site)
    posts = sum(1 for _ in (args.site / "content").rglob("*.md"))
    print(f"site: {args.site} ({posts:,} posts)")
    print(f"python start:                         {bare:6.2f} s")
    print(f"python + pelican + plugin imports:    {startup:6.2f} s")
    print(f"spaCy import + NER model load:        {model:6.2f} s")
    print(f"floor of a +1 seed rebuild:           {floor:6.2f} s (before any post is read)")
    print(f"cold build (ingest done, no cache):   {cold:6.2f} s")
    print(f"floor / cold build:                   {floor / cold:6.2f}x  (target for the "
          f"whole rebuild: <= 0.20x, i.e. {0.2 * cold:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
