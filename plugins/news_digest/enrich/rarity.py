"""How unusual a word or a name is in general English: a background idf.

Story clustering (:mod:`clusters`, :mod:`specifics`) weights every term by this rarity,
taken from ``wordfreq``'s tables of billions of words rather than from the site, so a
pair of articles always gets the same score, whatever else the site holds and in
whatever order the articles arrived.
"""

from __future__ import annotations

import math
from functools import lru_cache

COMMON_RARITY = 5.0
"""A word at most this rare in general English (``wordfreq`` zipf ≥ 4: "national",
"security", "democratic") is a common word (:mod:`cues`, :func:`filters.tidy`)."""

MAX_RARITY = 9.0
"""``9 - zipf`` for a word wordfreq has never seen (zipf 0): a name, a typo, a code."""


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def common(word: str) -> bool:
    """``word`` is a common English word (:data:`COMMON_RARITY`)."""
    return rarity(word) <= COMMON_RARITY


@lru_cache(maxsize=200_000)
def rarity(text: str) -> float:
    """How unusual ``text`` (a word or a name) is in general English: ``9 - zipf``.

    Zipf is log10 of occurrences per billion words, so ``9 - zipf`` is log10 of the
    inverse frequency: an idf from a background corpus of billions of words. A name of
    several words is as rare as wordfreq would make the phrase (1/f = Σ 1/fᵢ); a word
    it has never seen gets :data:`MAX_RARITY`. (Looked up in wordfreq's table directly:
    its own ``zipf_frequency`` re-tokenises every word, which costs more than the rest
    of clustering.)
    """
    table = _frequencies()
    inverse = 0.0
    for word in text.lower().split():
        freq = table.get(word.strip(".,'’"), 0.0)
        if not freq:
            return MAX_RARITY
        inverse += 1.0 / freq
    if not inverse:
        return MAX_RARITY
    zipf = math.log10(1e9 / inverse)
    return max(0.0, MAX_RARITY - max(zipf, 0.0))
