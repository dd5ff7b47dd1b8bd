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

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from news_digest.ingest.clean_features import CONFIDENT, confidence, decide, length, look
from news_digest.ingest.dates import parse_dateline
from news_digest.model import Draft, RawSeed, Removed

# --- thresholds -------------------------------------------------------------------------

SAMPLE_CHARS = 4000
"""Features of a very long line are read from its start; keeps a 20 MB line linear and cheap."""
RULE_MAX_CHARS = 1500
"""Keyword rules (copyright, share, cookie...) only read lines up to this long: chrome is short."""
MENU_WORDS = 4
MENU_RUN = 3
"""At least this many consecutive dropped lines of at most MENU_WORDS words, without
sentence punctuation, are reported as a menu (and such a line is never a section)."""
HEAD_WINDOW = 12
"""How many non-empty lines before the article body we search for section and dateline."""
REPEAT_CHARS = 70
"""A line this long seen twice on a page is a copy (jusText's "short" limit): shorter
lines ("Share", "Read more") repeat legitimately."""
LINK_TEXT_CHARS = 200
"""Under a "Related" heading, lines shorter than this (headline-length) are link texts."""
CONTEXT_FADE = 0.8
"""A neighbour's say over a short line fades by this factor per line in between."""
RUN_COST = 3.0
"""Every line costs a run of prose this many word-equivalents: a line must add evidence to
extend the article, so a long menu or footer ends it while a few subheads do not."""

# --- patterns: general web vocabulary, never a site's own words --------------------------

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"\{\{[^{}]{0,400}\}\}|\{%[^{}]{0,400}%\}|\$\{[^{}]{0,200}\}")
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b",
                        re.IGNORECASE)
_SHARE_START = re.compile(
    r"^(?:share|tweet|email|e-mail|print|pin(?: it)?|save|like|follow|subscribe|sign up|"
    r"sign in|log in|login|register|join|download|comments?|reply|more|menu|search|close|"
    r"skip to|back to top|advertisement|sponsored|ad|loading)\b", re.IGNORECASE)
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|pinterest|linkedin|whatsapp|reddit|tumblr|youtube|"
    r"google\+|rss|e-?mail this|share this|shares?)\b", re.IGNORECASE)
_NOTICE = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up|cookies?|privacy policy|"
    r"terms of (?:use|service)|advertis\w*|unsubscribe|inbox)\b", re.IGNORECASE)
_ADDRESSEE = re.compile(r"\b(?:you|your|our|we|us)\b", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:related(?: \w+)?|read more|read next|more from|more on|more stories|more news|"
    r"recommended|see also|also read|further reading|you (?:may|might) also like|"
    r"most (?:popular|read|viewed|shared)|trending|popular|top stories|latest(?: news)?|"
    r"editor'?s picks|what to read next|around the web|from the web|promoted stories)\b",
    re.IGNORECASE)
_CODE_CHARS = frozenset("{}[];=<>|\\$")
_CODE_HINT = re.compile(
    r"<\/?(?:script|style|div|iframe|noscript)|function\s*\(|\bvar\s+\w+\s*=|"
    r"\bwindow\.[a-z]|\bdocument\.[a-z]|@media|\bgoogletag\b|!important|\w+\s*\{[^}]{0,80}:[^}]{0,80};",
    re.IGNORECASE)
_PATHLIKE = re.compile(r"^\.{0,2}/|\w/\w[\w/-]*\.\w{2,5}$|\.(?:m?html?|php|aspx?|jsp?|css)$"
                       r"|^\w+_\w+(?:_\w+)*$")
_CAPTION = re.compile(
    r"\((?:[^()]{0,200}\b(?:photos?|image|picture|photograph|credit|illustration|file)\b"
    r"[^()]{0,200})\)\s*$"
    r"|^(?:photo|image|photograph|picture|credit|illustration|pictured|caption)s?\b\s*"
    r"(?::|by\b|credit)"
    r"|\b(?:getty images|shutterstock|ap photo|afp photo|afp via getty|reuters/|epa/|"
    r"associated press photo|photo credit|photo by|photograph by|image by|courtesy of)\b",
    re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|posted by|reporting by)\s+"
    r"(?:(?:dr|mr|ms|mrs)\.?\s+)?[A-Z][\w'’.-]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ", ": ")

_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□►✓✔*–—-]|\d{1,2}[.)])\s+(?=\S)")


@dataclass(slots=True)
class _Line:
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


# --- public API ---------------------------------------------------------------------------


