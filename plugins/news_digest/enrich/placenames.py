"""Place names that mean another page's place: a country's short name, a city's bare name.

Two cases where the name as written gives its own page to a place the site already
names otherwise, both decided from data packages (no names listed by hand):

- **A country's short name.** ISO 3166 official names end in the short form people
  use: "United States of America" gives "America". A tail after "of" that only one
  country's name ends with, and that is not itself any country's name, is that
  country ("Korea" ends both Koreas' names, so it means neither), unless the country's
  usual name holds it already ("State of Palestine" gains nothing). Read from
  ``pycountry`` (its inverted names too: "Korea, Republic of" → "Republic of Korea").
- **A US state written as its postal code.** A bare place "DC" or "D.C." is the
  District of Columbia, named as GeoNames names the state ("District of Columbia",
  which the registry knows as an alias of "Washington, D.C."), in an article that names
  the United States or one of its states (:func:`american`). Codes that are also ISO
  3166 country codes ("CA", "GA", "IN") are left alone: they are as often the country.
- **A big city that shares its bare name with its region.** GeoNames names the city
  "New York City" and lists "New York" among its alternate names; ISO 3166-2 names the
  state "New York". A bare "New York" is then either; the article decides: "New York
  state", "upstate New York", "the state of New York", "New York's governor" mean the
  state (named "New York State"), anything else the city, which is what the bare name
  means in most news text for a city of :data:`MIN_CITY` people or more. A name that is
  a country ("Mexico" beside "Mexico City") is never renamed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from news_digest.enrich import filters, gazetteer, ner

__all__ = [
    "MIN_CITY",
    "NEIGHBOURHOOD_NOUNS",
    "after_person",
    "american",
    "article_country",
    "city_or_region",
    "country_short_names",
    "forms_shared_short_name",
    "forms_shared_short_names",
    "home_of",
    "place_qualifiers",
    "region_in",
    "region_name",
    "rename_place",
    "same_name_region",
    "split_same_names",
    "state_codes",
]

MIN_CITY = 1_000_000
"""A city at least this big is what its bare name means unless the article says state."""


def _uncomma(name: str) -> str:
    """ISO's inverted form read forwards: "Korea, Republic of" → "Republic of Korea"."""
    match = re.fullmatch(r"(.+?), (.+ of(?: the)?)", name)
    return f"{match.group(2)} {match.group(1)}" if match else name


