"""What the words around a name say about it, where NER's one label is weaker.

Two cues any English news text gives, each stronger than the small model's label:

- *A job or title right before a name* ("porn actress Stormy Daniels",
  "Representative Elijah Cummings"): the name is a person's. The model called both
  organisations in most articles, and the corpus vote could not overturn it.
- *An acronym spelled out in lower case* ("digital rights management (DRM)"): the
  acronym names a common thing, not an organisation. And an acronym of a name that is
  not an entity ("Digital Millennium Copyright Act (DMCA)", a law) is not one either.

Titles come from ``nameparser``'s list (≈800: "actress", "lawyer", "Representative")
and the product's own :data:`ner.TITLES`, less the words that are also adjectives or
nouns in a name ("former Soviet Union", "General Motors", "National Guard").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from news_digest.enrich import bodies, filters, gazetteer, ner, rarity

__all__ = ["DEFINITION_LINKS", "PORTFOLIO_NOUNS", "QUANTITY_WORDS", "Definition",
           "acronym_meanings", "bare_with_the", "chained_in_name", "cut_before_name",
           "cut_from_longer", "defined_acronyms", "ends_longer", "former_name",
           "given_name_before", "inside_definition",
           "listed_pair", "named_before", "named_in_plural", "numbered",
           "numbered_after", "only_in_chains", "only_opens_sentences", "opens_sentence",
           "part_of_title",
           "person_like", "place_opens_name", "plural_common", "portfolio", "referred_back",
           "spells",
           "surname_cut_from_name", "team_sense", "the_in_name", "titled_person"]

NOT_CUES: frozenset[str] = frozenset({
    "former", "late", "then", "acting", "new", "old", "young", "united", "national",
    "state", "general", "federal", "royal", "grand", "great", "high", "supreme", "chief",
    "senior", "junior", "first", "deputy", "vice", "lord", "lady", "saint", "st", "the",
    "his", "her", "their", "our", "its", "a", "an", "and", "or", "of", "to", "at", "by",
    "film", "group", "advocate", "business", "computer", "law", "credit", "family",
})
"""Words in the title lists that also open the names of things ("former Yugoslavia",
"General Electric", "National Guard", "Saint Lucia"), or are not titles at all: no cue."""


@lru_cache(maxsize=1)
def _job_words() -> frozenset[str]:
    """Lower-case jobs and titles ("actress", "lawyer", "geochemist") from ``nameparser``,
    less stop words ("us") and :data:`NOT_CUES`."""
    try:
        from nameparser.config import CONSTANTS
        listed = {str(t).lower() for t in CONSTANTS.titles}
    except ImportError:  # pragma: no cover - nameparser is a dependency
        listed = set()
    return frozenset(listed - NOT_CUES - ner.stop_words())


_TITLE_WORDS: frozenset[str] = frozenset(t for t in ner.TITLES if " " not in t) - {
    "General", "Justice", "Major", "Father", "St"}
"""The product's own one-word titles ("Representative", "Senator"), less those that
also open other names ("General Motors", "Justice Department")."""


STAFF_NOUNS: frozenset[str] = frozenset({
    "boss", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "frontman", "frontwoman", "singer", "guitarist", "drummer", "bassist", "vocalist",
})
"""Lower-case nouns for the person who heads, speaks or plays for a body, which English
writes between the body's name and the person's ("Quorin Tiles spokesman Jan Roe",
"former Zarvotel boss Jan Roe", "his ex-boss Jan Roe", "Kestrel Lane drummer Jan Roe");
``nameparser``'s job list lacks most of them. A closed class of English role nouns, not
names: the name right after one is a person's (:func:`titled_person`), the name right
before one, with a person's name after it, a body's (:func:`staffed_body`)."""


def _cue(word: str) -> bool:
    """A title or job: a capitalised title of :data:`ner.TITLES`, or a job noun written
    in lower case ("porn actress", or one of :data:`STAFF_NOUNS`: "ex-boss"). A
    capitalised word of ``nameparser``'s long list is no cue: it holds "Air", "Army",
    "British", "Special", which open organisations."""
    bare = word.rstrip(".")
    return bare in _TITLE_WORDS or (bare.islower() and (bare in _job_words()
                                                        or bare in STAFF_NOUNS))


_STAFF_AFTER = re.compile(r"[ \t]+(?:chief[ \t]+executive|([a-z]+))[ \t]+"
                          r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*[ \t]+[A-Z][a-z]")


def staffed_body(text: str, mention: ner.Mention) -> bool:
    """True when a person-typed ``mention`` is written before a body's role noun
    (:data:`STAFF_NOUNS`, or "chief executive") that a person's full name follows:
    "[Quorin Tiles] spokesman Jan Roe", "[Kestrel Lane] frontman Jan Roe". English
    writes a body's name there, as the person's employer; a person's name is written
    with a possessive ("Roe's spokesman Ann Fell": no cue) or with no name after it."""
    after = _STAFF_AFTER.match(text, mention.start + len(mention.text))
    return bool(mention.type == "person" and after
                and (after.group(1) is None or after.group(1) in STAFF_NOUNS))


_POSSESSIVE = re.compile(r"['’]s$")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_NAME_PART = re.compile(r"[-'’]")


def _name_word(word: str) -> bool:
    """A capitalised name word: a capital and lower-case letters, accents included
    ("Rosselló", "Müller"), hyphened ("Zeta-Jones", "Jean-Luc"). English news prints
    foreign names with their accents; an ASCII-only pattern left "Ricardo Rosselló
    Nevares" without a person's shape."""
    if word.isascii():  # most words: one match (a third of the cost of the split)
        return _NAME_WORD.fullmatch(word) is not None
    first, *rest = _NAME_PART.split(word)
    return (len(first) >= 2 and first.isalpha() and first[0].isupper() and first[1:].islower()
            and all(p.isalpha() and (p.islower() or (p[0].isupper() and p[1:].islower()))
                    for p in rest))


def _person_like(words: list[str]) -> bool:
    stop = ner.stop_words()
    return (2 <= len(words) <= 3 and all(_name_word(w) for w in words)
            and not any(w.lower() in stop or w in _TITLE_WORDS or _POSSESSIVE.search(w)
                        for w in words)
            and not gazetteer.is_place(" ".join(words))
            and not any(w in ner.ORG_SUFFIXES or w in ner.PLACE_SUFFIXES for w in words)
            and not filters.country_of(" ".join(words)))


def person_like(name: str) -> bool:
    """``name`` is shaped like a person's: two or three capitalised name words, no stop
    word, title or organisation/place suffix, not a gazetteer place or a country, and
    no common English word after the first ("Kennedy Space Center" is a place's name
    made of words; "Don Blankenship" is not; a common surname, "Gordon Brown", is left
    to the vote)."""
    words = name.split()
    return _person_like(words) and not any(rarity.common(w) for w in words[1:])


_CALENDAR: frozenset[str] = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"})
"""Months and weekdays: capitalised in mid-sentence, yet no part of a name."""


def _word_of_its_own(word: str) -> bool:
    """A capitalised word that stands beside a name in its own right, not as part of
    it: a stop word, a role or title, a month or weekday, a country, a demonym or a
    place ("Senator", "Monday", "Syria", "Kurdish", "Texas")."""
    return (word.lower() in ner.stop_words() or _role(word) or _cue(word)
            or word in _CALENDAR or bool(filters.country_of(word))
            or bool(bodies.demonym_country(word)) or gazetteer.is_place(word))


def _in_other_span(start: int, end: int, mention: ner.Mention,
                   others: Sequence[ner.Mention]) -> bool:
    """Some other span of ``others`` covers part of ``text[start:end]``: the words
    there belong to a name of their own."""
    return any(o is not mention and o.start < end and o.start + len(o.text) > start
               for o in others)


_TWO_WORDS_BEFORE = re.compile(
    rf"(?<=[a-z,;:] )({_NAME_WORD.pattern}) ({_NAME_WORD.pattern}) $")


def surname_cut_from_name(text: str, mention: ner.Mention,
                          others: Sequence[ner.Mention]) -> bool:
    """True when a one-word person span is the last word of a longer name NER left
    out: two capitalised words stand right before it in mid-sentence, neither a title,
    a job or a role, and neither part of another span ("the Borat actor Sacha Baron
    [Cohen]"). The bare surname would resolve to another person of that name on the
    site; the name as written is unknown to the model, so the mention is no link.
    "Senator [Cohen]", "Prime Minister [Johnson]" (a role right before), "Vermont's
    [Sanders]" and a sentence's first words are left alone."""
    if mention.type != "person" or " " in mention.text.strip():
        return False
    found = _TWO_WORDS_BEFORE.search(text[max(0, mention.start - 60):mention.start])
    if found is None:
        return False
    given, middle = found.group(1), found.group(2)
    if _in_other_span(mention.start - len(found.group(0)), mention.start, mention, others):
        return False  # the words belong to another span: "[Acme Corp] [Smith]"
    if gazetteer.is_place(f"{given} {middle}") or given.lower() in _job_words():
        return False  # "New Hampshire [Sanders]"; "Chancellor Angela [Merkel]"
    # the middle word may be a title word when it is part of the name ("Baron")
    return not (_word_of_its_own(given) or _word_of_its_own(middle))


