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
``topic`` column serves only to split the corpus, never as a feature. ``--orders N``
uses N shuffled orders per half instead of 3 and adds a summary line per half (mean and
worst precision, in how many orders it reaches 0.92, mean recall and F1): with three
orders one unlucky order decides the figure. ``--auc`` prints, per half, the pairwise
ROC AUC within a topic of the similarity and of its three parts (words, names,
specifics): how well a score separates reports of one event from reports of its
look-alike, before any threshold or clustering (cheap: no assignment).

    python bench/stories_ecb.py [--corpus DIR] [--dates] [--no-entities] [--anchors N]
                                [--shuffle SEED] [--sweep] [--halves] [--orders N] [--auc]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
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


def read_gold(table: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(file → gold cluster, file → topic) from ``clusters.tsv``; no other column is read."""
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return ({row["file"]: row["cluster"] for row in rows},
            {row["file"]: row.get("topic", "") for row in rows})


def load_articles(corpus: Path, names: Sequence[str], dates: bool = False,
                  entities: bool = True) -> tuple[list[Article], int]:
    """The documents as enriched articles, as ingest would write them (entities, keywords,
    summary), and how many were dated from their text."""
    articles: list[Article] = []
    dated = 0
    for name in names:
        lines = [ln.strip() for ln in read_text(corpus / "docs" / name).splitlines()]
        lines = [ln for ln in lines if ln]
        date = find_date(lines) if dates else None
        dated += date is not None
        articles.append(Article(
            draft=Draft(title=lines[0] if lines else name, paragraphs=tuple(lines[1:])),
            source=Source(seed=name, sha256="0" * 64), date=date or DEFAULT_DATE,
            date_source="path", slug=Path(name).stem))
    from news_digest.enrich.pipeline import EnrichContext, load_step
    from news_digest.settings import Settings

    ctx = EnrichContext(Settings())
    if entities:
        articles = load_step("news_digest.enrich.entities:entities_step")(articles, ctx)
    # what ingest writes to front matter besides entities: keywords (topic step), summary
    articles = load_step("news_digest.enrich.topics:topics_step")(articles, ctx)
    articles = load_step("news_digest.enrich.summary:summary_step")(articles, ctx)
    return articles, dated


def shown(docs: Sequence[clusters.StoryDoc], threshold: float = clusters.DEFAULT_SIMILARITY,
          regroup: bool = True) -> dict[str, str]:
    """The story each doc is shown in: ingest's assignment in the given order, then (as
    the site does) the stories :func:`clusters.regroup` joins."""
    assigned = clusters.cluster(docs, threshold)
    if not regroup:
        return assigned
    merged = clusters.regroup([replace(d, story=assigned[d.key]) for d in docs])
    return {k: merged.get(s, s) for k, s in assigned.items()}


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """P(a positive pair scores above a negative one), ties counting half: the
    Mann-Whitney U statistic over the product of the sizes (``scipy``)."""
    from scipy.stats import mannwhitneyu

    if not positive or not negative:
        return float("nan")
    u = mannwhitneyu(positive, negative, alternative="two-sided").statistic
    return float(u) / (len(positive) * len(negative))


def _cosine(i: int) -> Callable[[clusters.StoryDoc, clusters.StoryDoc], float]:
    def score(a: clusters.StoryDoc, b: clusters.StoryDoc) -> float:
        va = (a.words, a.entities, a.specifics)[i]
        vb = (b.words, b.entities, b.specifics)[i]
        na, nb = a.norms[i], b.norms[i]
        return clusters._dot(va, vb) / (na * nb) if na and nb else 0.0
    return score


PARTS: dict[str, Callable[[clusters.StoryDoc, clusters.StoryDoc], float]] = {
    "similarity": clusters.similarity, "words": _cosine(0), "names": _cosine(1),
    "specifics": _cosine(2)}
"""The scores ``--auc`` rates: the one clustering uses, and each of its parts."""


def within_topic_auc(gold: dict[str, str], topic: dict[str, str],
                     docs: Sequence[clusters.StoryDoc],
                     scores: dict[str, Callable[[clusters.StoryDoc, clusters.StoryDoc], float]]
                     ) -> dict[str, float]:
    """ROC AUC of each score over the pairs of one topic: same event vs its look-alike
    (pairs across topics are easy and would flatter every score)."""
    same: dict[str, list[float]] = {k: [] for k in scores}
    other: dict[str, list[float]] = {k: [] for k in scores}
    for a, b in combinations(docs, 2):
        if topic[a.key] != topic[b.key]:
            continue
        into = same if gold[a.key] == gold[b.key] else other
        for label, score in scores.items():
            into[label].append(score(a, b))
    return {label: roc_auc(same[label], other[label]) for label in scores}




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
    parser.add_argument("--orders", type=int, default=3, metavar="N",
                        help="shuffled orders per half with --halves (default 3), summarised")
    parser.add_argument("--auc", action="store_true",
                        help="print the within-topic pairwise ROC AUC of the similarity, per half")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus
    table = corpus / "clusters.tsv"
    if not table.is_file() or not (corpus / "docs").is_dir():
        print(f"skipped: same-story corpus not found at {corpus}")
        return 0

    gold, topic = read_gold(table)
    articles, dated = load_articles(corpus, sorted(gold), args.dates, args.entities)
    backend = "entity step" if args.entities else "text names"

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
    order_label = 'shuffled ' + str(args.shuffle) if args.shuffle is not None else 'file order'
    report(f"ingest's story ids (similarity {clusters.DEFAULT_SIMILARITY:.2f}, {order_label})",
           gold, predicted)
    start = time.perf_counter()
    report(f"stories as shown, after regrouping ({order_label})", gold, shown(docs))
    regrouped = time.perf_counter() - start
    print(f"speed: {1000 * elapsed / max(len(articles), 1):.3f} ms per article "
          "(features + assignment, wordfreq loaded); assignment + regrouping "
          f"{regrouped:.2f} s for {len(docs)} articles in one window")
    if args.sweep:
        for threshold in (0.20, 0.25, 0.30, 0.35, 0.40, 0.50):
            report(f"  at similarity {threshold:.2f}", gold, shown(docs, threshold))
    all_docs = [clusters.doc_from_article(a, key=a.source.seed) for a in articles]
    if args.halves:
        halves(gold, topic, all_docs, args.orders)
    if args.auc:
        for name, part in split_halves(topic, all_docs):
            print(f"{name}: within-topic ROC AUC "
                  + "  ".join(f"{label} {auc:.3f}" for label, auc in
                              within_topic_auc(gold, topic, part, PARTS).items()))
    return 0


def split_halves(topic: dict[str, str], docs: Sequence[clusters.StoryDoc]
                 ) -> list[tuple[str, list[clusters.StoryDoc]]]:
    """The docs of the odd-numbered topics, then of the even-numbered ones, in file order."""
    return [(name, [d for d in docs
                    if topic[d.key].isdigit() and int(topic[d.key]) % 2 == parity])
            for name, parity in (("odd topics", 1), ("even topics", 0))]


def halves(gold: dict[str, str], topic: dict[str, str],
           docs: list[clusters.StoryDoc], orders: int = 3) -> None:
    """Odd and even topics apart, each in file order then shuffled with seeds 1..orders,
    and a summary over those orders (one unlucky order should not decide the figure):
    for the stories as shown (after regrouping), and for ingest's ids alone."""
    for name, part in split_halves(topic, docs):
        part_gold = {d.key: gold[d.key] for d in part}
        shuffles = [list(part)]
        for seed in range(1, orders + 1):
            order = list(part)
            random.Random(seed).shuffle(order)
            shuffles.append(order)
        for regroup, what in ((True, "as shown"), (False, "ingest ids")):
            scores = [report(f"{name} ({len(part)} docs), {what}, "
                             f"{'file order' if n == 0 else 'shuffled ' + str(n)}",
                             part_gold, shown(order, regroup=regroup))
                      for n, order in enumerate(shuffles)]
            print(f"{name}, {what}, {summarise(scores)}")


def summarise(scores: Sequence[tuple[float, float, float]], floor: float = 0.92) -> str:
    """Mean and worst precision over orders, in how many it reaches ``floor`` (the
    issue's bar), and mean recall and F1."""
    p = [s[0] for s in scores]
    return (f"{len(scores)} orders: precision mean {statistics.fmean(p):.3f} "
            f"(worst {min(p):.3f}; >= {floor:.2f} in {sum(x >= floor for x in p)}), "
            f"recall mean {statistics.fmean(s[1] for s in scores):.3f}, "
            f"F1 mean {statistics.fmean(s[2] for s in scores):.3f} "
            f"(worst {min(s[2] for s in scores):.3f})")


def report(label: str, gold: dict[str, str], predicted: dict[str, str]
           ) -> tuple[float, float, float]:
    p, r, f = pairwise(gold, predicted)
    sizes = Counter(predicted.values())
    print(f"{label}: pairwise precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
          f"({len(sizes)} stories, {sum(1 for s in sizes.values() if s == 1)} singletons)")
    return p, r, f


if __name__ == "__main__":
    raise SystemExit(main())
