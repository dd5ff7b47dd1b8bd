"""Corpus-level entity resolution: one name and one type per real thing, site-wide.

Per-article canonicalisation (:mod:`news_digest.enrich.entities`) sees one article;
this stage sees every post's front matter at once and fixes what one article cannot:

1. *Tidy and filter* every name again (:mod:`news_digest.enrich.filters`), so posts
   written before a rule existed are covered without rewriting them; two surnames
   joined by a hyphen, each a full-named person's ("Biden-Harris", a ticket), become
   the two bare surnames that step 4 resolves.
2. *Merge variants* across articles: accents, case, British/American spelling and
   "(WHO)" brackets (:func:`filters.spelling_key`); a person's middle names ("Robert
   Gabriel Mugabe" = "Robert Mugabe"); an acronym and the one expansion the corpus
   has for it ("NOAA" = "National Oceanic and Atmospheric Administration").
3. *Vote the type* over the whole corpus, by stories: the registry's type and ISO
   country names are decisive, so "Twitter" is one type on every page; then the type
   a close cue in some post's text stated (the post's ``cued:``, :func:`_cued_type`).
4. *Resolve bare names*: a one-word person name ("Biden", "Jon") becomes the one full
   name it matches among the same article's people, else among the people of stories
   within ``window_days``; with none or two candidates it stays unresolved, and the
   build shows it as plain text (a bare surname never gets a page of its own).

Where it runs, and the three invariants: it runs at build time, over the front matter,
and writes nothing, so a curator-edited post is never rewritten and the same posts
always give the same site (every choice below is ordered, never by dict or set order).
A merged entity is named by its registry name, else by the spelling seen *first*
(earliest story date, then most stories, then alphabetically): stories arriving later
never rename an entity, so its URL does not move (the slugs' own seniority rule in
``site/taxonomy.py`` keeps the rest stable).

Pure functions over plain tuples: the site (``site/generator.py``) gets this function
handed in by the glue (``site/hooks.py``) and neither room imports the other.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from news_digest.enrich import bodies, cues, filters, fragments, gazetteer, ner, placenames
from news_digest.model import ENTITY_TYPES
from news_digest.sets import find_root

__all__ = ["PLACE_HEADS", "Known", "Resolved", "resolve_corpus", "warm"]


PERSON_SHARE = 3
"""A name shaped like a person's (:func:`cues.person_like`: two or three capitalised
name words, no suffix, not a gazetteer place) is a person when at least one in
``PERSON_SHARE`` of its articles labels it one. The small model rarely labels a
non-person PERSON, while its mistakes on a rare person's name scatter over ORG and
GPE ("Don Blankenship": place in 3 articles, person in 2; "Elijah Cummings":
organisation 2, person 1), so a plurality of wrong labels outvotes a steady right one.
Firms named after people ("Goldman Sachs") are labelled ORG in most articles and stay
organisations."""


@dataclass(frozen=True)
class Known:
    """A registry entry as resolution needs it: its canonical name and type."""

    name: str
    type: str


@dataclass(frozen=True)
class Resolved:
    """The corpus-level answer."""

    entities_of: tuple[tuple[tuple[str, str], ...], ...]
    """Per article, ``(type, canonical name)`` pairs in the article's order, no repeats."""
    pageless: frozenset[tuple[str, str]]
    """Entities that must not get a page whatever their count: unresolved bare person
    names and generic institutions ("Parliament")."""
    votes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Canonical name → type → articles that gave it that type: how sure the type is."""
    spellings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Canonical name → the other spellings merged into it."""
    evidenced: frozenset[str] = frozenset()
    """Canonical names whose type the registry, a gazetteer or a close cue in some
    article's text (a post's ``cued:``) decided, not the vote."""
    mapping: tuple[Mapping[tuple[str, str], tuple[str, str]], ...] = ()
    """Per article, each input ``(type, name)`` that survived → its resolved pair (for
    benchmarks and the review queue; a filtered name is absent)."""


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _words(name: str) -> list[str]:
    return filters.spelling_key(name).split()


def _capital_suffix(name: str) -> str:
    """"Democratic party" → "Democratic Party": the name a newsroom prints, whichever
    spelling came first (the key ignores case, so the URL does not change)."""
    words = name.split()
    last = words[-1] if len(words) >= 2 else ""
    if last.islower() and last.capitalize() in ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES:
        return " ".join([*words[:-1], last.capitalize()])
    return name


PLACE_HEADS: frozenset[str] = frozenset({
    "Station", "Airport", "Airbase", "Bridge", "Tunnel", "Dam", "Tower", "Stadium",
    "Arena", "Corner", "Square", "Street", "Avenue", "Road", "Highway", "Motorway",
    "Island", "Islands", "River", "Lake", "Sea", "Ocean", "Bay", "Gulf", "Mountains",
    "Valley", "Desert", "Peninsula", "Coast", "Strait", "Canal",
    "Mine", "Port", "Harbour", "Harbor", "Terminal", "Falls", "Mosque", "Temple",
    "Cathedral", "Mall", "Monument", "Complex", "Prison", "Zone",
})
"""Last words of the names of buildings, structures and natural features ("Hyde Park
Corner", "International Space Station", "Three Gorges Dam"): a place, whatever the
model voted. Heads that also end clubs and firms ("City", "State", "Palace", "Park")
are left out: "Manchester City", "Penn State", "Crystal Palace". So are the buildings
of institutions, whose name is also the body's ("Walter Reed Hospital", "European
Southern Observatory", "Chase Center", "Town Hall"); a mine, a port, a place of worship,
a mall, a prison, a monument or a zone is where something is, not who does it ("Upper
Big Branch Mine", "Grand Central Terminal", "Legislative Council Complex")."""