@lru_cache(maxsize=1)
def _country_names() -> list[tuple[str, list[str], list[str]]]:
    """(display name, every name, long forms) per country from ``pycountry``. The long
    forms are the official name and the inverted ISO name, where a short name is a tail."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return []
    out = []
    for c in pycountry.countries:
        display = _uncomma(getattr(c, "common_name", None) or c.name)
        names = [n for n in (c.name, getattr(c, "common_name", None),
                             getattr(c, "official_name", None)) if n]
        long = [_uncomma(n) for n in names if n in (c.name, getattr(c, "official_name", None))
                and (n != c.name or "," in n)]
        out.append((display, [*names, *map(_uncomma, names)], long))
    return out


@lru_cache(maxsize=1)
def country_short_names() -> dict[str, str]:
    """Folded short name → country display name: {"america": "United States"}."""
    every = {gazetteer.fold(n) for _, names, _ in _country_names() for n in names}
    tails: dict[str, set[str]] = defaultdict(set)
    for display, _, long in _country_names():
        for name in long:
            match = re.search(r"\bof (?:the )?(.+)$", name)
            if match and " and " not in match.group(1):
                tails[gazetteer.fold(match.group(1))].add(display)
    return {tail: next(iter(owners)) for tail, owners in tails.items()
            if len(owners) == 1 and tail not in every
            and tail not in gazetteer.fold(next(iter(owners)))}


@lru_cache(maxsize=1)
def forms_shared_short_names() -> dict[str, tuple[str, ...]]:
    """Folded short name → the countries whose long names all end in it, when there are
    several and it is no country's own name: {"korea": ("North Korea", "South Korea")}.

    The tails :func:`country_short_names` leaves out because two countries own them.
    English drops the part of such a name that tells the states apart ("living in
    Korea") when the text has said which one, or does not care; the page of the bare
    tail mixed both states or duplicated one. Read from ``pycountry``, as the short
    names are."""
    every = {gazetteer.fold(n) for _, names, _ in _country_names() for n in names}
    tails: dict[str, set[str]] = defaultdict(set)
    for display, _, long in _country_names():
        for name in long:
            match = re.search(r"\bof (?:the )?(.+)$", name)
            if match and " and " not in match.group(1):
                tails[gazetteer.fold(match.group(1))].add(display)
    return {tail: tuple(sorted(owners)) for tail, owners in sorted(tails.items())
            if len(owners) > 1 and tail not in every}


def forms_shared_short_name(articles: Sequence[Sequence[tuple[str, str]]],
                            known: Mapping[str, object]
                            ) -> tuple[list[list[tuple[str, str]]], set[tuple[str, str]]]:
    """Per article, the ``(type, name)`` pairs with a short name several countries share
    (:func:`forms_shared_short_names`) under the one of those countries the article
    names, and the pairs whose article names none of them or several (no page: which
    state is meant, the text does not say)."""
    shared = forms_shared_short_names()
    out: list[list[tuple[str, str]]] = []
    unnamed: set[tuple[str, str]] = set()
    for pairs in articles:
        owners = {filters.country_of(name) for _, name in pairs}
        fixed = []
        for etype, name in pairs:
            candidates = shared.get(gazetteer.fold(name), ()) if name not in known else ()
            named = [c for c in candidates if c in owners]
            if len(named) == 1 and etype != "person":
                fixed.append(("place", named[0]))
                continue
            if candidates and etype != "person":
                unnamed.add((etype, name))
            fixed.append((etype, name))
        out.append(fixed)
    return out, unnamed


@lru_cache(maxsize=1)
def city_or_region() -> dict[str, tuple[str, str]]:
    """Folded bare name → (city's name, region's name) when a city of :data:`MIN_CITY`
    people is named longer than the first-level region of its country that its bare
    name is: {"new york": ("New York City", "New York")}."""
    regions = {(gazetteer.fold(s.name), s.country_code): s.name for s in gazetteer.regions()}
    countries = {gazetteer.fold(n) for _, names, _ in _country_names() for n in names}
    out: dict[str, tuple[str, str]] = {}
    by_size = sorted(gazetteer.cities(),
                     key=lambda c: (-int(c.get("population") or 0), c["name"]))
    for city in by_size:
        if int(city.get("population") or 0) < MIN_CITY:
            break
        name = city["name"]
        for alt in city.get("alternatenames") or ():
            bare = gazetteer.fold(alt)
            region = regions.get((bare, city["countrycode"]))
            if (region and bare not in countries and bare != gazetteer.fold(name)
                    and gazetteer.fold(name).startswith(bare + " ")):
                out.setdefault(bare, (name, region))
    return out


_NAME_COMMA_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*),\s+$")
"""Capitalised words and a comma at the end of the text before a mention: the "Buffalo, "
of "Buffalo, New York" (:func:`_state_cue`), the list item before a "<place>, <place>"
pair (:func:`_mixes_list_middle`)."""


def _state_cue(text: str, start: int, end: int) -> bool:
    """The mention at ``text[start:end]`` is a state or province: "New York state",
    "upstate New York", "the state of New York", "New York's governor", "Governor of New
    York", "Senator from New York", "Southern District of New York", "New York
    gubernatorial", "New York Attorney General", or a place's region after a comma
    ("Buffalo, New York"; not "New York, New York", the city's own dateline form)."""
    before, after, name = text[max(0, start - 40):start], text[end:end + 20], text[start:end]
    if re.search(r"\b(?:(?:up|down)state|(?:[Ss]tate|[Pp]rovince|[Gg]overnor|[Dd]istrict) of"
                 r"|(?:[Ss]enator|[Rr]epresentative|[Cc]ongress(?:wo)?man) from)\s+$", before):
        return True
    if re.match(r"(?:['’]s)?\s+(?:[Ss]tate|[Pp]rovince|[Gg]overnor|Gov\.|gubernatorial"
                r"|[Ll]egislature|[Aa]ttorney [Gg]eneral)(?!\w)", after):
        return True
    comma = _NAME_COMMA_BEFORE.search(before)
    pair = max(0, start - 40) + comma.start() if comma else 0  # where "<place>, " opens
    if comma and not comma.group(1).endswith(name) and not _mixes_list_middle(
            text[max(0, pair - 40):pair], text[end:end + 40]):
        return True
    return _listed_with_regions(before, text[end:end + 40])


_LIST_BEFORE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),?\s+(?:and|or)\s+$")
_LIST_AFTER = re.compile(r",?\s+(?:and\s+|or\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _listed_with_regions(before: str, after: str) -> bool:
    """The mention is an item of a list whose previous or next item is a first-level
    region ("Missouri, North Dakota, and Washington", "New York and New Jersey"): the
    items of one list are things of one kind, so it is a region too."""
    found = _LIST_BEFORE.search(before)
    if found and region_in(found.group(1).split(), at_end=True, test=_a_region):
        return True
    found = _LIST_AFTER.match(after)
    return bool(found and region_in(found.group(1).split(), at_end=False, test=_a_region))


def region_in(words: Sequence[str], at_end: bool,
              test: Callable[[str], bool] | None = None) -> str | None:
    """The longest run of ``words`` that ends them (``at_end``) or starts them and is a
    region's name by ``test`` (default :func:`region_name`), else None: the words before
    a name may end with its region ("the Senate in North Carolina's"), the words after
    it start with one ("of North Carolina Democrats")."""
    test = test or region_name
    runs = ((words[i:] for i in range(len(words))) if at_end
            else (words[:i] for i in range(len(words), 0, -1)))
    return next((name for name in map(" ".join, runs) if test(name)), None)


def region_name(name: str) -> bool:
    """A first-level region's name ("Alabama", "North Carolina", "Ontario") that is not a
    country's ("Georgia" is both, and left out)."""
    return gazetteer.fold(name) in _regions_by_name() and not filters.country_of(name)


def _a_region(name: str) -> bool:
    """A first-level region's name that is not a country's, nor a big city's too ("New
    York and Washington" may be two cities)."""
    folded = gazetteer.fold(name)
    return (region_name(name) and folded not in city_or_region()
            and folded not in same_name_region())


@lru_cache(maxsize=1)
def same_name_region() -> dict[str, str]:
    """Folded name → the region's name, when a city of :data:`gazetteer.MIN_POPULATION`
    people, but fewer than :data:`MIN_CITY`, has exactly the name of a first-level region
    of its country that it does not lie in: {"washington": "Washington"} (the capital, in
    the District of Columbia, and the state). A bare name then means either, and neither
    is what it means by default, as "New York City" is for "New York" (a city of
    :data:`MIN_CITY` people: "Lima" is the city). A capital inside its namesake region
    ("Tokyo") is not one; GeoNames
    files a city under an ISO letter code in a few countries only (the United States,
    the United Kingdom's countries), so the table is known there."""
    out: dict[str, str] = {}
    for sub in gazetteer.regions():
        folded = gazetteer.fold(sub.name)
        country = _country_by_code().get(sub.country_code)
        cities = [(c, region, people) for c, region, people in
                  _cities_by_name().get(folded, ()) if c == country]
        if any(people >= MIN_CITY for _, _, people in cities):
            continue  # "Lima": a city this big is what the bare name means
        if any(region is not None and region != folded and people >= gazetteer.MIN_POPULATION
               for _, region, people in cities):
            out.setdefault(folded, sub.name)
    return out


@lru_cache(maxsize=1)
def state_codes() -> dict[str, str]:
    """US postal code → the state's name (:func:`gazetteer.us_states`: "DC" → "District
    of Columbia"), less the codes that are also ISO 3166 country codes ("CA" is Canada's,
    "GA" Gabon's, "IN" India's): written bare, those are as often the country."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency
        return {}
    iso = {c.alpha_2 for c in pycountry.countries}
    return {code: name for code, name in gazetteer.us_states().items() if code not in iso}


def _state_of_code(name: str) -> str | None:
    """"DC", "D.C." → "District of Columbia"; anything else → None."""
    letters = name.replace(".", "")
    if len(letters) != 2 or name not in (letters, f"{letters[0]}.{letters[1]}."):
        return None
    return state_codes().get(letters)


def american(places: Iterable[str]) -> bool:
    """Some of ``places`` (an article's place mentions) is the United States ("United
    States", "U.S.", "America") or one of its states by name: the article is about the
    US, so a bare postal code in it is a US state's."""
    for name in places:
        folded = gazetteer.fold(name)
        if folded in _us_state_keys() or "United States" in (
                filters.country_of(name), filters.abbreviated_country(name),
                country_short_names().get(folded)):
            return True
    return False


@lru_cache(maxsize=1)
def _us_state_keys() -> frozenset[str]:
    """The states' names as :func:`gazetteer.fold` writes them, folded once."""
    return frozenset(gazetteer.fold(n) for n in gazetteer.us_states().values())


def after_person(text: str, mentions: Sequence[ner.Mention]) -> frozenset[int]:
    """Starts of the place mentions written right after a person and "of": "Jerrold
    Nadler of New York", "Senator Jane Roe of Washington". English names a legislator
    or a governor by the state they serve this way, so the place is the state."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return frozenset(m.start for prev, m in pairwise(ordered)
                     if prev.type == "person" and m.type == "place"
                     and text[prev.start + len(prev.text):m.start] == " of ")


def rename_place(name: str, text: str = "", start: int = 0, american: bool = False,
                 state: bool = False) -> str | None:
    """The name a place mention should take, or None to keep it.

    "America" → "United States" (:func:`country_short_names`); in an article about the
    United States (``american``), a bare state code → the state's name
    (:func:`state_codes`: "DC" → "District of Columbia"); a bare "New York" at
    ``text[start:]`` → "New York State" when its context calls it a state
    (:func:`_state_cue`, or ``state``: the caller saw "<person> of" before it,
    :func:`after_person`), else "New York City"; a bare "Washington"
    (:func:`same_name_region`: the state, or a smaller city elsewhere) → "Washington
    State" when its context says state, else kept (the build gives it no page).
    """
    if american and (state_name := _state_of_code(name)):
        return state_name
    if name.endswith(".") and (state_name := gazetteer.ap_state(name)):
        return state_name  # "Calif." (:func:`gazetteer.ap_states` kept its dot)
    folded = gazetteer.fold(name)
    country = country_short_names().get(folded)
    if country:
        return country
    pair = city_or_region().get(folded)
    region = same_name_region().get(folded)
    if pair is None and region is None:
        return None
    state = state or (bool(text) and _state_cue(text, start, start + len(name)))
    if pair is not None:
        return f"{pair[1]} State" if state else pair[0]
    return f"{region} State" if state else None


# --- one name, several places (round 14a) ----------------------------------------------

NEIGHBOURHOOD_NOUNS: frozenset[str] = frozenset({
    "neighborhood", "neighbourhood", "district", "suburb", "borough", "quarter",
})
"""Lower-case nouns for a part of a city. A name between a city's possessive and one of
them ("Seattle's Capitol Hill neighborhood") is a place in that city, whatever NER
called it."""


@lru_cache(maxsize=1)
def _country_by_code() -> dict[str, str]:
    """ISO 3166 alpha-2 code → the country's display name (:func:`filters.country_of`)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a dependency
        return {}
    out = {}
    for c in pycountry.countries:
        display = filters.country_of(c.name) or filters.country_of(
            getattr(c, "common_name", "") or "")
        if display:
            out[c.alpha_2] = display
    return out


@lru_cache(maxsize=1)
def _regions_by_name() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded first-level region name → ``(country, folded region)`` for each country that
    has a region of that name."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    countries = _country_by_code()
    for sub in gazetteer.regions():
        if sub.country_code in countries:
            found[gazetteer.fold(sub.name)].add((countries[sub.country_code],
                                                 gazetteer.fold(sub.name)))
    return {k: tuple(sorted(v)) for k, v in found.items()}


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, tuple[tuple[str, str | None, int], ...]]:
    """Folded city name → ``(country, folded region or None, population)`` of every
    GeoNames city of that name. The region is known where GeoNames files the city under
    an ISO 3166-2 letter code (the United States, the United Kingdom's countries,
    Switzerland, Belgium, as :func:`gazetteer.cities_in_region` reads them, and districts
    such as the District of Columbia); elsewhere only the country is."""
    by_code = gazetteer.region_codes(every_kind=True)  # "District of Columbia" too
    countries = _country_by_code()
    found: dict[str, set[tuple[str, str | None, int]]] = defaultdict(set)
    for city in gazetteer.cities():
        country = countries.get(city.get("countrycode", ""))
        if country:
            region = by_code.get((city["countrycode"], city.get("admin1code", "")))
            found[gazetteer.fold(city["name"])].add(
                (country, region, int(city.get("population") or 0)))
    return {k: tuple(sorted(v, key=lambda h: (h[0], h[1] or "", -h[2])))
            for k, v in found.items()}


Home = tuple[str, str | None]
"""Where a place is: ``(country, folded first-level region or None when not known)``."""


def _region_or_country(name: str) -> Home | None:
    """The home a qualifier names when it is a country ("France"), a first-level region of
    one country ("North Carolina", "Bavaria") or a US state's code ("N.C.", "DC")."""
    country = filters.any_country(name)
    if country:
        return country, None
    if (ap := gazetteer.ap_state(name)) is not None:  # "Ore." (its dot maybe cut off)
        return "United States", gazetteer.fold(ap)
    letters = name.replace(".", "")
    if len(letters) == 2 and letters.isupper() and name in (letters, f"{letters[0]}.{letters[1]}."):
        state = gazetteer.us_states().get(letters)
        if state:
            return "United States", gazetteer.fold(state)
    found = _regions_by_name().get(gazetteer.fold(name), ())
    return found[0] if len(found) == 1 else None


def home_of(name: str) -> Home | None:
    """Where the place ``name`` is, when the gazetteers say so without doubt: a country,
    a region (:func:`_region_or_country`), or a city GeoNames lists in one region only
    ("Seattle" → United States, Washington); else None."""
    found = _region_or_country(name)
    if found is not None:
        return found
    cities = {(country, region) for country, region, _ in
              _cities_by_name().get(gazetteer.fold(name), ())}
    return cities.pop() if len(cities) == 1 else None


def article_country(places: Iterable[str]) -> str | None:
    """The country an article is set in, read from its places: the one that more than
    half of the places the gazetteers can locate lie in (a country counts as itself,
    "Gateshead" and "Scotland" as the United Kingdom), else None.

    Counted by country names alone, a British politics story that names Gateshead and
    Nottingham and, once, Iraq named one country, Iraq, and its "Labour Party" became
    Iraq's; a US story that names Maryland, Baltimore and the Benghazi inquiry is still
    the United States'."""
    homes: Counter[str] = Counter()
    for name in set(places):
        home = home_of(name)  # a country is its own home (_region_or_country)
        if home is not None:
            homes[home[0]] += 1
    if not homes:
        return None
    country, n = max(homes.items(), key=lambda kv: (kv[1], kv[0]))
    return country if n * 2 > sum(homes.values()) else None


def _same_place(a: Home, b: Home) -> bool:
    """Two homes that may be one: the same country, and the same region when both say."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _region_like(name: str) -> bool:
    """A country or a first-level region, with or without "the": a name that is itself a
    qualifier, never a place qualified by one ("Alabama, Arkansas" and "the United
    States, Thailand" are lists; "Washington, D.C." is kept)."""
    name = _THE.sub("", name)
    return _region_or_country(name) is not None or gazetteer.fold(name) in _regions_by_name()


_THE = re.compile(r"^[Tt]he\s+")


_QUALIFIER_END = re.compile(r"(?:['’]s)?[,;:.]*$")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")


def place_qualifiers(text: str, mentions: Sequence[ner.Mention]
                     ) -> list[tuple[str, str, bool]]:
    """``(place as written, larger place, said a place)`` for each place the text names
    with the region or country it is in: "Wilmington, North Carolina", "Paris, Texas",
    "Seattle's Capitol Hill neighborhood" → ("Capitol Hill", "Seattle", True). The last
    is True when a neighbourhood noun says the name is a place's, whatever its type.

    Many places share a name (two Wilmingtons, two Capitol Hills), and English tells them
    apart by naming the larger place: after a comma, or as a possessive before it. The
    article's entity of that name is then named "<place>, <larger place>" once its
    mentions are grouped and filtered (:mod:`.entities`), and the larger place keeps its
    own mention; :func:`split_same_names` decides at build whether the corpus needs the
    longer name (places of one name) or not (the bare name, as before). The larger place
    must be a country, a first-level region (a US state's code too) or, before a
    possessive, a city the gazetteer files in one region; the place named must not itself
    be a country or a region ("Idaho, Michigan" and "the United States, Thailand" are
    lists). After a possessive, an organisation span followed by a neighbourhood noun
    (:data:`NEIGHBOURHOOD_NOUNS`) counts as a place.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[tuple[str, str, bool]] = []
    for i, m in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        prev = ordered[i - 1] if i else None
        end = m.start + len(m.text)
        if m.type not in ("place", "organization") or _region_like(m.text):
            continue
        if (m.type == "place" and nxt is not None and nxt.type in ("place", None)
                and text[end:nxt.start] == ", " and not _mixes_list_middle(
                    text[max(0, m.start - 40):m.start], text[nxt.start + len(nxt.text):][:40])):
            larger = _THE.sub("", _QUALIFIER_END.sub("", nxt.text))
            larger = gazetteer.ap_state(larger) or larger  # "Ore." → "Oregon"
            if larger and _region_or_country(larger) is not None:
                out.append((m.text, larger, False))
                continue
        if prev is not None and prev.type == "place":
            gap = text[prev.start + len(prev.text):m.start]
            owner = re.sub(r"['’]s$", "", prev.text)
            possessive = (gap == " " and owner != prev.text) or gap in ("'s ", "’s ")
            after = _NOUN_AFTER.match(text, end)
            said = after is not None and after.group(1) in NEIGHBOURHOOD_NOUNS
            if possessive and (said or m.type == "place") and home_of(owner) is not None:
                out.append((m.text, owner, said))
    return out


_MIXES_ITEM_AFTER = re.compile(
    r"(?:,|,?\s+(?:and|or))\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(,\s+[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*)*)?")


def _mixes_list_middle(before: str, after: str) -> bool:
    """A "<place>, <place>" pair, ``before`` and ``after`` it, is two items in the middle
    of a list of bare places, not "<place>, <larger place>": "in Quorn, Velby, Nevada and
    Ostburg". A list names things of one kind the same way, so when the item before the
    pair is a bare place (itself no region: "Albany, New York, Springfield, Illinois and
    …" pairs each town with its region) and the item after it is one too (no comma and
    a region after it), the pair is read as two items. Only the middle of a list: a pair
    that opens or ends one ("Reading, Berkshire, UK shortly", "in Dalby, Nevada and
    Ostburg") keeps its reading."""
    item = _NAME_COMMA_BEFORE.search(before)
    following = _MIXES_ITEM_AFTER.match(after)
    if item is None or following is None or _region_like(item.group(1).split()[-1]) \
            or _region_like(item.group(1)) or _region_like(following.group(1)):
        return False
    tail = following.group(2)
    return tail is None or not _region_like(tail.lstrip(", "))


_QUALIFIED = re.compile(r"(?P<base>[^,]+), (?P<larger>[^,]+)")


def _qualified(etype: str, name: str) -> tuple[str, Home] | None:
    """``(base, home)`` for a place named "<base>, <larger place>" (:func:`place_qualifiers`,
    or NER's own span), unless the base is itself a region or a country ("Washington,
    D.C." stays as it is); else None."""
    found = _QUALIFIED.fullmatch(name) if etype != "person" else None
    if found is None or _region_like(found["base"]):
        return None
    larger = found["larger"]
    home = _region_or_country(larger) or home_of(larger)
    return (found["base"], home) if home is not None else None


def _printed(name: str) -> str:
    """"Wilmington, N.C." → "Wilmington, North Carolina": a state's code spelled out, so
    both ways of writing one place make one page."""
    base, _, larger = name.rpartition(", ")
    letters = larger.replace(".", "")
    state = (gazetteer.us_states().get(letters) if len(letters) == 2 else None) or (
        gazetteer.ap_state(larger) if base else None)
    return f"{base}, {state}" if state else name


def split_same_names(articles: Sequence[Sequence[tuple[str, str]]],
                     known: Mapping[str, object]) -> tuple[list[list[tuple[str, str]]],
                                                           set[tuple[str, str]]]:
    """Per article, the ``(type, name)`` pairs with places of one name told apart, and the
    bare names left without a place (no page).

    A name the corpus writes with two different larger places ("Wilmington, North
    Carolina", "Wilmington, Delaware"), or with one while the gazetteer knows a bigger
    place of the name elsewhere ("Capitol Hill, Seattle", which GeoNames does not list,
    and GeoNames' Capitol Hill in the District of Columbia; "Springfield, Illinois" and
    the bigger Springfield, Missouri), names several places: each qualified form keeps
    its own name, and a bare mention takes the one whose region or country its article
    names among its places; with no such place, the bare name means the one city of that
    name with :data:`MIN_CITY` people if there is one ("Paris", beside "Paris, Texas"),
    else it stays as written and gets no page: two same-name pages are never joined by a
    guess. A name the corpus writes with one larger place, where that place is the
    biggest of the name the gazetteer knows (or the only one), is its bare name
    everywhere, as before: what a bare name means is its biggest place ("Kenosha,
    Wisconsin" is "Kenosha"; "Portland, Oregon" is "Portland", Maine's being smaller).
    """
    homes: dict[str, dict[Home, str]] = defaultdict(dict)  # folded base → home → name
    named = dict.fromkeys(pair for pairs in articles for pair in pairs)  # first seen first
    qualified = {(etype, name): found for etype, name in named
                 if ", " in name and name not in known
                 and (found := _qualified(etype, name)) is not None}
    for (_, name), found in qualified.items():  # a pair's later mentions change nothing
        written = homes[gazetteer.fold(found[0])]
        if not any(_same_place(found[1], h) for h in written):
            written[found[1]] = _printed(name)
    famous: dict[str, Home | None] = {}
    several: set[str] = set()
    for base, written in homes.items():
        cities = _cities_by_name().get(base, ())
        big = [(c, r) for c, r, people in cities if people >= MIN_CITY]
        famous[base] = big[0] if len(big) == 1 else None
        if len(written) >= 2:
            several.add(base)  # the corpus writes two places of the name
            continue
        (home,) = written
        size = max((people for c, r, people in cities if _same_place((c, r), home)), default=0)
        if any(people > size for c, r, people in cities if not _same_place((c, r), home)):
            several.add(base)  # a bigger place of the name elsewhere: the bare name may be it
    out: list[list[tuple[str, str]]] = []
    pageless: set[tuple[str, str]] = set()
    folded: dict[str, str] = {}  # a site repeats each name many times
    watched = bool(several) or bool(same_name_region())
    # the pairs the loop below may rename or leave pageless; an article with none of
    # them stays as it is
    touched = set(qualified)
    if watched:
        bases = several | same_name_region().keys()
        touched |= {(etype, name) for etype, name in named
                    if etype != "person" and name not in known
                    and folded.setdefault(name, gazetteer.fold(name)) in bases}
    for pairs in articles:
        if touched.isdisjoint(pairs):
            out.append(list(pairs))
            continue
        renamed: list[tuple[str, str]] = []
        places: list[Home] | None = None  # this article's places' homes, when asked
        for etype, name in pairs:
            found = _qualified(etype, name) if ", " in name and name not in known else None
            if found is not None:
                base = gazetteer.fold(found[0])
                big = famous[base]
                if base not in several or (big is not None and _same_place(found[1], big)):
                    name = found[0]  # one place of that name, or the famous one
                else:
                    name = _printed(name)
                renamed.append((etype, name))
                continue
            if etype == "person" or not watched:
                renamed.append((etype, name))
                continue
            base = folded.get(name) or folded.setdefault(name, gazetteer.fold(name))
            if etype == "place" and base in same_name_region() and name not in known:
                pageless.add((etype, name))  # "Washington" with no word for state or city
            elif etype != "person" and base in several and name not in known:
                if places is None:
                    places = [h for t, n in pairs if t == "place" and gazetteer.fold(n) != base
                              and (h := home_of(n)) is not None]
                options = [h for h in homes[base] if any(_cued(p, h) for p in places)]
                big = famous[base]
                if len(options) == 1 and not (big is not None and _same_place(options[0], big)):
                    name = homes[base][options[0]]
                elif big is None or len(options) > 1:
                    pageless.add((etype, name))
            renamed.append((etype, name))
        out.append(renamed)
    return out, pageless


def _cued(place: Home, candidate: Home) -> bool:
    """An article's place says which of a name's places it means: the candidate's region,
    or its country when the candidate is named by its country alone."""
    if candidate[1] is None:
        return place[0] == candidate[0]
    return place == candidate
