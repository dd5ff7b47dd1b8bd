"""One article's NER mentions → one :class:`Entity` per real thing, under one name.

:mod:`news_digest.enrich.entities` runs the backend and calls :func:`canonicalize`
with the mentions it found; this module is the part that needs no model:

1. *Clean* each mention: quotes, possessives ("Suleimani's") and titles ("Gen.",
   "Gen.Qasem", "President", "Dr.") go; the registry is consulted first, so a
   curator's alias wins over any rule.
2. *Group* mentions by a normalised key (case, dots, accents), whatever label the
   backend gave: spaCy often calls one name PERSON here and ORG there.
3. *Merge* groups: registry aliases; acronyms and their expansions (IRGC); spelling
   variants of multi-word names, token by token with rapidfuzz ("Qassim Suleidmani" =
   "Qassem Soleimani"), ignoring middle initials ("Donald J. Trump" = "Donald Trump");
   a lone surname into the one full name it matches ("Suleimani").
4. *Vote*: the type by mentions (the registry's type, when known, decides); the name
   by the most frequent full form (caption mentions weigh half, so a photo credit does
   not name the entity), ties broken by the spelling closest to all the others, then
   alphabetically. Output is sorted by (-count, name): deterministic.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from rapidfuzz import fuzz

from news_digest.enrich import bodies, cues, filters, gazetteer, ner, resolve, things
from news_digest.model import ENTITY_TYPES, Entity
from news_digest.sets import find_root
from news_digest.vocab.evidence import initials
from news_digest.vocab.registry import Registry, key

_TITLE_ALT = "|".join(sorted((re.escape(t) for t in ner.TITLES), key=len, reverse=True))
_TITLE_DOTTED = re.compile(rf"^(?:(?:{_TITLE_ALT})\.\s*)+")  # "Gen.", "Gen.Qasem", "Lt. Gen."
_TITLE_WORD = re.compile(rf"^(?:(?:{_TITLE_ALT})\.?\s+)+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE = " \t\n\"'“”‘’«»()[]{}<>,;:!?*|/\\–—-"
_LINK_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "&"})
_INITIALS = re.compile(r"^((?:[A-Z]\.\s?){1,2})[A-Z][a-z]+(?:[-'’][A-Za-z]+)*$")


# --- cleaning --------------------------------------------------------------------------

def clean_surface(text: str, label: str | None = None) -> str:
    """A mention as a name: no quotes, possessive, leading "the", or title.

    Dotted titles ("Gen.", "Sen.", "Dr.", also glued as in "Gen.Qasem") are always
    stripped; title *words* ("President", "General") only from a person mention, so
    "General Motors" and "Prince Edward Island" survive.
    """
    text = " ".join(text.split()).strip(_EDGE)
    text = _POSSESSIVE.sub("", text).strip(_EDGE)
    if re.search(r"[a-z]{2}\.$", text) and not re.search(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", text):
        text = text[:-1]  # a sentence's full stop, not "U.S." or "Corp."
    elif re.fullmatch(r"[A-Z]{2,}\.", text):
        text = text[:-1]  # "US." at the end of a sentence
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    stripped = _TITLE_DOTTED.sub("", text)
    if label == "person":
        stripped = things.glued_without_trade(_TITLE_WORD.sub("", stripped))
    if stripped and stripped != text and stripped[0].isupper():
        text = stripped
    return text.strip(_EDGE)


_BREAK = re.compile(r"^(?:(?!&$)[^\w]+|[\d][\d.,:/'-]*[a-z]{0,2}|v|vs\.?|-\w*\d\w*)$")

SHORTFORMS_NUMBERED_MEDIA = frozenset({"Radio", "Channel", "TV", "Television"})
"""Broadcast-medium nouns whose stations are told apart by a number written after them
("Radio 4", "Channel 5", "TV 2"): such a number is the name's last word, not a score or
a figure beside it. A closed class: the nouns English uses for a station or a channel."""
_SHORTFORMS_STATION_NUMBER = re.compile(r"^\d+(?:['’]s?)?$")


def _station_number(previous: str, token: str) -> bool:
    """``token`` is a plain number (perhaps possessive) after a numbered-media noun."""
    return previous in SHORTFORMS_NUMBERED_MEDIA and bool(_SHORTFORMS_STATION_NUMBER.match(token))


def split_mention(text: str) -> list[str]:
    """Pieces of a mention that ran across separators or figures.

    Results tables and score lines ("Worcestershire 238", "Scott Draper ( Australia",
    "Lithuania - Danius Gleveckas", "LONDON 1996-08-30") make NER spans swallow
    numbers and neighbours; a token that is only figures or punctuation, or "v"/"vs",
    is never inside a name, so the span is cut there. A lone "&" is the exception: it
    joins the words of one name ("Procter & Gamble", "Smith & Co"), and cutting there
    made two non-names of a company (two people joined by "&" are split later, by
    :func:`filters.split_joined`, people only). A station's number after "Radio" or
    "Channel" is the other (:data:`SHORTFORMS_NUMBERED_MEDIA`): "BBC Radio 4" cut there
    left a "BBC Radio" page for every numbered station.
    """
    pieces: list[list[str]] = [[]]
    for token in text.split():
        if _BREAK.match(token) and not (pieces[-1] and _station_number(pieces[-1][-1], token)):
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [" ".join(p) for p in pieces if p]


_POSSESSIVE_SPLIT = re.compile(r"(?<=\w)['’]s?\s+(?=[A-Z])")


def _forms_owned_place(piece: str) -> bool:
    """The words after a possessive are one place noun alone ("Park", "Bay", "Square":
    :data:`ner.PLACE_SUFFIXES`).

    English names a place by its owner's possessive and one such noun ("<Saint>'s
    Park", "<Founder>'s Bay"): the possessive is inside the name, and cut there the
    noun became a page of its own. A possessive that owns a place of its own names the
    place in full after it ("<City>'s Zorb Park"), so a bare noun after it is the
    name's last word, not a second name."""
    return " " not in piece.strip() and piece.strip() in ner.PLACE_SUFFIXES