def _built_or_natural(names: Sequence[str]) -> bool:
    """Every name of several words ends with a head of :data:`PLACE_HEADS`."""
    multi = [n.split() for n in names if len(n.split()) >= 2]
    return bool(multi) and all(w[-1] in PLACE_HEADS for w in multi)


def _coded(name: str) -> bool:
    """A name with a word of two or more capitals ("CC BY-SA", "NASA Goddard"): its
    initials are letters of abbreviations, not an acronym someone coined for it, so a
    bare acronym with those letters ("CBS") is not it."""
    return any(len(w) >= 2 and w.isupper() for w in re.split(r"[\s/-]+", name))


def _without_suffix(name: str) -> str:
    """A name (or spelling key) without a last word that is an organisation suffix:
    "Pacific Gas and Electric Company", "pacific gas and electric company" and "pacific
    gas and electric" name one company, and "PG&E" leaves the suffix out."""
    words = name.split()
    last = words[-1].rstrip(".") if len(words) >= 2 else ""
    if last in ner.ORG_SUFFIXES or last.capitalize() in ner.ORG_SUFFIXES:
        return " ".join(words[:-1])
    return name


SHORT_ACRONYM = 3
"""An acronym of at most this many letters joins the one expansion the corpus has for it
only in the articles that share something with the expansion's articles (see
:func:`_tied`). Three letters are too few to name one body: of the Wikinews corpus's
393 multi-word organisation and place names with three initials, 42 (11%) share them
with another name ("CIA": Central Intelligence Agency, Calicut International Airport;
"DNC": Democratic National Committee and Convention), and the world's other bodies
with those letters are not in the corpus to compete ("CBC" the Canadian broadcaster
against the one "Congressional Black Caucus"). Of its 125 names with four initials, two
share them, and they are spellings of one name (RIAA); of 42 with five or six, none."""


def _context(pairs: Sequence[tuple[str, str]], root: Callable[[str], str]) -> frozenset[str]:
    """What an article is about, for telling two bodies with one acronym apart: the
    clusters of its names and the countries its places are (by ISO 3166 names or
    "U.S."-style abbreviations), so "US" and "United States" agree."""
    out = {root(filters.spelling_key(n)) for _, n in pairs}
    for etype, name in pairs:
        country = filters.any_country(name) if etype == "place" else None
        if country:
            out.add(f"country:{country}")
    return frozenset(out)


def _tied(own: set[int], theirs: set[int], context: Callable[[int], frozenset[str]],
          pair: set[str]) -> set[int]:
    """The articles of an acronym (``own``) that name its expansion themselves or share a
    country or another name with some article that does (``theirs``): evidence that the
    letters mean that body there. The acronym's and the expansion's own clusters
    (``pair``) are no evidence: an article naming both would otherwise tie every other
    article that writes the letters."""
    around = set().union(*(context(j) for j in theirs)) - pair
    return {i for i in own if i in theirs or context(i) & around}


_HYPHENED = re.compile(r"([A-Z][a-z'’]+(?:[A-Z][a-z]+)?)-([A-Z][a-z'’]+(?:[A-Z][a-z]+)?)")


def _surnames(articles: Sequence[tuple[date | datetime, Sequence[tuple[str, str]]]]
              ) -> tuple[frozenset[str], frozenset[str]]:
    """The last words of the corpus's full person names, by spelling key, and those last
    words that are hyphened themselves ("Zeta-Jones"): what :func:`_ticket` reads."""
    written = {name.rsplit(None, 1)[-1] for _, pairs in articles for etype, name in pairs
               if etype == "person" and " " in name.strip()}  # ~100 k pairs a 5 k site
    last = {filters.spelling_key(w) for w in written if w[:1].isupper()}
    return frozenset(k for k in last if " " not in k), frozenset(k for k in last if " " in k)


def _ticket(name: str, surnames: frozenset[str], hyphened: frozenset[str]) -> list[str]:
    """Two surnames joined by a hyphen are two people when each is the surname of a
    person the corpus names in full, and no one's surname is the joined pair: a ticket
    or a partnership ("Biden-Harris", "Trump-Pence"), written as one word, which the
    model takes for an organisation. A double surname ("Lloyd-Webber", "Zeta-Jones") has
    no full-named person on each side, or is itself a person's last word. Returns the
    two surnames (the bare-name step below finds whom each means), else ``[]``."""
    found = _HYPHENED.fullmatch(name)
    if found is None or filters.spelling_key(name) in hyphened:
        return []
    parts = [found.group(1), found.group(2)]
    if all(filters.spelling_key(p) in surnames for p in parts) and parts[0] != parts[1]:
        return parts
    return []


