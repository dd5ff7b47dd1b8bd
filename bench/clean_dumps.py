"""How much article text the cleaner keeps, and how much page chrome it lets through.

Reads two corpora beside the repo (``../shared/corpus``, or ``--corpus PATH``):

* ``dumps-dev``: 58 scraped news and blog pages;
* ``dumps-dev2``: 44 of Mozilla Readability's English test pages;

and, when present, sets for measuring only (``--ext PATH [PATH ...]``, default
``bench/work/dumps-ext`` and ``bench/work/dumps-dragnet``): 181 pages of Zyte's article
extraction benchmark made into the same dumps by ``bench/make_dumps.py``, and the 415
pages of the Dragnet data's test split made by ``bench/make_dumps_dragnet.py``. They are
not for choosing: the cleaner was developed on the other two (round 6 settled two
details after reading some of the third set's pages, as docs/cleaning.md says). Each is
reported after the other two, or skipped with a line saying how to make it. A fifth
set, ``bench/work/dumps-dragnet-train`` (the Dragnet data's 966-page training split,
``make_dumps_dragnet.py --split training``), is read by default too: it is for
designing, like the first two. So are the two halves of L3S-GN1, boilerpipe's 621 news
pages of 2008 (``bench/make_dumps_l3s.py``): ``dumps-l3s-a`` for designing,
``dumps-l3s-b`` for measuring only.

Each holds naive "copy all visible text" dumps of web pages in ``dump/`` and the article
text a careful extractor kept in ``gold/``. Each dump is cleaned and its body scored
against gold as a multiset of lower-cased word tokens (precision, recall, F1), next to
three baselines so a number means something:

* keep everything;
* keep lines of 15 words or more;
* the densest prose run: the contiguous run of non-empty lines that maximises
  ``sum(words - RUN_K)`` over its lines (a line of more than RUN_K words adds to the run,
  a shorter one costs it), found with Kadane's maximum-sum subarray. This is the naive
  "keep the densest run of prose paragraphs" a cleaner has to beat.

Gold text stored as UTF-8 read as Latin-1 ("itâ\x80\x99s") is repaired before scoring
(:func:`repair_mojibake`); most of dumps-dev2's gold files need it. Besides the figures,
the bench prints pages/s, how many pages score F1 < 0.5, and the per-page F1 quantiles.

The corpora are for measuring only: nothing in the cleaner is tuned on their words.
Run: ``.venv/bin/python bench/clean_dumps.py [--corpus PATH] [--ext PATH] [--files]
[--show NAME]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.ingest.workers import to_draft  # noqa: E402
from news_digest.model import Draft, RawSeed  # noqa: E402


def clean(raw: RawSeed) -> Draft:
    """A text seed as ingest cleans it (``workers.to_draft``: a dump whose first line is
    the page's source goes the HTML way), with no junk learnt from other seeds."""
    return to_draft(raw, frozenset())

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SETS = ("dumps-dev", "dumps-dev2")
DEFAULT_EXT = tuple(ROOT / "bench" / "work" / name for name in (
    "dumps-ext", "dumps-dragnet", "dumps-dragnet-train", "dumps-l3s-a", "dumps-l3s-b"))
"""The measuring sets, built from public data by ``bench/make_dumps.py`` and
``bench/make_dumps_dragnet.py`` (never committed), and the Dragnet training split
(``make_dumps_dragnet.py --split training --out bench/work/dumps-dragnet-train``), a
design set like the development sets (docs/cleaning.md, round 16), and the two halves
of L3S-GN1 made by ``bench/make_dumps_l3s.py``: the first for reading, the second for
measuring only (docs/cleaning.md, "A sixth set")."""
DESIGN_SETS = frozenset({"dumps-dragnet-train", "dumps-l3s-a"})
"""Folders among ``--ext`` that are for designing, not only measuring."""
EXT_MISSING = ("skipped the measuring set {folder}: no dumps there; make them with "
               "`.venv/bin/python bench/make_dumps.py PATH` (PATH: a checkout or git mirror "
               "of github.com/scrapinghub/article-extraction-benchmark) or "
               "`.venv/bin/python bench/make_dumps_dragnet.py PATH --html HTML` (a checkout "
               "or git mirror of github.com/seomoz/dragnet_data; HTML: one of "
               "github.com/j-szulc/html-cleaning-dataset-merged if PATH lacks the pages) or "
               "`.venv/bin/python bench/make_dumps_l3s.py PATH` (PATH: a checkout or git "
               "mirror of github.com/j-szulc/html-cleaning-dataset-merged)")
TOKEN = re.compile(r"\w+")
RUN_K = 10
"""Densest-run baseline: a line must have more than this many words to add to a run."""
CLEANER = "news-digest clean"

Score = tuple[int, int, int]
"""(overlap, predicted tokens, gold tokens): summed for the micro average."""


def read(path: Path) -> RawSeed:
    """Read a dump the way ingest would: the lead's ``read_seed`` if present, else a tiny decode."""
    try:
        from news_digest.ingest.seeds import read_seed
    except ImportError:
        read_seed = None
    if read_seed is not None:
        try:
            return read_seed(path, path.parent)
        except Exception:  # an unreadable dump is scored as empty, not a crash
            pass
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return RawSeed(path=path, rel=path.name, text=text,
                   sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8", mtime=0.0)


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]+")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 in a gold file ("itâ\x80\x99s" back to "it’s").

    Most of dumps-dev2's gold files were written that way: every curly quote, dash and
    accented letter then splits into tokens no cleaner can match ("itâ" never equals
    "it"), which counted as the cleaner's error. Each such byte sequence is decoded back
    only when it is valid UTF-8; anything else is left as it is.
    """
    return _MOJIBAKE.sub(_unmangle, text)


def _unmangle(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def score(predicted: str, gold: str) -> Score:
    pred, ref = tokens(predicted), tokens(gold)
    return sum((pred & ref).values()), sum(pred.values()), sum(ref.values())


def prf(overlap: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = overlap / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = overlap / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def body_text(draft: Draft) -> str:
    """What we compare with gold: the body paragraphs, as the post will show them.

    Gold holds the article text without the page title; the caption, byline and
    dateline sit in front matter, not the body, so they are left out too (gold keeps
    some captions and not others; either way the figure moves by under 0.001).
    Markdown list and table marks the cleaner adds are punctuation, not word tokens.
    """
    return "\n\n".join(draft.paragraphs)


def keep_everything(text: str) -> str:
    return text


def long_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if len(line.split()) >= 15)


def densest_run(text: str) -> str:
    """The contiguous run of non-empty lines with the largest sum of (words - RUN_K)."""
    lines = [line for line in text.splitlines()[1:] if line.strip()]  # line 1: page title
    best, span = 0, (0, -1)
    total, start = 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0, i
        total += len(line.split()) - RUN_K
        if total > best:
            best, span = total, (start, i)
    return "\n".join(lines[span[0]:span[1] + 1])


def averages(scores: list[Score]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Micro (pooled tokens) and macro (mean of per-file) precision, recall, F1."""
    micro = prf(*(sum(column) for column in zip(*scores, strict=True)))
    per_file = [prf(*s) for s in scores]
    macro = tuple(sum(v[i] for v in per_file) / len(per_file) for i in range(3))
    return micro, macro


def spread(scores: list[Score]) -> str:
    """Per-page F1 quantiles: the micro average hides whether a few pages fail badly or
    many fail a little, and unseen pages are more like the tail than the mean."""
    f1 = sorted(prf(*s)[2] for s in scores)
    if not f1:
        return "(no pages)"
    at = {name: f1[min(int(q * len(f1)), len(f1) - 1)]
          for name, q in (("min", 0.0), ("p10", 0.1), ("p25", 0.25), ("median", 0.5))}
    return "  ".join(f"{name} {value:.3f}" for name, value in at.items())


SYSTEMS: dict[str, Callable[[RawSeed], str]] = {
    "keep everything": lambda raw: keep_everything(raw.text),
    "lines >= 15 words": lambda raw: long_lines(raw.text),
    f"densest run (k={RUN_K})": lambda raw: densest_run(raw.text),
    CLEANER: lambda raw: body_text(clean(raw)),
}


def run_set(folder: Path, files: bool, show: str | None, missing: str = ""
            ) -> tuple[dict[str, list[Score]], float, int] | None:
    """Score every system on one corpus folder; None when it is absent."""
    if not (folder / "dump").is_dir() or not (folder / "gold").is_dir():
        print(missing.format(folder=folder) if missing
              else f"skipped {folder.name}: corpus not found at {folder}")
        return None
    results: dict[str, list[Score]] = {name: [] for name in SYSTEMS}
    rows: list[tuple[float, float, float, str, int]] = []
    elapsed = 0.0
    dumps = sorted((folder / "dump").glob("*.txt"))
    pairs = [(path, folder / "gold" / path.name) for path in dumps]
    pairs = [(dump, gold) for dump, gold in pairs if gold.exists()]
    for path, gold_path in pairs:
        gold = repair_mojibake(read(gold_path).text)
        raw = read(path)
        for name, system in SYSTEMS.items():
            start = time.perf_counter()
            predicted = system(raw)
            if name == CLEANER:
                elapsed += time.perf_counter() - start
                if show and show in path.name:
                    print(clean(raw))
            results[name].append(score(predicted, gold))
        p, r, f = prf(*results[CLEANER][-1])
        rows.append((f, p, r, path.name, results[CLEANER][-1][2]))
    if files:
        print(f"\n{folder.name}: {'file':34} {'P':>6} {'R':>6} {'F1':>6} {'gold tok':>8}")
        for f, p, r, name, n_gold in sorted(rows):
            print(f"{'':{len(folder.name) + 2}}{name:34} {p:6.3f} {r:6.3f} {f:6.3f} {n_gold:8d}")
    return results, elapsed, len(pairs)


def report(set_name: str, result: tuple[dict[str, list[Score]], float, int]) -> None:
    """One set's rows: each system's micro P/R/F1 and macro F1, then the cleaner's speed,
    pages below F1 0.5 and per-page quantiles."""
    results, elapsed, n = result
    for name, scores in results.items():
        micro, macro = averages(scores)
        print(f"{set_name:11} {name:22} " + " ".join(f"{v:8.3f}" for v in (*micro, macro[2])))
    below = sum(prf(*s)[2] < 0.5 for s in results[CLEANER])
    print(f"{set_name:11} {n} pages, cleaner {elapsed * 1000 / max(n, 1):.1f} ms/seed "
          f"({n / max(elapsed, 1e-9):.0f} pages/s); {below} page(s) with F1 < 0.5")
    print(f"{set_name:11} per-page F1 {spread(results[CLEANER])}\n")


HEADER = (f"\n{'set':11} {'system':22} {'micro P':>8} {'micro R':>8} {'micro F1':>8}"
          f" {'macro F1':>8}")


def run(corpus: Path, files: bool, show: str | None,
        ext: tuple[Path, ...] | list[Path] = DEFAULT_EXT) -> int:
    clean(read(Path(__file__)))  # warm up: stop lists load once per process, not per seed
    found = {name: run_set(corpus / name, files, show) for name in SETS}
    held_out = {folder: run_set(folder, files, show, missing=EXT_MISSING)
                if folder.is_dir() else None for folder in ext}
    print(HEADER)
    total_ms, total_n = 0.0, 0
    for set_name, result in found.items():
        if result is None:
            continue
        _, elapsed, n = result
        total_ms, total_n = total_ms + elapsed * 1000, total_n + n
        report(set_name, result)
    if total_n:
        print(f"cleaner: {total_ms / total_n:.1f} ms/seed ({total_n * 1000 / total_ms:.0f} pages/s)"
              f" over {total_n} pages")
    for folder, result in held_out.items():
        if result is None:
            if not folder.is_dir():
                print(EXT_MISSING.format(folder=folder))
            continue
        if folder.name in DESIGN_SETS:
            print(f"\ndesign set (its pages may be read: docs/cleaning.md): "
                  f"{folder}" + HEADER)
        else:
            print(f"\nmeasuring set, not for choosing (round 6 settled two details after "
                  f"reading pages of dumps-ext: docs/cleaning.md): {folder}" + HEADER)
        report(folder.name, result)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"folder holding {' and '.join(SETS)} (default: {DEFAULT_CORPUS})")
    parser.add_argument("--ext", type=Path, nargs="+", default=DEFAULT_EXT,
                        help="measuring sets, made by bench/make_dumps.py and "
                        "bench/make_dumps_dragnet.py; each scored when present (default: "
                        f"{' '.join(str(folder) for folder in DEFAULT_EXT)})")
    parser.add_argument("--files", action="store_true", help="print the cleaner's per-file scores")
    parser.add_argument("--show", help="print the Draft for dumps whose name contains this")
    args = parser.parse_args(argv)
    return run(args.corpus, args.files, args.show, args.ext)


if __name__ == "__main__":
    sys.exit(main())