def split_possessive(text: str, label: str | None) -> list[tuple[str, str | None]]:
    """``(piece, label)`` for a mention that runs across a possessive.

    "Blair's Labour Party" names two things, the owner and what is owned; kept whole
    it became a new organisation ("Blair Labour"). NER labels such a span by one of
    its halves, so a person label stays with the owner and any other label with the
    thing owned; the other half gets a type from its last word when that word is
    an organisation or place suffix ("party", "Bank", "Island"), else it is left for
    the rest of the article (or the registry) to type. A possessive at the end
    ("Blair's") is not a split.
    """
    pieces = _POSSESSIVE_SPLIT.split(text)
    parts = pieces[:1]
    for mark, piece in zip(_POSSESSIVE_SPLIT.findall(text), pieces[1:], strict=True):
        if _forms_owned_place(piece):
            parts[-1] += mark + piece  # "Zorbly's Park": one name
        else:
            parts.append(piece)
    if len(parts) < 2:
        return [(text, label)]

    def suffix_type(piece: str) -> str | None:
        last = piece.split()[-1].rstrip(".")
        last = last[:1].upper() + last[1:]
        if last in ner.ORG_SUFFIXES:
            return "organization"
        return "place" if last in ner.PLACE_SUFFIXES else None

    return [(p, label if (i == 0) == (label == "person") else suffix_type(p))
            for i, p in enumerate(parts)]


def is_name(text: str) -> bool:
    return len(text) >= 2 and any(c.isupper() for c in text) and any(c.isalpha() for c in text)


# --- grouping and merging -----------------------------------------------------------------