def _unit_of(short: str, longer: str) -> bool:
    """``longer`` goes on from ``short``, a complete body's name (it ends with a body
    word of :data:`ner.ORG_SUFFIXES`: "Metropolitan Police", "Labour Party"), with
    capitalised words ("… Counter Terrorism Command", "… Conference"): English names a
    unit, an office or an event of a body by writing its name first and the unit's
    after, while a body's own longer name goes on with "of" ("Unity Party of America").
    Such a pair is two things, whatever each one's story count."""
    head, rest = short.split(), longer.split()[len(short.split()):]
    return (len(head) >= 2 and head[-1] in ner.ORG_SUFFIXES and bool(rest)
            and rest[0][:1].isupper())


def _surname_of_person(name: str, bare_people: frozenset[str] | set[str]) -> bool:
    """``name`` is shaped like a person's (:func:`cues.person_like`: two or three
    capitalised name words, none common after the first, no suffix, not a place) and a
    word after its first is a name the corpus's vote makes a person when written alone
    (``bare_people``, by spelling key): a person whom the model typed an organisation
    wherever the full name stood, as it does with names it has not seen ("Ricardo
    Rosselló Nevares" in both its stories, "Rosselló" a person in two of three). A
    firm named after people ("Goldman Sachs") is not person-shaped when a later word is
    common, and a place-typed one-word cluster is no person vote."""
    words = _words(name)
    return (len(words) >= 2 and any(w in bare_people for w in words[1:])
            and cues.person_like(name))


def _mixed_acronym(name: str) -> str | None:
    """The acronym British and American officialese writes with its link words in small
    letters: "Bank of England" → "BoE", "Ministry of Defence" → "MoD", "Department for
    Education" → "DfE"; None when the name has no link word inside it, or a word in
    lower case. A capitals-only acronym skips the link words (:func:`filters.acronym_of`),
    so "BoE" matched nothing and had a page beside the bank's."""
    words = name.split()
    if not 3 <= len(words) <= 5 or words[0].lower() in _MIXED_LINKS \
            or words[-1].lower() in _MIXED_LINKS:
        return None
    if not any(w in _MIXED_LINKS for w in words[1:-1]):
        return None
    if not all(w in _MIXED_LINKS or w[:1].isupper() for w in words):
        return None
    return "".join(w[0] if w in _MIXED_LINKS else w[0].upper() for w in words)


_MIXED_LINKS = frozenset({"of", "for", "and"})


def _given_names(people: Mapping[str, tuple[str, str, set[int]]]) -> frozenset[str]:
    """Words (spelling keys) that open the full names of people in more stories than
    they end them: ``people`` maps each full-named person to their first word, last word
    and stories. The corpus writes such a word mostly as a first name ("David": David
    Beckham, David Blunkett, … against one Craig David), so where an article writes it
    alone with no full name of its own to take it, it is someone's first name (a
    character, a player called by his first name), not the surname of the one person
    who has it as a surname; the bare word stays unlinked. An article that names the
    surname's holder in full still takes the bare word (its own people come first)."""
    opens: dict[str, set[int]] = defaultdict(set)
    ends: dict[str, set[int]] = defaultdict(set)
    for first_word, last_word, found in people.values():
        opens[first_word] |= found
        ends[last_word] |= found
    return frozenset(w for w, found in opens.items() if len(found) > len(ends.get(w, ())))


def _glued_to_surname(roots_here: set[str], people_here: Mapping[str, set[str]],
                      things: set[str], cluster_type: Mapping[str, str],
                      cluster_name: Mapping[str, str], stories_of: Mapping[str, int],
                      known: Mapping[str, Known]) -> dict[str, str]:
    """Two-word "people" of one article that are a one-word name glued before another
    person's surname ("on Twitter West accused his wife": "Twitter West"), mapped to the
    article's one full-named person of that surname (Kanye West).

    NER runs a sentence's capitalised words together when no comma parts them; the
    surname then stands in a "person" whose first word the corpus names alone in at
    least two stories (a website, a place, a bare name). Only a name this one article
    writes counts, so a real person whose first name is a place ("Paris Hilton") keeps a
    name seen in other stories."""
    out: dict[str, str] = {}
    for r in sorted(roots_here):
        if cluster_type[r] != "person" or cluster_name[r] in known or stories_of[r] != 1:
            continue
        words = _words(cluster_name[r])
        if len(words) != 2 or words[0] not in things:
            continue
        others = sorted(o for o in people_here.get(words[1], ()) if o != r
                        and _words(cluster_name[o])[0] not in things)
        if len(others) == 1:
            out[r] = others[0]
    return out


