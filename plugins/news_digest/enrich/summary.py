"""Summaries: one or two extractive sentences from the lead, within ``summary_chars``.

News is written lead-first, so the best cheap summary is the first real sentence, plus
the second when it fits. "Real" is the work: scraped paragraphs still hold photo
captions, datelines ("WASHINGTON (AP) —", "Friday, January 4, 2019"), bylines, section
labels, a repeat of the headline, and sentences that are mostly a quotation (a quote
out of context misleads more than it informs). Those are skipped; a dateline at the
start of a sentence is cut off rather than losing the sentence.

Sentence splitting is a small rule-based splitter rather than spaCy's parser (which
would cost more than the whole enrichment): it splits after ``.!?`` (and any closing
quotes or brackets) before an uppercase letter, digit or opening quote, except after
known abbreviations ("Mr.", "Gen.", "Jan."), single-letter initials ("Donald J.
Trump") and dotted acronyms ("U.S."), which only end a sentence when a typical sentence
opener ("The", "It", "But"…) follows. Decimals never split (no space after the dot).

The summary never cuts a word: if the first sentence alone is over the limit it is cut
at the last word boundary that fits and ends with "…".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft

ELLIPSIS = "…"
MIN_SENTENCE_CHARS = 30
"""Shorter sentences ("It's about time, right?") are teasers, not summaries."""
QUOTE_SHARE = 0.6
"""A sentence with at least this share of its letters inside quotation marks is a quote."""

ABBREVIATIONS = frozenset(str.split("""
mr mrs ms messrs dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev fr hon
pres supt det insp st mt ft jr sr inc corp co ltd plc bros dept univ assn est approx vs
etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
fri sat sun no nos vol pp fig ed eds op cf ave blvd rd
"""))
"""Words that end with a dot without ending the sentence (compared lowercase, no dot)."""

SENTENCE_OPENERS = frozenset(str.split("""
the a an it its he she they we i this that these those there but and or so yet however
meanwhile in on at after before when while
"""))
"""After an acronym like "U.S.", a new sentence usually starts with one of these."""

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z0-9]+)")

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november"
           "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:(?:{_DAYS}),?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?"
    rf"\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:[\s,]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*"
    rf"(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE,
)
_DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
    r"(?:\s*\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|PA|IANS|PTI|Xinhua)\))?"
    r"|\([A-Za-z]{2,12}\))\s*[—–-]{1,2}\s+"
)
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.\- ]{1,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\((?:Reuters|AP|AFP)\)\s*[—–-]+\s*"
)
_BYLINE = re.compile(r"^(?:by|written by|reporting by|words by)\s+[A-Z][\w.'\-]+"
                     r"(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s*(?:,|and|&)\s*.*)?$", re.IGNORECASE)
_CAPTION = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|credit|file)\b[^()]*)\)\s*$"
    r"|\b(?:photo|photograph|image|picture)\s*(?:by|:|credit)"
    r"|\bgetty images\b|\bshutterstock\b|\b(?:ap|afp|reuters|epa)\s+photo\b"
    r"|^(?:photo|image|picture|caption|credit|file photo)\s*[:|/]",
    re.IGNORECASE,
)
_JUNK = re.compile(r"\{\{|\}\}|©|\ball rights reserved\b|^advertisement$|^read more\b"
                   r"|^share (?:this|on)\b|^click here\b|^sign up\b", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']{12,}'(?!\w)|‘[^’]{12,}’")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (see the module docstring for the rules)."""
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if not _is_boundary(text, m.start(), end):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_boundary(text: str, punct_at: int, end: int) -> bool:
    if text[punct_at] != ".":
        return True
    # The word before the stop, read from a window: searching the whole text before it
    # made a paragraph of n sentences cost n² (a 10 MB one-line seed never finished).
    before = _WORD_BEFORE.search(text[max(0, punct_at - 200):punct_at + 1])
    if not before:
        return True
    word = before.group(1)
    nxt = _NEXT_WORD.match(text, end)
    next_word = nxt.group(1).lower() if nxt else ""
    if "." in word:  # dotted acronym: U.S., a.m., e.g.
        return next_word in SENTENCE_OPENERS
    if word.lower() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "Donald J. Trump"
        return next_word in SENTENCE_OPENERS
    return True


def strip_dateline(sentence: str) -> str:
    """Drop a leading wire dateline ("WASHINGTON (AP) — ", "LONDON, Jan 5 (Reuters) - ")."""
    for pattern in (_AGENCY_DATELINE, _DATELINE_PREFIX):
        m = pattern.match(sentence)
        if m and len(sentence) - m.end() >= MIN_SENTENCE_CHARS:
            return sentence[m.end():]
    return sentence


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def is_boilerplate_paragraph(para: str, draft: Draft) -> bool:
    """A paragraph that is not body prose: title repeat, caption, byline, dateline, label."""
    text = para.strip()
    if not text:
        return True
    norm = _norm(text)
    for other in (draft.title, draft.caption, draft.byline, draft.dateline, draft.section):
        if other and norm == _norm(other):
            return True
    if _DATE_LINE.match(text) or _BYLINE.match(text) or _CAPTION.search(text):
        return True
    if _JUNK.search(text):
        return True
    words = text.split()
    # A section label or a stray heading: short and without sentence punctuation.
    return len(words) < 6 and not re.search(r"[.!?]\s*[\"'”’)]*$", text)