@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    weights: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    entry: Any = None  # registry Entry
    other: int = 0
    """Mentions the model labelled a product, work, law, event or language."""
    other_short: int = 0
    """Of those, the one-word ones ("Pelosi's suggestion" labelled other)."""
    full_person: bool = False
    """A form of several words shaped like a person's name was labelled a person."""

    def absorb(self, other: _Group) -> None:
        self.forms.update(other.forms)
        self.weights.update(other.weights)
        self.types.update(other.types)
        self.entry = self.entry or other.entry
        self.other += other.other
        self.other_short += other.other_short
        self.full_person = self.full_person or other.full_person

    @property
    def other_votes(self) -> int:
        """Votes for "not an entity". A one-word form's do not count against a full
        person's name: the model labels a bare surname in a possessive or a list
        ("rejected Pelosi's suggestion") as anything, and one such vote tied "Nancy
        Pelosi" in an article that named her once and dropped her."""
        return self.other - (self.other_short if self.full_person else 0)

    @property
    def type(self) -> str | None:
        if self.entry is not None:
            return self.entry.type
        if not self.types:
            return None
        return max(self.types.items(), key=lambda kv: (kv[1], -ENTITY_TYPES.index(kv[0])))[0]


def _core(form: str) -> list[str]:
    """The words of a name that identify it: no middle initials, no link words."""
    words = [w for w in re.split(r"[\s]+", key(form)) if w]
    core = [w for w in words if w not in _LINK_WORDS and len(w) > 1]
    return core or words


def _variants(a: str, b: str) -> bool:
    """Spelling variants of one multi-word name: every word pair close, in order."""
    ca, cb = _core(a), _core(b)
    if len(ca) < 2 or len(ca) != len(cb):
        return False
    if ca == cb:
        return True
    return all(x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 80)
               for x, y in zip(ca, cb, strict=True))


def _solid(form: str) -> str:
    """A name's letters without its word breaks and link marks: "Zorbly Corp",
    "ZorblyCorp" and "Zorbly-Corp" give one key."""
    return re.sub(r"[\s\-‐–.'’]+", "", key(form))


