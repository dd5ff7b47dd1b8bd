"""Turn a scraped text dump into a Draft: the article's paragraphs, with page chrome set apart.

A dump is every visible line of a web page: menus, share buttons, captions, footers and,
somewhere in the middle, the article. We find the article the way jusText does, by
general properties of prose rather than by knowing any site: a paragraph of running text
is long and dense with the language's function words, chrome is short and made of nouns.
Short lines then take the class of their neighbours, so a one-line quote introduction
inside the article stays while a lone "Tweet" between menus goes. On top of that sit a few
explicit rules for chrome that looks like prose (copyright footers, cookie and newsletter
notices, template placeholders, script text), and whatever repeats verbatim across a
source's pages (:func:`learn_junk`).

No rule names a site or a page. Every dropped line is listed in ``Draft.removed`` with the
reason, so ``inspect`` can show why, and nothing in here raises on any input text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from news_digest.ingest.dates import parse_dateline
from news_digest.model import Draft, RawSeed, Removed

# --- thresholds (jusText's published defaults, in characters and stop-word density) -------

LENGTH_LOW = 70
"""Shorter lines are "short": they cannot vouch for themselves and follow their neighbours."""
LENGTH_HIGH = 200
"""Longer lines with enough function words are prose on their own."""
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
"""Share of a line's words that are the language's function words, for near-good / good."""
SAMPLE_CHARS = 4000
"""Features of a very long line are read from its start; keeps a 20 MB line linear and cheap."""
RULE_MAX_CHARS = 1500
"""Keyword rules (copyright, share, cookie...) only read lines up to this long: chrome is short."""
MENU_WORDS = 4
MENU_RUN = 3
"""At least this many consecutive lines of at most MENU_WORDS words, without sentence
punctuation, are a menu or a tag cloud."""
HEAD_WINDOW = 12
"""How many non-empty lines before the article body we search for section and dateline."""
SHORT_PENALTY = 20
"""What a short line costs a run of prose: a few subheads don't break an article, a menu does."""
BAD_FACTOR = 1.0
"""Chrome costs a run as much as prose of the same length earns it (capped at LENGTH_HIGH)."""
GAP_LINES = 15
"""This many lines in a row without prose end a run: comments and teasers come after such gaps."""
ANCHOR_LINES = 10
"""A run starting this close under the headline, byline or dateline counts double."""
RESCUE_STOPWORDS = 0.15
"""Inside the article, a whole sentence needs only this share of function words to be text."""

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

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"


@dataclass(slots=True)
class _Line:
    """One non-empty line with the features the classifier reads."""

    index: int
    text: str
    chars: int
    words: int
    stops: float
    cls: str = SHORT
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
        _mark_menus(lines)
        _mark_related(lines)
    caption = _take_caption(lines)
    byline = _take_role(lines, "byline", _is_byline)
    if prose_selected:
        for line in lines:
            line.cls = BAD if line.reason or line.role else GOOD
        section, dateline = _take_section(lines), _take_dateline(lines)
    else:
        _classify_all(lines, known_language=stoplist is not None)
        section, dateline = _take_section(lines), _take_dateline(lines)
        _select_article(lines)
    return _draft(lines, title, caption, section, byline, dateline)


def _select_article(lines: list[_Line]) -> None:
    """Find the article's run of prose and settle every line as good or bad."""
    region = _densest_run(lines)
    _rescue_sentences(lines, region)
    _revise(lines)
    _drop_outside(lines, region)


def _draft(lines: list[_Line], title: str, caption: str | None, section: str | None,
           byline: str | None, dateline: str | None) -> Draft:
    paragraphs = tuple(line.text for line in lines if line.cls == GOOD and _free(line))
    removed = tuple(Removed(line.text, line.reason or "not prose") for line in lines
                    if line.role is None and (line.reason or line.cls != GOOD))
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
            lines.append(_Line(index, line, len(line), words, 0.0))
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
        if line.chars < LENGTH_LOW or line.role is not None:
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


