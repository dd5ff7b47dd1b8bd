"""When two names are one entity: the evidence rules of learning (see :mod:`.learned`).

A pair of surface forms that one article's entity grouped together is kept only when
the two are related on their face and in the text: a spelling variant (every word
close, in order) or an acronym the text spells out. Everything here reads one article
and the curator's registry; nothing here reads or writes a file.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from news_digest.vocab.registry import key

if TYPE_CHECKING:
    from news_digest.model import Article
    from news_digest.vocab.registry import Registry

log = logging.getLogger(__name__)


SENTENCE_CHARS = 300
"""Evidence sentences are cut to about this many characters."""

_LINK_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "&",
                         # name particles: "Hamza bin Laden", "Ursula von der Leyen"
                         "bin", "ibn", "bint", "van", "von", "der", "den", "da", "di", "del",
                         "dos", "das", "el", "ter", "y"})
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][\w'’-]+")
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?\s+\w")


# --- the evidence rules -----------------------------------------------------------------

def _name_like(form: str) -> bool:
    """Every word capitalised (or a link word inside): "a United States" and "Grand Masters
    and" are a name with a stray word, not a spelling of it."""
    words = form.replace("-", " ").split()
    if not words or any(not w[:1].isupper() and not w[:1].isdigit() for w in (words[0], words[-1])):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINK_WORDS for w in words)


def core_words(form: str) -> list[str]:
    """The words of a name that identify it: no middle initials, no link words.

    Only a single letter *inside* a name is an initial ("Donald J. Trump"); a last one
    is part of the name ("Pech-de-l'Azé I").
    """
    words = [w for w in key(form).split() if w]
    core = [w for i, w in enumerate(words) if w not in _LINK_WORDS
            and (len(w) > 1 or i in (0, len(words) - 1))]
    return core or words


def derived(a: str, b: str) -> bool:
    """True when one form is the other plus a suffix: a demonym or a plural.

    "South Africans"/"South Africa", "Koreans"/"Korea", "Israeli"/"Israel": a word
    that extends another word is a different word (the people, not the place), even
    though the two spell alike.
    """
    ca, cb = core_words(a), core_words(b)
    if len(ca) != len(cb):
        return False
    return any(x != y and (x.startswith(y) or y.startswith(x)) for x, y in zip(ca, cb, strict=True))


def variants(a: str, b: str) -> bool:
    """Spelling variants of one multi-word name: every word close (rapidfuzz ≥ 80), in order.

    Words shorter than 4 letters must match exactly ("Jon"/"John" are two people);
    middle initials and link words are ignored ("Donald J. Trump" = "Donald Trump").
    """
    ca, cb = core_words(a), core_words(b)
    if len(ca) < 2 or len(ca) != len(cb) or derived(a, b) or not (
            _name_like(a) and _name_like(b)):
        return False
    return all(x == y or (min(len(x), len(y)) >= 4 and x[0] == y[0] and fuzz.ratio(x, y) >= 80)
               for x, y in zip(ca, cb, strict=True))


def initials(form: str, skip: frozenset[str] = _LINK_WORDS) -> str:
    """The acronym a multi-word name would have: "World Trade Organization" → "WTO";
    "" for one word or a word in lower case. The one helper for this: learning (here),
    an article's acronyms (``enrich/canonical.py``) and the corpus's (``enrich/filters.py``)
    differ only in the link words ``skip`` leaves out."""
    words = [w for w in re.split(r"[\s-]+", form) if w and w.lower() not in skip]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def _pattern(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form.split())