_ONE_WORD_BEFORE = re.compile(r"(?<![\w'’&.-])([A-Z][a-z]+) $")
"""One plain capitalised word right before a span: a hyphened word is a description
("Fit-again", "German-born", "Fifteen-year-old", "Vice-President"), not a first name."""


def given_name_before(text: str, mention: ner.Mention,
                      others: Sequence[ner.Mention]) -> ner.Mention | None:
    """A one-word person span with one capitalised name word right before it, as the
    whole name written ("Quorin [Dalby]": the model knew the surname, not the rare first
    name); else None.

    The article names a person "<first name> <surname>"; left as the bare surname, the
    corpus would resolve it to another person of that surname (a different first name).
    The word before must be a name: not a stop word, role, title, month, country,
    demonym or place (:func:`_word_of_its_own`: "But [Dalby]", "Striker [Dalby]",
    "Welsh [Dalby]"), not a common English word (a sentence's opener, "Meanwhile
    [Dalby]"), not a job or an agent noun ("Striker [Dalby]", "Midfielder [Dalby]": a
    player's position opening a sentence) and not part of another span. Common first
    names are common words and the model tags them with the surname anyway; a rare
    first name shaped like an agent noun is left as the bare surname (no rule). After
    "the" the two words name a thing ("the Swan Hunter shipyard"), as in
    :func:`bare_with_the`."""
    if mention.type != "person" or " " in mention.text.strip():
        return None
    found = _ONE_WORD_BEFORE.search(text[max(0, mention.start - 40):mention.start])
    if found is None:
        return None
    given = found.group(1)
    start = mention.start - len(found.group(0))
    if re.search(r"(?<![\w'’])the[ \t]+$", text[max(0, start - 8):start]):
        return None  # "the Swan [Hunter] shipyard": no "the" before a person's name
    if (_in_other_span(start, mention.start, mention, others) or _word_of_its_own(given)
            or rarity.common(given) or given.lower() in _job_words()
            or _AGENT.fullmatch(given.lower())):
        return None
    return replace(mention, text=f"{given} {mention.text}", start=start)


def bare_with_the(text: str, mention: ner.Mention) -> bool:
    """A one-word person span written after a lower-case "the" and ending its noun
    phrase ("visitors to the [Vantry].", "the [Vantry]'s director"): English puts no
    "the" before a person's bare surname, so the word names a thing (a gallery, a
    firm). A span the phrase goes on from with a lower-case word is a person's name
    used as a modifier ("the [Dalby] government") and is left alone."""
    if mention.type != "person" or " " in mention.text.strip():
        return False
    if not re.search(r"(?<![\w'’])the[ \t]+$", text[max(0, mention.start - 8):mention.start]):
        return False
    rest = text[mention.start + len(mention.text):]
    if re.match(r"['’]s\b", rest):
        return True  # "the Vantry's director"
    after = re.match(r"[ \t]*([a-z]+)", rest)
    return after is None or after.group(1) in ner.stop_words()


_OF_TITLE = re.compile(r"\b([A-Z][a-z]+) of\s+(?:the\s+)?$")
"""A capitalised title or job and "of (the)" right before a span: "Speaker of the",
"Secretary of"."""


