"""Ninth round (issue #11): where regrouping loses recall, and SNN variants over it.

The product shows stories as ingest placed them (``clusters.cluster``, one by one) and
then joined by shared nearest neighbours (``clusters.neighbour_lists`` +
``clusters.join_stories``: k = 5, floor 0.30, bar 0.30, third parties only, average
linkage over stories). This script reuses those functions and measures, on the ECB+
halves (each clustered on its own; file order + N shuffles, as ``stories_ecb.py
--halves``), variants of the *regrouping* step only:

* ``today``: the first pass of ``clusters.join_stories`` alone, as the product ran it
  when this round was measured (the baseline; the seventh session's "as shown" figures of
  ``stories_ecb.py --halves``). Since the eighth session the product also runs
  ``second-pass-weighted`` after it, so ``stories_ecb.py`` now prints that row's figures.
* ``second-pass`` (a): after the first merge, each report's list is read at the level of
  the merged stories: two reports share, per merged story, as many neighbours as the
  smaller of their two counts in it (each other left out), over k; merged stories join
  again by average linkage under the same bar and window (``group_scores``).
  ``-third-groups``: neighbours in the pair's own two merged stories are not counted
  (third parties at story level). ``-linked``: only merged stories that a report pair
  scoring the bar today links may merge. ``-to-fixpoint``: repeated until nothing
  changes. ``-weighted``: each neighbour m weighs the share of m's own list that lies in
  m's merged story (a report misplaced in a story lists its own event's reports, so
  counts little for it); ``-weighted-pairs``: the score also times the two compared
  reports' own weights. ``ingest-groups``: one pass whose score reads neighbours at the
  level of ingest's stories instead of today's score.
* ``jaccard`` (b): shared neighbours over the union of the two lists instead of over k.
* ``longer-list`` (b): shared neighbours over the longer of the two lists (equal to
  today when both lists are full; a report with few neighbours above the floor is not
  penalised for the neighbours it does not have).
* ``rank`` / ``rank-sum`` (b): each shared neighbour weighs (k + 1 - rank) in each list,
  multiplied / added, normalised so that two identical full lists score 1 (the
  rank-weighted link strength of Jarvis-Patrick-style SNN, Ertöz et al.).
* ``mutual`` (c): a report pair that lists each other also scores 1/k for the mutual link
  (only for pairs that share a third party too, so a lone mutual pair is still left to
  the join threshold); ``mutual+third-groups``: that, then the third-groups second pass.

Diagnostics first (``--where``): for today's shown stories, the missed same-event pairs
split by the size of the two shown groups' shares of the event (big = 3+ reports of it).

Wikinews (``--wikinews``): the 295 articles alone, dated, date order, 3-day window: the
multi-article stories a variant shows (one article per event: ideally no new joins).

Protocol: ``--half odd`` to choose; the chosen variant is then run once with ``--half even``.
The round's choice (docs/stories.md, ninth round) was ``second-pass-third-groups``, the
one variant that met the bar on the odd half; its even run is the only even figure of a
variant here.
Docs are cached in ``/tmp/stories_round9_cache.pkl`` (the entity step takes minutes).

    python bench/stories_round9.py [--half odd|even|both] [--orders N] [--where]
                                   [--wikinews] [--variants a,b,...]
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from stories_ecb import load_articles, pairwise, read_gold, split_halves  # noqa: E402

from news_digest.enrich import clusters  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = Path("/tmp/stories_round9_cache.pkl")
K = clusters.NEIGHBOURS
BAR = clusters.SHARED_BAR
WINDOW = clusters.DEFAULT_WINDOW_DAYS

Docs = Sequence[clusters.StoryDoc]
Lists = Mapping[str, Sequence[str]]
Scores = dict[tuple[str, str], float]


def load(refresh: bool = False) -> dict:
    if CACHE.is_file() and not refresh:
        with CACHE.open("rb") as fh:
            return pickle.load(fh)
    from stories_regroup import load_wikinews

    gold, topic = read_gold(CORPUS / "same-story-dev" / "clusters.tsv")
    articles, _ = load_articles(CORPUS / "same-story-dev", sorted(gold))
    ecb = [clusters.doc_from_article(a, key=a.source.seed) for a in articles]
    wn_articles = load_wikinews(CORPUS / "wikinews")
    wn = [clusters.doc_from_article(a, key=a.source.seed) for a in wn_articles]
    data = {"gold": gold, "topic": topic, "ecb": ecb, "wn": wn,
            "titles": {a.source.seed: a.title for a in wn_articles}}
    with CACHE.open("wb") as fh:
        pickle.dump(data, fh)
    return data


# --------------------------------------------------------------------------- scores

def today_scores(docs: Docs, lists: Lists) -> Scores:
    return clusters.shared_neighbours(lists, K)


def _pairs(lists: Lists) -> dict[tuple[str, str], list[str]]:
    """(a, b), a < b → the third parties both list."""
    listed_by: dict[str, list[str]] = defaultdict(list)
    for key, listed in lists.items():
        for m in listed:
            listed_by[m].append(key)
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m, holders in listed_by.items():
        holders.sort()
        for x in range(len(holders)):
            for y in range(x + 1, len(holders)):
                out[(holders[x], holders[y])].append(m)
    return out


def jaccard_scores(docs: Docs, lists: Lists) -> Scores:
    return {(a, b): len(s) / len(set(lists[a]) | set(lists[b]))
            for (a, b), s in _pairs(lists).items()}


def longer_scores(docs: Docs, lists: Lists) -> Scores:
    return {(a, b): len(s) / max(len(lists[a]), len(lists[b]))
            for (a, b), s in _pairs(lists).items()}


def rank_sum_scores(docs: Docs, lists: Lists) -> Scores:
    norm = 2 * sum(K + 1 - r for r in range(1, K + 1))
    out = {}
    for (a, b), shared in _pairs(lists).items():
        ra = {m: r for r, m in enumerate(lists[a], 1)}
        rb = {m: r for r, m in enumerate(lists[b], 1)}
        out[(a, b)] = sum(2 * (K + 1) - ra[m] - rb[m] for m in shared) / norm
    return out


def rank_scores(docs: Docs, lists: Lists) -> Scores:
    norm = sum((K + 1 - r) ** 2 for r in range(1, K + 1))
    out = {}
    for (a, b), shared in _pairs(lists).items():
        ra = {m: r for r, m in enumerate(lists[a], 1)}
        rb = {m: r for r, m in enumerate(lists[b], 1)}
        out[(a, b)] = sum((K + 1 - ra[m]) * (K + 1 - rb[m]) for m in shared) / norm
    return out


def mutual_scores(docs: Docs, lists: Lists) -> Scores:
    out = dict(clusters.shared_neighbours(lists, K))
    for pair in list(out):
        a, b = pair
        if b in lists.get(a, ()) and a in lists.get(b, ()):
            out[pair] += 1 / K
    return out


# --------------------------------------------------------------------------- joining

def join(docs: Docs, scores: Scores, bar: float = BAR) -> dict[str, str]:
    """The product's merging over given pair scores (``clusters._join``: same
    components, same average linkage, same ids): story → story it is shown under."""
    return clusters._join(docs, scores, WINDOW, bar)


def _bags(lists: Lists, story: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Per report, its neighbours with the group each lies in."""
    return {key: [(m, story[m]) for m in listed if m in story]
            for key, listed in lists.items() if key in story}


