"""Primary-topic accuracy on the BBC News dev set (Greene & Cunningham 2006).

Reads ``../shared/corpus/bbc-dev/<label>/NNN.txt`` (title on line 1), runs the topic
step's scoring on each article and compares the primary topic with the folder label:

    business→economy-business-and-finance, entertainment→arts-culture-entertainment-and-media,
    politics→politics, sport→sport, tech→science-and-technology

Prints per-label accuracy, a confusion table (rows: gold label, columns: predicted
topic) and overall accuracy. Exits 0 with "skipped: …" when the corpus is absent.
The corpus is for measuring only: nothing in the taxonomy is derived from it.

    python bench/topics_bbc.py [--corpus DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.enrich.topics import assign_topics, load_taxonomy  # noqa: E402

GOLD = {
    "business": "economy-business-and-finance",
    "entertainment": "arts-culture-entertainment-and-media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-and-technology",
}
SHORT = {
    "economy-business-and-finance": "econ",
    "arts-culture-entertainment-and-media": "arts",
    "politics": "pol",
    "sport": "sport",
    "science-and-technology": "scitech",
}


def read_text(path: Path) -> str:
    """Decode UTF-8, falling back to cp1252 then Latin-1 (some BBC files are Latin-1)."""
    data = path.read_bytes()
    for enc in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def split_article(text: str) -> tuple[str, tuple[str, ...]]:
    lines = [ln.strip() for ln in html.unescape(text).splitlines()]
    title = next((ln for ln in lines if ln), "")
    rest = lines[lines.index(title) + 1:] if title else []
    return title, tuple(ln for ln in rest if ln)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "bbc-dev")
    parser.add_argument("--errors", type=int, default=0,
                        help="list this many misclassified files (titles and scores)")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    if not corpus.is_dir() or not any((corpus / label).is_dir() for label in GOLD):
        print(f"skipped: BBC corpus not found at {corpus}")
        return 0

    taxonomy = load_taxonomy()
    confusion: dict[str, Counter[str]] = {label: Counter() for label in GOLD}
    errors: list[str] = []
    total = correct = 0
    elapsed = 0.0
    for label, gold in GOLD.items():
        for path in sorted((corpus / label).glob("*.txt")):
            title, paragraphs = split_article(read_text(path))
            start = time.perf_counter()
            topics = assign_topics(taxonomy, title, paragraphs, max_topics=3)
            elapsed += time.perf_counter() - start
            predicted = topics[0].id if topics else "-"
            confusion[label][predicted] += 1
            total += 1
            if predicted == gold:
                correct += 1
            else:
                shown = ", ".join(f"{t.id}={t.score}" for t in topics)
                errors.append(f"  {label}/{path.name}: {title[:60]!r} → {shown}")

    columns = list(SHORT) + sorted({p for c in confusion.values() for p in c} - set(SHORT))
    names = [SHORT.get(c, c[:9]) for c in columns]
    print(f"BBC dev: {total} articles, taxonomy {taxonomy.source}")
    print(f"{'label':<14}{'n':>5}{'acc':>8}   " + "".join(f"{n:>10}" for n in names))
    for label, gold in GOLD.items():
        row = confusion[label]
        n = sum(row.values())
        acc = row[gold] / n if n else 0.0
        print(f"{label:<14}{n:>5}{acc:>8.3f}   " + "".join(f"{row[c]:>10}" for c in columns))
    print(f"overall accuracy: {correct / max(total, 1):.3f} ({correct}/{total})")
    print(f"speed: {1000 * elapsed / max(total, 1):.3f} ms per article (topics only)")
    if args.errors:
        print("misclassified:")
        print("\n".join(errors[:args.errors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