def _tidied(etype: str, name: str, known: Mapping[str, Known], surnames: frozenset[str],
            hyphened: frozenset[str]) -> list[tuple[str, str]]:
    """What one input ``(type, name)`` becomes in step 1 (tidy and filter): a registry
    name as it is, with the registry's type; a ticket ("Biden-Harris") as its two
    people; else its tidied parts that pass the filters (none, one, or two joined people
    or listed places)."""
    if name in known:
        return [(known[name].type, name)]
    if "-" in name:
        ticket = _ticket(name, surnames, hyphened)
        if ticket:  # "Biden-Harris": two people, each found below; the input pair maps
            # to the second in ``mapping`` (one answer per input)
            return [("person", part) for part in ticket]
    return [(kind, t) for kind, t in ((kind, filters.tidy(part, kind))
                                      for part, kind in filters.joined_names(name, etype))
            if t and filters.rejected(t, kind, noise=False) is None]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while, as it was after.

    Resolution builds ~100 k small lists, sets and tuples that live until it returns;
    so many survivors make the collector walk the whole heap (the gazetteers and word
    tables resolution loads: ≈ 0.2 s a walk, two or three walks a call on a 5 k site)
    and find nothing to free. Reference counting still frees everything as usual; the
    collector runs again when this is left."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def resolve_corpus(articles: Sequence[tuple[date | datetime, Sequence[tuple[str, str]]]],
                   known: Mapping[str, Known] | None = None,
                   window_days: int = 90,
                   cued: Sequence[Sequence[str]] = (),
                   works: Sequence[Sequence[str]] = ()) -> Resolved:
    """Resolve ``(date, [(type, name), …])`` per article; see the module docstring.

    ``known`` maps a registry canonical name to its entry (names are expected to be
    registry-canonical already: the build maps aliases first). ``cued``, per article
    (or empty), the names whose type there a close cue in the text stated (a post's
    ``cued:``, :func:`_cued_type`); ``works``, per article (or empty), the names a works
    cue there called a work (a post's ``works:``, :func:`_works_pageless`).
    """
    with _collector_paused():
        return _resolve(articles, known or {}, window_days, cued, works)


def _works_pageless(work_keys: set[str], canonical: str, names: Sequence[str],
                    stated: bool) -> bool:
    """A cluster (its ``canonical`` name and its ``names``) gets no page when some
    article's works cue called one of its names a work ("the film X", "X creator Jan
    Roe", ``work_keys``) and no article's close cue stated it a body, a place or a
    person (``stated``), and it is no country. Only names as long as the canonical one
    count: a shorter one is a piece the cluster took in (a bare "Roe" beside "Jan
    Roe"), and a title cut to it says nothing of the whole.

    The cue is written once, in one article; the others write the bare name, which the
    model types by its shape (a first name and a word: a person; "Little Zorby": a
    place). A stated type elsewhere is a namesake (a band named like a film) and wins."""
    whole = [n for n in names if len(n.split()) >= len(canonical.split())]
    return (not stated and any(filters.spelling_key(n) in work_keys for n in whole)
            and not any(filters.country_of(n) for n in names))


def _cued_type(root: str, cued_roots: Mapping[str, set[str]]) -> str | None:
    """The type close cues stated for the cluster ``root`` in some article ("Japanese
    electronics firm X", "X chief executive Jan Roe"), when they agree on one.

    The sentence says what the name is; the corpus vote's other rules read only the
    model's labels and the name's shape (a gazetteer city of the same name, two
    capitalised words shaped like a person's: "Hitachi", a band named like a person),
    and the later bare mentions carry no cue. A stated type outranks them; only the
    registry and a country's name rank above it."""
    stated = cued_roots.get(root, set())
    return next(iter(stated)) if len(stated) == 1 else None


