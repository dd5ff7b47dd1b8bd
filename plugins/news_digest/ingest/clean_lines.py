"""The lines of a text dump, as the cleaner reads them: one record per non-empty line,
the function-word list of the text's language, and the line-level tests every later
stage shares. First stage of :mod:`clean`; nothing here decides what is article text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass

SAMPLE_CHARS = 4000
"""Features of a very long line are read from its start; keeps a 20 MB line linear and cheap."""
RULE_MAX_CHARS = 1500
"""Keyword rules (copyright, share, cookie...) only read lines up to this long: chrome is short.
Code is not: the code test reads longer lines too, from their first SAMPLE_CHARS."""
MENU_WORDS = 4
MENU_CHARS = 40
"""A menu item is at most MENU_WORDS words and MENU_CHARS characters."""
MENU_RUN = 3
"""At least this many consecutive dropped lines of at most MENU_WORDS words, without
sentence punctuation, are reported as a menu (and such a line is never a section)."""

_WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
FULL_STOP = re.compile(r"[.!?][\"'”’)]?$")
"""A line that ends like a sentence: a stop, a question or an exclamation mark, then
perhaps a closing quote or bracket."""


@dataclass(slots=True)
class Line:
    """One non-empty line with the evidence the model reads and what it decided."""

    index: int
    text: str
    chars: int
    words: int
    stops: float
    cells: tuple[str, ...] = ()
    """The tab-separated cells of a table row, when the dump kept the tabs."""
    n: float = 0.0
    """Length in word-equivalents (:func:`clean_features.length`)."""
    q: float = 0.0
    """Own prose quality in [-1, 1] (:func:`clean_features.look`)."""
    d: float = 0.0
    """Decision score in [-1, 1]: own quality blended with the context's."""
    data: bool = False
    """A row of figures (see :class:`clean_features.Look`): follows its context."""
    keep: bool = False
    reason: str | None = None
    role: str | None = None
    """``title``, ``caption``, ``section``, ``byline`` or ``dateline`` when kept apart."""


def normalise(line: str) -> str:
    return " ".join(line.split()) if len(line) < SAMPLE_CHARS * 50 else line.strip()


def read_lines(text: str) -> list[Line]:
    """Non-empty lines with whitespace collapsed, numbered by their place in the text."""
    lines: list[Line] = []
    for index, raw_line in enumerate(text.split("\n")):
        if len(raw_line) > SAMPLE_CHARS * 50:  # a giant line: don't build millions of words
            line = raw_line.strip()
            words = line.count(" ") + 1
        else:
            parts = raw_line.split()
            line, words = " ".join(parts), len(parts)
        if line:
            cells = tuple(" ".join(c.split()) for c in raw_line.strip().split("\t")) \
                if "\t" in raw_line.strip() and len(raw_line) <= RULE_MAX_CHARS else ()
            lines.append(Line(index, line, len(line), words, 0.0, cells))
    return lines


def free(line: Line) -> bool:
    return line.reason is None and line.role is None


def menu_sized(line: Line) -> bool:
    """No longer than a menu item (:data:`MENU_WORDS`, :data:`MENU_CHARS`)."""
    return line.words <= MENU_WORDS and line.chars <= MENU_CHARS


def menu_like(line: Line) -> bool:
    """A short line without sentence punctuation: a menu item, when among others."""
    return menu_sized(line) and not SENTENCE_END.search(line.text)


# --- language: which function words count as "stop words" --------------------------------


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop lists (Wikipedia's commonest words per language); English if missing."""
    try:
        import justext

        return {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}
    except Exception:
        return {"English": _ENGLISH}


def pick_stoplist(lines: list[Line]) -> frozenset[str] | None:
    """The stop list covering most of the text's words, or None for an unknown language.

    Without a known language (Thai, Chinese: no spaces, or no list) we judge by length alone.
    """
    counts: Counter[str] = Counter()
    budget = 200_000
    for line in lines:
        sample = line.text[:SAMPLE_CHARS].lower()
        counts.update(_WORD.findall(sample))
        budget -= len(sample)
        if budget <= 0:
            break
    total = sum(counts.values())
    if total < 20:
        return _stoplists().get("English", _ENGLISH)
    lists = _stop_lists()
    if next(_texts_scored) < INDEX_AFTER:
        hits = [sum(counts[word] for word in counts.keys() & stoplist) for stoplist in lists]
    else:
        languages_of = _stop_index()
        hits = [0] * len(lists)
        for word, n in counts.items():
            for language in languages_of.get(word, ()):
                hits[language] += n
    best = max(range(len(lists)), key=lambda i: (hits[i], -i))  # first list wins a tie
    return lists[best] if hits[best] / total >= 0.15 else None


INDEX_AFTER = 16
"""Texts scored list by list before :func:`pick_stoplist` builds its word index. The
index (≈ 180,000 words over 100 lists) takes longer to build than scoring a dozen
texts without it, and the hourly ingest of one seed should not pay for it; a large
ingest builds it once per process. Both ways count the same hits: the same answer."""

_texts_scored = itertools.count()


@functools.cache
def _stop_lists() -> list[frozenset[str]]:
    return list(_stoplists().values())


@functools.cache
def _stop_index() -> dict[str, tuple[int, ...]]:
    """For each stop word the lists it is in: scoring a text against every language
    then costs one lookup per distinct word, not one per word per language."""
    languages_of: dict[str, list[int]] = {}
    for i, stoplist in enumerate(_stop_lists()):
        for word in stoplist:
            languages_of.setdefault(word, []).append(i)
    return {word: tuple(ids) for word, ids in languages_of.items()}


_LINK = re.compile(r"(?:https?://|www\.)\S+|\b(?:[\w-]+\.)+[a-z]{2,}/\S*", re.IGNORECASE)
"""A web address in running text ("http://t.co/x1Y2", "pic.twitter.com/Ab3d")."""


def without_links(text: str) -> str:
    """The words of a line without its web addresses: a sentence that ends with a link
    (a quoted post, a "more at …") still ends like a sentence, and an address's pieces
    ("http", "t", "co", "x1Y2") are not words that dilute its function-word share."""
    return " ".join(_LINK.sub(" ", text).split()) if "/" in text else text


def stop_density(text: str, stoplist: frozenset[str] | None) -> float:
    if stoplist is None:
        return 0.0
    words = _WORD.findall(without_links(text[:SAMPLE_CHARS]).lower())
    return sum(word in stoplist for word in words) / len(words) if words else 0.0


_ENGLISH_WORDS = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
"""Fallback English function words, used only when jusText's lists cannot be loaded."""