TITLED_HONORIFICS: frozenset[str] = frozenset({
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sir", "Dame"})
"""Honorifics English writes only before a person's name, never as the first word of
a body's or a place's ("[Mr Roe]", "[Dr Roe]"), unlike ranks and offices that also open
names of things ("King Edward" hospital, "Prince Albert" town, "Miss World" contest)."""


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _honorific_and_name(words: list[str]) -> bool:
    """``words`` are an honorific (:data:`TITLED_HONORIFICS`) and one name word: "Mr
    Roe", the model's span that :func:`titled_person`'s loop (a title and two or three
    name words) leaves to the label, which the small model often gets wrong on a
    surname it rarely saw."""
    name = _POSSESSIVE_END.sub("", words[1]) if len(words) == 2 else ""
    return (words[0].rstrip(".") in TITLED_HONORIFICS and _name_word(name)
            and not filters.country_of(name))


def titled_person(text: str, mention: ner.Mention) -> ner.Mention | None:
    """The person a title or job vouches for, as a person mention; else None.

    The title is either the word right before the span ("porn actress [Stormy
    Daniels]") or inside it ("[United States Representative Elijah Cummings]", then the
    mention is cut to the name after it), or a title "of" a body the span opens with
    ("Speaker of [the House Nancy Pelosi]": the model reads body and holder as one
    organisation; the last two words are the person). The name must look like a person's: two or
    three capitalised words, none an organisation or place suffix, not a country.
    """
    if mention.type == "person":
        return None
    words = mention.text.split()
    if _honorific_and_name(words):
        return replace(mention, type="person")
    for i, word in enumerate(words[:-2]):
        if word.rstrip(".") in _TITLE_WORDS and _person_like(words[i + 1:]):
            rest = " ".join(words[i + 1:])
            at = mention.text.find(rest)
            return replace(mention, text=rest, type="person", start=mention.start + at)
    of_title = _OF_TITLE.search(text[max(0, mention.start - 40):mention.start])
    named = words[1:] if words and words[0].lower() == "the" else words
    if (of_title and (_cue(of_title.group(1)) or of_title.group(1).lower() in _job_words())
            and len(named) >= 3 and _person_like(named[-2:])
            and not any(re.search(rf"\b{re.escape(w.lower())}\b", text) for w in named[-2:])):
        # "Speaker of [the House Nancy Pelosi]", "Secretary of [State Mike Pompeo]": the
        # title's body, then the person holding it; not when the text writes a word of
        # the two in lower case ("Director of [Mid Wales Tourism Partnership]" beside
        # "local tourism chiefs": the words are the body's name)
        rest = " ".join(named[-2:])
        return replace(mention, text=rest, type="person",
                       start=mention.start + mention.text.rfind(rest))
    if not _person_like(words):
        return None
    before = re.search(r"([A-Za-z]+)(\.?)\s+$", text[max(0, mention.start - 40):mention.start])
    if before and _cue(before.group(1)) and (not before.group(2) or before.group(1)[0].isupper()):
        # "Rep. Jane Roe"; but "… an airport protocol officer. The Daily Telegraph …"
        return replace(mention, type="person")
    return None


_FORMER_NAME = re.compile(
    r"(?:\b(?:was|were)\s+(?:originally\s+|first\s+)?(?:founded|formed|established|"
    r"created|launched|started|registered|set\s+up)(?:\s+in\s+\d{4})?\s+as|"
    r"\b(?:formerly|previously|originally)\s+(?:known\s+as|called|named)|"
    r"\b(?:renamed|changed\s+(?:its|their)\s+name)\s+from|\bf/k/a)"
    r"\s+(?:the\s+)?$")


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def former_name(text: str, mention: ner.Mention) -> bool:
    """True when the sentence gives an organisation-typed ``mention`` as another body's
    earlier name ("The party was founded in 2011 as the Christian Democratic Party",
    "formerly known as Acme Ltd", "renamed from …"): the body it names is on the page
    of its current name, and a page for the old name would be the same body twice."""
    if mention.type != "organization" or _POSSESSIVE_AFTER.match(
            text, mention.start + len(mention.text)):
        return False  # "formerly the Agency's chief of staff": the body is current
    return _FORMER_NAME.search(text[max(0, mention.start - 80):mention.start]) is not None


@dataclass(frozen=True)
class Definition:
    """An acronym the text spells out in brackets: "Long Name (LN)" or "LN (Long Name)".

    ``start`` and ``end`` are the phrase's offsets in the text it was read from."""

    acronym: str
    phrase: str
    start: int
    end: int

    @property
    def named(self) -> bool:
        """The phrase is a name, not a common noun: every word but the link words is
        capitalised ("Islamic State of Iraq and Syria"), or all but a last word that is
        an organisation's or a place's suffix ("Bharatiya Janata party"). "digital rights
        management" and "the CI/CD and build system" are common nouns."""
        words = [w for w in self.phrase.split() if w.lower() not in DEFINITION_LINKS]
        return bool(words) and all(
            w[:1].isupper() or (i == len(words) - 1 and w.capitalize()
                                in ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES)
            for i, w in enumerate(words))


DEFINITION_LINKS: frozenset[str] = filters.ACRONYM_SKIP | {"at", "to", "a", "an", "by"}
"""Small words an acronym's letters may leave out or may count ("Department of the
Interior (DOI)", "Society for the Study of X (SSX)"): the link words
:func:`filters.acronym_of` skips, and a few more prepositions and articles."""

_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*([A-Z]{2,8})\s*\)")
_ACRONYM_BEFORE_BRACKETS = re.compile(
    r"(?<![\w&./-])([A-Z]{2,8})[ \t]*\(\s*(?:the\s+)?([^(),;]+?)\s*[),;]")
_PHRASE_START = re.compile(r"(?:[\n.!?:;,()\[\]\"“”—–]|\s-\s)(?=[^\n.!?:;,()\[\]\"“”—–]*$)")
_EDGE_QUOTES = "\"'“”‘’"


def _letters(word: str, edge: bool) -> set[str]:
    """What one word may give an acronym: its initial; the initials of its parts when it
    is joined by a slash or a hyphen ("CI/CD" → "C" or "CC"); nothing when it is a small
    word inside the phrase."""
    word = word.strip(_EDGE_QUOTES)
    out = {word[0].upper()} if word[:1].isalpha() else set()
    parts = [p for p in re.split(r"[/-]", word) if p]
    if len(parts) > 1 and all(p[:1].isalpha() for p in parts):
        out.add("".join(p[0] for p in parts).upper())
    if not edge and word.lower() in DEFINITION_LINKS:
        out.add("")
    return out


def spells(words: Sequence[str], acronym: str) -> bool:
    """True when ``words``' initials spell ``acronym``, whatever their case: each word
    gives its initial (a slashed or hyphened word its initial or its parts'), a link word
    inside the phrase (:data:`DEFINITION_LINKS`) gives its initial or nothing, and the
    first and last words give theirs. The reading :func:`filters.acronym_of` makes of a
    capitalised name, widened to the lower-case and mixed phrases English also
    abbreviates ("the CI/CD and build system (CBS)")."""
    acronym = acronym.upper()
    if len(words) < 2:
        return False
    last = len(words) - 1
    options = [_letters(w, i in (0, last)) for i, w in enumerate(words)]
    reach = {0}  # letters of the acronym matched so far
    for opts in options:
        reach = {n + len(o) for n in reach for o in opts
                 if acronym.startswith(o, n)}
        if not reach:
            return False
    return len(acronym) in reach


def _country_word(word: str) -> bool:
    """True when ``word`` is a country's name, abbreviation or demonym ("US", "British"),
    the qualifier English writes before a body's name without making it another name."""
    word = word.strip(_EDGE_QUOTES)
    return bool(filters.any_country(word) or bodies.demonym_country(word))


def _name_goes_on(before: Sequence[str]) -> bool:
    """True when the words before a phrase go on with its name: a capitalised word, or a
    link word after one ("the Rally for the Return of [Refugees and Democracy in Rwanda]
    (RDR)"). Initials that a name's tail happens to spell are no definition: an acronym
    stands for a whole name, from its first word."""
    if not before:
        return False
    last = before[-1].strip(_EDGE_QUOTES)
    if last.lower() in DEFINITION_LINKS:
        return len(before) >= 2 and before[-2].strip(_EDGE_QUOTES)[:1].isupper()
    return last[:1].isupper()


def defined_acronyms(text: str) -> list[Definition]:
    """Every acronym the text defines in brackets, with the phrase it stands for there:
    "the Zorbly Build Service (ZBS)" (the shortest run of words right before the bracket,
    in one clause, whose initials spell it, :func:`spells`, and, when it is a name, no
    tail of a longer one, :func:`_name_goes_on`) and "ZBS (Zorbly Build Service)" (the
    bracket's words up to a comma, all of them). A writer who spells an
    acronym out says what it means *in this article*, whatever the same letters name
    elsewhere; and the words of the phrase are one name, not names of their own."""
    out: list[Definition] = []
    for found in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = found.group(1)
        head = text[max(0, found.start() - 200):found.start()]
        cut = _PHRASE_START.search(head)
        base = found.start() - len(head) + (cut.end() if cut else 0)
        tokens = list(re.finditer(r"\S+", text[base:found.start()]))
        words = [t.group(0) for t in tokens]
        for k in range(2, min(len(tokens), 2 * len(acronym) + 2) + 1):
            run = tokens[-k:]
            if not spells(words[-k:], acronym):
                continue
            start = base + run[0].start()
            end = base + run[-1].end()
            start += len(text[start:end]) - len(text[start:end].lstrip(_EDGE_QUOTES))
            end -= len(text[start:end]) - len(text[start:end].rstrip(_EDGE_QUOTES))
            defined = Definition(acronym, text[start:end], start, end)
            if (defined.named and k < len(tokens) and _country_word(words[-k - 1])
                    and not _name_goes_on(words[:-k - 1])):
                # "the Ruritanian Zorbly Build Service (ZBS)": the country qualifies the
                # body the letters stand for; the phrase is written with it
                start = base + tokens[-k - 1].start()
                defined = Definition(acronym, text[start:end], start, end)
            elif defined.named and _name_goes_on(words[:-k]):
                continue
            out.append(defined)
            break
    for found in _ACRONYM_BEFORE_BRACKETS.finditer(text):
        acronym, phrase = found.group(1), found.group(2)
        if spells(phrase.split(), acronym):
            out.append(Definition(acronym, " ".join(phrase.split()), found.start(2),
                                  found.end(2)))
    return sorted(out, key=lambda d: (d.start, d.acronym))


def acronym_meanings(definitions: Sequence[Definition]) -> tuple[frozenset[str],
                                                                  dict[str, str]]:
    """What an article's definitions (:func:`defined_acronyms`) make of its acronyms:
    those it spells out only as common nouns ("digital rights management (DRM)", "the
    CI/CD and build system (CBS)": in this article the letters name no body, whatever
    they name elsewhere; an organisation's acronym is spelled out with capitals), and
    those it spells out as one name each (:attr:`Definition.named`; two different names
    for one acronym say nothing)."""
    named: dict[str, set[str]] = {}
    common: set[str] = set()
    for d in definitions:
        if d.named:
            named.setdefault(d.acronym, set()).add(d.phrase)
        else:
            common.add(d.acronym)
    return (frozenset(common - set(named)),
            {a: next(iter(p)) for a, p in sorted(named.items()) if len(p) == 1})


def inside_definition(mention: ner.Mention, definitions: Sequence[Definition]) -> bool:
    """True when ``mention`` lies inside the phrase of an acronym's definition and is not
    the whole phrase: "Iraq" in "ISIS (Islamic State of Iraq and Syria)" or in "the
    Islamic State of Iraq and Syria (ISIS)" is a word of the group's name, not a mention
    of the country, as "Tyler" in "University of Texas at Tyler (UTT)" is no mention of
    the city. A longer name written out as an acronym's expansion is one name."""
    end = mention.start + len(mention.text)
    own = re.sub(r"^[Tt]he\s+", "", mention.text.strip())
    return any(d.start <= mention.start and end <= d.end and own != d.phrase
               for d in definitions)


def named_in_plural(name: str, text: str) -> bool:
    """True when ``text`` writes the acronym of ``name``, a plural phrase, in the plural
    ("the SIGs (Special Interest Groups)", "MPs (Members of Parliament)"): English
    pluralises an acronym only for a kind of thing of which there are many, never for
    one body, so the capitalised phrase is a common noun, not an organisation's name."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "Members of …"
    if len(words) < 2 or not head.endswith("s") or head.endswith("ss"):
        return False
    acronym = filters.acronym_of(name)
    if not acronym or not 2 <= len(acronym) <= 6:
        return False
    return re.search(rf"(?<![\w-]){re.escape(acronym)}s(?![\w-])", text) is not None


def the_in_name(name: str, text: str) -> bool:
    """True when ``text`` writes "The <name>" with a capital T in mid-sentence and never
    "the <name>": the article is part of the name ("newspaper The Hill described",
    "told The Atlantic,"), as English capitalises it only in titles of newspapers,
    magazines, bands and shows. NER leaves the "The" out of the span, and without it a
    newspaper is a common word ("Hill") or the ocean ("Atlantic"). Mid-sentence means
    right after a lower-case word or a comma, colon, semicolon or dash; a sentence's
    first "The" says nothing. A name that goes on ("The Master of Disguise", "The
    Washington Post") is not this one-word name."""
    if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*", name):
        return False
    if re.search(rf"\bthe[ \t]+{name}\b", text):
        return False
    after = rf"{name}(?![\w-])(?![ \t]+(?:[A-Z]|of\b|and\b|&))"
    return re.search(rf"(?:[a-z]|[a-z][,;:]|[–—])[ \t]+The[ \t]+{after}", text) is not None


_CONTINUES = re.compile(r"\s+of\s+[A-Z][a-z]")
_NUMBERED = re.compile(r"[ \t]+\d")


def cut_from_longer(text: str, mention: ner.Mention) -> bool:
    """True when the name goes on after NER's span, so the span is a piece of it:
    "[Western District] of Virginia" (a court), "[Interstate] 75" (a road).

    A span that ends in a lower-case noun ("Hubei province") is not cut: "of" after
    a common noun names what the place belongs to, not more of its name.

    Places only: "of" and a capitalised word, or a number, after an organisation
    name often start another name ("American Civil Liberties Union of Montana", an
    affiliate; "Boeing 737"), and a person's "of" is part of a title ("Mary of Teck")."""
    if mention.type != "place" or not mention.text or mention.text.split()[-1].islower():
        return False  # "the Hubei province of China": a common noun, then "of"
    after = text[mention.start + len(mention.text):mention.start + len(mention.text) + 12]
    return bool(_CONTINUES.match(after) or _NUMBERED.match(after))


NUMBER_WORDS: frozenset[str] = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "hundred", "thousand",
})
_NEXT_WORD_AFTER_SPAN = re.compile(r"[ \t]([A-Z][A-Za-z]+)\b")
_NUMBER_AFTER_SPAN = re.compile(r"[ \t](?!(?:1[5-9]|20)\d\d\b)\d+(?:['’]s\b|[ \t]+([a-z]+)\b)")
QUANTITY_WORDS: frozenset[str] = frozenset({
    "percent", "per", "million", "billion", "trillion",
    "km", "kg", "cm", "mm", "mi", "ft", "lb", "oz", "mph", "kph", "kmh", "am", "pm",
})
"""Lower-case words that follow a quantity, not a model number, and are not plural:
"Labour 40 percent" (a poll's share), "Acme 3 million" (a sum), "Posad 70 km" (a
distance: the units of measure and of the clock, written as abbreviations)."""
_WORD_BEFORE_SPAN = re.compile(r"(?<![\w.'’&-])([A-Z][a-z]+)[ \t]$")


