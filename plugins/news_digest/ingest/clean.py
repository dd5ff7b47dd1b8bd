"""Turn a scraped text dump into a Draft: the article's paragraphs, with page chrome set apart.

A dump is every visible line of a web page: menus, share buttons, captions, footers and,
somewhere in the middle, the article. We find the article with one scored model built on
general properties of prose rather than knowledge of any site (:mod:`clean_features`,
weights explained in ``docs/cleaning.md``): each line's own look (function words, how it
ends, capitalisation, link text) weighted by how long it is, blended with the look of its
nearest long neighbours (so a short line inside the article follows the article, a short
line among menus follows the menus), then the densest run of text. A few explicit rules
name chrome that looks like prose (copyright footers, cookie and newsletter notices,
template placeholders, script text) and whatever repeats verbatim across a source's
pages (:func:`learn_junk`). Lists and tab-separated tables the dump shows as such come
out as Markdown.

No rule names a site or a page. Every dropped line is listed in ``Draft.removed`` with the
reason, so ``inspect`` can show why, and nothing in here raises on any input text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from news_digest.ingest.clean_blocks import body_paragraphs
from news_digest.ingest.clean_features import STOP_CENTRE, confidence, length
from news_digest.ingest.clean_lines import (
    Line,
    free,
    menu_like,
    pick_stoplist,
    read_lines,
    stop_density,
)
from news_digest.ingest.clean_parts import (
    drop_above_dateline,
    drop_repeated_credits,
    take_byline,
    take_caption,
    take_dateline,
    take_dateline_below_byline,
    take_description,
    take_leading_dateline,
    take_section,
    take_title,
)
from news_digest.ingest.clean_rules import learn_junk, mark_related, mark_repeats, mark_rules
from news_digest.ingest.clean_select import label_dropped, score, select_article
from news_digest.ingest.dates import parse_dateline
from news_digest.model import Draft, RawSeed, Removed

__all__ = ["clean", "clean_text", "learn_junk"]

def clean(raw: RawSeed, known_junk: frozenset[str] = frozenset()) -> Draft:
    """Clean one text dump into a Draft; never raises, warns instead."""
    return clean_text(raw.text, known_junk)


def clean_text(text: str, known_junk: frozenset[str] = frozenset(), *,
               prose_selected: bool = False) -> Draft:
    """Clean bare text into a Draft; never raises.

    ``prose_selected`` is for text an extractor already cut down to the article (see
    :mod:`extract`): the explicit rules and the title, caption, byline, section and
    dateline still apply, but every other line is kept instead of being judged as prose.
    """
    try:
        return _clean(text if isinstance(text, str) else "", known_junk, prose_selected)
    except Exception as exc:  # a cleaner bug must not stop an ingest of thousands of seeds
        return Draft(title="", paragraphs=(), warnings=(f"cleaner failed: {exc!r}",))


# --- the pipeline -------------------------------------------------------------------------


def _clean(text: str, known_junk: frozenset[str], prose_selected: bool) -> Draft:
    lines = read_lines(text)
    if not lines:
        return Draft(title="", paragraphs=(), warnings=("no body text found",))
    stoplist = pick_stoplist(lines)
    for line in lines:
        line.stops = stop_density(line.text, stoplist)
    # A date printed above the headline is the dateline, and the headline is the title
    leading = take_leading_dateline(lines)
    head = lines[1:] if leading else lines
    title = take_title(head)
    # A first line that is a paragraph stays in the body; the title is its opening
    untitled = bool(head) and head[0].role != "title"
    mark_rules(lines, known_junk)
    mark_repeats(lines)
    if not prose_selected:
        mark_related(lines)
    caption = take_caption(lines)
    byline, byline_date = take_byline(lines)
    score(lines, known_language=stoplist is not None)
    section, dateline = take_section(lines), leading or take_dateline(lines)
    # The dateline near the body's start comes first; else a date on the byline's own
    # line ("By Jane Doe | Nov 4, 2014"), else a date line just under the byline. Only
    # the first marks where the story starts (drop_above_dateline): the other two sit
    # in the byline block, and a standfirst above that block is the story's.
    beside_byline = dateline is None
    if beside_byline:
        dateline = byline_date or take_dateline_below_byline(lines)
    if prose_selected:
        for line in lines:
            line.keep = free(line)
    else:
        select_article(lines)
        drop_repeated_credits(lines)
        label_dropped(lines)
        if not beside_byline:
            drop_above_dateline(lines)
    caption = take_description(lines, caption)
    draft = _draft(lines, title, caption, section, byline, dateline)
    if untitled and draft.paragraphs:
        return replace(draft, warnings=(*draft.warnings, NO_TITLE))
    return draft


NO_TITLE = "the seed has no title; took the start of its text"
"""The warning of a seed whose first line is a paragraph (the same words a record
without a title gets, ``formats.record_draft``): the title is made, not found."""
LITTLE_TEXT_WORDS = 30
"""A body shorter than this many word-equivalents (180 characters: one or two
sentences) is written, but with a warning for the curator: the cleaner probably missed
most of the story. A five-sentence wire brief is longer, and is not flagged."""
FALLBACK_REASONS = frozenset({"outside article"})
"""Dropped lines the fallback may bring back: the model's own doubts, never a line an
explicit rule named (copyright, share bar, menu, script...)."""


def _fallback(lines: list[Line]) -> int:
    """When the model keeps nothing, keep every line that reads as prose on its own look
    (``q > 0``), is not shaped like a menu item, and that no rule named; returns how many.
    Failing that, keep the lines that are a sentence by their words alone
    (:func:`_sentence_words`).

    A short story on an otherwise empty page (a title, a sentence, a share bar) has no
    long neighbours to lend it context, so the model alone would drop it, and the seed
    would be lost."""
    free_lines = [line for line in lines if line.role is None and not menu_like(line)
                  and (line.reason is None or line.reason in FALLBACK_REASONS)]
    found = [line for line in free_lines if line.q > 0] \
        or [line for line in free_lines if _sentence_words(line)]
    for line in found:
        line.keep, line.reason = True, None
    return len(found)


def _sentence_words(line: Line) -> bool:
    """A line of at least half a sentence's length whose function-word share is prose's
    (at least :data:`clean_features.STOP_CENTRE`), whatever its ending and capitals say.

    The last resort of a seed that would otherwise be skipped: a sentence the page cut
    off at a comma, with names and a figure or two in it ("Early Friday morning, around
    1:30 a.m., the 26-year-old actress checked into Betty Ford Center in Rancho Mirage,
    Calif,") loses the ending term and half the capitals term, and its figures make it
    a data row whose quality is held at 0, so ``q > 0`` fails; its function words still
    say it is running text. Menus, headlines and lists of names have few of them."""
    return confidence(line.n) >= 0.5 and line.stops >= STOP_CENTRE


BODY_MAX_CHARS = 100_000
"""The longest body a post keeps: about 16,000 words, more than a news site's longest
longread. Past it the text is no article a reader scrolls (a scraper's dump of a whole
site, one sentence repeated for megabytes), and one such post would weigh on every page
and feed that carries it: the body is cut there, at a sentence's end, with a warning
(:func:`capped`); the seed keeps it all."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def capped(draft: Draft, limit: int = BODY_MAX_CHARS) -> Draft:
    """``draft`` with its body cut to ``limit`` characters (see :data:`BODY_MAX_CHARS`):
    whole paragraphs while they fit, then the next one up to its last sentence end
    inside the limit. Every format's draft passes here (``workers.to_draft``)."""
    total = sum(len(p) for p in draft.paragraphs)
    if total <= limit:
        return draft
    kept: list[str] = []
    room = limit
    for paragraph in draft.paragraphs:
        if len(paragraph) <= room:
            kept.append(paragraph)
            room -= len(paragraph)
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, room + 1)]
        if ends:
            kept.append(paragraph[:ends[-1]].rstrip())
        break
    kinds = draft.kinds[:len(kept)] if draft.kinds else ()
    note = (f"the body was cut at {limit:,} characters (the seed has {total:,}); "
            "the rest is in the seed")
    return replace(draft, paragraphs=tuple(kept), kinds=kinds,
                   warnings=(*draft.warnings, note))