def quoted_share(sentence: str) -> float:
    """Share of the sentence's letters that sit inside quotation marks."""
    letters = sum(ch.isalnum() for ch in sentence)
    if not letters:
        return 0.0
    inside = sum(sum(ch.isalnum() for ch in m.group(0)) for m in _QUOTED.finditer(sentence))
    if inside == 0 and sentence.lstrip()[:1] in "\"“":
        # An unclosed quote spanning sentences: everything after it is quoted.
        inside = letters
    return inside / letters


def is_summary_sentence(sentence: str) -> bool:
    """Prose fit to lead a summary: long enough, not a quote, not a lead-in to one."""
    s = sentence.strip()
    if len(s) < MIN_SENTENCE_CHARS:
        return False
    if s.endswith((":", "…:")) or s.endswith("?"):
        return False
    if _CAPTION.search(s) or _JUNK.search(s) or _BYLINE.match(s) or _DATE_LINE.match(s):
        return False
    return quoted_share(s) < QUOTE_SHARE


QUOTE_SPAN = 4
"""How many sentences after an unclosed quotation mark may still be inside it: a
speaker's quote runs over a few sentences (and, in text kept one sentence per line,
over as many paragraphs), and a stray mark must not silence the rest of the article."""

_DOUBLE_QUOTES = re.compile("[\"“”]")


def _inside_quotes(sentences: Sequence[str]) -> list[bool]:
    """For each sentence, whether it sits inside a quotation opened by an earlier one.

    A sentence with an odd number of double quotation marks opens a quotation (or
    closes one); the sentences after it, up to the one that closes it, are the
    speaker's words, though they carry no mark of their own (``"I respect the jury.``
    … ``The jury has spoken.`` … ``I think they did everything they could."``). Only a
    quotation that closes within ``QUOTE_SPAN`` sentences counts."""
    odd = [len(_DOUBLE_QUOTES.findall(s)) % 2 == 1 for s in sentences]
    inside = [False] * len(sentences)
    i = 0
    while i < len(sentences):
        if odd[i]:
            close = next((j for j in range(i + 1, min(i + 1 + QUOTE_SPAN, len(sentences)))
                          if odd[j]), None)
            if close is not None:
                for j in range(i + 1, close + 1):
                    inside[j] = True
                i = close
        i += 1
    return inside


def candidate_sentences(draft: Draft) -> Iterable[str]:
    """Summary-worthy sentences of the body, in reading order; a sentence inside a
    quotation that spans sentences is the speaker's, not the reporter's, even when it
    carries no quotation mark itself."""
    sentences = []
    for para in draft.paragraphs:
        if is_boilerplate_paragraph(para, draft):
            continue
        for n, sentence in enumerate(split_sentences(para)):
            sentences.append(strip_dateline(sentence) if n == 0 else sentence)
    for sentence, quoted in zip(sentences, _inside_quotes(sentences), strict=True):
        if not quoted and is_summary_sentence(sentence):
            yield sentence


_ENDS = re.compile(r"[.!?…][\"'”’)\]]*$")
"""A sentence's end: its punctuation, then any closing quotes or brackets."""


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` at the last word boundary that fits ``limit`` with "…" appended."""
    if len(text) <= limit:
        return text
    room = max(limit - len(ELLIPSIS), 1)
    cut = text[:room + 1]
    space = cut.rfind(" ")
    head = cut[:space] if space > 0 else text[:room]
    return head.rstrip(" ,;:—–-") + ELLIPSIS


def summarize(draft: Draft, limit: int = 300) -> str | None:
    """The publisher's own summary when the seed states one (a record's ``description``,
    carried as the draft's dek): a summary someone wrote beats one extracted. Else the
    lead sentence, plus the next good one if both fit in ``limit`` characters."""
    if limit <= 0:
        return None
    dek = " ".join((draft.dek or "").split())
    if dek and dek.casefold() != " ".join(draft.title.split()).casefold():
        return truncate(dek, limit)
    chosen: list[str] = []
    for sentence in candidate_sentences(draft):
        if not chosen:
            chosen.append(sentence)
            if len(sentence) >= limit or not _ENDS.search(sentence):
                break  # a standfirst without a full stop would run into the next one
            continue
        if len(chosen[0]) + 1 + len(sentence) <= limit:
            chosen.append(sentence)
        break
    if not chosen:
        return None
    return truncate(" ".join(chosen), limit)


def summaries(drafts: Sequence[Draft], limit: int = 300) -> list[str | None]:
    return [summarize(d, limit) for d in drafts]


def summary_step(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Enrichment step: fill ``summary`` (left alone when an earlier step set one)."""
    limit = ctx.settings.summary_chars
    return [a if a.summary else replace(a, summary=summarize(a.draft, limit)) for a in articles]