def _merge(groups: dict[str, _Group]) -> list[_Group]:
    """Union groups that name the same thing (acronyms, variants, surnames)."""
    names = sorted(groups)
    parent = {n: n for n in names}

    find = partial(find_root, parent)

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        ea, eb = groups[ra].entry, groups[rb].entry
        if ea is not None and eb is not None and ea.name != eb.name:
            return  # the curator said these are different things
        keep, drop = sorted((ra, rb))
        parent[drop] = keep

    forms = {n: sorted(groups[n].forms) for n in names}
    multi = [n for n in names if any(len(_core(f)) >= 2 for f in forms[n])]
    # acronyms: "IRGC" and "Islamic Revolutionary Guard Corps" in one article
    expansions: dict[str, set[str]] = defaultdict(set)
    for n in multi:
        for f in forms[n]:
            acro = initials(f, _LINK_WORDS)
            if acro and len(acro) >= 2:
                expansions[acro].add(n)
    for n in names:
        if groups[n].entry is not None:
            continue  # a known acronym (US, WTO) already names something: never a new expansion
        for f in forms[n]:
            if re.fullmatch(r"[A-Z]{2,6}", f) and len(expansions.get(f, ())) == 1:
                union(n, next(iter(expansions[f])))
    # a campus or branch written with its body's initials: "UC Davis" beside "University
    # of California, Davis" in one article
    shortened = {p: n for n in multi for f in forms[n] for p in _lead_acronyms(f)}
    for n in names:
        for f in forms[n]:
            if re.fullmatch(r"[A-Z]{2,4}(?: [A-Z][\w'’-]+)+", f):
                target = shortened.get(f)
                if target is not None and groups[target].entry is None and target != n:
                    union(n, target)
                    # the short form is typed by its last word ("Davis" reads as a
                    # surname); the join says it is the spelled-out body
                    if groups[target].type and groups[n].entry is None:
                        groups[n].types = Counter({groups[target].type:
                                                   sum(groups[n].types.values())})
    # spelling variants of multi-word names
    for i, a in enumerate(multi):
        for b in multi[i + 1:]:
            if any(_variants(fa, fb) for fa in forms[a] for fb in forms[b]):
                union(a, b)
    # one name written with and without its word break ("Zorbly Corp" / "ZorblyCorp",
    # "Wal-Zorb" / "WalZorb"): the same letters in the same order are one name. Each
    # word of a broken form is a capitalised word of two letters or more: a span cut
    # inside a word ("Zorbl y") is no spelling of the name
    solid: dict[str, str] = {}
    for n in names:
        for f in forms[n]:
            joined = _solid(f)
            if len(joined) < 6 or not all(re.fullmatch(r"[A-Z][\w'’]+", w)
                                          for w in re.split(r"[\s\-‐–]+", f) if w):
                continue
            if joined in solid:
                union(solid[joined], n)
            else:
                solid[joined] = n
    # a lone surname joins the one person whose last name it matches
    people = [n for n in multi if groups[find(n)].type in (None, "person")
              and groups[n].types.get("person", 0) > 0]
    for n in names:
        if n in multi or groups[n].entry is not None:
            continue
        word = _core(next(iter(forms[n])))
        if len(word) != 1 or len(word[0]) < 3:
            continue
        targets = {find(p) for p in people
                   if any(_core(f)[-1] == word[0] or (len(word[0]) >= 5 and fuzz.ratio(
                       _core(f)[-1], word[0]) >= 85) for f in forms[p] if len(_core(f)) >= 2)}
        if len(targets) == 1:
            union(n, targets.pop())
            _as_surname(groups[n], next(iter(forms[n])))
        elif targets and not groups[n].types.get("organization"):
            # the surname of several of the article's people ("Cummings" beside Elijah,
            # Ruth Elma and Robert Cummings), typed a place: which person, the article
            # does not say, but a family name is no place (a gazetteer place keeps its
            # votes, :func:`_as_surname`); the build's resolution links it or leaves it
            # plain text. One typed an organisation keeps its votes: a family's name is
            # often its firm's ("Ford" beside Henry and Edsel Ford)
            _as_surname(groups[n], next(iter(forms[n])))
    merged: dict[str, _Group] = {}
    for n in names:
        root = find(n)
        if root not in merged:
            merged[root] = _Group()
        merged[root].absorb(groups[n])
    return [merged[r] for r in sorted(merged)]


def _lead_acronyms(form: str) -> list[str]:
    """The ways ``form`` can be shortened to its leading words' initials and the rest:
    "University of California, Davis" → "UC Davis" (and "UCD"-style full acronyms are the
    acronym rule's). English shortens a university system's campus, or a body's branch,
    this way ("UC Berkeley", "UT Austin"); the initials cover two words or more (link
    words skipped, as :func:`initials`) and the rest is one capitalised name or more."""
    words = [w for w in re.split(r"[\s,]+", form) if w]
    out = []
    for k in range(2, len(words)):
        head, rest = words[:k], words[k:]
        acro = initials(" ".join(head), _LINK_WORDS)
        if (2 <= len(acro) <= 4 and head[-1].lower() not in _LINK_WORDS
                and all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in rest)):
            out.append(f"{acro} {' '.join(rest)}")
    return out


def _as_surname(group: _Group, word: str) -> None:
    """A lone word that joined a person as their surname (or is the surname of several
    of the article's people) votes as a person.

    The small model labels a bare surname by its company in the sentence (a surname
    after a club's name reads as an organisation, one after "in Moscow" as a place) more
    often than it labels the full name wrongly; counted as they came, three such
    labels outvoted the full name's one and retyped the person. The join itself is the
    evidence (the word is the surname of the article's one matching person). A word
    that is a country or a gazetteer place keeps its votes: "Jordan" beside "Michael
    Jordan" may be the country."""
    if filters.country_of(word) or gazetteer.is_place(word):
        return
    votes = sum(group.types.values())
    if votes:
        group.types = Counter({"person": votes})