def cut_before_name(text: str, mention: ner.Mention,
                    others: Sequence[ner.Mention] = ()) -> bool:
    """True when NER's span stops one word short of the name it is part of, so the span
    would name something else.

    * A capitalised number word right after the span ("[PLoS] One", "[PLOS] ONE", a
      journal; "[Formula] One"): mid-sentence a number is written in lower case unless
      it belongs to a name, so the publisher's or series' name alone is a cut.
    * A country or its demonym right after an organisation ("[CNN] Philippines", "[ABC]
      Australian"): a national branch or edition is another body than the parent, and its
      stories must not land on the parent's page.

    * A model or serial number right after an organisation ("a [Falcon] 9 rocket",
      "the [Boeing] 737 crashed", "[Apollo] 11's crew"): see :func:`numbered_after`.
    * A capitalised word right before an organisation that is no common word, title,
      country or demonym ("a [Kataeb Hezbollah] official" cut to "Hezbollah"): see
      :func:`named_before`.
    * A capitalised word right after a place that goes on with the name the place opens
      ("a [Utah] Jazz player"): see :func:`place_opens_name`.
    * Two capitalised words right before a one-word person span ("Sacha Baron [Cohen]"):
      see :func:`surname_cut_from_name`.

    ``others``: the sentence's other spans, for the last two (a word that opens or is
    part of another span is that name's). Only one blank between the two words counts:
    "CNN, Philippines" is a list; nor does a possessive ("the Party's US nomination")."""
    end = mention.start + len(mention.text)
    # a possessive ends the name: "the Libertarian Party's 2020 nomination", "the
    # Republican Party's US Senate nomination" are the party's own, no branch or model
    body = mention.type == "organization" and not _POSSESSIVE.search(mention.text)
    if body and (numbered_after(text, end) or named_before(text, mention.start)):
        return True
    if place_opens_name(text, mention, others) or surname_cut_from_name(text, mention, others):
        return True
    found = _NEXT_WORD_AFTER_SPAN.match(text, end)
    if found is None:
        return False
    word = found.group(1)
    if word.lower() in NUMBER_WORDS:
        return True
    return body and _country_word(word)


def place_opens_name(text: str, mention: ner.Mention,
                     others: Sequence[ner.Mention]) -> bool:
    """True when a place span is followed (one blank between) by a capitalised word
    that goes on with the name the place opens ("a [Utah] Jazz player", "the [London]
    Stock Exchange", "[Washington] Bureau Chief Susan Page": a team's, a body's or a
    bureau's, which NER cut to the place) and that opens no other span of the
    sentence's mentions ("[Vermont] [Bernie Sanders]" are two names side by side). Not
    when the word may stand after a place in its own right (:func:`_word_of_its_own`:
    "Texas Governor", "Syria Kurds"; "Kansas City" is one span), nor a job, a
    direction, or the opening word of an institution every country has ("the [United
    States] [Supreme Court]": the place qualifies it, which the regional-body rules
    read). A possessive ends the place's name, and so does a state's AP abbreviation
    ("Salem, [Ore.] Investigators said": its dot ends the sentence)."""
    if mention.type != "place" or _POSSESSIVE.search(mention.text) \
            or mention.text.endswith(("'", "’")) \
            or (mention.text.endswith(".") and gazetteer.ap_state(mention.text)):
        return False
    end = mention.start + len(mention.text)
    found = _NEXT_WORD_AFTER_SPAN.match(text, end)
    if found is None or any(o.start == found.start(1) or (
            o is not mention and o.start <= mention.start < end <= o.start + len(o.text))
            for o in others):
        return False  # a name of its own follows, or the place is inside a longer span
    word = found.group(1)
    return not (_word_of_its_own(word) or word.lower() in _job_words()
                or word.lower() in gazetteer.DIRECTION_WORDS or word in _GENERIC_OPENERS
                or filters.abbreviated_country(word))


_GENERIC_OPENERS: frozenset[str] = frozenset(h.split()[0] for h in filters.GENERIC_HEADS)
"""First words of the institutions every country has ("Supreme Court", "Police"): a
place before one qualifies it ("the [United States] [Supreme Court]"), which the
regional-body rules read; the place stays."""


def numbered_after(text: str, end: int) -> bool:
    """True when a model number follows the name ending at ``end``: digits, then a
    possessive or a lower-case word that is no stop word, quantity word or plural ("a
    Falcon 9 rocket", "the Boeing 737 crashed", "Apollo 11's crew"). The name and the
    number are one name, a product's or a mission's, and the maker's name alone is a cut.

    A year is not taken: it names an edition of what the body holds ("Toronto Comicon
    2019 returned"), and the name alone still names the body. Nor is a number that is a
    score or a count: a score is followed by a dash, another number or the other team
    ("Arsenal 2 Chelsea 1", "Noosa 32–22", a league table's "Chelsea 3 1 0 2"), a
    cricket innings by a stop word ("Surrey 202 for 6"), a count or a measure by a
    plural, a quantity word or a unit (:data:`QUANTITY_WORDS`: "Labour 300 seats",
    "Labour 40 percent", "70 km", "5 p.m.").
    Places have their own, wider test (:func:`cut_from_longer`); people are left alone,
    as ages, shares and strokes follow a person's name ("Woods 68 yesterday")."""
    found = _NUMBER_AFTER_SPAN.match(text, end)
    if found is None:
        return False
    word = found.group(1)
    return word is None or not (
        len(word) < 2 or word in ner.stop_words() or word in QUANTITY_WORDS
        or word in NUMBER_WORDS or (word.endswith("s") and not word.endswith("ss")))


def named_before(text: str, start: int) -> bool:
    """True when the word right before a capitalised organisation span (one blank
    between) is a name word the model left out of it: capitalised, not at a sentence's
    start, and a word general English has never used (``wordfreq`` has not seen it), so
    no adjective, demonym, title or place qualifier. "a Kataeb Hezbollah official" is a
    longer name, another body than the one the span alone names. A word English uses
    before a body ("the Lebanese Hezbollah", "the Argentine Congress", "New Democratic
    Party", "Kenosha Police") is left alone: it qualifies the same body, or names a
    place, and ``bodies.demonym_country`` does not know every demonym ("Lebanese",
    "Argentine"); wordfreq knows them all. All-caps words ("UN Security Council") are
    left alone: a parent body's acronym before a unit names the same unit."""
    if not text[start:start + 1].isupper():
        return False  # "the Argentine congress": a common noun, no name to cut
    found = _WORD_BEFORE_SPAN.search(text, max(0, start - 30), start)
    if found is None:
        return False
    before = text[max(0, found.start() - 4):found.start()]
    if before[-1:] in ("\"", "“", "‘", "'"):
        return False  # a quote's first word is capitalised anyway
    before = before.rstrip(" \t(")
    if not before or before[-1] in ".!?:;\n—–":
        return False  # and so is a sentence's
    word = found.group(1)
    return rarity.rarity(word) >= rarity.MAX_RARITY and not _cue(word)


_INTRODUCED = re.compile(r"\b[Aa]n?[ \t]+(?:[a-z]+[ \t]+){0,3}(?:named|called)[ \t]+$")


def introduced_unnamed(text: str, mention: ner.Mention) -> bool:
    """True when a one-word person is introduced by the article as someone it does not
    name in full: "a university student named [Wong]", "a man called [Okafor]".

    The word is then a private person's surname (or given name) only, and must not be
    read as the famous person of that surname whom other articles of the same days
    name in full. A verb's "named" ("the president named [Kessler] envoy") has no "a
    <noun>" before it and is left alone; a full name after "named" is a name of its own.
    """
    if mention.type != "person" or " " in mention.text.strip():
        return False
    return _INTRODUCED.search(text, max(0, mention.start - 60), mention.start) is not None


_JOINED_ON = re.compile(r"[ \t]+(?:and|of)[ \t]+the[ \t]+$")