def _resolve(articles: Sequence[tuple[date | datetime, Sequence[tuple[str, str]]]],
             known: Mapping[str, Known], window_days: int,
             cued: Sequence[Sequence[str]] = (),
             works: Sequence[Sequence[str]] = ()) -> Resolved:
    # 1. tidy and filter
    cleaned: list[list[tuple[str, str]]] = []
    origins: list[list[tuple[str, str]]] = []
    surnames, hyphened = _surnames(articles)
    # (type, name) → what it becomes, and the input pair once per output: a site
    # repeats each mention ~7 times, so each pair is worked out once
    parts: dict[tuple[str, str], tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {}
    for _, pairs in articles:
        out: list[tuple[str, str]] = []
        origin: list[tuple[str, str]] = []
        for etype, name in pairs:
            got = parts.get((etype, name))
            if got is None:
                becomes = _tidied(etype, name, known, surnames, hyphened)
                got = parts[(etype, name)] = (becomes, [(etype, name)] * len(becomes))
            out += got[0]
            origin += got[1]
        cleaned.append(out)
        origins.append(origin)
    days = [_day(d) for d, _ in articles]
    # parties and chambers several countries have: named by the article's country
    cleaned, unqualified = bodies.split_shared(bodies.party_short_forms(cleaned), known, days)
    # places of one name ("Wilmington, Delaware" / "Wilmington, North Carolina"): apart
    cleaned, same_name = placenames.split_same_names(cleaned, known)
    unqualified |= same_name
    # "Korea": the one of the states sharing the short name that the article names
    cleaned, unnamed_state = placenames.forms_shared_short_name(cleaned, known)
    unqualified |= unnamed_state

    # 2. clusters of names, by spelling key, whatever type each article gave
    parent: dict[str, str] = {}

    find = partial(find_root, parent)

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        names_a = {n for n in members[ra] if n in known}
        names_b = {n for n in members[rb] if n in known}
        if names_a and names_b and names_a != names_b:
            return  # the curator keeps these apart
        keep, drop = sorted((ra, rb))
        parent[drop] = keep
        members[keep] |= members.pop(drop)

    members: dict[str, set[str]] = {}
    stories: dict[str, set[int]] = defaultdict(set)  # spelling key → articles
    types: dict[str, dict[str, int]] = {}  # spelling key → type → mentions
    first: dict[str, tuple[date, int, str]] = {}
    name_stories: dict[str, set[int]] = defaultdict(set)
    mentions: Counter[tuple[str, str]] = Counter()  # (type, name) → mentions, first-seen order
    for i, pairs in enumerate(cleaned):
        for _, name in pairs:
            name_stories[name].add(i)
        mentions.update(pairs)
    for (etype, name), n in mentions.items():  # once per name, not per mention
        k = filters.spelling_key(name)
        if k not in parent:
            parent[k] = k
            members[k] = set()
            types[k] = {}
        members[k].add(name)  # no unions yet: every key is its own root
        stories[k] |= name_stories[name]
        types[k][etype] = types[k].get(etype, 0) + n
    for name, idx in name_stories.items():
        first[name] = (min(days[i] for i in idx), -len(idx), name)

    def multi_people(k: str) -> bool:
        return len(k.split()) >= 2 and types[k].get("person", 0) > 0

    # a person's middle names: same first and last word
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in sorted(parent):
        w = k.split()
        if multi_people(k) and len(w) >= 2:
            by_ends[(w[0], w[-1])].append(k)
    for ks in by_ends.values():
        for k in ks[1:]:
            union(ks[0], k)
    # an acronym and its one expansion in the corpus
    expansions: dict[str, set[str]] = defaultdict(set)
    mixed_expansions: dict[str, set[str]] = defaultdict(set)  # "BoE" → Bank of England
    for k in sorted(parent):
        if types[k].get("person", 0) * 2 > sum(types[k].values()):
            continue
        for name in sorted(members.get(find(k), ())):
            if filters.spelling_key(name) == k and not _built_or_natural([name]) \
                    and not _coded(name):
                # a place's name is not what an acronym stands for ("HPC" is not
                # "Hyde Park Corner"), nor a code made of abbreviations ("CC BY-SA")
                for form in (name, _without_suffix(name)):
                    acro = filters.acronym_of(form)
                    if acro and len(acro) >= 3:
                        expansions[acro].add(find(k))
                    if (mixed := _mixed_acronym(form)) is not None:
                        mixed_expansions[mixed].add(find(k))
    # a short acronym's articles and their expansion's must share something (below)
    articles_of: dict[str, set[int]] = defaultdict(set)
    for k, found in stories.items():
        articles_of[find(k)] |= found
    contexts: dict[int, frozenset[str]] = {}  # asked for a few articles only

    def context(i: int) -> frozenset[str]:
        if i not in contexts:
            contexts[i] = _context(cleaned[i], lambda key: find(key) if key in parent else key)
        return contexts[i]

    joins: list[tuple[str, list[str], set[int]]] = []
    redirect: dict[str, tuple[str, frozenset[int]]] = {}  # acronym key → (root, articles)
    for k in sorted(parent):
        if " " in k and " and " not in k:
            continue  # an acronym's key is one word, or letters around "&" ("pg and e")
        written = [n for n in members.get(find(k), ()) if filters.spelling_key(n) == k]
        ampersand = [n for n in written if re.fullmatch(r"[A-Z](?:[A-Z.]*&[A-Z.]*)+", n)]
        letters = re.sub(r"[^A-Z]", "", ampersand[0]) if ampersand else \
            k.replace(" ", "").upper()
        mixed = next((n for n in written if n in mixed_expansions), None)
        if mixed is not None:  # "BoE", "MoD": the small letters are the link words
            letters, found = mixed.upper(), mixed_expansions[mixed]
        elif (" " in k and not ampersand) or not (3 <= len(letters) <= 6) \
                or letters not in expansions:
            continue
        elif not any(n.isupper() for n in written):
            continue  # "Nasa" written as a word is not evidence of an acronym
        else:
            found = expansions[letters]
        targets = {find(t) for t in found}
        if len({_without_suffix(t) for t in targets}) != 1:
            continue
        tied = stories[k]
        if len(letters) <= SHORT_ACRONYM:
            tied = _tied(stories[k], {i for t in targets for i in articles_of[t]},
                         context, {find(k), *targets})
        joins.append((k, sorted(targets), tied))
    for k, targets, tied in joins:  # decided first: the contexts hold the roots of then
        if tied == stories[k]:
            for t in targets:  # one name, with and without "Company"
                union(k, t)
        elif tied:  # the same letters name another body in the other articles
            for t in targets[1:]:
                union(targets[0], t)
            redirect[k] = (targets[0], frozenset(tied))

    # 3. one type and one name per cluster
    roots = sorted({find(k) for k in parent})
    keys_of: dict[str, list[str]] = defaultdict(list)
    for k in sorted(parent):
        keys_of[find(k)].append(k)
    cluster_type: dict[str, str] = {}
    cluster_name: dict[str, str] = {}
    votes_of: dict[str, Counter[str]] = {}  # root → type → mentions
    evidenced: set[str] = set()
    glued_to: dict[str, str] = {}
    cued_roots: dict[str, set[str]] = defaultdict(set)  # root → the types cues stated
    for (_, pairs), names in zip(articles, cued, strict=False):
        stated = set(names)
        for etype, name in pairs:
            if name in stated and (k := filters.spelling_key(name)) in parent:
                cued_roots[find(k)].add(etype)
    for root in roots:
        keys = keys_of[root]
        names = sorted(members[root])
        curated = [n for n in names if n in known]
        votes: Counter[str] = Counter()
        votes_of[root] = votes
        for k in keys:
            votes.update(types[k])
        if curated:
            cluster_type[root] = known[curated[0]].type
            cluster_name[root] = curated[0]
            evidenced.add(root)
            continue
        if any(filters.country_of(n) for n in names):
            cluster_type[root] = "place"
            evidenced.add(root)
        elif (stated := _cued_type(root, cued_roots)) is not None:
            cluster_type[root] = stated  # "Japanese electronics firm X" in one story
            evidenced.add(root)
        elif any(filters.person_shaped(n) for n in names):
            cluster_type[root] = "person"
            evidenced.add(root)
        elif (votes.get("person", 0) * 2 <= sum(votes.values())
              and any(gazetteer.is_place(n) for n in names)):
            cluster_type[root] = "place"  # "Omsk", which the model calls an organisation
            evidenced.add(root)
        elif (votes.get("person", 0) * PERSON_SHARE >= sum(votes.values())
              and any(cues.person_like(n) for n in names)):
            cluster_type[root] = "person"  # "Don Blankenship", typed a place 3 times of 5
        else:
            cluster_type[root] = max(votes, key=lambda t: (votes[t], -ENTITY_TYPES.index(t)))
            if cluster_type[root] == "person":
                cluster_type[root] = fragments.not_a_person(names, votes) or "person"
            elif cluster_type[root] == "organization" and _built_or_natural(names):
                cluster_type[root] = "place"  # "International Space Station"
        full = [n for n in names if len(n.split()) >= 2] if cluster_type[root] == "person" \
            else names
        cluster_name[root] = _capital_suffix(min(full or names, key=lambda n: first[n]))

    # a person-shaped name the model typed a thing, whose surname the corpus types a
    # person when written alone: a person ("Ricardo Rosselló Nevares" / "Rosselló")
    bare_people = {filters.spelling_key(cluster_name[r]) for r in roots
                   if cluster_type[r] == "person" and len(cluster_name[r].split()) == 1
                   and cluster_name[r] not in known}
    for root in roots:
        if cluster_type[root] != "person" and root not in evidenced \
                and _surname_of_person(cluster_name[root], bare_people):
            cluster_type[root] = "person"

    # a shorter form seen no more often than its one longer form is that form:
    # "U.S. House" → "U.S. House of Representatives", "Unity Party" → "… of America"
    stories_of = {r: len(set().union(*(stories[k] for k in keys_of[r]))) for r in roots}
    shared_keys = {filters.spelling_key(n) for _, n in unqualified}  # see bodies.py
    member_keys = sorted((filters.spelling_key(n), r) for r in roots for n in members[r])
    # "<Name> and <Name>" is a list of two names, no longer form of the first
    root_keys = frozenset(filters.spelling_key(cluster_name[r]) for r in roots)
    listed = {r for r in roots if " and " in filters.spelling_key(cluster_name[r])
              and fragments.forms_two_names(cluster_name[r], root_keys)}
    listed_names = {cluster_name[r] for r in listed}
    for root in roots:
        if cluster_type[root] == "person" or cluster_name[root] in known:
            continue
        if cluster_type[root] == "place" and gazetteer.is_place(cluster_name[root]):
            continue  # a city the gazetteer lists is no piece of "San Diego County"
        if filters.generic(cluster_name[root]):
            continue  # "the National Police" of one country is no piece of another's
            # "National Police Agency": a generic body is its article's country's
        short = filters.spelling_key(cluster_name[root])
        if len(short.split()) < 2 or short in shared_keys:
            continue
        # a generic head cut short ("U.S. House"): its "of …" completion, however often
        # each is seen ("U.S. House of Representatives"); a committee is not the house
        prefixed = bodies.country_prefix(cluster_name[root])
        cut = prefixed is not None and filters.generic(prefixed[1])
        opening = short + (" of " if cut else " ")
        # the keys that start with ``opening`` sit together in the sorted list
        start = bisect.bisect_left(member_keys, (opening,))
        stop = bisect.bisect_left(member_keys, (opening[:-1] + "!",))
        longer = {find(r) for _, r in member_keys[start:stop]
                  if find(r) != find(root) and cluster_type[find(r)] == cluster_type[root]
                  and find(r) not in listed}
        if len(longer) == 1:
            target = longer.pop()
            if _built_or_natural([cluster_name[target]]) and not _built_or_natural(
                    [cluster_name[root]]):
                continue  # "Hyde Park Corner" is a place beside "Hyde Park", not it
            if _unit_of(cluster_name[root], cluster_name[target]):
                continue  # "Metropolitan Police Counter Terrorism Command" is a unit
            if cut or stories_of.get(target, 0) >= stories_of.get(root, 0):
                glued_to[root] = target

    # a place glued before a person ("Vermont Bernie Sanders"): the person
    places = {filters.spelling_key(cluster_name[r]) for r in roots
              if cluster_type[r] == "place"}
    people_keys = {filters.spelling_key(cluster_name[r]): r for r in roots
                   if cluster_type[r] == "person" and len(cluster_name[r].split()) >= 2}
    glued: dict[str, str] = dict(glued_to)
    for root in roots:
        if cluster_type[root] == "place" or cluster_name[root] in known:
            continue
        words = filters.spelling_key(cluster_name[root]).split()
        for cut in range(1, min(3, len(words) - 1)):
            head, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if (head in places or filters.country_of(head)) and rest in people_keys:
                glued[root] = people_keys[rest]
                break

    # a shared name left without a country is not the bare name of its qualified forms
    for joins, into in sorted(fragments.same_without_prefix(
            {r: (cluster_type[r], cluster_name[r], stories_of[r]) for r in roots
             if r not in glued and filters.spelling_key(cluster_name[r]) not in shared_keys},
            known).items()):
        # "US Treasury" is not the "Treasury" of stories that name another country most
        bare, qualified, country = next(
            ((b, q, c) for b, q in ((joins, into), (into, joins))
             if cluster_type[b] != "person" and (c := bodies.forms_named_country(cluster_name[q]))
             and not bodies.forms_named_country(cluster_name[b])), (joins, into, None))
        if country is None or bodies.forms_countrys_own(
                country, set().union(*(stories[k] for k in keys_of[bare])),
                set().union(*(stories[k] for k in keys_of[qualified])), cleaned):
            glued[joins] = into
    # a name cut word by word ("Lib Dems" of "Liberal Democrats"); a party named by its
    # country beside the bare word the corpus calls it ("Labour")
    left = {r: (cluster_type[r], cluster_name[r]) for r in roots if r not in glued}
    glued.update(fragments.clipped_forms(left, known))
    glued.update(bodies.chamber_short_forms(left, known))  # "the Lords": "House of Lords"
    glued.update(bodies.bare_party_names(
        left, lambda r: set().union(*(stories[k] for k in keys_of[r])), cleaned))
    glued = {r: glued.get(t, t) for r, t in glued.items()}  # one hop is enough

    # 4. bare person names
    # per name and per cluster once, not per mention (a 5 k site: ~100 k mentions of
    # ~7 k names); every choice below reads these instead of recomputing them
    root_of = {name: find(filters.spelling_key(name)) for name in name_stories}
    redirect_of = {name: redirect[k] for name in name_stories
                   if (k := filters.spelling_key(name)) in redirect}
    ends_of: dict[str, tuple[str, str]] = {}  # a full-named person → first and last word
    bare_word: dict[str, str] = {}  # a one-word cluster name's word, else ""
    for root in roots:
        words = _words(cluster_name[root])
        bare_word[root] = words[0] if len(words) == 1 else ""
        if cluster_type[root] == "person" and len(cluster_name[root].split()) >= 2:
            ends_of[root] = (words[0], words[-1])
    # surname → full-named person → the articles that name them
    people_at: dict[str, dict[str, set[int]]] = defaultdict(dict)
    for root in ends_of:
        for name in members[root]:
            words = _words(name)
            if len(words) >= 2:
                people_at[words[-1]].setdefault(root, set()).update(name_stories[name])
    given = _given_names(
        {r: (ends_of[r][0], ends_of[r][1], set().union(*(name_stories[n] for n in members[r])))
         for r in ends_of})
    near_of: dict[tuple[str, date], list[str]] = {}  # (word, day) → people of the window

    def near(word: str, day: date) -> list[str]:
        """The full-named people of surname ``word`` named within ``window_days``; none
        for a word the corpus writes mostly as a first name (:func:`_given_names`)."""
        if word in given:
            return []
        if (word, day) not in near_of:
            near_of[(word, day)] = sorted(
                r for r, found in people_at.get(word, {}).items()
                if any(abs((days[j] - day).days) <= window_days for j in found))
        return near_of[(word, day)]

    # one-word names of two stories or more, for one glued before a surname ("Twitter
    # West"); of any type, as the model calls "Twitter" a person in most stories
    things = {bare_word[r] for r in roots if stories_of[r] >= 2 and bare_word[r]}
    # the only clusters _glued_to_surname can take: people of one story
    lone_people = {r for r in roots if cluster_type[r] == "person" and stories_of[r] == 1}
    body_like: dict[str, bool] = {}  # canonical name → generic or described body

    def pageless_body(etype_in: str, name: str, etype: str, canonical: str) -> bool:
        """A generic body ("Parliament"), a described one ("Republican Senate") or a
        shared name its article left without a country: no page."""
        if etype == "person" or canonical in known:
            return False
        if canonical not in body_like:
            body_like[canonical] = filters.generic(canonical) or \
                bodies.described_body(canonical) or canonical in listed_names
        return body_like[canonical] or (etype_in, name) in unqualified

    # one-word things the article's one person of that first or last name takes ("Rocky"
    # typed a place beside "Rocky De La Fuente"), unless the registry, a country or the
    # gazetteer vouches for them
    claimable = {r for r in roots if bare_word[r] and cluster_type[r] != "person"
                 and cluster_name[r] not in known and not filters.country_of(cluster_name[r])
                 and not gazetteer.is_place(cluster_name[r])}

    def bare_person(etype: str, canonical: str) -> bool:
        return etype == "person" and len(canonical.split()) == 1 and canonical not in known

    # what a mention becomes when its article has no say: not a redirected acronym, not
    # a claimable thing, not a bare person name;
    # (cluster before the article's own gluing, resolved pair, whether it is pageless)
    settled: dict[tuple[str, str], tuple[str, tuple[str, str], bool]] = {}
    for etype_in, name in mentions:
        root = glued.get(root_of[name], root_of[name])
        etype, canonical = cluster_type[root], cluster_name[root]
        if name in redirect_of or root in claimable or bare_person(etype, canonical):
            continue
        settled[(etype_in, name)] = (root, (etype, canonical),
                                     pageless_body(etype_in, name, etype, canonical))
    out_articles: list[tuple[tuple[str, str], ...]] = []
    mapping: list[dict[tuple[str, str], tuple[str, str]]] = []
    pageless: set[tuple[str, str]] = set()
    for i, pairs in enumerate(cleaned):
        roots_here = {root_of[n] for _, n in pairs}
        # this article's full-named people, by first and by last word
        people_here: dict[str, set[str]] = defaultdict(set)
        for r in roots_here & ends_of.keys():
            first_word, last_word = ends_of[r]
            people_here[first_word].add(r)
            people_here[last_word].add(r)
        lone_here = roots_here & lone_people
        stuck = _glued_to_surname(lone_here, people_here, things, cluster_type,
                                  cluster_name, stories_of, known) if lone_here else {}
        for r in stuck:  # not a person of this article: "Twitter West" is Kanye West
            for holders in people_here.values():
                holders.discard(r)
        resolved: list[tuple[str, str]] = []
        for pair in pairs:
            fixed = settled.get(pair)
            if fixed is not None and fixed[0] not in stuck:
                resolved.append(fixed[1])
                if fixed[2]:
                    pageless.add(fixed[1])
                continue
            etype_in, name = pair
            root = root_of[name]
            if name in redirect_of and i in redirect_of[name][1]:
                root = find(redirect_of[name][0])  # "ABC" beside the American network's names
            root = glued.get(root, root)
            root = stuck.get(root, root)
            etype, canonical = cluster_type[root], cluster_name[root]
            word = bare_word[root]
            here = people_here.get(word, set()) if word else set()  # only one counts
            if root in claimable and len(here) == 1:
                (root,) = here  # "Rocky" typed a place beside "Rocky De La Fuente"
                etype, canonical = cluster_type[root], cluster_name[root]
            if bare_person(etype, canonical):
                if len(here) == 1:
                    (root,) = here
                else:
                    nearby = near(word, days[i])
                    if not here and len(nearby) == 1:
                        root = nearby[0]
                    else:
                        pageless.add((etype, canonical))
                etype, canonical = cluster_type[root], cluster_name[root]
            if pageless_body(etype_in, name, etype, canonical):
                pageless.add((etype, canonical))
            resolved.append((etype, canonical))
        out_articles.append(tuple(dict.fromkeys(resolved)))
        mapping.append(dict(zip(origins[i], resolved, strict=True)))
    work_keys = {filters.spelling_key(n) for names in works for n in names}
    pageless.update((cluster_type[r], cluster_name[r]) for r in roots if work_keys
                    and cluster_name[r] not in known
                    and _works_pageless(work_keys, cluster_name[r], sorted(members[r]),
                                        r in cued_roots))
    pageless |= fragments.fragments_only(
        out_articles, [[n for _, n in pairs] for pairs in cleaned],
        lambda name: name in known or bool(filters.country_of(name))
        or gazetteer.is_place(name))
    votes: dict[str, dict[str, int]] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    for root in roots:
        votes[cluster_name[root]] = dict(sorted(votes_of[root].items()))
        spellings[cluster_name[root]] = tuple(sorted(members[root] - {cluster_name[root]}))
    return Resolved(tuple(out_articles), frozenset(pageless), votes, spellings,
                    frozenset(cluster_name[r] for r in evidenced), tuple(mapping))


_WARM_EXAMPLE = (
    (date(2020, 1, 6), (("person", "Ann Example"), ("organization", "World Health Organization"),
                        ("organization", "WHO"), ("place", "Omsk"), ("place", "Paris, France"),
                        ("organization", "Parliament"), ("person", "Example"))),
    (date(2020, 1, 7), (("person", "Ann B. Example"), ("organization", "Canadian Parliament"),
                        ("place", "the Antarctic continent"))),
)


def warm() -> None:
    """Load the tables resolution reads (gazetteers, country names, word frequencies,
    stop words, compiled patterns: ≈ 2 s when nothing else loaded them), by resolving a
    small made-up corpus that reaches each rule. The lookups are pure, so warming
    changes no answer; a build calls this while ingest's worker enriches new seeds.
    """
    resolve_corpus(_WARM_EXAMPLE, {}, 90)
    cues.person_like("Don Example")  # the word-frequency table, read by the type vote