def _shouted(form: str) -> bool:
    return form.isupper() and len(re.sub(r"\W", "", form)) > 5


def _choose_name(group: _Group) -> str:
    if group.entry is not None:
        return group.entry.name
    forms = list(group.forms)
    full = [f for f in forms if len(_core(f)) >= 2 and not _shouted(f)]
    candidates = full or [f for f in forms if not _shouted(f)] or forms

    def closeness(f: str) -> float:
        """Similarity to the other candidates: the medoid spelling wins a tie."""
        return sum(fuzz.ratio(key(f), key(g)) * group.weights[g] for g in candidates if g != f)

    return max(candidates, key=lambda f: (group.weights[f], closeness(f), len(f), f))


def lower_words(texts: Iterable[str]) -> frozenset[str]:
    """Words an article writes in lower case ("the state", "millions of"): a one-word
    "name" the article itself uses as a common word is a sentence-initial capital, not
    a name."""
    return frozenset(w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text))


def canonicalize(mentions: Sequence[tuple[ner.Mention, float]],
                 registry: Registry | None = None,
                 common: frozenset[str] = frozenset(), text: str = "") -> tuple[Entity, ...]:
    """One :class:`Entity` per thing named in an article, from ``(mention, weight)`` pairs.

    ``common`` (:func:`lower_words` of the article) drops one-word names the article
    also writes in lower case, unless the registry knows them; ``text`` (the article's
    text) does the same for names of several words (:func:`filters.common_phrase`).
    """
    registry = registry or Registry()
    groups: dict[str, _Group] = {}
    mentions = [(replace(m, text=q, type=t), w) for m, w in mentions
                for q, t in split_possessive(m.text, m.type)]
    not_names = _acronyms_of_non_entities(mentions)
    common_acronyms, named_acronyms = cues.acronym_meanings(
        cues.defined_acronyms(text) if text else [])
    confirmed = {key(clean_surface(p, m.type)) for m, _ in mentions if not m.tentative
                 for p in split_mention(m.text)}
    for mention, weight, piece, (surface, kind) in (
            (m, w, p, s) for m, w in mentions for p in split_mention(m.text)
            for s in _surfaces(p, m.type, registry)):
        entry = registry.entry(piece)
        if entry is None:
            entry = registry.entry(surface)
        if entry is None:
            surface = _drop_common_lead(surface, common, confirmed)
        if entry is not None and entry.block:
            continue
        if not is_name(surface):
            continue
        label = _label(kind, surface)
        if entry is None and (filters.rejected(surface, label) is not None
                              or bodies.nationality(surface)):
            continue
        if (entry is None and " " not in surface and not surface.isupper()
                and surface.lower() in common and not filters.country_of(surface)):
            continue
        if entry is None and ((text and filters.common_phrase(surface, text))
                              or surface in not_names
                              or surface in common_acronyms
                              or cues.named_in_plural(surface, text)):
            continue
        if mention.tentative and entry is None and key(surface) not in confirmed:
            continue
        gkey = "\0" + entry.name if entry is not None else key(surface)
        group = groups.setdefault(gkey, _Group())
        group.entry = entry
        group.forms[surface] += 1
        group.weights[surface] += weight
        if label in ENTITY_TYPES:
            group.types[label] += 1
            if label == "person" and " " in surface and cues.person_like(surface):
                group.full_person = True
        elif label == ner.OTHER:
            group.other += 1
            group.other_short += " " not in surface
        initials = _INITIALS.match(surface)
        if (initials and label != "place" and registry.entry(initials.group(1)) is None) or \
                _TITLE_DOTTED.match(" ".join(piece.split()).strip(_EDGE)):
            # "P. Simmons", "Dr. Li": a person whatever NER said, but for an initial NER
            # read as a place's abbreviated word ("S. Africa", "W. Virginia")
            group.types["person"] += 1
    entities: list[Entity] = []
    for group in _merge(groups):
        etype = group.type
        if etype is None or (group.entry is not None and group.entry.block):
            continue
        if group.entry is None and group.other_votes >= sum(group.types.values()):
            continue  # as often a product, work, law or event as an entity
        name = _choose_name(group)
        aliases = tuple(sorted(f for f in group.forms if f != name))
        entities.append(Entity(name, etype, aliases, sum(group.forms.values())))
    entities = _named_by_definition(entities, named_acronyms, registry)
    entities = _qualify_generic(entities, registry)
    # two groups can land on one registry name only through the registry; join them
    joined: dict[tuple[str, str], Entity] = {}
    for e in entities:
        k = (e.name, e.type)
        if k in joined:
            old = joined[k]
            e = Entity(e.name, e.type, tuple(sorted({*old.aliases, *e.aliases})),
                       old.count + e.count)
        joined[k] = e
    return tuple(sorted(joined.values(), key=lambda e: (-e.count, e.name, e.type)))