def ends_longer(text: str, mention: ner.Mention, mentions: Sequence[ner.Mention]) -> bool:
    """True when a place span is the tail of an organisation's name NER cut in two:
    "[Islamic State of Iraq] and the [Levant]" (the group), "[Bank] of the [Orient]".

    The organisation span must end right before "and the" / "of the": a name goes on
    across those words, while a list of names is written "Iraq and Syria". A country or
    a gazetteer place is left alone, as it is a place of its own in any case
    ("Government of the [Philippines]")."""
    if mention.type != "place" or filters.country_of(mention.text) or \
            gazetteer.is_place(mention.text):
        return False
    joined = _JOINED_ON.search(text, 0, mention.start)
    if joined is None:
        return False
    return any(m.type == "organization" and m.start + len(m.text) == joined.start()
               for m in mentions)


NOT_ROLES: frozenset[str] = frozenset({
    "former", "late", "then", "acting", "soccer", "theater", "banner", "warrant",
    "excellent", "superior", "prior", "crown", "highness", "holiness", "printer",
})
"""Words of the title lists that end in a person noun's letters but name things or
qualities ("Major League Soccer", "National Theater", "Her Highness"), or that only
go before a name ("former"): no role."""

_AGENT = re.compile(r".+(?:er|or|ist|ian|ant|ent|ee|man|woman|person|ess|ive)")
"""Endings of nouns for a person who does something ("adviser", "economist",
"spokesperson", "executive"): ``nameparser``'s title list also holds the words titles
are made of ("security", "intelligence", "foreign", "military"), which are no roles."""


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Lower-case roles a name can be the holder of ("adviser", "secretary", "fellow"):
    the person nouns (:data:`_AGENT`) among ``nameparser``'s job words, the product's
    titles and :data:`filters.EXTRA_TITLES`, less the titles that go before a first
    name ("King", "Prince", "Sister": nameparser's ``first_name_titles``, which also end
    shop and band names such as "Burger King") and the words that end organisations and
    places ("Army", "District")."""
    try:
        from nameparser.config import CONSTANTS
        honorific = {str(t).lower() for t in CONSTANTS.first_name_titles}
    except ImportError:  # pragma: no cover - nameparser is a dependency
        honorific = set()
    heads = {w.lower() for w in ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES}
    words = {w for w in _job_words() if _AGENT.fullmatch(w)} | {
        t.lower() for t in _TITLE_WORDS} | filters.EXTRA_TITLES
    return frozenset(words - honorific - heads - NOT_CUES - NOT_ROLES)


def _role(word: str) -> bool:
    """A capitalised role word, in either spelling of an agent noun ("Advisor" is
    nameparser's "adviser")."""
    if not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    low = word.lower()
    return low in _role_words() or (low.endswith("or") and low[:-2] + "er" in _role_words())


def _common_words(words: Sequence[str]) -> bool:
    """Capitalised common English words, none a stop word ("The Economist" is a name)."""
    stop = ner.stop_words()
    return bool(words) and all(
        re.fullmatch(r"[A-Z][a-z]+", w) and w.lower() not in stop
        and rarity.common(w) for w in words)


_INSTITUTION_HEADS: frozenset[str] = (ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES | frozenset(
    h.split()[-1] for h in filters.GENERIC_HEADS))
"""Last words that make a run of common words a body's name ("White House", "Supreme
Court"), which a title may open without being the whole of."""
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def part_of_title(text: str, mention: ner.Mention) -> bool:
    """True when an organisation or place span is a piece of a job title, not a name.

    Capitalised titles carry a description that NER takes for an organisation:
    "former [National Security] Adviser John Bolton", "a [Royal Society University
    Research Fellow]". Two shapes, both read off the text:

    - the span is followed by a capitalised role word and is itself two or more common
      English words ("National Security" + "Adviser"); a name with a word that is not
      common ("NASA Administrator", "Pentagon Spokesman"), one word ("Treasury
      Secretary") or the head of an institution ("White House", "Supreme Court", which
      also name the body itself) keeps the mention;
    - the span ends in a capitalised role word after another capitalised word of
      common English words ("… Research Fellow", "Foreign Minister"); "Office of the
      President" ends after "the", and honorifics ("Burger King") are no roles.
    """
    words = mention.text.split()
    if mention.type == "person" or len(words) < 2:
        return False
    # the shape first: it rules out almost every mention; the place lookups come last
    after = _NEXT_WORD.match(text, mention.start + len(mention.text))
    before_role = (after is not None and _role(after.group(1))
                   and words[-1] not in _INSTITUTION_HEADS and _common_words(words))
    ends_in_role = _role(words[-1]) and _common_words(words[:-1])
    return (before_role or ends_in_role) and not (
        filters.country_of(mention.text) or gazetteer.is_place(mention.text))


PORTFOLIO_NOUNS: frozenset[str] = frozenset({
    "department", "departments", "ministry", "ministries", "committee", "committees",
    "subcommittee", "subcommittees", "secretary", "secretaries", "minister", "ministers",
    "secretariat", "portfolio",
})
"""Nouns a government's brief is written before, in either case: "the Commerce
department", "the Foreign Affairs and Intelligence committees", "Health Minister". The
word before them names what the body or the post deals with, not the body."""

_PORTFOLIO_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")


def portfolio(text: str, mention: ner.Mention) -> bool:
    """True when a one-word organisation or place span is a common English word written
    right before a noun of :data:`PORTFOLIO_NOUNS` ("the [Commerce] department",
    "[Commerce] Secretary Wilbur Ross", "the Foreign Affairs and [Intelligence]
    committees"): the word is a government's brief, a piece of the body's name
    ("Department of Commerce") or of a post's, and no name of its own.

    English writes a brief this way, in lower case when alone ("commerce",
    "intelligence"), so the word must be a common one (``wordfreq``,
    :func:`rarity.common`). A word that names a body by itself ("the Senate committee",
    "the Police department": :data:`ner.ORG_SUFFIXES` and :data:`filters.GENERIC_HEADS`),
    a country or a gazetteer place ("the Montana Secretary of State") or a word
    ``wordfreq`` rarely sees ("Pentagon spokesman"; "Homeland") keeps its mention; a span
    of several words is :func:`part_of_title`'s business."""
    word = mention.text
    if mention.type not in ("organization", "place") or not re.fullmatch(r"[A-Z][a-z]+", word):
        return False
    after = _PORTFOLIO_AFTER.match(text, mention.start + len(word))
    if after is None or after.group(1).lower() not in PORTFOLIO_NOUNS:
        return False
    return (rarity.common(word) and word.lower() not in ner.stop_words()
            and word not in ner.ORG_SUFFIXES and word not in filters.GENERIC_HEADS
            and not filters.country_of(word) and not gazetteer.is_place(word))


NUMBERED_RARITY = 5.5
"""A word at most this rare in general English (``wordfreq`` zipf ≥ 3.5: "interstate",
"route", "highway", "pier") is an English word, which a number after it makes the name
of a road or a facility (:func:`numbered`); names rarer than that ("Worcestershire",
zipf 3.1) are left to the other rules."""

_WORD_AND_NUMBER = re.compile(r"([A-Z][a-z]+)[ \t]+\d{1,4}[A-Z]?")


def numbered(mention: ner.Mention) -> bool:
    """True when a place span is one English word and a number: "[Interstate 75]",
    "[Route 66]", "[Gate 3]". spaCy labels a numbered road or facility FAC with its
    number, and canonicalisation cuts a name at a figure (a score line: "Worcestershire
    238"), which left the head word alone as a place ("Interstate", one page for every
    road of the network). The word is no place by itself: an English word
    (:data:`NUMBERED_RARITY`) that is not a country or a gazetteer place ("Kent 245" in a
    results table is the county). Spans of several words before the number ("Apollo 11
    Lunar Module") and organisations ("Boeing 737") are left alone."""
    if mention.type != "place":
        return False
    found = _WORD_AND_NUMBER.fullmatch(mention.text)
    if found is None:
        return False
    word = found.group(1)
    return (rarity.rarity(word) <= NUMBERED_RARITY and word.lower() not in ner.stop_words()
            and not filters.country_of(word) and not gazetteer.is_place(word))



_CHAIN_HEAD = r"(?<![\w'’&.-])([A-Z][a-z]+)"
_CHAINED_THE = re.compile(rf"{_CHAIN_HEAD}[ \t]+of[ \t]+the[ \t]+$")
"""A head word and "of the" right before the span: "the Order of the [Quellstar]"."""
_CHAINED_PAIR = re.compile(
    rf"{_CHAIN_HEAD}[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+[ \t]+(?:and|at)[ \t]+$")
"""A head word, "of", a capitalised word and "and" or "at" right before the span:
"the Court of Brantmark and [Zorvale]", "University of Quorvia at [Vellham]"."""
_LEADING_THE = re.compile(r"[Tt]he[ \t]+")
_CHAIN_STOPS = ".!?:;\"“‘(\n—–"


def _chained_at(text: str, start: int, others: Sequence[ner.Mention] = (),
                plural: bool = False) -> bool:
    """True when the words right before ``start`` chain what follows onto a capitalised
    head word through "of the", or through "of <Name> and" / "of <Name> at" (see
    :func:`chained_in_name`). The head must be a common English word written with a
    capital (``rarity.common``: "Order", "Court", "University", "Bank"), as the heads of
    such names are; a surname is not one ("Lina Zorvath of the [Quellbund Party]": a
    person's affiliation, also when the person is inside a person span), nor a title, a
    job or a role ("Secretary of the [Navy]", "Speaker of the …"), a stop word, a
    direction ("East of the [Zorvale]") or a month or weekday. A sentence's first word
    before "of the" ("Part of the …") is capitalised anyway and makes no chain.

    ``plural``: the tail is the plural of a common word (:func:`plural_common`). Then a
    title before a name ("Lord", "Lady": ``_cue``) heads the chain too: a title rules
    over a place or a body ("Queen of the [Zorvale]"), never over a plural common noun,
    so "Lord of the [Wheels]", "Lady of the [Ladders]" are titles of works."""
    window_start = max(0, start - 60)
    window = text[window_start:start]
    for pattern in (_CHAINED_THE, _CHAINED_PAIR):
        found = pattern.search(window)
        if found is None:
            continue
        head = found.group(1)
        at = window_start + found.start(1)
        before = text[max(0, at - 3):at].rstrip(" \t")
        if pattern is _CHAINED_THE and (not before or before[-1] in _CHAIN_STOPS):
            continue  # a sentence's first word is capitalised anyway
        if (not rarity.common(head) or _role(head) or (_cue(head) and not plural)
                or head.lower() in _job_words() or head.lower() in ner.stop_words()
                or head.lower() in gazetteer.DIRECTION_WORDS or head in _CALENDAR):
            continue  # a surname, a post's title ("Speaker of the House"), "East of the"
        if any(o.type == "person" and o.start <= at < o.start + len(o.text) for o in others):
            continue  # "Jane Roe of the Acme Party": a person's affiliation
        return True
    return False


def chained_in_name(text: str, mention: ner.Mention,
                    others: Sequence[ner.Mention] = ()) -> bool:
    """True when a one-word place or organisation span hangs off a capitalised head word
    through "of the", or through "of <Name> and" / "of <Name> at", so it is the tail of a
    longer name the model did not know: "the Most Radiant Order of the [Quellstar]" (an
    honour), "the High Court of Brantmark and [Zorvale]" (a court), "University of
    Quorvia at [Vellham]" (a campus). English chains a name's words through these
    function words inside one name; the model took the one word it knew, and the tail
    alone would put the story on the page of the star, the country or the city.

    One word only: a span of several words after "of the" is a name the model read
    whole ("Dean of the [House of Representatives]", "Friends of the [Quellbund
    Trust]", "the University of Brantmark and [Zorvale University]", a list). A
    country is left alone, as :func:`ends_longer` leaves it ("Government of the
    [Philippines]"): a body of a country names it.

    ``others``: the sentence's spans (a head inside a person span is an affiliation).
    The caller drops the mention only when the article never writes the name outside
    such a chain (:func:`only_in_chains`)."""
    if mention.type not in ("place", "organization"):
        return False
    lead = _LEADING_THE.match(mention.text)
    name = mention.text[lead.end():] if lead else mention.text
    if " " in name.strip() or filters.country_of(name):
        return False
    return _chained_at(text, mention.start + (lead.end() if lead else 0), others,
                       plural_common(name))


def plural_common(name: str) -> bool:
    """True when ``name`` is the plural of a common English word ("Spoons", "Dunes"):
    its singular, in lower case, is common, and the name is no word of a body's or a
    place's end ("Commons", "Islands")."""
    low = name.lower()
    if not re.fullmatch(r"[A-Z][a-z]+s", name) or low.endswith("ss"):
        return False
    if name in ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES or name[:-1] in ner.PLACE_SUFFIXES:
        return False
    return any(rarity.common(s) for s in _singulars(low))


def _singulars(word: str) -> list[str]:
    """What a word ending in "s" may be the plural of: "dunes" → "dune", "dun";
    "companies" → "companie", "compani", "company"."""
    return [word[:-1], *([word[:-2]] if word.endswith("es") else []),
            *([word[:-3] + "y"] if word.endswith("ies") else [])]


def only_in_chains(name: str, texts: Sequence[str]) -> bool:
    """True when every time ``texts`` (an article's parts) write ``name`` it hangs off a
    capitalised head (:func:`chained_in_name`'s chains, read without the spans): an
    article that also writes the name by itself ("… in Zorvale") names the thing too."""
    name = _LEADING_THE.sub("", name, count=1)
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    plural = plural_common(name)
    return all(_chained_at(t, m.start(), plural=plural)
               for t in texts for m in pattern.finditer(t))


_CHAMBER_HEADS: frozenset[str] = filters.QUALIFIABLE | bodies.BODY_HEADS | {"House"}
"""Bare heads a country's own chamber or government is called by ("the Senate", "the
House" in a story about Congress): :func:`filters.qualify` names them by the article's
country, and a longer name ending in them is often another thing ("White House"), so
:func:`referred_back` leaves them to that rule."""


@lru_cache(maxsize=1)
def _head_nouns() -> frozenset[str]:
    """One-word heads of the names of bodies and events (:data:`ner.ORG_SUFFIXES`,
    :data:`filters.EVENT_TAILS`, :data:`filters.GENERIC_HEADS`) that are common English
    words: "Games", "Committee", "Council", "Agency", "Court", "Party". "Corp" or
    "GmbH" is never a noun a sentence refers back with."""
    words = {w for w in ner.ORG_SUFFIXES | filters.EVENT_TAILS | filters.GENERIC_HEADS
             if " " not in w}
    return frozenset(w for w in words - _CHAMBER_HEADS if rarity.common(w.lower()))


_THE_BEFORE_SPAN = re.compile(r"(?<![\w'’-])([Tt]he)[ \t]+$")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:of|for)[ \t]+)?[A-Z]")
_OPENS_SENTENCE = ".!?:;\n-–—"


