"""The study that chose story regrouping (ECB+ halves, Wikinews): batch variants measured.

The product runs one of these variants, the hybrid over the *open* SNN score with k = 5,
floor 0.30 and bar 0.30, as the first of its two regrouping passes (``clusters.regroup``;
docs/stories.md, "Regrouping"; the second pass came in the eighth session,
``bench/stories_round9.py``); the figures of the product's own code are printed by
``bench/stories_ecb.py``. This script keeps the
comparison that chose it, with its own numpy implementation (a cross-check: its figures
for the chosen variant match the product's). Ingest gives each new post a story once,
incrementally (``clusters.StoryIndex``: average similarity ≥ 0.45 to a story's in-window
articles). Variants:

* ``incremental``: ingest's rule (``clusters.cluster``), the baseline.
* ``batch avg sim b``: average-linkage agglomeration over the raw similarity, bar b.
* ``batch SNN k f b``: average-linkage agglomeration over a shared-nearest-neighbour score.
  A report's neighbour list N(i) holds at most k other reports within the date window
  whose similarity to it is ≥ the floor f (the k most similar; ties by key). With the
  closed list N⁺(i) = N(i) ∪ {i}::

      snn(i, j) = |N⁺(i) ∩ N⁺(j)| / (k + 1)

  i.e. one point per report both lists hold, counting i itself when i is in j's list and
  j when j is in i's list. The open list (``--open``, the product's) counts third parties
  only: |N(i) ∩ N(j)| / k. A report below the floor to everyone is in nobody's list, so
  its arrival changes no other report's list or score. A report pair with nothing else
  above the floor scores 2 / (k + 1) closed (0.33 at k = 5), 0 open.
* ``hybrid``: start from the incremental stories (ingest's ids, computed in arrival
  order), then merge stories by average linkage over SNN (``hybrid SNN k f b``) or over the
  raw similarity (``hybrid sim b``). The merged story's id is the id of its oldest member's
  original story (oldest = earliest date, then earliest arrival), so an existing story's id
  changes only when it is merged into an older story.

Every agglomeration is constrained by the window: two clusters merge only when the union
spans at most ``window`` days (3, as the product). Agglomeration merges the pair of clusters
with the highest average pairwise score (ties: the lowest indices in (date, key) order), as
long as it reaches the bar; it runs per connected component of the graph of pairs scoring ≥
the bar (an average ≥ bar needs one such pair), so it stays cheap on a site.

Protocol: ``--explore`` prints a parameter grid on the ODD half only; the default run prints
the chosen settings on odd, even and whole ECB+, then the Wikinews checks (stability when the
295 Wikinews articles join each ECB+ half in one window; Wikinews alone, dated, 3-day window)
and the cost (batch step on the real docs, and on 5,000 synthetic posts over two years).

Docs and the similarity matrix are cached in ``/tmp/stories_regroup_cache.pkl`` (the entity
step takes 1–2 minutes); ``--refresh`` rebuilds it.

    python bench/stories_regroup.py [--explore] [--orders N] [--refresh]
"""

from __future__ import annotations

import argparse
import csv
import pickle
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from stories_ecb import DEFAULT_DATE, load_articles, pairwise, read_gold, read_text, split_halves  # noqa: E402

from news_digest.enrich import clusters  # noqa: E402
from news_digest.model import Article, Draft, Source  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = Path("/tmp/stories_regroup_cache.pkl")
WINDOW = clusters.DEFAULT_WINDOW_DAYS


# --------------------------------------------------------------------------- loading