def _label(label: str | None, surface: str) -> str | None:
    """The type a mention votes for: its NER label, except a person label on one word
    in capitals, which votes for nothing.

    Such a word is an acronym ("NAACP", which then joins its spelled-out name and
    takes its type) or a surname in a shouted headline ("MERKEL", which joins
    the article's "Merkel"); rejecting it outright, as before, lost both forms."""
    if label == "person" and surface.isupper() and " " not in surface:
        return None
    return label


def _drop_common_lead(surface: str, common: frozenset[str], names: set[str]) -> str:
    """"Multiple Creative Commons" → "Creative Commons": a first word the article writes
    in lower case ("has multiple tests"), glued to a name the article also gives alone,
    is a capitalised sentence start, not part of the name. "New York" stays: the
    article does not name "York" alone."""
    words = surface.split()
    if len(words) >= 3 and words[0].lower() in common and key(" ".join(words[1:])) in names:
        return " ".join(words[1:])
    return surface


def _acronyms_of_non_entities(mentions: Sequence[tuple[ner.Mention, float]]) -> frozenset[str]:
    """Acronyms of the article's names that are not entities: "DMCA" beside "Digital
    Millennium Copyright Act" (a law), "ACA" beside a law the model labelled one."""
    found = set()
    for mention, _ in mentions:
        for piece in split_mention(mention.text):
            surface = clean_surface(piece, mention.type)
            if mention.type == ner.OTHER or filters.rejected(surface, mention.type):
                acro = filters.acronym_of(surface)
                if acro and len(acro) >= 3:
                    found.add(acro)
    return frozenset(found)


