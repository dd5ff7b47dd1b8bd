"""Near-duplicate seeds: the same article scraped more than once is one post with versions.

An outlet that updates a story (a new headline, a corrected paragraph) is scraped again
and again; a wire story runs in several outlets. Those copies share nearly all of their
text, and two things go wrong if each is treated as its own article: the site shows the
same text several times, and the per-folder boilerplate learner (lines repeated across a
folder are site chrome) takes the repeated body for chrome and strips it from every copy.

Similarity is the Jaccard index of word :data:`SHINGLE`-grams ("shingles"). Up to
:data:`EXACT_MAX` texts (a folder's boilerplate sample, an hourly ingest's new seeds) it is
computed exactly for every pair; above that it is estimated with MinHash and found with
locality-sensitive hashing (``datasketch``), so grouping *n* texts costs about *n*
signatures and a few candidate checks instead of *n²* set comparisons.
One parameter decides: two texts are copies when their Jaccard is at least the
``NEWS_DIGEST_DUPLICATE_SIMILARITY`` percentage (default 80: a re-scrape or a corrected
copy shares nearly every shingle, an update that adds a paragraph in five still passes;
two different stories on one topic share far less, since shingles are five words in a
row, not vocabulary, and one changed word breaks five of them). The bar is high on
purpose: a missed copy is one card too many, a wrong merge hides an article.

Before any signature is made, texts are *blocked* on whole lines: in a set of more than
:data:`SIGN_ALL` texts, only those sharing a line of five words or more with another text
(and not with more than half of them, which is chrome) can be copies, and only those are
signed. Copies of one article share its paragraphs verbatim; articles that do not are
never compared, which keeps ingest of a thousand seeds from hashing every shingle of
every one. The cost: two copies with no identical line (re-wrapped at another width)
are not found.

Grouping is transitive (union-find) and deterministic: the same texts in the same order
give the same groups, each listed by its first member.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial

from news_digest.ingest.clean_lines import normalise
from news_digest.sets import find_root, join_sets
from news_digest.settings import Settings

SHINGLE = 5
"""Words per shingle: long enough that shared vocabulary alone does not look like a copy."""
NUM_PERM = 128
"""MinHash permutations: the Jaccard estimate's standard error is about 1/sqrt(128) ≈ 0.09
at worst (J = 0.5) and smaller near 1, where copies sit."""
DEFAULT_SIMILARITY = Settings.duplicate_similarity / 100
"""The setting's default (:data:`Settings.duplicate_similarity`), for callers without settings."""
SIGN_ALL = 20
"""Up to this many texts, every one is signed (cheap); above it, only blocked ones."""
BLOCK_WORDS = 5
"""A line must have this many words to block on (not "Share", not a date)."""
EXACT_MAX = 200
"""Up to this many texts to compare, every pair's Jaccard is computed exactly (at most
~20,000 set comparisons, most ruled out by size alone: well under a second), instead of
estimated with MinHash: importing datasketch pulls in SciPy, ~1.4 s, which an hourly
ingest paid whenever it learned a folder's boilerplate (a sample of at most
:data:`~news_digest.ingest.plan.JUNK_SAMPLE` = 200 seeds). More texts than this go
through MinHash and LSH, whose cost grows with *n*, not *n²*."""

_WORD = re.compile(r"\w+")


def _hash(data: bytes) -> int:
    """A 32-bit hash that is the same in every process (Python's ``hash`` is salted)."""
    return struct.unpack("<I", hashlib.sha1(data, usedforsecurity=False).digest()[:4])[0]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word ``size``-grams of ``text`` (the whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def groups(texts: Sequence[str], similarity: float = DEFAULT_SIMILARITY,
           shingled: dict[int, set[bytes]] | None = None) -> list[list[int]]:
    """Indexes of ``texts`` grouped into near-duplicates, every text in exactly one group.

    Groups are ordered by their first index and list their members in order; a text
    with no words is a group of its own (nothing to compare). ``shingled``, if given,
    holds shingles a caller made already (index → set, of that very text), used instead
    of making them again; up to :data:`EXACT_MAX` texts, where every one compared is
    shingled and held anyway, it also receives those made here, so a caller that
    compares the same texts again need not shingle them twice (above it they are not
    kept: a thousand texts' shingles are tens of megabytes).
    """
    parent = list(range(len(texts)))

    find = partial(find_root, parent)
    join = partial(join_sets, parent)

    candidates = _blocked(texts)
    if 1 < len(candidates) <= EXACT_MAX:
        grams = {i: _shingled(texts, i, shingled) for i in candidates}
        signed = [i for i in candidates if grams[i]]
        for x, i in enumerate(signed):
            for j in signed[:x]:
                if jaccard_at_least(grams[i], grams[j], similarity):
                    join(i, j)
    elif len(candidates) > EXACT_MAX:
        # datasketch pulls in scipy (about 1.4 s to import): only for large sets
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=similarity, num_perm=NUM_PERM, params=_bands(similarity))
        signatures: dict[int, MinHash] = {}
        for i in candidates:
            grams = shingled[i] if shingled and i in shingled else shingles(texts[i])
            if not grams:
                continue
            sig = MinHash(num_perm=NUM_PERM, hashfunc=_hash)
            sig.update_batch(sorted(grams))
            for j in sorted(lsh.query(sig)):
                # LSH gives candidates; keep those whose estimated Jaccard really passes.
                if signatures[j].jaccard(sig) >= similarity:
                    join(i, j)
            lsh.insert(i, sig)
            signatures[i] = sig
    out: dict[int, list[int]] = {}
    for i in range(len(texts)):
        out.setdefault(find(i), []).append(i)
    return [out[root] for root in sorted(out)]