def opens_sentence(text: str, at: int) -> bool:
    """True when the word at ``at`` opens a sentence, a part or a clause after a dash
    (quotes and brackets skipped): there a capital is the sentence's, not the name's."""
    before = text[max(0, at - 40):at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in _OPENS_SENTENCE


def referred_back(text: str, mention: ner.Mention) -> str | None:
    """The head noun when ``mention`` is "the <Head>", a head noun of bodies' and
    events' names used with "the" ("the Games", "the Committee"), else None.

    English names a body or an event in full once ("the Commonwealth Games", "the
    Zorbly Ethics Committee") and then calls it by its head noun with "the"; the bare
    noun is capitalised because it stands for that name, and is no name of its own
    (:func:`news_digest.enrich.entities` joins it to the article's longer name, or drops
    it). A capital "The" counts only where it opens a sentence: in mid-sentence it is
    printed as part of a title ("The Times"). A head the text continues ("the Council
    of Europe", "the Games Village") is part of a longer name, not a reference."""
    words = mention.text.split()
    lead = None
    if words and words[0] in ("the", "The"):
        lead, words = words[0], words[1:]
    if len(words) != 1 or words[0] not in _head_nouns():
        return None  # the cheap test first: nearly every mention stops here
    at = mention.start
    if lead is None:
        found = _THE_BEFORE_SPAN.search(text, max(0, at - 40), at)
        if found is None:
            return None
        lead, at = found.group(1), found.start()
    if lead == "The" and not opens_sentence(text, at):
        return None
    if _NAME_GOES_ON.match(text, mention.start + len(mention.text)):
        return None
    return words[0]


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n]|\s[-–—])[ \t\"'“‘(]*$")