def _named_by_definition(entities: list[Entity], named: dict[str, str],
                         registry: Registry) -> list[Entity]:
    """An acronym the article spells out as a name ("the Zorbly Build Service (ZBS)",
    :func:`cues.acronym_meanings`) is that name in this article: its entity is named
    by the phrase, or joins the article's entity that already has it (the acronym merge
    above misses phrases whose link words count, "Department of the Interior (DOI)").
    Left under its letters, the acronym would join, across the corpus, whatever other
    body the same letters name, and put this article on that body's page. A phrase the
    filters reject (a law: "… Act") takes the acronym with it, as
    :func:`_acronyms_of_non_entities` does; a curated acronym is left alone.

    Only acronyms of at most :data:`resolve.SHORT_ACRONYM` letters are renamed when the
    article has no entity of the phrase: those are the letters several bodies share, and
    the resolver joins them to an expansion only with evidence. A longer acronym joins the
    one expansion the corpus has anyway, so the rename would keep it off no other body's
    page; it would only take away the bare letters that tie the article's spelling of the
    phrase to the others' ("… Infectious Diseases" here, "… Infectious Disease" there:
    the Wikinews build lost a page so)."""
    if not named:
        return entities
    by_key = {key(n): e for e in entities for n in (e.name, *e.aliases)}
    into: dict[str, list[Entity]] = defaultdict(list)
    out: list[Entity] = []
    for e in entities:
        phrase = named.get(e.name)
        if phrase is None or registry.entry(e.name) is not None:
            out.append(e)
            continue
        owner = by_key.get(key(phrase))
        if owner is not None and owner is not e:
            into[owner.name].append(e)
        elif filters.rejected(phrase, e.type) is not None:
            continue  # the letters name a law or an event here: no entity
        elif len(e.name) > resolve.SHORT_ACRONYM:
            out.append(e)
        else:
            out.append(Entity(phrase, e.type, tuple(sorted({*e.aliases, e.name} - {phrase})),
                              e.count))
    if not into:
        return out
    joined = []
    for e in out:
        for extra in into.get(e.name, ()):
            e = Entity(e.name, e.type, tuple(sorted({*e.aliases, extra.name, *extra.aliases}
                                                    - {e.name})), e.count + extra.count)
        joined.append(e)
    return joined


def _surfaces(piece: str, label: str | None,
              registry: Registry) -> list[tuple[str, str | None]]:
    """The names in one mention piece, each with the label it votes for: cleaned,
    tidied (:func:`filters.tidy`), and split when two names were joined by a slash or
    two people or two listed places by "and" (the places then vote place, whatever the
    span's label); a registry name or alias is taken as written."""
    surface = clean_surface(piece, label)
    if registry.entry(piece) is not None or registry.entry(surface) is not None:
        return [(surface, label)]
    out = []
    for pair in filters.split_slashed(surface):
        for part, kind in filters.joined_names(pair, label):
            tidied = clean_surface(filters.tidy(part, kind), kind)
            if tidied:
                out.append((tidied, kind))
    return out


def _qualify_generic(entities: list[Entity], registry: Registry) -> list[Entity]:
    """"Parliament" → "Parliament of Canada" when the article's places hold one country.

    The article's own places are the evidence; with two countries or none the name
    stays as written, and the build gives it no page (:func:`filters.generic`). Only
    country names count here: a region's country would qualify more names in the article
    ("Senate of the United States"), and the corpus step names those better, by the
    form the articles write (:func:`bodies.split_shared`).
    """
    found = set()
    for e in entities:
        if e.type != "place":
            continue
        entry = registry.entry(e.name)
        country = filters.country_of(entry.name if entry is not None else e.name)
        if country:
            found.add(entry.name if entry is not None else country)
    if len(found) != 1:
        return entities
    (country,) = found
    out = []
    for e in entities:
        qualified = filters.qualify(e.name, country) if e.type == "organization" else None
        if qualified and registry.entry(e.name) is None:
            own = _own_body(e.name, country, entities)
            e = Entity(own or qualified, e.type, tuple(sorted({*e.aliases, e.name})), e.count)
        out.append(e)
    return out


def _own_body(generic: str, country: str, entities: Sequence[Entity]) -> str | None:
    """The one organisation of the article named by its country, a word more and the
    generic name ("Indian National Congress" for "Congress" in an article about India):
    English calls a body by its head noun once it has been named in full ("For the
    Congress, he was the helmsman"), and "Congress of India" would be a name nobody
    uses. A body named by the country and the generic name alone ("Australian Senate")
    is what qualifying gives anyway; with none, or two, the name is qualified."""
    found = set()
    for e in entities:
        prefixed = bodies.country_prefix(e.name) if e.type == "organization" else None
        if prefixed is not None and prefixed[0] == country:
            rest = prefixed[1].split()
            if len(rest) > len(generic.split()) and " ".join(rest).endswith(" " + generic):
                found.add(e.name)
    return found.pop() if len(found) == 1 else None
