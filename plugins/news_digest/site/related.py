"""Related stories: shared entities weighted by rarity (idf), then recency.

An inverted index (entity → articles) gives each article its candidates without
comparing every pair, so 10k posts stay cheap. Entities in more than ``max_df``
articles ("United States") are left out of candidate generation: their idf is near
zero anyway, and their postings lists are what would make the work quadratic.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Hashable, Sequence
from datetime import datetime

MAX_DF = 500
"""Entities in more articles than this do not make articles related."""


def related_indices(
    entities_of: Sequence[Sequence[Hashable]],
    dates: Sequence[datetime],
    count: int,
    max_df: int = MAX_DF,
) -> list[list[int]]:
    """For each article, the indices of up to ``count`` related articles, best first.

    Score = Σ idf(e) over shared entities, idf(e) = ln(1 + N / df(e)); ties go to the
    newer article, then to the lower index (the input order, newest first), so the
    result is deterministic.
    """
    n = len(entities_of)
    # entities as ints, hashed once each: the loops below touch them ~1M times at 5k
    ids: dict[Hashable, int] = {}
    sets = [{ids.setdefault(e, len(ids)) for e in ents} for ents in entities_of]
    postings: list[list[int]] = [[] for _ in ids]
    for i, ents in enumerate(sets):
        for e in ents:
            postings[e].append(i)
    # Weights in fixed point (1e-9): integer sums do not depend on the order entities
    # are visited in, so ties break the same way in every process.
    idf = [round(math.log(1 + n / len(p)) * 1e9) for p in postings]
    stamps = [-d.timestamp() for d in dates]
    result: list[list[int]] = []
    for i, ents in enumerate(sets):
        scores: dict[int, int] = defaultdict(int)
        for e in ents:
            plist = postings[e]
            if len(plist) > max_df:
                continue
            w = idf[e]
            for j in plist:
                scores[j] += w
        scores.pop(i, None)
        best = heapq.nsmallest(count, ((-s, stamps[j], j) for j, s in scores.items()))
        result.append([j for _, _, j in best])
    return result
