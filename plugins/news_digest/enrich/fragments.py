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

import re
from collections.abc import Callable, Container, Mapping, Sequence
from functools import lru_cache

from news_digest.enrich import filters, ner

__all__ = ["forms_two_names", "fragments_only", "not_a_person", "same_without_prefix"]


@lru_cache(maxsize=1 << 16)
def _padded(name: str) -> str:
    """``name``'s spelling key, its words single-spaced, with a space at each end."""
    return f" {' '.join(filters.spelling_key(name).split())} "


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
    exempted: dict[str, bool] = {}  # asked once per name, not once per mention
    for pairs, names in zip(articles, written, strict=True):
        judged = []
        for pair in pairs:
            # a pair seen standing alone once is decided: the answer is inside − alone
            if pair[0] != "organization" or pair in alone:
                continue
            free = exempted.get(pair[1])
            if free is None:
                free = exempted[pair[1]] = exempt(pair[1])
            if not free:
                judged.append(pair)
        if not judged:
            continue
        # a piece is a strictly shorter run of a longer key's words: with the words
        # single-spaced, " piece " inside " key ", key ≠ piece
        keys = {_padded(n) for n in (*names, *(n for _, n in pairs))}
        for pair in judged:
            piece = _padded(pair[1])
            if piece.strip() and any(piece in key and key != piece for key in keys):
                inside.add(pair)
            else:
                alone.add(pair)
    return inside - alone


@lru_cache(maxsize=1)
def _titles_plural() -> frozenset[str]:
    """The one-word titles of :data:`ner.TITLES` in the plural ("Lords", "Ministers",
    "Judges"): a name ending with one names a body of title holders (a court, a
    council), never one person, whose title stands before the name in the singular."""
    return frozenset(t + "s" for t in ner.TITLES if " " not in t and len(t) > 3
                     and not t.endswith(("s", "y", "h", "man")))


def not_a_person(names: Sequence[str], votes: Mapping[str, int]) -> str | None:
    """The type of a name the vote called a person but that ends like a place or an
    organisation ("Java Sea", "Massey Energy Company") or with a title in the plural
    ("Appeal Lords", :func:`_titles_plural`), or opens with initials ("UC
    Davis"), and that some article gave
    that other type: the best other vote; None when the name may be a person's (a
    surname can be "Post" or "Church": without a second opinion it stays a person)."""
    lasts = {n.split()[-1] for n in names if len(n.split()) >= 2}
    wanted = ({"place"} if lasts & ner.PLACE_SUFFIXES else set()) | (
        {"organization"} if lasts & (ner.ORG_SUFFIXES | _titles_plural()) else set())
    if any(re.fullmatch(r"[A-Z]{2,}", n.split()[0]) for n in names if len(n.split()) >= 2):
        # opens with a body's initials ("UC Davis", "BT Group"): a campus or a firm
        # more often than a person's initials, so a second opinion decides
        wanted |= {"place", "organization"}
    others = [(n, t) for t, n in votes.items() if t in wanted and n]
    return max(others)[1] if others else None


@lru_cache(maxsize=1)
def _countries_by_first_word() -> dict[str, tuple[str, ...]]:
    """Country keys by their first word, longest first: a key is compared with the few
    countries it could open with, not all of them (≈ 4,000 keys per build)."""
    by_word: dict[str, list[str]] = {}
    for country in sorted(filters.countries(), key=len, reverse=True):
        by_word.setdefault(country.split(" ", 1)[0], []).append(country)
    return {w: tuple(cs) for w, cs in by_word.items()}


def _country_prefix(key: str) -> str | None:
    """The rest of a spelling key that opens with a country ("united states libertarian
    party" → "libertarian party"), else None."""
    for country in _countries_by_first_word().get(key.split(" ", 1)[0], ()):
        if key.startswith(country + " "):
            return key[len(country) + 1:]
    return None


