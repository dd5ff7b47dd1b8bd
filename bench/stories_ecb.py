"""Story clustering against ECB+ gold clusters: pairwise precision, recall and F1.

Reads ``../shared/corpus/same-story-dev/docs/*.txt`` (one sentence per line; the first
line stands in for the title) and ``clusters.tsv`` (``file``, ``cluster`` columns; the
other columns are not used, in particular not ``subcorpus``, which would give the
answer away). Every pair of documents is a decision: same story or not.

ECB texts carry no dates except a date line in some ECB+ articles, so by default every
article gets the same date (the date bucket plays no part); ``--dates`` reads a date
line from the first lines of the text when there is one, the way a dateline would
date a seed. The project's entity step runs first, as in ingest (canonical names;
spaCy when its model is installed); ``--no-entities`` skips it, and then the old
fingerprint falls back to capitalised names in the text and the clustering has words
only (a different scale: not what ingest does).

Scored: the story clustering ingest uses (:mod:`news_digest.enrich.clusters`), fed the
same fields a post's front matter carries (title, summary, keywords, entities, date),
assigning articles one by one in file-name order as an ingest would (``--shuffle N``
uses a random order from seed N instead: the result should barely move). The old
per-article fingerprint (:func:`news_digest.enrich.stories.story_id`) is printed beside.
``--sweep`` prints the figures at other thresholds, to show how sensitive the one
threshold is. ``--halves`` scores the odd-numbered and the even-numbered topics apart
(each half clustered on its own, in file order and in three shuffled orders): a method
is changed while looking at the odd half only and confirmed on the even half. The
``topic`` column serves only to split the corpus, never as a feature.

    python bench/stories_ecb.py [--corpus DIR] [--dates] [--no-entities] [--anchors N]
                                [--shuffle SEED] [--sweep] [--halves]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest.enrich import clusters, stories  # noqa: E402
from news_digest.model import Article, Draft, Source  # noqa: E402

DEFAULT_DATE = datetime(2020, 1, 1, tzinfo=UTC)
_DATE = re.compile(r"^\s*(?:[A-Z][a-z]+day,?\s+)?([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def read_text(path: Path) -> str:
    """Decode as ingest does (UTF-8, BOMs, else cp1252): the corpus has Latin-1 files."""
    from news_digest.ingest.seeds import decode

    return decode(path.read_bytes())[0]


def find_date(lines: list[str]) -> datetime | None:
    for line in lines[:4]:
        m = _DATE.match(line)
        if not m:
            continue
        for fmt in ("%B %d %Y", "%b %d %Y"):
            try:
                return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", fmt).replace(tzinfo=UTC)
            except ValueError:
                continue
    return None


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "same-story-dev")
    parser.add_argument("--dates", action="store_true", help="date articles from their text")
    parser.add_argument("--no-entities", dest="entities", action="store_false",
                        help="skip the entity step (ingest always runs it)")
    parser.add_argument("--entities", action="store_true", default=True,
                        help="run the entity step first (the default, as ingest does)")
    parser.add_argument("--anchors", type=int, default=stories.ANCHORS)
    parser.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                        help="assign articles in a random order from this seed")
    parser.add_argument("--sweep", action="store_true", help="also print other thresholds")
    parser.add_argument("--halves", action="store_true",
                        help="also score odd and even topics apart, in four orders each")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    table = corpus / "clusters.tsv"
    if not table.is_file() or not (corpus / "docs").is_dir():
        print(f"skipped: same-story corpus not found at {corpus}")
        return 0

    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    gold = {row["file"]: row["cluster"] for row in rows}
    topic = {row["file"]: row.get("topic", "") for row in rows}
    articles: list[Article] = []
    dated = 0
    for name in sorted(gold):
        lines = [ln.strip() for ln in read_text(corpus / "docs" / name).splitlines()]
        lines = [ln for ln in lines if ln]
        date = find_date(lines) if args.dates else None
        dated += date is not None
        articles.append(Article(
            draft=Draft(title=lines[0] if lines else name, paragraphs=tuple(lines[1:])),
            source=Source(seed=name, sha256="0" * 64), date=date or DEFAULT_DATE,
            date_source="path", slug=Path(name).stem))
    from news_digest.enrich.pipeline import EnrichContext, load_step
    from news_digest.settings import Settings

    ctx = EnrichContext(Settings())
    backend = "text names"
    if args.entities:
        articles = load_step("news_digest.enrich.entities:entities_step")(articles, ctx)
        backend = "entity step"
    # what ingest writes to front matter besides entities: keywords (topic step), summary
    articles = load_step("news_digest.enrich.topics:topics_step")(articles, ctx)
    articles = load_step("news_digest.enrich.summary:summary_step")(articles, ctx)

    print(f"ECB+ same-story: {len(gold)} docs, {len(set(gold.values()))} gold clusters; "
          f"names: {backend}; "
          f"dates: {'from text (' + str(dated) + ' dated)' if args.dates else 'none'}")
    old = {a.source.seed: stories.story_id(a, args.anchors) for a in articles}
    report("old fingerprint (anchors " + str(args.anchors) + ")", gold, old)

    order = list(articles)
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(order)
    start = time.perf_counter()
    docs = [clusters.doc_from_article(a, key=a.source.seed) for a in order]
    predicted = clusters.cluster(docs)
    elapsed = time.perf_counter() - start
    label = (f"clustering (similarity {clusters.DEFAULT_SIMILARITY:.2f}, "
             f"{'shuffled ' + str(args.shuffle) if args.shuffle is not None else 'file order'})")
    report(label, gold, predicted)
    print(f"speed: {1000 * elapsed / max(len(articles), 1):.3f} ms per article "
          "(features + assignment, wordfreq loaded)")
    if args.sweep:
        for threshold in (0.20, 0.25, 0.30, 0.35, 0.40, 0.50):
            report(f"  at similarity {threshold:.2f}", gold, clusters.cluster(docs, threshold))
    if args.halves:
        halves(gold, topic, [clusters.doc_from_article(a, key=a.source.seed) for a in articles])
    return 0


def halves(gold: dict[str, str], topic: dict[str, str],
           docs: list[clusters.StoryDoc]) -> None:
    """Odd and even topics apart, each in file order then shuffled with seeds 1-3."""
    for name, parity in (("odd topics", 1), ("even topics", 0)):
        part = [d for d in docs if topic[d.key].isdigit() and int(topic[d.key]) % 2 == parity]
        part_gold = {d.key: gold[d.key] for d in part}
        report(f"{name} ({len(part)} docs), file order", part_gold, clusters.cluster(part))
        for seed in (1, 2, 3):
            order = list(part)
            random.Random(seed).shuffle(order)
            report(f"{name}, shuffled {seed}", part_gold, clusters.cluster(order))


def report(label: str, gold: dict[str, str], predicted: dict[str, str]) -> None:
    p, r, f = pairwise(gold, predicted)
    sizes = Counter(predicted.values())
    print(f"{label}: pairwise precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
          f"({len(sizes)} stories, {sum(1 for s in sizes.values() if s == 1)} singletons)")


if __name__ == "__main__":
    raise SystemExit(main())
