"""Names that are only ever a piece of a longer name: no page of their own.

NER cuts long names into pieces: "Representatives" out of "House of
Representatives", "University" out of "Stanford University", "National Security"
out of "National Security Agency". Such a piece is a fragment in the article where it
appears beside the whole name, and a piece that is a fragment in *every* article that
names it has never been seen standing on its own: it gets no page (the build shows it
as plain text). A name seen alone even once ("Google" beside "Google News" in one
story, alone in another) keeps its page, so no real entity is lost to a longer name
that happens to contain it.

The rule needs no word list and no data: only the names of each article, which
resolution already has (:mod:`news_digest.enrich.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from news_digest.enrich import filters

__all__ = ["contains", "fragments_only"]


def contains(longer: Sequence[str], words: Sequence[str]) -> bool:
    """True when ``words`` is a strictly shorter run of consecutive words of ``longer``."""
    n = len(words)
    if not n or n >= len(longer):
        return False
    return any(list(longer[i:i + n]) == list(words) for i in range(len(longer) - n + 1))


def fragments_only(articles: Sequence[Sequence[tuple[str, str]]],
                   written: Sequence[Sequence[str]],
                   exempt: Callable[[str], bool]) -> set[tuple[str, str]]:
    """``(type, name)`` pairs that are a fragment of a longer name in every article.

    ``articles`` holds each article's resolved ``(type, name)`` pairs, ``written`` the
    names as the article wrote them (before merging); a piece is compared with both.
    Only organisations are judged: a bare surname is resolution's business, and a
    place opens many longer names without being a piece of them ("Mindanao" beside
    "Western Mindanao Command"). Names ``exempt`` vouches for (the registry's,
    countries, gazetteer places) are left alone too.
    """
    alone: set[tuple[str, str]] = set()
    inside: set[tuple[str, str]] = set()
    for pairs, names in zip(articles, written, strict=True):
        keys = {tuple(filters.spelling_key(n).split()) for n in (*names, *(n for _, n in pairs))}
        for etype, name in pairs:
            if etype != "organization" or exempt(name):
                continue
            words = filters.spelling_key(name).split()
            if any(contains(k, words) for k in keys):
                inside.add((etype, name))
            else:
                alone.add((etype, name))
    return inside - alone