def only_opens_sentences(word: str, texts: Sequence[str]) -> bool:
    """True when every time ``texts`` (an article's parts) write ``word`` it opens a
    sentence, a caption or a part: there its capital says nothing, so a common English
    word ("Photographs showed the wreck") is no name for having one. A word the article
    also capitalises in mid-sentence is left alone, hyphened on or not ("the Tarn
    Jones-led side")."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’])")
    seen = False
    for text in texts:
        for found in pattern.finditer(text):
            if not _SENTENCE_OPENING.search(text[:found.start()]):
                return False
            seen = True
    return seen


_LIST_HEAD = re.compile(r"(?<![\w'’-])([a-z]+)[ \t]+$")
_LIST_WORDS: frozenset[str] = frozenset({"between", "both"})
_NAME_ENDS: frozenset[str] = (ner.ORG_SUFFIXES | ner.PLACE_SUFFIXES | filters.EVENT_TAILS
                              | filters.DOCUMENT_TAILS)


def listed_pair(text: str, mention: ner.Mention) -> list[ner.Mention] | None:
    """The two names of a span "<Name> and <Name>" that the words before it say is a
    list, else None: a plural common noun ("box-office flops Zarvo and Quillcat", "the
    firms Zorbly and Quandt") or "between"/"both" (which take two things). English
    heads a list of two names by their kind in the plural; a firm called by two names
    ("Procter and Gamble") is "the firm", one thing. Names joined by "&" are a firm's or
    a work's own style ("Marks & Spencer") and are not split; nor are people, whom
    :func:`filters.split_joined` splits anyway, nor a name whose last part ends in a
    body's, a place's, an event's or a law's word when the first does not ("talks
    between Oil and Natural Gas Corporation chairman …": one body, its words joined)."""
    if mention.type == "person":
        return None
    parts = re.split(r"([ \t]+and[ \t]+)", mention.text)
    if len(parts) != 3 or not all(p[:1].isupper() for p in (parts[0], parts[2])):
        return None
    if parts[2].split()[-1] in _NAME_ENDS and parts[0].split()[-1] not in _NAME_ENDS:
        return None  # "Oil and Natural Gas Corporation": one body's name
    head = _LIST_HEAD.search(text[:mention.start])
    if head is None:
        return None
    if head.group(1) not in _LIST_WORDS and not _plural_noun(head.group(1)):
        return None
    second = mention.start + len(parts[0]) + len(parts[1])
    return [replace(mention, text=parts[0]), replace(mention, text=parts[2], start=second)]


LIST_KIND_RARITY = 6.0
"""A word of kind before a list may be rarer than a common word ("flops": "flop" is
5.4), but it is an English word: its singular is at most this rare (:mod:`rarity`)."""


def _plural_noun(word: str) -> bool:
    """``word`` reads as an English plural noun ("flops", "films", "companies"): it ends
    in "s" (not "ss", "us", "is", as "boss", "bonus", "this" do), it is no function
    word, and its singular is an English word (:data:`LIST_KIND_RARITY`)."""
    if (len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is"))
            or word in ner.stop_words()):
        return False
    return any(rarity.rarity(s) <= LIST_KIND_RARITY for s in _singulars(word))


TEAM_ROLES: frozenset[str] = frozenset({
    "coach", "captain", "skipper", "striker", "midfielder", "goalkeeper", "winger",
    "fly-half", "scrum-half", "flanker", "full-back", "squad", "team-mate", "team-mates",
})
"""Nouns for a sports team's staff, players and squad that English uses for nothing
else after a place's name ("Wales coach", "France squad", "Ireland flanker"): a closed
class of the trade's words, not names. "team", "side", "players", "fans" are not here:
"the New York team reported" (researchers), "the US side said" (negotiators)."""

TEAM_ROLES_BEFORE_NAME: frozenset[str] = frozenset({
    "manager", "boss", "centre", "center", "prop", "lock", "wing", "forward", "defender",
    "hooker", "keeper",
})
"""Nouns that are a team's roles only when a person's name follows ("Newcastle boss
Graeme Souness", "England prop Phil Vickery"): alone they are a firm's ("the London
manager"), a building's ("the Colorado centre"), a party's ("the Ulster wing")."""

_ROLE_QUALIFIER = r"(?:(?:new|former|assistant|interim|caretaker|head|stand-in)[ \t]+)?"
TEAM_WEEKDAY = r"(?:[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
"""A weekday written right after a place's name, inside the name of a club the model
cut at it (it reads the weekday as a date): "[Riverton] Wednesday manager Gil Marsh".
Mid-sentence a date is written after a preposition ("in Riverton on Wednesday"); a
weekday glued to the name and followed by a team role (:func:`team_sense`) is a
club's name, and the place alone is no mention of the town."""
_TEAM_ROLE_AFTER = re.compile(TEAM_WEEKDAY + r"(?:['’]s)?[ \t]+" + _ROLE_QUALIFIER
                              + r"([a-z]+(?:-[a-z]+)?)\b([ \t]+[A-Z][a-z])?")
_TEAM_DESCRIBED_ROLE = re.compile(TEAM_WEEKDAY + r"['’]s[ \t]+[a-z]+(?:-[a-z]+)?[ \t]+"
                                  r"([a-z]+(?:-[a-z]+)?)[ \t]+[A-Z][a-z]")
TEAM_PLURAL_VERBS: frozenset[str] = frozenset({
    "are", "were", "have", "aren't", "weren't", "haven't", "aren’t", "weren’t", "haven’t",
})
"""Forms of "be" and "have" that agree only with a plural subject. British usage puts
them after a team's singular name ("Riverton are bottom of the table", "Riverton have
signed a striker"), never after a town's: a town is one thing ("Riverton is flooded"),
so a place's name as the subject of a plural verb is its team's."""
TEAM_NOT_SUBJECT: frozenset[str] = frozenset({
    "and", "or", "nor", "&", ",", "of", "in", "at", "on", "to", "by", "for", "from",
    "near", "with", "into", "across", "around", "outside", "inside", "throughout",
    "including", "like", "than", "between", "among", "within", "beyond", "via",
    "as", "if", "unless", "though", "whether", "wish",
})
"""Words before a name (one or two words back) that make it no subject of a plural
verb after it, or one of several: coordinating conjunctions and a comma ("Riverton and
Ostburg are cities"); prepositions, whose object the name is ("people in Riverton are
angry", "governments in east Ostvia have", "firms such as Riverton have"); and the
conjunctions after which "were" is a singular's subjunctive ("if Riverton were to
reconsider"). A closed class of English's linking words."""
_TEAM_VERB_AFTER = re.compile(r"[ \t]+([a-z]+(?:['’]t)?)\b")
_TEAM_WORDS_BEFORE = re.compile(
    r"(?:((?<![\w&])[\w&]+|,)[^\S\n]*)?((?<![\w&])[\w&]+|,)[^\S\n]*$")
_SCORE = r"\d{1,3}[-–]\d{1,3}"
_SCORE_AFTER = re.compile(rf"(?:['’]s)?[ \t]+{_SCORE}(?![\d-])")
_PLACE_PREPOSITION = re.compile(r"(?<![\w'’-])(?:of|at|in|from|near)[ \t]+(?:the[ \t]+)?$",
                                re.IGNORECASE)
_SCORE_BEFORE = re.compile(
    rf"(?<![\w.,–-]){_SCORE}[ \t]+(?:(?:by|to|against|over)[ \t]+)?$")


def team_sense(text: str, mention: ner.Mention) -> bool:
    """True when the words beside the name say it is a sports team's: a score next to
    it ("Wasps 31-37 [Leicester]", "beat [Wales] 11-9", "[Gloucester]'s 17-16 win",
    "beaten 33-15 by [Samoa]", "lost 17-5 to [Norland]"), but not a score after a
    place that a preposition names as a player's country or a ground ("Jan Roe of
    [Norland] 7-5 6-4", "won the first leg at [Riverton] 3-1"),
    or a team role after it, possessive or not ("[Wales] coach", "[France]'s squad",
    "[Newcastle] boss Graeme Souness": :data:`TEAM_ROLES`,
    :data:`TEAM_ROLES_BEFORE_NAME`).

    Only the mention's own words: a verb ("against [Iran]", "beat [Ohio]") takes
    countries and governments as often as teams (sanctions, elections, lawsuits), and
    the article's topic is not known yet when entities are found (the topics step runs
    after this one and reads the entities). A score is two numbers of at most three
    digits joined by a dash, so years ("2004-05") and dates are no score; a vote
    ("a 5-4 ruling") has its noun after the score, not a name. "at" after a score is
    left out: "won 2-1 at [Riverton]" names the ground as often as the team."""
    end = mention.start + len(mention.text)
    after = text[end:end + 60]
    role = _TEAM_ROLE_AFTER.match(after)
    if role and (role.group(1) in TEAM_ROLES
                 or (role.group(1) in TEAM_ROLES_BEFORE_NAME and role.group(2))):
        return True
    if described_role(after) or plural_subject(text, mention):
        return True
    if _SCORE_AFTER.match(after) and not _PLACE_PREPOSITION.search(
            text[max(0, mention.start - 12):mention.start]):
        return True
    return bool(_SCORE_BEFORE.search(text[max(0, mention.start - 24):mention.start]))


def described_role(after: str) -> bool:
    """True when ``after`` (the text right after a place's name) is a possessive, one
    lower-case word and a team role with a person's name after it ("[Riverton]'s
    teenage centre Jan Roe", "[Riverton]'s experienced striker Gil Marsh"): the word
    describes the player, and a town has no centres or strikers with names."""
    found = _TEAM_DESCRIBED_ROLE.match(after)
    return bool(found and (found.group(1) in TEAM_ROLES
                           or found.group(1) in TEAM_ROLES_BEFORE_NAME))


def plural_subject(text: str, mention: ner.Mention) -> bool:
    """True when a one-name place is the subject of a verb that agrees only with a
    plural (:data:`TEAM_PLURAL_VERBS`: "[Riverton] are languishing in the table"), the
    British way of writing a team by its town's name. Not when the name is one of
    several, a preposition's object or after "if" (:data:`TEAM_NOT_SUBJECT`, one or two
    words back: "in [Riverton] are", "at the [Riverton] were"), nor when the name itself
    is a plural ("the Midlands are"); no word before is a sentence's start."""
    name = mention.text
    if name.endswith("s"):
        return False
    end = mention.start + len(name)
    verb = _TEAM_VERB_AFTER.match(text, end)
    if verb is None or verb.group(1) not in TEAM_PLURAL_VERBS:
        return False
    before = _TEAM_WORDS_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    return before is None or not any(
        w and w.lower() in TEAM_NOT_SUBJECT for w in before.groups())


_TITLE_LINK_BEFORE = re.compile(r"[ \t]+of[ \t]+$")


def place_in_title(text: str, mention: ner.Mention,
                   others: Sequence[ner.Mention] = ()) -> bool:
    """True when a place span ends a title NER cut at its link word: right after
    "of" that follows a span the model called a work, law or event ("Quill's
    [Merchant] of [Ostburg]"). The place is a word of the work's title, not a mention
    of the town. "in" after an event's name says where it was ("the [Games] in
    [Ostburg]"), and after a span of title words it may open a venue's address
    ("Quill's Grand Theatre in Ostburg"), so only "of" counts."""
    if mention.type != "place":
        return False
    link = _TITLE_LINK_BEFORE.search(text, max(0, mention.start - 6), mention.start)
    return link is not None and any(o.type == ner.OTHER and o.start + len(o.text) == link.start()
                                    for o in others)


SHORTFORMS_MEMBER_NOUNS = frozenset({
    "Democrat", "Republican", "Conservative", "Unionist", "Nationalist", "Socialist",
    "Communist"})
"""Nouns for a member of a political tendency, capitalised when they name a party's
members. English names a party by a qualifier and the plural of such a noun ("the Social
Democrats", "the Free Republicans"), and the singular is the same party used as a modifier
("a Social Democrat leader"). The model tags the member noun as a nationality-like group
(not kept) and the qualifier, if at all, as a fragment. A closed class: the member nouns of
the political tendencies."""
_SHORTFORMS_PARTY = re.compile(
    rf"(?<![\w'’-])([A-Z][a-z]+) ({'|'.join(sorted(SHORTFORMS_MEMBER_NOUNS))})s?(?![\w'’-])")


def party_of_members(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with each "<Qualifier> <member noun>[s]" of ``text`` as one
    organisation named in the plural ("Social Democrat leader" → "Social Democrats"),
    in place of the spans inside it (:data:`SHORTFORMS_MEMBER_NOUNS`).

    The qualifier must be a word of the party's name: not a word of its own (a stop
    word, role, country, demonym or place: "Other Republicans", "Welsh Conservatives",
    "Texas Democrats") nor a generic body ("Senate Democrats" are a chamber's members),
    and the word before it must not be capitalised (a longer name, or a sentence's first
    word that may be any word) unless it is a stop word ("The Social Democrats"). A
    capitalised word after it ("Social Democrat Party") makes the span part of a longer
    name, and a span that runs past it ("Social Democrat Ana Vell") is left to the model.
    """
    out = list(mentions)
    for found in _SHORTFORMS_PARTY.finditer(text):
        qualifier, start, end = found.group(1), found.start(), found.end()
        before = text[:start].split()[-1:] or [""]
        after = text[end:].split()[:1] or [""]
        if (_word_of_its_own(qualifier) or filters.generic(qualifier)
                or (before[0][:1].isupper() and before[0].lower() not in ner.stop_words())
                or not before[0] or after[0][:1].isupper()):
            continue
        inside = [m for m in out if m.start < end and m.start + len(m.text) > start]
        if any(m.start < start or m.start + len(m.text) > end for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(ner.Mention(f"{qualifier} {found.group(2)}s", "organization", start))
    return sorted(out, key=lambda m: m.start)


_SHORTFORMS_THE_STATES = re.compile(
    r"(?<![\w'’-])(?:in|to|into|across|from|throughout|around|over)\s+the\s+$")
"""A preposition of place and "the" before a bare "States": English's short name for
the one union called "the United States" ("sold well in the States"); after any
other word ("the States of Jersey", "member States") the word is a common noun."""


_FIRST_CHAR = re.compile(r"\s*(\S)")
"""The first character of the next word (or mark) after a position."""


def the_states(text: str, mention: ner.Mention) -> ner.Mention | None:
    """A place span "States" after a preposition of place and "the", as the union
    of states English shortens so (:data:`_SHORTFORMS_THE_STATES`); else None. The
    country's name is the ISO table's (``filters.country_of``), not the article's word,
    so the span joins the country's own page rather than a page of its own. A capital
    after it ("the States Assembly") makes it part of a longer name."""
    if mention.type != "place" or mention.text != "States" or not \
            _SHORTFORMS_THE_STATES.search(text[max(0, mention.start - 20):mention.start]):
        return None
    after = _FIRST_CHAR.match(text, mention.start + len(mention.text))
    country = filters.country_of("United States")
    if country is None or (after and after.group(1).isupper()):
        return None
    return replace(mention, text=country)


def paired_portfolio(text: str, mention: ner.Mention) -> bool:
    """True when an organisation or place span is two common words joined by "and"
    right before a capitalised role word ("[Kelp and Brine] Secretary Ola Brisk"): a
    minister's brief, as :func:`part_of_title` reads a run of common words (which counts
    "and" as a stop word, so a brief of two subjects kept its mention). A word that is
    not common ("Pentagon and Navy Secretary") or names a body ("Army and Navy Club")
    keeps it."""
    words = re.sub(r"^[Tt]he\s+", "", mention.text).split()  # "the [Kelp and Brine]"
    if mention.type not in ("organization", "place") or len(words) != 3 or words[1] != "and":
        return False
    after = _NEXT_WORD.match(text, mention.start + len(mention.text))
    return (after is not None and _role(after.group(1)) and _common_words(words[::2])
            and words[-1] not in _INSTITUTION_HEADS)


_SHORTFORMS_MEDIA_END = re.compile(r"(?:^|\s)(?:Radio|TV|Television)$")


def station_regions(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with a place span written right after an organisation that ends in
    a broadcast-medium noun joined to it ("[Zell Radio] [Northmark] presenter"): a
    broadcaster's regional station is named by the region after the medium noun, as a
    numbered one by its number (``canonical.SHORTFORMS_NUMBERED_MEDIA``), so the region
    is the name's last word, not a place the article is about."""
    out: list[ner.Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (last is not None and m.type == "place" and last.type == "organization"
                and _SHORTFORMS_MEDIA_END.search(last.text)
                and m.start == last.start + len(last.text) + 1
                and text[last.start + len(last.text)] == " "):
            out[-1] = replace(last, text=f"{last.text} {m.text}")
            continue
        out.append(m)
    return out


def shortforms_mend(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with a party named by its members as one organisation
    (:func:`party_of_members`), a station's region in its name (:func:`station_regions`),
    "the States" as the country (:func:`the_states`) and without a two-subject brief
    before a role word (:func:`paired_portfolio`)."""
    return [the_states(text, m) or m for m in station_regions(text, party_of_members(
        text, mentions)) if not paired_portfolio(text, m)]


_SHORTFORMS_BARE = re.compile(r"^[Tt]he\s+|['’]s?$")
"""A span's leading "the" and its possessive, which are no part of the name."""


def clipped_first_word(mentions: list[list[ner.Mention]],
                       texts: Sequence[str]) -> list[list[ner.Mention]]:
    """Per part, ``mentions`` with a one-word organisation that clips the first word
    of the article's one longer organisation ("the Zel" beside "Zelwick Bank") named
    as that organisation.

    English shortens a body's name to the first letters of its first word, with the
    article's "the" ("the Zel's chairman") as for any body's short name; the article
    names the body in full too. Only a proper beginning of the first word counts, only
    when the article has one such body (two leave the short form alone) and writes the
    short form after "the" (a brand's name takes none: "Zel" beside "Zelwick Bank" is
    another firm)."""
    longer = {bare for ms in mentions for m in ms if m.type == "organization"
              and len((bare := _SHORTFORMS_BARE.sub("", m.text)).split()) >= 2}
    if not longer:
        return mentions
    joined = "\n".join(texts)

    def full_of(text: str) -> str | None:
        word = _SHORTFORMS_BARE.sub("", text)
        if not re.fullmatch(r"[A-Z][a-z]+", word):
            return None
        found = {f for f in longer if f.split()[0] != word and f.split()[0].startswith(word)}
        if len(found) != 1 or not re.search(rf"(?<![\w'’-])[Tt]he {word}(?![\w-])", joined):
            return None
        return found.pop()

    return [[replace(m, text=full) if m.type == "organization"
             and (full := full_of(m.text)) is not None else m for m in ms]
            for ms in mentions]


def forms_former_state_spans(text: str, mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with two places joined by "and" (or "&") into one where the two
    and the words between them are a former state's name ("Zorbland and Quill" when
    ISO 3166-3 lists it: :func:`filters.forms_former_state`).

    The model often cuts a state named with "and" at the "and", as it cuts any list of
    two names; the data source says which pairs are one state's name. Only back-to-back
    spans count: the text between them is the joiner alone."""
    out: list[ner.Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and prev.start + len(prev.text) <= m.start:
            gap = text[prev.start + len(prev.text):m.start]
            whole = text[prev.start:m.start + len(m.text)]
            if filters.JOINER.fullmatch(gap) and filters.forms_former_state(whole):
                out[-1] = replace(prev, text=whole, type="place")
                continue
        out.append(m)
    return out