def _little_text(paragraphs: tuple[str, ...], fallback: int) -> tuple[str, ...]:
    """The warnings a body earns: none, too little text, or nothing at all."""
    if not paragraphs:
        return ("no body text found",)
    # word-equivalents (characters / 6, as the model counts): Thai or Chinese text has
    # few spaces, and counting its words by spaces would call every article short
    words = round(sum(length(p) for p in paragraphs))
    if fallback:
        return (f"cleaning found little text: kept {fallback} line(s) the model was unsure "
                f"of (about {words} words); check the post against its seed",)
    if words < LITTLE_TEXT_WORDS:
        return (f"cleaning found little text (about {words} words); check the post "
                "against its seed",)
    return ()


def _draft(lines: list[Line], title: str, caption: str | None, section: str | None,
           byline: str | None, dateline: str | None) -> Draft:
    paragraphs, kinds = body_paragraphs([line for line in lines if line.keep and free(line)])
    fallback = 0
    if not paragraphs and (fallback := _fallback(lines)):
        paragraphs, kinds = body_paragraphs([line for line in lines
                                             if line.keep and free(line)])
    removed = tuple(Removed(line.text, line.reason or "not prose") for line in lines
                    if line.role is None and (line.reason or not line.keep))
    return Draft(
        title=title,
        paragraphs=paragraphs,
        caption=caption,
        section=section,
        byline=byline,
        dateline=dateline,
        date=parse_dateline(dateline) if dateline else None,
        removed=removed,
        warnings=_little_text(paragraphs, fallback),
        kinds=kinds if any(kinds) else (),
    )
