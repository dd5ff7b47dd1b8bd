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
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from news_digest.enrich import filters, gazetteer

__all__ = ["MIN_CITY", "american", "city_or_region", "country_short_names", "rename_place",
           "state_codes"]

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
    comma = re.search(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*),\s+$", before)
    return bool(comma and not comma.group(1).endswith(name))


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


def rename_place(name: str, text: str = "", start: int = 0, american: bool = False
                 ) -> str | None:
    """The name a place mention should take, or None to keep it.

    "America" → "United States" (:func:`country_short_names`); in an article about the
    United States (``american``), a bare state code → the state's name
    (:func:`state_codes`: "DC" → "District of Columbia"); a bare "New York" at
    ``text[start:]`` → "New York State" when its context calls it a state
    (:func:`_state_cue`), else "New York City".
    """
    if american and (state_name := _state_of_code(name)):
        return state_name
    folded = gazetteer.fold(name)
    country = country_short_names().get(folded)
    if country:
        return country
    pair = city_or_region().get(folded)
    if pair is None:
        return None
    city, region = pair
    state = bool(text) and _state_cue(text, start, start + len(name))
    return f"{region} State" if state else city