def _group_pairs(bags: Mapping[str, Sequence[tuple[str, str]]]
                 ) -> Iterator[tuple[str, str]]:
    """Each pair of reports (a < b) whose lists hold a common group, once."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for key, bag in bags.items():
        for g in {g for _, g in bag}:
            by_group[g].append(key)
    seen: set[tuple[str, str]] = set()
    for holders in by_group.values():
        holders.sort()
        for x in range(len(holders)):
            for y in range(x + 1, len(holders)):
                pair = (holders[x], holders[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def group_scores(docs: Docs, lists: Lists, story: Mapping[str, str],
                 third_groups: bool = False) -> Scores:
    """Shared neighbours read at group level: per pair, the number of neighbours of one
    that lie in a group (``story``: key → group) holding as many of the other's, i.e.
    sum over groups of the smaller count; the pair itself left out of each other's
    list; over k. ``third_groups``: neighbours in the pair's own two groups not counted."""
    bags = _bags(lists, story)
    scores: Scores = {}
    for a, b in _group_pairs(bags):
        own = {story[a], story[b]} if third_groups else set()
        ca = Counter(g for m, g in bags[a] if m != b and g not in own)
        cb = Counter(g for m, g in bags[b] if m != a and g not in own)
        n = sum(min(c, cb[g]) for g, c in ca.items())
        if n:
            scores[(a, b)] = n / K
    return scores


def weighted_group_scores(docs: Docs, lists: Lists, story: Mapping[str, str],
                          pair_weight: bool = False) -> Scores:
    """As :func:`group_scores` with own groups counted, but each neighbour m weighs the
    share of m's own list that lies in m's group (a report misplaced in a group lists
    the reports of its own event, elsewhere, and so counts little for that group): the
    product's ``clusters.shared_stories``, written out again here as a cross-check, with
    the ``pair_weight`` variant (the score also times the two reports' own weights)."""
    weight = {}
    for key, listed in lists.items():
        if key in story:
            inside = [m for m in listed if story.get(m) == story[key]]
            weight[key] = len(inside) / len(listed) if listed else 0.0
    bags = _bags(lists, story)
    scores: Scores = {}
    for a, b in _group_pairs(bags):
        ca: Counter[str] = Counter()
        cb: Counter[str] = Counter()
        for m, g in bags[a]:
            if m != b:
                ca[g] += weight.get(m, 0.0)
        for m, g in bags[b]:
            if m != a:
                cb[g] += weight.get(m, 0.0)
        n = math.fsum(min(c, cb[g]) for g, c in ca.items())
        if pair_weight:
            n *= weight.get(a, 0.0) * weight.get(b, 0.0)
        if n:
            scores[(a, b)] = n / K
    return scores