def _mark_menus(lines: list[_Line]) -> None:
    """Mark runs of MENU_RUN or more menu-like lines (few words, no sentence punctuation)."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.role is None and _menu_like(line):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            for item in run:
                item.reason = item.reason or "menu"
        run = []


def _menu_like(line: _Line) -> bool:
    return line.words <= MENU_WORDS and line.chars <= 40 and not _SENTENCE_END.search(line.text)


def _mark_related(lines: list[_Line]) -> None:
    """A "Related" / "Read more" heading and the short link-text lines under it."""
    in_block = False
    for line in lines:
        if line.chars <= 80 and _RELATED.match(line.text):
            if line.role is None:
                line.reason = line.reason or "related links"
            in_block = line.words <= 6
            continue
        if in_block and line.role is None and line.chars < LENGTH_HIGH and line.stops < 0.5:
            line.reason = line.reason or "related links"
            continue
        in_block = False


# --- jusText-style classification ---------------------------------------------------------


def _classify_all(lines: list[_Line], known_language: bool) -> None:
    for line in lines:
        line.cls = _classify(line, known_language)
    if not any(line.cls == GOOD for line in lines):
        _promote_near(lines)


def _classify(line: _Line, known_language: bool) -> str:
    """Context-free class of a line from its length and function-word density."""
    if line.reason is not None or line.role is not None:
        return BAD
    if line.chars < LENGTH_LOW:
        return SHORT
    if not known_language:
        return GOOD if line.chars > LENGTH_HIGH else NEAR
    if _headline_like(line.text):
        return BAD
    if line.stops >= STOPWORDS_HIGH:
        return GOOD if line.chars > LENGTH_HIGH else NEAR
    if line.stops >= STOPWORDS_LOW:
        return NEAR
    return BAD


def _weight(line: _Line) -> float:
    """How much a line argues for "the article is here": prose for, chrome against."""
    if line.cls == GOOD:
        return line.chars
    if line.cls == NEAR:
        return line.chars / 2
    if line.cls == SHORT:
        return -SHORT_PENALTY
    return -min(line.chars, LENGTH_HIGH) * BAD_FACTOR


def _densest_run(lines: list[_Line]) -> tuple[int, int]:
    """The stretch of lines with the most prose net of chrome (maximum-sum subarray).

    A long stretch of chrome (GAP_LINES lines without prose: share bar, author box,
    comment form) ends a run however much prose follows: what comes after it on a page
    is comments or other stories, not more of this article. Among the runs, one that
    starts just under the headline or byline counts double: that is where articles begin.
    """
    runs: list[tuple[float, int, int]] = []
    best, span = 0.0, (0, -1)
    total, start, gap = 0.0, 0, 0
    for i, line in enumerate(lines):
        gap = 0 if line.cls in (GOOD, NEAR) else gap + 1
        if total <= 0 or gap >= GAP_LINES:
            if best > 0:
                runs.append((best, *span))
            total, start, best, span = 0.0, i, 0.0, (i, i - 1)
        total += _weight(line)
        if total > best:
            best, span = total, (start, i)
    runs.append((best, *span))
    anchors = [i for i, line in enumerate(lines)
               if line.reason == "duplicate title" or line.role in ("byline", "dateline")]
    return max(runs, key=lambda run: (run[0] * _anchor_bonus(run[1], anchors), -run[1]))[1:]


def _anchor_bonus(start: int, anchors: list[int]) -> float:
    """2 when an anchor (headline, byline, dateline) sits within ANCHOR_LINES above start."""
    k = bisect.bisect_left(anchors, start) - 1
    return 2.0 if k >= 0 and start - anchors[k] <= ANCHOR_LINES else 1.0


def _rescue_sentences(lines: list[_Line], region: tuple[int, int]) -> None:
    """Inside the article, a full sentence thin on function words (figures, names,
    quotes of prices) is still article text: it becomes near-good and follows its
    neighbours instead of being dropped outright."""
    first, last = region
    for line in lines[first:last + 1]:
        if line.cls == BAD and _free(line) and line.chars >= LENGTH_LOW \
                and line.stops >= RESCUE_STOPWORDS and _SENTENCE_END.search(line.text[-3:]) \
                and not _headline_like(line.text):
            line.cls = NEAR


def _drop_outside(lines: list[_Line], region: tuple[int, int]) -> None:
    """Prose far from the article (comments, teasers, footers) is not the article."""
    first, last = region
    for i, line in enumerate(lines):
        if (i < first or i > last) and line.cls == GOOD and _free(line):
            line.cls, line.reason = BAD, "outside article"


def _promote_near(lines: list[_Line]) -> None:
    """A page of short paragraphs has no line long enough to be "good" on its own;
    then the near-good lines (sentences with function words) stand in for them."""
    for line in lines:
        if line.cls == NEAR:
            line.cls = GOOD


def _revise(lines: list[_Line]) -> None:
    """Give short and near-good lines the class their neighbourhood suggests (jusText).

    A short line between good ones is part of the article ("He said:"); between bad ones
    it is chrome. A near-good line survives unless both sides are bad.
    """
    n = len(lines)
    prev_strict, next_strict = _neighbours(lines, {GOOD, BAD})
    prev_loose, next_loose = _neighbours(lines, {GOOD, BAD, NEAR})
    new = [line.cls for line in lines]
    for i, line in enumerate(lines):
        if line.cls != SHORT:
            continue
        pair = {prev_strict[i], next_strict[i]}
        if pair == {GOOD}:
            new[i] = GOOD
        elif pair == {BAD}:
            new[i] = BAD
        elif (prev_strict[i] == BAD and prev_loose[i] == NEAR) or (
                next_strict[i] == BAD and next_loose[i] == NEAR):
            new[i] = GOOD
        else:
            new[i] = BAD
    for i in range(n):
        lines[i].cls = new[i]
    prev_strict, next_strict = _neighbours(lines, {GOOD, BAD})
    for i, line in enumerate(lines):
        if line.cls == NEAR:
            line.cls = BAD if prev_strict[i] == next_strict[i] == BAD else GOOD


def _neighbours(lines: list[_Line], kinds: set[str]) -> tuple[list[str], list[str]]:
    """For each line, the class of the nearest line before/after it whose class is in kinds."""
    prev, nxt = [BAD] * len(lines), [BAD] * len(lines)
    last = BAD
    for i, line in enumerate(lines):
        prev[i] = last
        if line.cls in kinds:
            last = line.cls
    last = BAD
    for i in range(len(lines) - 1, -1, -1):
        nxt[i] = last
        if lines[i].cls in kinds:
            last = lines[i].cls
    return prev, nxt


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
        line.cls = BAD
    return caption


def _is_byline(line: _Line) -> bool:
    if line.words > 12 or not _BYLINE.match(line.text):
        return False
    name = line.text.split()[1:3]
    return any(word[:1].isupper() for word in name)


def _take_role(lines: list[_Line], role: str, test: Callable[[_Line], bool]) -> str | None:
    for line in lines:
        if _free(line) and line.cls != GOOD and test(line):
            line.role, line.cls = role, BAD
            return line.text
    return None


def _first_body(lines: list[_Line]) -> int:
    return next((i for i, line in enumerate(lines) if line.cls == GOOD), len(lines))


def _take_section(lines: list[_Line]) -> str | None:
    """A lone short Title-case line just before the body ("World", "Politics")."""
    start = _first_body(lines)
    for i in range(start - 1, max(start - HEAD_WINDOW, 0) - 1, -1):
        line = lines[i]
        if _free(line) and _is_section_word(line.text) and not _menu_neighbour(lines, i):
            line.role, line.cls = "section", BAD
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
        if _free(line) and line.cls != GOOD and line.words <= 12 and parse_dateline(line.text):
            line.role, line.cls = "dateline", BAD
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