def _shingled(texts: Sequence[str], i: int, known: dict[int, set[bytes]] | None
              ) -> set[bytes]:
    """``texts[i]``'s shingles, from ``known`` if there, else made (and kept there)."""
    if known is None:
        return shingles(texts[i])
    if i not in known:
        known[i] = shingles(texts[i])
    return known[i]


def jaccard_at_least(a: set[bytes], b: set[bytes], similarity: float) -> bool:
    """``|a ∩ b| / |a ∪ b| >= similarity``, exactly; sets whose sizes alone rule it out
    (the smaller under ``similarity`` × the larger) are not intersected."""
    small, large = sorted((len(a), len(b)))
    if small < similarity * large:
        return False
    common = len(a & b)
    return common >= similarity * (len(a) + len(b) - common)


@lru_cache(maxsize=8)
def _bands(similarity: float) -> tuple[int, int]:
    """LSH bands and rows for ``similarity``, as datasketch chooses them. It finds them
    by numerical integration (≈ 0.2 s) on every ``MinHashLSH``, and ingest makes one per
    folder and one for the versions: chosen once per process, the same choice."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=similarity, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _blocked(texts: Sequence[str]) -> list[int]:
    """Indexes of the texts worth signing (see the module docstring), in order."""
    if len(texts) <= SIGN_ALL:
        return list(range(len(texts)))
    per_text = [{" ".join(words) for line in t.split("\n")
                 if len(words := line.split()) >= BLOCK_WORDS} for t in texts]
    df: Counter[str] = Counter()
    for lines in per_text:
        df.update(lines)
    limit = len(texts) // 2
    return [i for i, lines in enumerate(per_text) if any(2 <= df[x] <= limit for x in lines)]


def _lines(text: str) -> set[str]:
    return {normalise(line) for line in text.split("\n")} - {""}


def _without(text: str, junk: frozenset[str]) -> str:
    """``text`` less the folder's learned boilerplate, lines compared as the learner
    normalised them (``clean_lines.normalise``)."""
    return "\n".join(line for line in text.split("\n") if normalise(line) not in junk)


def learn_junk_once_per_article(texts: Sequence[str],
                                learn: Callable[[Iterable[str]], frozenset[str]],
                                similarity: float = DEFAULT_SIMILARITY) -> frozenset[str]:
    """A folder's boilerplate, counting each near-duplicate group as one page.

    ``learn`` is the line-repeat learner (lines in ≥ 3 texts are chrome). Given three
    copies of one article it would take the article's body for chrome; given one text per
    group of copies (the union of the copies' lines) it cannot. Groups are found twice:
    first on the whole texts, then again with the chrome found the first time taken out,
    so that two different short articles that only looked alike because of a large
    shared menu are not treated as one page. A text the chrome found first leaves
    untouched is the same text the second time: its shingles are not made again.
    """
    shingled: dict[int, set[bytes]] = {}
    first = learn(_merged(texts, groups(texts, similarity, shingled)))
    stripped = [_without(t, first) for t in texts]
    same = {i: g for i, g in shingled.items() if stripped[i] == texts[i]}
    return learn(_merged(texts, groups(stripped, similarity, same)))


def _merged(texts: Sequence[str], grouped: list[list[int]]) -> list[str]:
    return ["\n".join(sorted(set().union(*(_lines(texts[i]) for i in g)))) for g in grouped]


def without_headline(text: str) -> str:
    """A seed's text without its first line: the headline, which is what an outlet
    changes when it updates a story."""
    return text.lstrip().partition("\n")[2]


def body_text(text: str, junk: frozenset[str]) -> str:
    """What copies are compared on: a seed's text without its headline
    (:func:`without_headline`) and its folder's chrome."""
    return _without(without_headline(text), junk)