def second_pass(docs: Docs, lists: Lists, first: Mapping[str, str],
                third_groups: bool = False, linked: bool = False,
                weighted: bool = False, pair_weight: bool = False) -> dict[str, str]:
    """(a): after the first merge ``first`` (story → shown story), each report's
    neighbours are read as the merged stories they lie in: two reports share one
    neighbour per merged story both list (counted with multiplicity, min of the two
    counts), third parties only (the pair itself left out of each other's list), over k;
    merged stories join again by average linkage under the same bar."""
    story = {d.key: first.get(str(d.story), str(d.story)) for d in docs}
    scores = weighted_group_scores(docs, lists, story, pair_weight) if weighted else \
        group_scores(docs, lists, story, third_groups)
    if linked:
        # only groups that a report pair scoring the bar today links may merge
        plain_scores = clusters.shared_neighbours(lists, K)
        ok = {frozenset((story[a], story[b])) for (a, b), v in plain_scores.items()
              if v >= BAR and a in story and b in story}
        scores = {p: v for p, v in scores.items()
                  if story[p[0]] == story[p[1]] or frozenset((story[p[0]], story[p[1]])) in ok}
    merged = [replace(d, story=story[d.key]) for d in docs]
    again = join(merged, scores)
    out = {}
    for d in docs:
        s = str(d.story)
        shown = first.get(s, s)
        shown = again.get(shown, shown)
        if shown != s:
            out[s] = shown
    return out


Variant = Callable[[Docs, Lists], dict[str, str]]


def plain(score: Callable[[Docs, Lists], Scores], bar: float = BAR) -> Variant:
    return lambda docs, lists: join(docs, score(docs, lists), bar)


def today(docs: Docs, lists: Lists) -> dict[str, str]:
    """The regrouping of the seventh session: the first pass alone (the product's
    ``clusters.join_stories`` has run the weighted second pass after it since the eighth
    session, as ``second-pass-weighted`` here)."""
    return join(docs, clusters.shared_neighbours(lists, K))


def twice(docs: Docs, lists: Lists) -> dict[str, str]:
    return second_pass(docs, lists, today(docs, lists))


def ingest_groups(docs: Docs, lists: Lists) -> dict[str, str]:
    """One pass whose score reads neighbours at the level of ingest's stories."""
    story = {d.key: str(d.story) for d in docs}
    return join(docs, group_scores(docs, lists, story))


def until_stable(docs: Docs, lists: Lists, third_groups: bool = False) -> dict[str, str]:
    first = today(docs, lists)
    while True:
        again = second_pass(docs, lists, first, third_groups)
        if again == first:
            return first
        first = again


def _after_today(**options: bool) -> Variant:
    return lambda docs, lists: second_pass(docs, lists, today(docs, lists), **options)


def _mutual_then_third_groups(docs: Docs, lists: Lists) -> dict[str, str]:
    return second_pass(docs, lists, join(docs, mutual_scores(docs, lists)), third_groups=True)


VARIANTS: dict[str, Variant] = {
    "today": today,
    "second-pass": twice,
    "second-pass-third-groups": _after_today(third_groups=True),
    "second-pass-linked": _after_today(linked=True),
    "second-pass-to-fixpoint": until_stable,
    "third-groups-to-fixpoint": lambda docs, lists: until_stable(docs, lists, True),
    "ingest-groups": ingest_groups,
    "second-pass-weighted": _after_today(weighted=True),
    "second-pass-weighted-pairs": _after_today(weighted=True, pair_weight=True),
    "mutual+third-groups": _mutual_then_third_groups,
    "jaccard": plain(jaccard_scores),
    "longer-list": plain(longer_scores),
    "rank": plain(rank_scores),
    "rank-sum": plain(rank_sum_scores),
    "mutual": plain(mutual_scores),
}


# --------------------------------------------------------------------------- evaluation

def orders(part: Docs, n: int) -> list[list[clusters.StoryDoc]]:
    """File order, then shuffles with seeds 1..n (as ``stories_ecb.halves``)."""
    out = [list(part)]
    for seed in range(1, n + 1):
        o = list(part)
        random.Random(seed).shuffle(o)
        out.append(o)
    return out


