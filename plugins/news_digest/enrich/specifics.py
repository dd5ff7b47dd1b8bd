"""The specifics of a news text: the names and numbers it writes, as written.

Two reports of one event name the same people, places and numbers (a magnitude, a death
toll, a score, an age, a year); a look-alike event of the same kind (another celebrity
entering rehab, another earthquake in the region) shares the topic words but names
other people and gives other numbers. The word vector of :mod:`clusters` cannot see
this well: it treats "Reid" like any rare word, drops numbers, and mixes them with the
topic words every report of the kind uses. The entity step's names are another view,
but they are canonical names only, and the NER misses or mistypes some.

So this module keeps, from the body, only the tokens English writes as specifics:

* a **capitalised word that does not open a sentence** (an English convention for proper
  names: "said Tara Reid", "in Mannheim"); a sentence's first word is capitalised
  whatever it is, so it is left out, and so is the headline, whose words are often all
  capitalised (title case);
* an **acronym** (two or more capitals: "WBO", "NCAA");
* a **number** (digits, with their decimal point: "6.1", "2008", "200"; "1,000" is
  "1000").

Each is weighted by count × rarity in general English (``wordfreq``, as the word vector
is), so "Reid" and "6.1" count more than "Monday" and "2". No parameter: the rules are
English orthography, not fitted to a corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from news_digest.enrich.keywords import STOPWORDS
from news_digest.enrich.rarity import MAX_RARITY, rarity

_ESCAPE = re.compile(r"\\(?=[^\w\s])")
"""A Markdown escape in a post's body (``1\\.``, ``\\*``): the post and the article it
was written from must give the same specifics."""
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
_CANDIDATE = re.compile(r"\b(?:\d+(?:[.,]\d+)*|[^\W\d_a-z][\w'’.-]*)")
"""A number, or a word that does not start with an ASCII lower-case letter (the regex
only narrows the search: the capital is checked in Python, which knows Unicode's)."""
_WORD = re.compile(r"[^\W_]")


@lru_cache(maxsize=50_000)
def number_rarity(number: str) -> float:
    """``9 - zipf`` of a number, from wordfreq's estimate for numbers (its table holds
    one entry per digit shape, so "2008" and "6.1" get a frequency; small numbers are
    common, long ones rare)."""
    from wordfreq import zipf_frequency

    return max(0.0, MAX_RARITY - zipf_frequency(number, "en"))


def specific_tokens(body: str) -> Counter[str]:
    """Lower-cased names (``reid``, ``wbo``) and numbers (``#6.1``) in ``body``, counted.

    Numbers are prefixed with ``#`` so that they never meet a word of the same spelling.
    """
    counts: Counter[str] = Counter()
    for sentence in _SENTENCE.split(_ESCAPE.sub("", body)):
        first = _WORD.search(sentence)
        if first is None:
            continue
        for match in _CANDIDATE.finditer(sentence):
            tok = match.group().rstrip(".'’-")
            if not tok:
                continue
            if tok[0].isdigit():
                counts["#" + tok.replace(",", "")] += 1
                continue
            if not tok[0].isupper() or (low := tok.lower()) in STOPWORDS:
                continue
            if match.start() != first.start() or (len(tok) > 1 and tok.isupper()):
                counts[low] += 1
    return counts


def specific_vector(body: str) -> dict[str, float]:
    """Specific → count × rarity (see the module docstring); not normalised."""
    out: dict[str, float] = {}
    for tok, n in specific_tokens(body).items():
        weight = number_rarity(tok[1:]) if tok[0] == "#" else rarity(tok)
        if weight > 0:
            out[tok] = n * weight
    return out
