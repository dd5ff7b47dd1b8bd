"""Related stories: shared entities weighted by rarity (idf), then recency.

An inverted index (entity → articles) gives each article its candidates without
comparing every pair, so 10k posts stay cheap. Entities in more than ``max_df``
articles ("United States") are left out of candidate generation: their idf is near
zero anyway, and their postings lists are what would make the work quadratic.
"""

from __future__ import annotations

import math
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
    import numpy as np  # only the build needs it, not every command

    n = len(entities_of)
    # entities as ints, hashed once each
    ids: dict[Hashable, int] = {}
    sets = [sorted({ids.setdefault(e, len(ids)) for e in ents}) for ents in entities_of]
    postings: list[list[int]] = [[] for _ in ids]
    for i, ents in enumerate(sets):
        for e in ents:
            postings[e].append(i)
    # Weights in fixed point (1e-9), summed as exact integers (float64 holds them
    # exactly below 2**53: ~1e10 per entity, a few dozen per article), so ties break
    # the same way in every process and on every machine.
    idf = [round(math.log(1 + n / len(p)) * 1e9) for p in postings]
    arrays = [np.asarray(p, dtype=np.int64) for p in postings]
    stamps = np.asarray([-d.timestamp() for d in dates], dtype=np.float64)
    result: list[list[int]] = []
    for i, ents in enumerate(sets):
        used = [e for e in ents if len(postings[e]) <= max_df]
        if not used:
            result.append([])
            continue
        # one sparse row of A·Aᵀ at a time: every article sharing an entity with i,
        # scored by the shared entities' weights
        scores = np.bincount(np.concatenate([arrays[e] for e in used]),
                             weights=np.repeat(np.asarray([idf[e] for e in used], np.float64),
                                               [len(postings[e]) for e in used]),
                             minlength=n)
        scores[i] = 0
        candidates = np.flatnonzero(scores)
        best = candidates[np.lexsort((candidates, stamps[candidates],
                                      -scores[candidates]))[:count]]
        result.append(best.tolist())
    return result