class Half:
    def __init__(self, data: dict, part: Docs, n_orders: int) -> None:
        self.gold = {d.key: data["gold"][d.key] for d in part}
        self.runs = []
        # a post's list depends on the posts within its window, not on stories: once
        self.lists = clusters.neighbour_lists(list(part), WINDOW)
        for order in orders(part, n_orders):
            assigned = clusters.cluster(order)
            self.runs.append([replace(d, story=assigned[d.key]) for d in order])

    def shown(self, variant: Variant, docs: Docs) -> dict[str, str]:
        merged = variant(docs, self.lists)
        return {d.key: merged.get(str(d.story), str(d.story)) for d in docs}

    def scores(self, variant: Variant) -> list[tuple[float, float, float]]:
        return [pairwise(self.gold, self.shown(variant, docs)) for docs in self.runs]


def summary(scores: Sequence[tuple[float, float, float]]) -> str:
    p = [s[0] for s in scores]
    return (f"P {statistics.fmean(p):.3f} (worst {min(p):.3f}, {sum(x >= 0.92 for x in p)}"
            f"/{len(p)}) R {statistics.fmean(s[1] for s in scores):.3f} "
            f"F1 {statistics.fmean(s[2] for s in scores):.3f} "
            f"(file order {scores[0][2]:.3f})")


def where(half: Half, variant: Variant = today) -> None:
    """Missed same-event pairs over all orders, by the sizes of the two shown groups'
    shares of the event: big-big (both 3+), big-small, small-small (small = 1-2)."""
    kinds: Counter[str] = Counter()
    missed = total = 0
    purity: Counter[str] = Counter()
    for docs in half.runs:
        shown = half.shown(variant, docs)
        share: Counter[tuple[str, str]] = Counter((shown[k], half.gold[k]) for k in shown)
        size = Counter(shown.values())
        keys = sorted(shown)
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                a, b = keys[x], keys[y]
                if half.gold[a] != half.gold[b]:
                    continue
                total += 1
                if shown[a] == shown[b]:
                    continue
                missed += 1
                na, nb = share[(shown[a], half.gold[a])], share[(shown[b], half.gold[b])]
                kind = "-".join(sorted(("big" if n >= 3 else "small") for n in (na, nb)))
                kinds[kind] += 1
                # a group holding reports of another event too
                mixed = sum(size[shown[k]] > share[(shown[k], half.gold[k])] for k in (a, b))
                purity[f"{kind}, {mixed} of 2 groups mixed"] += 1
    print(f"  missed same-event pairs {missed} of {total} over {len(half.runs)} orders:")
    for kind, n in sorted(kinds.items()):
        print(f"    {kind:12s} {n:6d} ({n / missed:.0%})")
    for kind, n in sorted(purity.items()):
        print(f"      {kind:32s} {n:6d}")


def wikinews(data: dict, names: Sequence[str]) -> None:
    docs = sorted(data["wn"], key=lambda d: (d.date, d.key))
    assigned = clusters.cluster(docs)
    docs = [replace(d, story=assigned[d.key]) for d in docs]
    lists = clusters.neighbour_lists(docs, WINDOW)
    print("\nWikinews alone (295 articles, dated, date order, 3-day window)")
    for name in names:
        merged = VARIANTS[name](docs, lists)
        groups: dict[str, list[str]] = defaultdict(list)
        for d in docs:
            groups[merged.get(str(d.story), str(d.story))].append(d.key)
        multi = [g for g in groups.values() if len(g) > 1]
        print(f"  {name}: {len(multi)} multi-article stories "
              f"({dict(sorted(Counter(len(g) for g in multi).items()))} by size)")
        for g in multi:
            print("     | " + "  //  ".join(data["titles"][k][:55] for k in g))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("odd", "even", "both"), default="odd")
    parser.add_argument("--orders", type=int, default=10)
    parser.add_argument("--where", action="store_true")
    parser.add_argument("--wikinews", action="store_true")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--refresh", action="store_true")
    args = parser.parse_args(argv)
    if not (CORPUS / "same-story-dev" / "clusters.tsv").is_file():
        print("skipped: corpus not found")
        return 0
    data = load(args.refresh)
    names = [n for n in args.variants.split(",") if n]
    wanted = {"odd": ["odd topics"], "even": ["even topics"],
              "both": ["odd topics", "even topics"]}[args.half]
    for label, part in split_halves(data["topic"], data["ecb"]):
        if label not in wanted:
            continue
        half = Half(data, part, args.orders)
        print(f"{label} ({len(part)} docs), {args.orders + 1} orders: "
              "P mean (worst, orders >= 0.92) R mean F1 mean (file order)")
        if args.where:
            where(half)
        for name in names:
            print(f"  {name:24s} {summary(half.scores(VARIANTS[name]))}", flush=True)
    if args.wikinews:
        wikinews(data, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