def learn_junk(texts: Iterable[str], min_count: int = 3) -> frozenset[str]:
    """Lines that occur verbatim in at least ``min_count`` of one source's texts.

    A line repeated across a source's pages (its footer, its newsletter pitch) is chrome
    however prose-like it reads; the caller groups seeds by source. Each text counts a
    line once, so a line repeated inside one page does not look source-wide.
    """
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({_normalise(line) for line in text.split("\n")} - {""})
    return frozenset(line for line, count in seen.items() if count >= max(min_count, 2))


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
    lines = _read_lines(text)
    if not lines:
        return Draft(title="", paragraphs=(), warnings=("no body text found",))
    stoplist = _pick_stoplist(lines)
    for line in lines:
        line.stops = _stop_density(line.text, stoplist)
    title = _take_title(lines)
    _mark_rules(lines, known_junk)
    _mark_repeats(lines)
    if not prose_selected:
        _mark_related(lines)
    caption = _take_caption(lines)
    byline = _take_role(lines, "byline", _is_byline)
    _score(lines, known_language=stoplist is not None)
    section, dateline = _take_section(lines), _take_dateline(lines)
    if prose_selected:
        for line in lines:
            line.keep = _free(line)
    else:
        _select_article(lines)
        _label_dropped(lines)
    return _draft(lines, title, caption, section, byline, dateline)


def _draft(lines: list[_Line], title: str, caption: str | None, section: str | None,
           byline: str | None, dateline: str | None) -> Draft:
    paragraphs = _paragraphs([line for line in lines if line.keep and _free(line)])
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
        warnings=() if paragraphs else ("no body text found",),
    )


def _normalise(line: str) -> str:
    return " ".join(line.split()) if len(line) < SAMPLE_CHARS * 50 else line.strip()


def _read_lines(text: str) -> list[_Line]:
    """Non-empty lines with whitespace collapsed, numbered by their place in the text."""
    lines: list[_Line] = []
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
            lines.append(_Line(index, line, len(line), words, 0.0, cells))
    return lines


def _free(line: _Line) -> bool:
    return line.reason is None and line.role is None


