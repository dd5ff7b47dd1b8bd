"""How much article text the cleaner keeps, and how much page chrome it lets through.

Reads the dumps-dev corpus (``../shared/corpus/dumps-dev`` beside the repo, or
``--corpus PATH``): naive "copy all visible text" dumps of web pages in ``dump/`` and the
article text a careful extractor kept in ``gold/``. Each dump is cleaned and its body
scored against gold as a multiset of lower-cased word tokens (precision, recall, F1),
next to two baselines so a number means something: keep every line, and keep lines of
15 words or more.

The corpus is for measuring only: nothing in the cleaner is tuned on its words.
Run: ``.venv/bin/python bench/clean_dumps.py [--corpus PATH] [--show NAME]``.
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

from news_digest.ingest.clean import clean  # noqa: E402
from news_digest.model import Draft, RawSeed  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TOKEN = re.compile(r"\w+")

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
    dateline sit in front matter, not the body, so they are left out too (adding the
    caption changes micro F1 by less than 0.001 on dumps-dev: gold keeps some, not others).
    """
    return "\n\n".join(draft.paragraphs)


def keep_everything(text: str) -> str:
    return text


def long_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if len(line.split()) >= 15)


def averages(scores: list[Score]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Micro (pooled tokens) and macro (mean of per-file) precision, recall, F1."""
    micro = prf(*(sum(column) for column in zip(*scores, strict=True)))
    per_file = [prf(*s) for s in scores]
    macro = tuple(sum(v[i] for v in per_file) / len(per_file) for i in range(3))
    return micro, macro


def run(corpus: Path, show: str | None) -> int:
    dumps = corpus / "dumps-dev"
    if not (dumps / "dump").is_dir() or not (dumps / "gold").is_dir():
        print(f"skipped: corpus not found at {dumps}")
        return 0
    systems: dict[str, Callable[[RawSeed], str]] = {
        "keep everything": lambda raw: keep_everything(raw.text),
        "lines >= 15 words": lambda raw: long_lines(raw.text),
        "news-digest clean": lambda raw: body_text(clean(raw)),
    }
    results: dict[str, list[Score]] = {name: [] for name in systems}
    rows: list[tuple[float, float, float, str, int]] = []
    elapsed = 0.0
    for path in sorted((dumps / "dump").glob("*.txt")):
        gold_path = dumps / "gold" / path.name
        if not gold_path.exists():
            continue
        gold = read(gold_path).text
        raw = read(path)
        for name, system in systems.items():
            start = time.perf_counter()
            predicted = system(raw)
            if name == "news-digest clean":
                elapsed += time.perf_counter() - start
                if show and show in path.name:
                    print(clean(raw))
            results[name].append(score(predicted, gold))
        p, r, f = prf(*results["news-digest clean"][-1])
        rows.append((f, p, r, path.name, results["news-digest clean"][-1][2]))

    print(f"{'file':34} {'P':>6} {'R':>6} {'F1':>6} {'gold tok':>8}")
    for f, p, r, name, n_gold in sorted(rows):
        print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f} {n_gold:8d}")
    print(f"\n{len(rows)} files, cleaning took {elapsed:.2f} s in all\n")
    print(f"{'system':20} {'micro P':>8} {'micro R':>8} {'micro F1':>8}"
          f" {'macro P':>8} {'macro R':>8} {'macro F1':>8}")
    for name, scores in results.items():
        micro, macro = averages(scores)
        print(f"{name:20} " + " ".join(f"{v:8.3f}" for v in (*micro, *macro)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"corpus folder holding dumps-dev/ (default: {DEFAULT_CORPUS})")
    parser.add_argument("--show", help="print the Draft for dumps whose name contains this")
    args = parser.parse_args(argv)
    return run(args.corpus, args.show)


if __name__ == "__main__":
    sys.exit(main())