def load_wikinews(folder: Path) -> list[Article]:
    """Wikinews articles as ingest-like Articles: title = first line, the dateline (second
    line) left out, date from ``index.tsv``; enriched by the same steps as stories_ecb."""
    with (folder / "index.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    articles = []
    for row in rows:
        lines = [ln.strip() for ln in read_text(folder / "articles" / row["file"]).splitlines()]
        lines = [ln for ln in lines if ln]
        date = datetime.fromisoformat(row["date"]).replace(tzinfo=UTC)
        articles.append(Article(
            draft=Draft(title=lines[0], paragraphs=tuple(lines[2:])),
            source=Source(seed="wn:" + row["file"], sha256="0" * 64), date=date,
            date_source="path", slug=Path(row["file"]).stem))
    from news_digest.enrich.pipeline import EnrichContext, load_step
    from news_digest.settings import Settings

    ctx = EnrichContext(Settings())
    for step in ("news_digest.enrich.entities:entities_step",
                 "news_digest.enrich.topics:topics_step",
                 "news_digest.enrich.summary:summary_step"):
        articles = load_step(step)(articles, ctx)
    return articles


def sim_matrix(docs: Sequence[clusters.StoryDoc]) -> np.ndarray:
    n = len(docs)
    m = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            m[i, j] = m[j, i] = clusters.similarity(docs[i], docs[j])
    return m


def load(refresh: bool = False) -> dict:
    if CACHE.is_file() and not refresh:
        with CACHE.open("rb") as fh:
            return pickle.load(fh)
    gold, topic = read_gold(CORPUS / "same-story-dev" / "clusters.tsv")
    ecb_articles, _ = load_articles(CORPUS / "same-story-dev", sorted(gold))
    ecb = [clusters.doc_from_article(a, key=a.source.seed) for a in ecb_articles]
    wn_articles = load_wikinews(CORPUS / "wikinews")
    wn = [clusters.doc_from_article(a, key=a.source.seed) for a in wn_articles]
    titles = {a.source.seed: a.title for a in wn_articles}
    docs = ecb + wn
    t = time.perf_counter()
    sim = sim_matrix(docs)
    per_pair = (time.perf_counter() - t) / (len(docs) * (len(docs) - 1) / 2)
    data = {"gold": gold, "topic": topic, "ecb": ecb, "wn": wn, "titles": titles,
            "keys": [d.key for d in docs], "sim": sim, "per_pair": per_pair}
    with CACHE.open("wb") as fh:
        pickle.dump(data, fh)
    return data


# --------------------------------------------------------------------------- clustering

class Pool:
    """A set of docs (a subset of the cached matrix) with their dates, in (date, key) order:
    the batch steps see them in that order whatever the arrival order."""

    def __init__(self, data: dict, keys: Sequence[str], dates: dict[str, datetime]) -> None:
        pos = {k: i for i, k in enumerate(data["keys"])}
        self.keys = sorted(keys, key=lambda k: (dates[k], k))
        idx = [pos[k] for k in self.keys]
        self.sim = data["sim"][np.ix_(idx, idx)]
        self.days = np.array([(dates[k] - DEFAULT_DATE).total_seconds() / 86400
                              for k in self.keys])
        self.in_window = np.abs(self.days[:, None] - self.days[None, :]) <= WINDOW
        np.fill_diagonal(self.in_window, False)

    def raw(self) -> np.ndarray:
        return np.where(self.in_window, self.sim, 0.0)

    def snn(self, k: int, floor: float, closed: bool = True) -> np.ndarray:
        """closed: |N⁺(i) ∩ N⁺(j)| / (k + 1); open: |N(i) ∩ N(j)| / k (module docstring)."""
        n = len(self.keys)
        rows, cols = (list(range(n)), list(range(n))) if closed else ([], [])
        s = np.where(self.in_window, self.sim, -1.0)
        for i in range(n):
            cand = np.flatnonzero(s[i] >= floor)
            # most similar first; ties by (date, key) order, i.e. index
            top = sorted(cand, key=lambda j: (-s[i, j], j))[:k]
            rows += [i] * len(top)
            cols += top
        b = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        shared = (b @ b.T).toarray()
        np.fill_diagonal(shared, 0.0)
        return shared / (k + 1) if closed else shared / k


def agglomerate(score: np.ndarray, days: np.ndarray, bar: float,
                init: Sequence[int] | None = None, window: float = WINDOW) -> list[int]:
    """Average-linkage agglomeration over ``score`` (items in a fixed order), from ``init``
    (a cluster label per item; default singletons), merging the best pair of clusters while
    its average pairwise score is ≥ ``bar`` and the union spans ≤ ``window`` days. Returns a
    cluster label per item (the smallest item index of the cluster)."""
    n = len(days)
    labels = list(range(n)) if init is None else list(init)
    # components over pairs ≥ bar joined with the initial clusters: independent problems
    ii, jj = np.nonzero(score >= bar)
    first: dict[int, int] = {}
    for i, lab in enumerate(labels):
        first.setdefault(lab, i)
    li = [i for i in range(n)] + [first[lab] for lab in labels]
    lj = [i for i in range(n)] + list(range(n))
    g = sparse.coo_matrix((np.ones(len(ii) + len(li)),
                           (np.concatenate([ii, li]), np.concatenate([jj, lj]))), shape=(n, n))
    _, comp = connected_components(g, directed=False)
    out = [0] * n
    groups: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(comp):
        groups[c].append(i)
    for items in groups.values():
        # clusters of this component, in order of their first item
        cl: dict[int, list[int]] = {}
        for i in items:
            cl.setdefault(labels[i], []).append(i)
        members = list(cl.values())
        m = len(members)
        if m > 1:
            size = np.array([len(x) for x in members], dtype=float)
            lo = np.array([days[x].min() for x in members])
            hi = np.array([days[x].max() for x in members])
            at = {i: p for p, i in enumerate(items)}
            ind = np.zeros((m, len(items)))
            for c, x in enumerate(members):
                ind[c, [at[i] for i in x]] = 1.0
            sub = score[np.ix_(items, items)]
            avg = ind @ sub @ ind.T / np.outer(size, size)
            avg[np.maximum(hi[:, None], hi[None, :]) - np.minimum(lo[:, None], lo[None, :])
                > window] = -np.inf
            np.fill_diagonal(avg, -np.inf)
            alive = np.ones(m, dtype=bool)
            while True:
                flat = int(np.argmax(avg))
                a, b = divmod(flat, m)
                if avg[a, b] < bar:
                    break
                a, b = min(a, b), max(a, b)
                # Lance-Williams update for average linkage
                row = (size[a] * avg[a] + size[b] * avg[b]) / (size[a] + size[b])
                size[a] += size[b]
                lo[a], hi[a] = min(lo[a], lo[b]), max(hi[a], hi[b])
                members[a] += members[b]
                alive[b] = False
                row[~alive] = -np.inf
                row[np.maximum(hi[a], hi) - np.minimum(lo[a], lo) > window] = -np.inf
                row[a] = -np.inf
                avg[a], avg[:, a] = row, row
                avg[b], avg[:, b] = -np.inf, -np.inf
            members = [x for x, ok in zip(members, alive, strict=True) if ok]
        for x in members:
            for i in x:
                out[i] = min(x)
    return out


def incremental(docs: Sequence[clusters.StoryDoc]) -> dict[str, str]:
    """Today's rule, in the given (arrival) order."""
    return clusters.cluster(docs)


def hybrid(pool: Pool, score: np.ndarray, bar: float, arrival: Sequence[str],
           inc: dict[str, str]) -> dict[str, str]:
    """Merge the incremental stories ``inc`` by average linkage over ``score``; the merged
    story's id is its oldest member's original story id (date, then arrival)."""
    rank = {k: r for r, k in enumerate(arrival)}
    at = {k: i for i, k in enumerate(pool.keys)}
    ids = sorted(set(inc[k] for k in pool.keys))
    lab = {s: i for i, s in enumerate(ids)}
    out = agglomerate(score, pool.days, bar, [lab[inc[k]] for k in pool.keys])
    groups: dict[int, list[str]] = defaultdict(list)
    for k, c in zip(pool.keys, out, strict=True):
        groups[c].append(k)
    result = {}
    for ks in groups.values():
        oldest = min(ks, key=lambda k: (pool.days[at[k]], rank[k]))
        for k in ks:
            result[k] = inc[oldest]
    return result


def batch(pool: Pool, score: np.ndarray, bar: float) -> dict[str, str]:
    out = agglomerate(score, pool.days, bar)
    return {k: clusters.new_story_id(pool.keys[c]) for k, c in zip(pool.keys, out, strict=True)}


# --------------------------------------------------------------------------- evaluation

def orders(keys: Sequence[str], n: int) -> list[list[str]]:
    """File order, then ``n`` shuffles with random.Random(seed), seeds 1..n."""
    out = [list(keys)]
    for seed in range(1, n + 1):
        o = list(keys)
        random.Random(seed).shuffle(o)
        out.append(o)
    return out


def summary(scores: Sequence[tuple[float, float, float]]) -> str:
    if len(scores) == 1:
        p, r, f = scores[0]
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"
    p = [s[0] for s in scores]
    return (f"P {statistics.fmean(p):.3f} (worst {min(p):.3f}, {sum(x >= 0.92 for x in p)}"
            f"/{len(p)}) R {statistics.fmean(s[1] for s in scores):.3f} "
            f"F1 {statistics.fmean(s[2] for s in scores):.3f}")


class Half:
    """One ECB+ part (odd, even or whole), all on one date, with cached incremental runs."""

    def __init__(self, data: dict, docs: Sequence[clusters.StoryDoc], n_orders: int) -> None:
        self.docs = list(docs)
        self.gold = {d.key: data["gold"][d.key] for d in docs}
        self.pool = Pool(data, [d.key for d in docs], {d.key: d.date for d in docs})
        by_key = {d.key: d for d in docs}
        self.arrivals = orders([d.key for d in docs], n_orders)
        self.inc = [incremental([by_key[k] for k in o]) for o in self.arrivals]
        self._snn: dict[tuple[int, float], np.ndarray] = {}

    def score(self, v: tuple) -> np.ndarray:
        key = v[0].removeprefix("hyb-"), *v[1:3]
        if key not in self._snn:
            self._snn[key] = score_of(v, self.pool)
        return self._snn[key]

    def run(self, v: tuple) -> str:
        if v[0] == "inc":
            return summary([pairwise(self.gold, p) for p in self.inc])
        if v[0] in ("avg", "snn", "snno"):
            return summary([pairwise(self.gold, batch(self.pool, self.score(v), v[-1]))])
        s = self.score(v)
        return summary([pairwise(self.gold, hybrid(self.pool, s, v[-1], o, inc))
                        for o, inc in zip(self.arrivals, self.inc, strict=True)])


def label(v: tuple) -> str:
    return {"inc": lambda: "incremental 0.45 (today)",
            "avg": lambda: f"batch avg sim {v[1]:.2f}",
            "snn": lambda: f"batch SNN k={v[1]} floor {v[2]:.2f} bar {v[3]:.2f}",
            "hyb-snn": lambda: f"hybrid SNN k={v[1]} floor {v[2]:.2f} bar {v[3]:.2f}",
            "snno": lambda: f"batch open-SNN k={v[1]} floor {v[2]:.2f} bar {v[3]:.2f}",
            "hyb-snno": lambda: f"hybrid open-SNN k={v[1]} floor {v[2]:.2f} bar {v[3]:.2f}",
            "hyb-sim": lambda: f"hybrid avg sim {v[1]:.2f}"}[v[0]]()


def score_of(v: tuple, pool: Pool) -> np.ndarray:
    if v[0] in ("snn", "hyb-snn"):
        return pool.snn(v[1], v[2])
    if v[0] in ("snno", "hyb-snno"):
        return pool.snn(v[1], v[2], closed=False)
    return pool.raw()


GRID_K, GRID_FLOOR, GRID_BAR = (3, 5, 8), (0.10, 0.20, 0.30), (0.20, 0.30, 0.40, 0.50)


OPEN_BAR = (0.10, 0.15, 0.20, 0.30)


def explore(data: dict, n_orders: int, open_snn: bool = False) -> None:
    """The parameter grid, on the ODD half only."""
    odd = dict(split_halves(data["topic"], data["ecb"]))["odd topics"]
    h = Half(data, odd, n_orders)
    variants: list[tuple] = [("inc",)]
    variants += [("avg", b) for b in (0.25, 0.30, 0.35, 0.40, 0.45)]
    variants += [("snn", k, f, b) for k in GRID_K for f in GRID_FLOOR for b in GRID_BAR]
    variants += [("hyb-sim", b) for b in (0.25, 0.30, 0.35, 0.40)]
    variants += [("hyb-snn", k, f, b) for k in GRID_K for f in GRID_FLOOR for b in GRID_BAR]
    if open_snn:
        variants = [("inc",)]
        variants += [("snno", k, f, b) for k in GRID_K for f in GRID_FLOOR for b in OPEN_BAR]
        variants += [("hyb-snno", k, f, b) for k in GRID_K for f in GRID_FLOOR
                     for b in OPEN_BAR]
    print(f"odd half only ({len(odd)} docs); hybrids and incremental over "
          f"{n_orders + 1} orders: P mean (worst, orders >= 0.92) R mean F1 mean")
    for v in variants:
        print(f"{label(v):44s} {h.run(v)}", flush=True)


def partition(pred: dict[str, str], keys: Sequence[str]) -> dict[str, frozenset[str]]:
    """Each key → the set of ``keys`` in its cluster."""
    groups: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        groups[pred[k]].add(k)
    return {k: frozenset(groups[pred[k]]) for k in keys}


def predict(v: tuple, pool: Pool, arrival: Sequence[str], by_key: dict) -> dict[str, str]:
    """One run of variant ``v`` over ``pool``, docs arriving in ``arrival`` order."""
    if v[0] == "inc":
        return incremental([by_key[k] for k in arrival])
    score = score_of(v, pool)
    if v[0] in ("avg", "snn", "snno"):
        return batch(pool, score, v[-1])
    return hybrid(pool, score, v[-1], arrival, incremental([by_key[k] for k in arrival]))


def stability(data: dict, variants: Sequence[tuple]) -> None:
    """Each ECB+ half alone, then with the 295 Wikinews articles on the same date (one
    window), arriving after the half (file order): ECB+ docs whose ECB+ co-members change,
    ECB+ docs whose story id changes, Wikinews docs put with an ECB+ doc."""
    wn = [replace(d, date=DEFAULT_DATE) for d in data["wn"]]
    print("\nstability: + 295 Wikinews articles (same date), arriving after the half")
    for name, part in split_halves(data["topic"], data["ecb"]):
        ecb_keys = [d.key for d in part]
        by_key = {d.key: d for d in part + wn}
        alone = Pool(data, ecb_keys, {k: DEFAULT_DATE for k in ecb_keys})
        both_keys = ecb_keys + [d.key for d in wn]
        both = Pool(data, both_keys, {k: DEFAULT_DATE for k in both_keys})
        for v in variants:
            a = predict(v, alone, ecb_keys, by_key)
            b = predict(v, both, both_keys, by_key)
            pa, pb = partition(a, ecb_keys), partition(b, ecb_keys)
            moved = sum(pa[k] != pb[k] for k in ecb_keys)
            ids = sum(a[k] != b[k] for k in ecb_keys) if v[0] == "inc" or \
                v[0].startswith("hyb") else "-"
            ecb_stories = {b[k] for k in ecb_keys}
            joined = [d.key for d in wn if b[d.key] in ecb_stories]
            print(f"  {name:12s} {label(v):44s} ECB+ docs moved {moved}, ids changed {ids}, "
                  f"Wikinews docs with ECB+ docs {len(joined)}"
                  + (f": {[data['titles'][k][:50] for k in joined]}" if joined else ""))


def churn(data: dict, variants: Sequence[tuple]) -> None:
    """Rebuild after every arrival (file order for ECB+ halves, date order for Wikinews):
    how often an existing post's story id changes, and how many pairs once together are
    later apart (a batch step can undo a merge as evidence moves)."""
    print("\nchurn: rebuild after every arrival; id changes of existing posts / "
          "posts ever changing id / pairs split after being together")
    wn = sorted(data["wn"], key=lambda d: (d.date, d.key))
    sets = [*split_halves(data["topic"], data["ecb"]), ("Wikinews", wn)]
    for name, docs in sets:
        keys = [d.key for d in docs]
        dates = {d.key: d.date for d in docs}
        for v in variants:
            inc = incremental(docs)
            prev: dict[str, str] = {}
            changes, changed, splits = 0, set(), 0
            for n in range(1, len(keys) + 1):
                pre = keys[:n]
                if v[0] == "inc":
                    cur = {k: inc[k] for k in pre}
                else:
                    pool = Pool(data, pre, dates)
                    score = score_of(v, pool)
                    cur = batch(pool, score, v[-1]) if v[0] in ("avg", "snn", "snno") \
                        else hybrid(pool, score, v[-1], pre, inc)
                moved = [k for k in prev if cur[k] != prev[k]]
                changes += len(moved)
                changed.update(moved)
                old = keys[:n - 1]
                splits += sum(1 for i, a in enumerate(old) for b in old[i + 1:]
                              if prev[a] == prev[b] and cur[a] != cur[b])
                prev = cur
            print(f"  {name:12s} {label(v):44s} {changes} / {len(changed)} / {splits}",
                  flush=True)


def sticky(data: dict, variants: Sequence[tuple], n_orders: int) -> None:
    """A hybrid whose merges are kept: rebuild after every arrival, starting from the last
    build's stories (plus the new post in its incremental story) instead of from the
    incremental stories alone, so no merge is ever undone (ids still: oldest member's)."""
    print(f"\nsticky hybrid (merges kept; rebuild after every arrival), {n_orders + 1} orders")
    for name, docs in split_halves(data["topic"], data["ecb"]):
        gold = {d.key: data["gold"][d.key] for d in docs}
        by_key = {d.key: d for d in docs}
        for v in variants:
            scores = []
            for arrival in orders([d.key for d in docs], n_orders):
                inc = incremental([by_key[k] for k in arrival])
                state: dict[str, str] = {}
                for n in range(1, len(arrival) + 1):
                    pre = arrival[:n]
                    pool = Pool(data, pre, {k: by_key[k].date for k in pre})
                    # incremental story -> its current (merged) story
                    where = {inc[k]: state[k] for k in arrival[:n - 1]}
                    init = dict(state)
                    init[pre[-1]] = where.get(inc[pre[-1]], inc[pre[-1]])
                    state = hybrid(pool, score_of(v, pool), v[-1], pre, init)
                scores.append(pairwise(gold, state))
            print(f"  {name:12s} sticky {label(v):44s} {summary(scores)}", flush=True)


def wikinews(data: dict, variants: Sequence[tuple]) -> None:
    """Wikinews alone, dated from index.tsv, arriving in date order: multi-article stories."""
    docs = sorted(data["wn"], key=lambda d: (d.date, d.key))
    keys = [d.key for d in docs]
    by_key = {d.key: d for d in docs}
    pool = Pool(data, keys, {d.key: d.date for d in docs})
    print("\nWikinews alone (295 articles, dated, 3-day window): multi-article stories")
    for v in variants:
        pred = predict(v, pool, keys, by_key)
        groups: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            groups[pred[k]].append(k)
        multi = [g for g in groups.values() if len(g) > 1]
        sizes = Counter(len(g) for g in multi)
        print(f"  {label(v)}: {len(multi)} stories ({dict(sorted(sizes.items()))} by size)")
        for g in multi:
            print("     | " + "  //  ".join(f"{by_key[k].date:%m-%d} {data['titles'][k][:60]}"
                                           for k in g))


def cost(data: dict, variants: Sequence[tuple], n: int = 5000, days: int = 730) -> None:
    """Batch step on the real docs, then on ``n`` synthetic posts (docs drawn with
    replacement) spread over ``days`` days: similarities of in-window pairs + SNN + merge."""
    print("\ncost")
    print(f"  similarity: {data['per_pair'] * 1e6:.1f} us per pair (measured on the cache build)")
    keys = data["keys"]
    pool = Pool(data, keys, {k: DEFAULT_DATE for k in keys})
    by_key = {d.key: d for d in data["ecb"] + data["wn"]}
    for v in variants:
        t = time.perf_counter()
        predict(v, pool, keys, by_key)
        print(f"  {label(v)} on {len(keys)} docs in one window (similarities cached): "
              f"{time.perf_counter() - t:.2f} s")
    rng = random.Random(0)
    base = data["ecb"] + data["wn"]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    synth = [replace(rng.choice(base), key=f"s{i:05d}",
                     date=start + timedelta(seconds=rng.uniform(0, days * 86400)))
             for i in range(n)]
    synth.sort(key=lambda d: (d.date, d.key))
    t = time.perf_counter()
    day = np.array([(d.date - start).total_seconds() / 86400 for d in synth])
    sim = np.zeros((n, n), dtype=np.float32)
    pairs = 0
    for i in range(n):
        j = i + 1
        while j < n and day[j] - day[i] <= WINDOW:
            sim[i, j] = sim[j, i] = clusters.similarity(synth[i], synth[j])
            j += 1
            pairs += 1
    t_sim = time.perf_counter() - t
    fake = {"keys": [d.key for d in synth], "sim": sim}
    t = time.perf_counter()
    spool = Pool(fake, fake["keys"], {d.key: d.date for d in synth})
    t_pool = time.perf_counter() - t
    print(f"  {n} synthetic posts over {days} days: {pairs} in-window pairs, similarities "
          f"{t_sim:.1f} s, window mask {t_pool:.1f} s (dense n x n here; a site would "
          "keep it sparse)")
    sby = {d.key: d for d in synth}
    for v in variants:
        t = time.perf_counter()
        predict(v, spool, fake["keys"], sby)
        print(f"  {label(v)}: {time.perf_counter() - t:.1f} s (incremental part included "
              "for hybrids)")


CHOSEN: list[tuple] = [
    ("inc",),
    ("avg", 0.40), ("hyb-sim", 0.40),            # the raw similarity's best precise bar (odd)
    ("snn", 5, 0.30, 0.20), ("snn", 5, 0.30, 0.30),
    ("hyb-snn", 5, 0.30, 0.30),                  # the candidate: all 11 odd orders >= 0.95
    ("hyb-snn", 5, 0.10, 0.30),                  # best odd F1 with all orders >= 0.92
    ("hyb-snn", 3, 0.30, 0.30), ("hyb-snn", 8, 0.30, 0.40),  # k sensitivity
    # second round, added after the run above had shown (Wikinews) that an isolated pair
    # scores 2 / (k + 1) with closed lists; chosen with --explore --open (odd half only)
    ("snno", 5, 0.30, 0.30), ("hyb-snno", 5, 0.30, 0.30),
]
"""Fixed after ``--explore`` (odd half only), before the even half was run (the open-list
rows in a second round, after the first confirmation: see the report)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explore", action="store_true", help="grid on the odd half only")
    parser.add_argument("--open", action="store_true",
                        help="with --explore: the open-list SNN grid (second round)")
    parser.add_argument("--orders", type=int, default=10, help="shuffled orders (+ file order)")
    parser.add_argument("--refresh", action="store_true", help="rebuild the cache")
    parser.add_argument("--sticky", action="store_true",
                        help="only the sticky-hybrid measurement (k = 5 hybrids)")
    parser.add_argument("--no-cost", dest="cost", action="store_false")
    args = parser.parse_args(argv)
    if not (CORPUS / "same-story-dev" / "clusters.tsv").is_file():
        print("skipped: corpus not found")
        return 0
    data = load(args.refresh)
    if args.explore:
        explore(data, args.orders, args.open)
        return 0
    if args.sticky:
        sticky(data, [("hyb-snn", 5, 0.30, 0.30), ("hyb-snno", 5, 0.30, 0.30)], args.orders)
        return 0
    parts = [*split_halves(data["topic"], data["ecb"]), ("whole set", data["ecb"])]
    print(f"ECB+: incremental and hybrids over {args.orders + 1} orders: "
          "P mean (worst, orders >= 0.92) R mean F1 mean; batch: one deterministic run")
    for name, part in parts:
        h = Half(data, part, args.orders)
        for v in CHOSEN:
            print(f"  {name:12s} {label(v):44s} {h.run(v)}", flush=True)
    stability(data, CHOSEN)
    wikinews(data, CHOSEN)
    churn(data, [v for v in CHOSEN if v[0] in ("inc", "snno", "hyb-snno", "hyb-snn", "snn")
                 and (len(v) < 3 or v[1] == 5)])
    if args.cost:
        cost(data, CHOSEN)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