# --- language: which function words count as "stop words" --------------------------------


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop lists (Wikipedia's commonest words per language); English if missing."""
    try:
        import justext

        return {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}
    except Exception:
        return {"English": _ENGLISH}


def _pick_stoplist(lines: list[_Line]) -> frozenset[str] | None:
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
    lists, languages_of = _stop_index()
    hits = [0] * len(lists)
    for word, n in counts.items():
        for language in languages_of.get(word, ()):
            hits[language] += n
    best = max(range(len(lists)), key=lambda i: (hits[i], -i))  # first list wins a tie
    return lists[best] if hits[best] / total >= 0.15 else None


@functools.cache
def _stop_index() -> tuple[list[frozenset[str]], dict[str, tuple[int, ...]]]:
    """The stop lists, and for each stop word the lists it is in: scoring a text against
    every language then costs one lookup per distinct word, not one per word per language."""
    lists = list(_stoplists().values())
    languages_of: dict[str, list[int]] = {}
    for i, stoplist in enumerate(lists):
        for word in stoplist:
            languages_of.setdefault(word, []).append(i)
    return lists, {word: tuple(ids) for word, ids in languages_of.items()}


def _stop_density(text: str, stoplist: frozenset[str] | None) -> float:
    if stoplist is None:
        return 0.0
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    return sum(word in stoplist for word in words) / len(words) if words else 0.0


# --- title --------------------------------------------------------------------------------


def _take_title(lines: list[_Line]) -> str:
    """First line is the page title; a later line that repeats it (the headline) wins.

    The headline is usually the page title without the site name, so a later line that is
    a prefix of the first line tells us exactly where the site suffix starts. Failing that,
    a short trailing segment after a separator ("... | Site Name") is cut.
    """
    first = lines[0]
    first.role = "title"
    raw = first.text[:1000]
    key = raw.casefold()
    title = ""
    for line in lines[1:]:
        candidate = line.text.casefold()
        if candidate == key or (len(candidate) >= 0.4 * len(key) and line.words >= 2
                                and key.startswith(candidate)
                                and _separator_follows(key[len(candidate):])):
            line.reason = "duplicate title"
            title = title or line.text
    return title or _strip_site_suffix(raw)


_SEP_STARTS = frozenset({"|", "-", "–", "—", "·", "::", ":", "»"})


def _separator_follows(rest: str) -> bool:
    """True when the rest of the page title starts with a separator (" | Site")."""
    words = rest.split(maxsplit=1)
    return bool(words) and (words[0] in _SEP_STARTS or rest.startswith(":"))


def _strip_site_suffix(title: str) -> str:
    """Cut up to two short trailing " | Site" segments, keeping a headline of 3+ words."""
    for _ in range(2):
        cut = max((title.rfind(sep), sep) for sep in _TITLE_SEPARATORS)
        position, sep = cut
        if position <= 0:
            break
        head, tail = title[:position], title[position + len(sep):]
        if len(tail.split()) > 4 or len(head.split()) < 3 or len(tail) >= len(head) \
                or not _looks_like_name(tail):
            break
        title = head.strip()
    return title


def _looks_like_name(text: str) -> bool:
    """Title-case words or a domain: what a site name looks like."""
    words = text.split()
    return bool(words) and ("." in text or all(w[:1].isupper() or not w[:1].isalpha()
                                               for w in words))


# --- explicit boilerplate rules -----------------------------------------------------------


def _mark_rules(lines: list[_Line], known_junk: frozenset[str]) -> None:
    for line in lines:
        if line.role is not None or line.reason is not None:
            continue
        line.text, placeholder = _cut_placeholders(line.text)
        if placeholder and len(line.text) < 3:
            line.text, line.reason = placeholder, "template placeholder"
        elif line.text in known_junk:
            line.reason = "repeated across source"
        elif line.chars <= RULE_MAX_CHARS:
            line.reason = _rule_reason(line)


def _mark_repeats(lines: list[_Line]) -> None:
    """A paragraph-length line seen earlier on the same page is a copy (slideshow
    text, a teaser of the article itself): the first occurrence stays."""
    seen: set[str] = set()
    for line in lines:
        if line.chars < REPEAT_CHARS or line.role is not None:
            continue
        if line.text in seen:
            line.reason = line.reason or "repeated on page"
        seen.add(line.text)


def _cut_placeholders(text: str) -> tuple[str, str]:
    """Remove ``{{ … }}``, ``{% … %}`` and ``${…}`` from a line; return (rest, what was cut)."""
    if "{" not in text:
        return text, ""
    found = _PLACEHOLDER.findall(text)
    if not found:
        return text, ""
    return " ".join(_PLACEHOLDER.sub(" ", text).split()), " ".join(found)


def _rule_reason(line: _Line) -> str | None:
    """The reason an explicit rule drops this line, or None."""
    text = line.text
    if _is_code(text):
        return "script/css"
    if _COPYRIGHT.search(text) and line.words <= 40:
        return "copyright"
    if line.words <= 8 and _SHARE_START.match(text) and not _SENTENCE_END.search(text):
        return "share/follow"
    if line.words <= 6 and _SOCIAL.search(text):
        return "share/follow"
    if line.words <= 60 and _NOTICE.search(text) and (
            line.words <= 6 or _ADDRESSEE.search(text)):
        return "newsletter/cookie/ad"
    return None


def _is_code(text: str) -> bool:
    """Script or CSS text: code punctuation and file paths are rare in prose, common in code.

    A code keyword alone is not enough in a long line: a story about web security may
    quote ``<script>`` in a sentence, and ingest escapes it anyway.
    """
    code = sum(ch in _CODE_CHARS for ch in text)
    if _CODE_HINT.search(text) and (len(text.split()) < 12 or code / len(text) > 0.02):
        return True
    if code >= 4 and code / len(text) > 0.04:
        return True
    words = text.split()
    paths = sum(1 for w in words if _PATHLIKE.search(w))
    return paths >= 2 and paths / len(words) > 0.1


def _headline_like(text: str) -> bool:
    """A run of link texts or a heading: most longer words capitalised, no closing stop.

    Prose capitalises names; a list of headlines capitalises nearly every word and does
    not end like a sentence.
    """
    if _SENTENCE_END.search(text[-3:]):
        return False
    words = [w for w in text[:SAMPLE_CHARS].split() if len(w) >= 4 and w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[:1].isupper() for w in words) / len(words) >= 0.8


def _mark_related(lines: list[_Line]) -> None:
    """A "Related" / "Read more" heading and the short link-text lines under it."""
    in_block = False
    for line in lines:
        if line.chars <= 80 and _RELATED.match(line.text):
            if line.role is None:
                line.reason = line.reason or "related links"
            in_block = line.words <= 6
            continue
        if in_block and line.role is None and line.chars < LINK_TEXT_CHARS and line.stops < 0.5:
            line.reason = line.reason or "related links"
            continue
        in_block = False


# --- the scored model ---------------------------------------------------------------------


def _score(lines: list[_Line], known_language: bool) -> None:
    """Each line's length and own quality; chrome an explicit rule named is the worst."""
    for line in lines:
        line.n = length(line.text)
        if line.reason is not None:
            line.q = -1.0
            continue
        seen = look(line.text, line.stops if known_language else None, bool(line.cells))
        line.q = seen.quality
        line.data = seen.data


def _speaks(line: _Line) -> bool:
    """Long enough to be judged on its own look, and neither a part kept apart nor data.

    Only such lines give context: a caption, a byline or a table row between two
    paragraphs says nothing about whether its neighbours are article text.
    """
    return (line.role is None and line.reason != "duplicate title" and not line.data
            and confidence(line.n) >= 0.5)


def _context(lines: list[_Line]) -> list[float]:
    """For each line, the mean quality of the nearest speaking lines before and after it,
    each faded by CONTEXT_FADE per line in between.

    The start and end of the page count as chrome (-1): pages begin with a masthead and
    end with a footer, so a short line with nothing but page edge around it is chrome.
    The fading means a line deep inside a long stretch of short lines (a menu, a comment
    form) has little context at all and is judged by its own look.
    """
    before, after = [-1.0] * len(lines), [-1.0] * len(lines)
    last = -1.0
    for i, line in enumerate(lines):
        before[i] = last
        last = line.q if _speaks(line) else last * CONTEXT_FADE
    last = -1.0
    for i in range(len(lines) - 1, -1, -1):
        after[i] = last
        last = lines[i].q if _speaks(lines[i]) else last * CONTEXT_FADE
    return [(b + a) / 2 for b, a in zip(before, after, strict=True)]


def _select_article(lines: list[_Line]) -> None:
    """Decide every line, find the article's run, keep the run's lines that read as text."""
    for line, around in zip(lines, _context(lines), strict=True):
        line.d = decide(line.q, line.n, around)
    first, last = _densest_run(lines)
    while first > 0 and _extends(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _extends(lines[last + 1]):
        last += 1
    for i, line in enumerate(lines):
        line.keep = first <= i <= last and line.d > 0 and _free(line)


def _extends(line: _Line) -> bool:
    """A sentence next to the run that reads as text on its own and in context joins it,
    however short: RUN_COST decides where the article is, not whether a short sentence at
    its edge belongs to it. (A menu item next to the first paragraph has context, but is
    not a sentence.)"""
    return line.q > 0 and line.d > 0 and _free(line) and bool(_SENTENCE_END.search(line.text))


def _gain(line: _Line, gap: int) -> float:
    """What a line adds to a run of article text, in word-equivalents.

    Text (d > 0) earns its length times its decision score. Non-text costs at most a
    full sentence's worth (CONFIDENT), so one long table row or link list inside an
    article does not outweigh the paragraphs around it, plus RUN_COST for each non-text
    line before it in the same gap: a few subheads or a share bar cost little, but the
    longer the stretch without text the dearer each further line, so twenty lines of
    author box, share buttons and comment form end the article whatever prose (the
    comments) follows. Parts kept apart (caption, byline, headline) are neutral.
    """
    if line.role is not None or line.reason == "duplicate title":
        return 0.0
    if line.d > 0:
        return line.n * line.d - RUN_COST
    return min(line.n, CONFIDENT) * line.d - RUN_COST * gap


def _densest_run(lines: list[_Line]) -> tuple[int, int]:
    """The stretch of lines with the largest total gain (maximum-sum subarray, Kadane)."""
    best, span = 0.0, (0, -1)
    total, start, gap = 0.0, 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        gap = 0 if line.d > 0 else gap + 1
        total += _gain(line, gap)
        if total > best:
            best, span = total, (start, i)
    return span


def _label_dropped(lines: list[_Line]) -> None:
    """Name what the model dropped, for ``inspect``: menus, and prose outside the article.

    Labels only: the decision was made by the scores.
    """
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and _free(line) and not line.keep and _menu_like(line):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            for item in run:
                item.reason = "menu"
        run = []
    for line in lines:
        if _free(line) and not line.keep and line.q > 0 and confidence(line.n) >= 1:
            line.reason = "outside article"


def _menu_like(line: _Line) -> bool:
    return line.words <= MENU_WORDS and line.chars <= 40 and not _SENTENCE_END.search(line.text)


# --- lists and tables ---------------------------------------------------------------------


def _paragraphs(kept: list[_Line]) -> tuple[str, ...]:
    """The kept lines as body paragraphs; lists and tables the dump shows as such become
    Markdown.

    A line starting with a bullet or "1." is a list item; two or more short lines that
    are not sentences, right after a kept line ending in ":", are a list too ("You will
    need:" then the items). Two or more lines with the same number of tab-separated
    cells are a table. Each list item is its own paragraph (``- item``); a table is one
    paragraph of Markdown table rows.
    """
    out: list[str] = []
    i = 0
    while i < len(kept):
        line = kept[i]
        table = _table_rows(kept, i)
        if table:
            out.append(_markdown_table([row.cells for row in table]))
            i += len(table)
            continue
        if _BULLET.match(line.text):
            out.append(_list_item(line.text))
        elif i > 0 and kept[i - 1].text.endswith(":") and _item_like(line) and (
                i + 1 < len(kept) and _item_like(kept[i + 1])):
            j = i
            while j < len(kept) and _item_like(kept[j]) and not _BULLET.match(kept[j].text):
                out.append(f"- {kept[j].text}")
                j += 1
            i = j
            continue
        else:
            out.append(line.text)
        i += 1
    return tuple(out)


def _item_like(line: _Line) -> bool:
    """A short line that is not a sentence: a list item when it follows "...:"."""
    return confidence(line.n) < 0.5 and not line.text.endswith((".", "!", "?", ":"))


def _list_item(text: str) -> str:
    """``• item`` → ``- item``; ``3) item`` → ``3. item``."""
    mark, rest = text.split(None, 1)
    number = mark.rstrip(".)")
    return f"{number}. {rest}" if number.isdigit() else f"- {rest}"


def _table_rows(kept: list[_Line], i: int) -> list[_Line]:
    """The table starting at kept[i]: 2+ consecutive lines with the same 2+ cell count."""
    width = len(kept[i].cells)
    if width < 2:
        return []
    j = i
    while j < len(kept) and len(kept[j].cells) == width:
        j += 1
    return kept[i:j] if j - i >= 2 else []


def _markdown_table(rows: list[tuple[str, ...]]) -> str:
    """Rows as a Markdown table, the first as its header; ``|`` in a cell is escaped."""
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    rule = "|" + "|".join("---" for _ in rows[0]) + "|"
    return "\n".join([row(rows[0]), rule, *(row(r) for r in rows[1:])])


# --- parts kept apart: caption, byline, section, dateline ---------------------------------


def _take_caption(lines: list[_Line]) -> str | None:
    """The first photo caption / credit line; later ones are dropped as captions too."""
    caption = None
    for line in lines:
        if not _free(line) or line.words > 60 or not _CAPTION.search(line.text[:RULE_MAX_CHARS]):
            continue
        if caption is None:
            caption, line.role = line.text, "caption"
        else:
            line.reason = "caption"
    return caption


def _is_byline(line: _Line) -> bool:
    if line.words > 12 or not _BYLINE.match(line.text):
        return False
    name = line.text.split()[1:3]
    return any(word[:1].isupper() for word in name)


def _take_role(lines: list[_Line], role: str, test: Callable[[_Line], bool]) -> str | None:
    for line in lines:
        if _free(line) and test(line):
            line.role = role
            return line.text
    return None


def _first_body(lines: list[_Line]) -> int:
    """The first line that is prose on its own look: where the body starts."""
    return next((i for i, line in enumerate(lines)
                 if _free(line) and line.q > 0 and confidence(line.n) >= 0.5), len(lines))


def _take_section(lines: list[_Line]) -> str | None:
    """A lone short Title-case line just before the body ("World", "Politics")."""
    start = _first_body(lines)
    for i in range(start - 1, max(start - HEAD_WINDOW, 0) - 1, -1):
        line = lines[i]
        if _free(line) and _is_section_word(line.text) and not _menu_neighbour(lines, i):
            line.role = "section"
            return line.text
    return None


def _is_section_word(text: str) -> bool:
    words = text.replace("&", " ").split()
    return (1 <= len(words) <= 3 and len(text) <= 30
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words))


def _menu_neighbour(lines: list[_Line], i: int) -> bool:
    """True when the line sits next to other menu-like lines: part of a menu, not a label."""
    around = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(line.role is None and _menu_like(line) for line in around)


def _take_dateline(lines: list[_Line]) -> str | None:
    """A short line holding a date, near the top of the body."""
    start = _first_body(lines)
    window = lines[max(start - HEAD_WINDOW, 0): start + 3]
    for line in window:
        if _free(line) and line.words <= 12 and parse_dateline(line.text):
            line.role = "dateline"
            return line.text
    return None


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