def same_without_prefix(clusters: Mapping[str, tuple[str, str, int]],
                        known: Mapping[str, object]) -> dict[str, str]:
    """Pairs of pages that are one entity: cluster → the cluster it joins.

    ``clusters`` maps a cluster to ``(type, name, stories)``. Two rules, each needing
    exactly one partner of the same type:

    - a country before a name ("US Libertarian Party", "United States Democratic
      Party") is the name when the corpus has it bare and the bare name is not a
      generic body ("Senate"); the one in more stories keeps the page (ties: the
      shorter name);
    - a person's two-word name that begins exactly one three-word person's name ("Wanda
      Vázquez" and "Wanda Vázquez Garced", a double surname) is that person; a longer
      "name" is more likely a thing named after the person ("James Webb Space
      Telescope").
    """
    by_key: dict[tuple[str, str], list[str]] = {}
    three_by_start: dict[str, list[str]] = {}  # a three-word person's first two words
    ordered = sorted(clusters.items())
    for root, (etype, name, _) in ordered:
        key = filters.spelling_key(name)
        by_key.setdefault((etype, key), []).append(root)
        if etype == "person" and len(key.split()) == 3:
            three_by_start.setdefault(key.rsplit(" ", 1)[0], []).append(root)
    out: dict[str, str] = {}
    for root, (etype, name, stories) in ordered:
        if name in known:
            continue
        key = filters.spelling_key(name)
        if etype == "person":
            words = key.split()
            if len(words) != 2:
                continue
            longer = sorted(three_by_start.get(key, ()))
            if len(longer) == 1:
                out[root] = longer[0]
            continue
        rest = _country_prefix(key)
        bare = by_key.get((etype, rest), []) if rest else []
        if len(bare) != 1 or filters.generic(clusters[bare[0]][1]):
            continue
        other = bare[0]
        if clusters[other][1] in known or (clusters[other][2], -len(rest or "")) >= (
                stories, -len(key)):
            out[root] = other
        else:
            out[other] = root
    return out


def _shortforms_stem(word: str) -> str:
    """A word without case and without a plural "s" ("Dems" → "dem")."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 1 else word


def _clipped(short: Sequence[str], full: Sequence[str]) -> bool:
    """Every word of ``short`` cuts the same word of ``full`` short, plural aside
    ("Lib Dems" of "Liberal Democrats")."""
    return len(short) == len(full) and all(
        len(s := _shortforms_stem(a)) < len(f := _shortforms_stem(b)) and f.startswith(s)
        for a, b in zip(short, full, strict=True))


def clipped_forms(clusters: Mapping[str, tuple[str, str]],
                  known: Mapping[str, object]) -> dict[str, str]:
    """Cluster → the one body or place whose name it writes word by word cut short
    (``clusters``: root → (type, name)): "Lib Dems" is "Liberal Democrats".

    English clips a long name by cutting each of its words to its first letters and
    keeping the words' order ("Lib Dem", "Con Lab"); every word of the short form must
    be a proper beginning of the full one's word, in capitals as a name's words are,
    and the corpus must have just one such full name. Only a body or a place is the
    full form: people's names are shortened by one word only ("Ed" for "Edward"), and
    two people can share a surname and a first name's start. The model types a clipped
    party a person ("Lib Dem leader"); the full form's type wins."""
    by_initials: dict[tuple[str, ...], list[tuple[str, list[str]]]] = {}
    for root, (etype, name) in clusters.items():
        words = name.split()
        if etype != "person" and len(words) >= 2:
            by_initials.setdefault(tuple(w[:1].lower() for w in words), []).append(
                (root, words))
    out: dict[str, str] = {}
    for root, (_, name) in clusters.items():
        words = name.split()
        if name in known or len(words) < 2 or not all(
                w[:1].isupper() and not w.isupper() for w in words):
            continue
        full = {r for r, fw in by_initials.get(tuple(w[:1].lower() for w in words), [])
                if r != root and _clipped(words, fw)}
        if len(full) == 1:
            out[root] = full.pop()
    return out


_FORMS_AND = re.compile(r" and ")


def forms_two_names(name: str, keys: Container[str]) -> bool:
    """"<Name> and <Name>": two names, each of two words or more, joined by "and" (or
    "&") in one span, where the corpus writes each on its own (``keys``: the spelling
    keys of its names). "commissioned by the Zorbly Council and Channel 9" is a list of
    two bodies, not a body's name; a name that holds "and" has words of its own on one
    side of it at least ("Centers for Disease Control and Prevention": "Prevention" is
    no name of the corpus; "House Oversight and Reform Committee": "House Oversight"
    is none), and a state named with "and" ("Trinidad and Tobago", "Serbia and
    Montenegro") is one place (:func:`filters.country_of`, :func:`filters.forms_former_state`).

    Such a span is no page, and it is no longer form of its first part: the list's
    first name is not completed by it (:mod:`news_digest.enrich.resolve`)."""
    if filters.country_of(name) or filters.forms_former_state(name):
        return False
    key = filters.spelling_key(name)
    for match in _FORMS_AND.finditer(key):
        first, second = key[:match.start()], key[match.end():]
        if len(first.split()) >= 2 and len(second.split()) >= 2 and first in keys \
                and second in keys:
            return True
    return False