def paired_in_text(short: str, long: str, text: str) -> str | None:
    """The sentence where the text spells out the acronym, else ``None``.

    Accepted pairings: "Long Name (LN)", "LN (Long Name)", "LN, the Long Name" and
    "Long Name, or LN,". Anything looser is a guess from initials.
    """
    s, lg = _pattern(short), _pattern(long)
    for rx in (rf"{lg}\s*\(\s*(?:the\s+)?{s}\s*\)", rf"{s}\s*\(\s*(?:the\s+)?{lg}\s*\)",
               rf"\b{s},\s+(?:the\s+)?{lg}\b", rf"{lg},?\s+or\s+{s}\b"):
        match = re.search(rx, text)
        if match:
            return _sentence_at(text, match.start())
    return None


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    start = start + 1 if start >= 0 else 0
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > SENTENCE_CHARS:
        sentence = sentence[:SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence


def find_sentence(form: str, text: str) -> str | None:
    """The first sentence of ``text`` where ``form`` occurs as written (whole words)."""
    match = re.search(rf"(?<!\w){_pattern(form)}(?!\w)", text)
    return _sentence_at(text, match.start()) if match else None


def relation(a: str, b: str, text: str, known: Registry) -> tuple[str, str] | None:
    """``(reason, sentence)`` when ``a`` and ``b`` name one thing by the evidence rules.

    ``reason`` is ``variant`` or ``acronym``; ``None`` means no evidence, and the pair
    is not learned. ``known`` is the registry as it stands (curated and learned).
    """
    if key(a) == key(b):
        return None
    if any(_POSSESSIVE_INSIDE.search(f) for f in (a, b)):
        return None  # "Blair's Labour Party" is two names
    ea, eb = known.entry(a), known.entry(b)
    if ea is not None and eb is not None:
        return None  # both known: one entry (nothing new), or two the curator keeps apart
    if variants(a, b):
        # the new forms must be ones the article actually uses, as written
        found = [find_sentence(f, text) for f, e in ((a, ea), (b, eb)) if e is None]
        if not found or any(s is None for s in found):
            return None
        return "variant", str(found[-1])
    for short, long in ((a, b), (b, a)):
        if ACRONYM.fullmatch(short) and initials(long) == short.replace("&", ""):
            if known.entry(short) is not None:
                return None  # US, UK, WTO already name something: never a new expansion
            sentence = paired_in_text(short, long, text)
            return ("acronym", sentence) if sentence else None
    return None


# --- evidence from articles ----------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    """Where a pair was seen: the article (seed path), the entity's name there, the sentence."""

    article: str
    name: str
    type: str
    sentence: str


@dataclass(frozen=True)
class Pair:
    """Two surface forms of one entity, with why and where; sorted by key, so unique."""

    forms: tuple[str, str]
    reason: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def articles(self) -> int:
        return len({e.article for e in self.evidence})


def article_text(article: Article) -> str:
    """Every text of an article NER read, one part per line."""
    d = article.draft
    return "\n".join(p for p in (d.title, d.dek, d.caption, *d.paragraphs) if p)


def candidates(articles: Iterable[Article], known: Registry) -> list[Pair]:
    """The pairs articles give evidence for, one evidence item per article and pair.

    Each alias of an article's entity is paired with the first other form of that
    entity (its name first) it is directly related to; a lone given name or surname of
    a person holds in one article only, so it is never learned.
    """
    found: dict[tuple[str, str], tuple[str, dict[str, Evidence]]] = {}
    for article in articles:
        text = article_text(article)
        for entity in article.entities:
            forms = [entity.name, *entity.aliases]
            for alias in entity.aliases:
                if entity.type == "person" and len(alias.split()) < 2:
                    continue
                for partner in forms:
                    if partner == alias or (entity.type == "person" and len(partner.split()) < 2):
                        continue
                    why = relation(partner, alias, text, known)
                    if why is None:
                        continue
                    pair = tuple(sorted((partner, alias), key=lambda f: (key(f), f)))
                    _, items = found.setdefault(pair, (why[0], {}))  # type: ignore[arg-type]
                    items.setdefault(article.source.seed, Evidence(
                        article.source.seed, entity.name, entity.type, why[1]))
                    break
    return [Pair(forms, reason, tuple(items[a] for a in sorted(items)))
            for forms, (reason, items) in sorted(found.items())]


# --- the learned state and its file -------------------------------------------------------
