"""The cleaner's explicit rules: chrome that reads like prose, each dropped with its reason.

Copyright footers, share and follow bars, cookie and newsletter notices, template
placeholders, script and CSS text, "Related" link blocks, paragraphs repeated on the page,
and lines repeated verbatim across a source's pages (:func:`learn_junk`). General web
vocabulary only: no rule names a site or a page. Runs before the scored model
(:mod:`clean_select`), which treats every line named here as the worst possible text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from news_digest.ingest.clean_features import CONFIDENT, length
from news_digest.ingest.clean_lines import (
    RULE_MAX_CHARS,
    SAMPLE_CHARS,
    SENTENCE_END,
    Line,
    menu_sized,
    normalise,
)
from news_digest.ingest.clean_parts import dateline_like
from news_digest.text import without_tags

REPEAT_CHARS = 70
"""A line this long seen twice on a page is a copy (jusText's "short" limit): shorter
lines ("Share", "Read more") repeat legitimately."""
LINK_TEXT_CHARS = 200
"""Under a "Related" heading, lines shorter than this (headline-length) are link texts."""

# --- patterns: general web vocabulary, never a site's own words --------------------------

_PLACEHOLDER = re.compile(r"\{\{[^{}]{0,400}\}\}|\{%[^{}]{0,400}%\}|\$\{[^{}]{0,200}\}")
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b",
                        re.IGNORECASE)
_COPYRIGHT_MARK = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\ball rights reserved\b", re.IGNORECASE)
"""The marks only a copyright notice carries: the sign, "(c) 2019", "All rights reserved"."""
_COPYRIGHT_WORD = re.compile(
    r"(?i:\bcopyright)\s*(?:©|\([cC]\))?\s*(?:19|20)\d\d"
    r"|^\W*(?i:copyright)\b\W*(?:©|\([cC]\)|[A-Z0-9]|$)")
"""The word "copyright" as a notice uses it: before a year ("Copyright 2015 …",
"Copyright (c) 1996-2009 …"), or opening the line before an owner's name ("Copyright
Getty Images"); a sentence about copyright ("Copyright law protects …", "…circumvention
of copyright protection?") uses it as a noun among others. Checked case-sensitively on
the letter after the word (a name is capitalised)."""
_SHARE_START = re.compile(
    r"^(?:share|tweet|email|e-mail|print|pin(?: it)?|save|like|follow|subscribe|sign up|"
    r"sign in|log in|login|register|join|download|comments?|reply|menu|search|close|"
    r"skip to|back to top|advertisement|sponsored|ad|loading)\b", re.IGNORECASE)
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|pinterest|linkedin|whatsapp|reddit|tumblr|youtube|"
    r"google\+|rss|e-?mail this|share this|shares?)\b", re.IGNORECASE)
_NOTICE = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up|cookies?|privacy policy|"
    r"terms of (?:use|service)|advertis\w*|unsubscribe|inbox)\b", re.IGNORECASE)
_SITE_LICENCE = re.compile(
    r"\blicen[cs]ed under\b|\bunder (?:a|the) (?:[\w.-]+ ){0,6}licen[cs]e\b", re.IGNORECASE)
_THIS_SITE = re.compile(
    r"\b(?:this|our) (?:site|website|web site|page|blog|wiki|work)\b"
    r"|\b(?:except|unless) (?:as |where )?otherwise (?:noted|stated|indicated|specified)\b",
    re.IGNORECASE)
"""A site's licence notice: the page's own content said to be under a licence ("This
website and all documents on it are licensed under a Creative Commons …", "Except where
otherwise noted, content on this site is licensed under …"). It speaks of the page
itself ("this site", "except where otherwise noted"); an article's sentence about a
licence speaks of its subject ("Its source code is licensed under the MPL")."""
SITE_LICENCE_WORDS = 60
_ADDRESSEE = re.compile(r"\b(?:you|your|our|we|us)\b", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:related(?: \w+)?|read more|read next|more from|more on|more stories|more news|"
    r"recommended|see also|also read|further reading|you (?:may|might) also like|"
    r"most (?:popular|read|viewed|shared)|trending|popular|top stories|latest(?: news)?|"
    r"editor'?s picks|what to read next|around the web|from the web|promoted stories)\b",
    re.IGNORECASE)
_BUTTON = re.compile(
    r"(?:^|\s)(?:buy|shop|order|book|subscribe|donate|download|install|try|get|register|"
    r"join|sign up)(?: (?:it|yours|one|them|tickets))? (?:now|here|today|online)\W{0,2}$",
    re.IGNORECASE)
"""A shop's or a form's button label ending a line: an imperative to acquire or sign up
and where or when ("Buy Now", "Shop here", "Subscribe today", "Get yours now!")."""
BUTTON_WORDS = 12
"""A product's name and its button ("Mars 12 inch Globe Buy Here") is a short line."""
_NEW_WINDOW = re.compile(r"\(opens? in (?:a )?new (?:window|tab)\)", re.IGNORECASE)
"""Screen-reader text a site adds to a link that opens a new window: a share or
navigation link, never a sentence of the article."""
_SELECTOR = re.compile(r"^(?:[.#][a-z][\w-]*)+$", re.IGNORECASE)
"""A bare CSS class or id selector (".entry-content", "#respond") shown as text."""
_FORM_FIELD = re.compile(r"^[^\W_][^*]{0,38}?\s*(?:\*|\(\*\)|\(required\))\s*:?$",
                         re.IGNORECASE)
"""A form field's label with its required-field mark: "Name *", "Email(required)",
"Nombre (*):". Comment and sign-up forms mark required fields this way in any language;
an article never ends a short line with one (emphasis opens with "*" too, so a line
starting with "*" is left alone)."""
FORM_FIELD_WORDS = 4
_CITATION = re.compile(
    r"\bRetrieved (?:on |\w+ )?\d|\bISBN\b|\bdoi:|\bArchived from\b|\(PDF\)|"
    r"\(eds?\.\)|\bet al\.|\bpp?\. \d|\((?:\w+ )?(?:1[5-9]|20)\d\d[a-z]?\)\.")
"""Marks of a bibliography entry: "Retrieved 3 May 2019", ISBN, doi:, "(PDF)", "(ed.)",
"et al.", "p. 41", "(2008)." An article cites in running text; a line carrying two of
these is an entry of the reference list below it."""
CITATION_MARKS = 2
NOTICE_TOPICS = CITATION_MARKS
"""A line of a sentence or more (CONFIDENT word-equivalents) is a notice only when it
names two different notice topics ("subscription" and "inbox", "terms of use" and
"privacy policy"): an article's paragraph may mention advertising or a sign-up once, as
it may cite once (CITATION_MARKS), but a notice is made of that vocabulary."""
_CITATION_HINTS = ("(", "Retrieved", "ISBN", "doi:", "Archived", "et al.", "p. ")
"""Every mark holds one of these: lines without any skip the regex (most of a page)."""
_CODE_CHARS = frozenset("{}[];=<>|\\$")
_CODE_HINT = re.compile(
    r"<\/?(?:script|style|div|iframe|noscript)|function\s*\(|\bvar\s+\w+\s*=|"
    r"\bwindow\.[a-z]|\bdocument\.[a-z]|@media|\bgoogletag\b|!important|\w+\s*\{[^}]{0,80}:[^}]{0,80};",
    re.IGNORECASE)
_FOOTNOTE = re.compile(r"\[(?:\d{1,4}|[a-z]|citation needed)\]")
"""A footnote or citation mark in running text ("[29]", "[a]", "[citation needed]"):
prose, not code, so its brackets are not counted as code punctuation."""
_INSERTION = re.compile(r"(?<![\w\])\[])\[[^\W\d_][\w' ,.-]{0,80}\](?![\d(])")
"""An editor's insertion in a quotation or a question ("Was the [GNU] GPLv3 too late?",
"[T]he House is moving forward", "were [the microbes] taken out?"): words in square
brackets after a space, a quote or the line's start, in a line that ends like a
sentence. Code indexes an identifier ("items[key]", "a[0]"), a configuration file's
section ("[extensions] rebase =") or a forum tag ("[b]…[/b]") is not punctuated as a
sentence, and a Markdown link's text is followed by its address ("[text](url)"): none
is an insertion. Prose, so its brackets are not code punctuation either."""
_PATHLIKE = re.compile(r"^\.{0,2}/|\w/\w[\w/-]*\.\w{2,5}$|\.(?:m?html?|php|aspx?|jsp?|css)$"
                       r"|^\w+_\w+(?:_\w+)*$")


def learn_junk(texts: Iterable[str], min_count: int = 3) -> frozenset[str]:
    """Lines that occur verbatim in at least ``min_count`` of one source's texts.

    A line repeated across a source's pages (its footer, its newsletter pitch) is chrome
    however prose-like it reads; the caller groups seeds by source. Each text counts a
    line once, so a line repeated inside one page does not look source-wide.

    A dateline is the exception: a day's scrape of one source shares its dateline
    ("Thursday, October 10, 2019") on every article, and learning it as chrome cost
    those posts their date (they fell back to the file's mtime, the day of the build).
    A date is information whatever the repetition says.
    """
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({normalise(line) for line in text.split("\n")} - {""})
    return frozenset(line for line, count in seen.items()
                     if count >= max(min_count, 2) and not dateline_like(line))


def mark_rules(lines: list[Line], known_junk: frozenset[str]) -> None:
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
        elif _is_code(line.text[:SAMPLE_CHARS]):
            line.reason = CODE  # code is not short (see _is_code)


def mark_repeats(lines: list[Line]) -> None:
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


CODE = "script/css"
"""The reason given to script, CSS and code text, and to a bare CSS selector."""


def _rule_reason(line: Line) -> str | None:
    """The reason an explicit rule drops this line, or None."""
    text = line.text
    if _is_code(text):
        return CODE
    if is_selector(line):
        return CODE
    if _citation_marks(text) >= CITATION_MARKS:
        return "references"
    if line.words <= FORM_FIELD_WORDS and _FORM_FIELD.match(text):
        return "form field"
    if line.words <= 40 and _COPYRIGHT.search(text) and _copyright_notice(line):
        return "copyright"
    if line.words <= SITE_LICENCE_WORDS and site_licence(text):
        return "copyright"
    if line.words <= 8 and _SHARE_START.match(text) and not SENTENCE_END.search(text):
        return "share/follow"
    if line.words <= 12 and _NEW_WINDOW.search(text):
        return "share/follow"
    if line.words <= 6 and _SOCIAL.search(text):
        return "share/follow"
    if line.words <= 60 and _NOTICE.search(text) and (
            line.words <= 6 or _ADDRESSEE.search(text)) and (
            length(text) < CONFIDENT or _notice_topics(text) >= NOTICE_TOPICS):
        return "newsletter/cookie/ad"
    return None


def named_without_mark(line: Line, mark: re.Match[str]) -> bool:
    """Whether an explicit rule names the line once its list mark is cut off ("- Share",
    "• Follow us"): a share bar or a menu printed as a bulleted list."""
    text = line.text[mark.end():]
    return _rule_reason(replace(line, text=text, chars=len(text),
                                words=len(text.split()))) is not None


def _copyright_notice(line: Line) -> bool:
    """A line holding a copyright word has a notice's shape: the sign, "(c) 2019" or "All
    rights reserved"; "copyright" before a year or opening the line before an owner's
    name; or a menu-sized line ("Copyright", "Report Copyright", "Copyright & Trademark":
    a footer's link). Never a question: an interview asking "What are the problems with
    … copyright protection?" is about copyright, not a notice of it. The word alone in a
    sentence is an article's (a story on copyright law, a lawsuit, a takedown)."""
    text = line.text
    if text.rstrip().endswith("?"):
        return False
    if _COPYRIGHT_MARK.search(text) or menu_sized(line):
        return True
    return bool(_COPYRIGHT_WORD.search(text))


def site_licence(text: str) -> bool:
    """The page's own licence notice (see ``_THIS_SITE``): a footer, like a copyright line."""
    return bool(_SITE_LICENCE.search(text)) and bool(_THIS_SITE.search(text))


def is_selector(line: Line) -> bool:
    """A bare CSS class or id selector shown as text (".entry-content", "#respond"): a
    template's marker of where a part of the page begins or ends."""
    return line.words == 1 and bool(_SELECTOR.match(line.text))


def _notice_topics(text: str) -> int:
    """How many different notice words a line holds ("cookie" and "cookies" are one)."""
    return len({found.lower().rstrip("s") for found in _NOTICE.findall(text)})


def _citation_marks(text: str) -> int:
    """How many bibliography marks a line carries (0 without any hint, cheaply)."""
    if not any(hint in text for hint in _CITATION_HINTS):
        return 0
    return len(_CITATION.findall(text))


def _is_code(text: str) -> bool:
    """Script or CSS text: code punctuation and file paths are rare in prose, common in code.

    A code keyword alone is not enough in a long line: a story about web security may
    quote ``<script>`` in a sentence, and ingest escapes it anyway.

    Read on lines of any length (:func:`mark_rules`; beyond RULE_MAX_CHARS, on the first
    SAMPLE_CHARS): the other rules look for chrome's words, and chrome is short, but
    leaked markup (a form, an ad's table, commented-out HTML the dump printed as text)
    or a minified script runs to thousands of characters on one line. Left unnamed,
    such a line is judged on its look, and being so long it weighs like several
    paragraphs: it could carry the article's run on into the feed below it, or be
    chosen as the article itself when the real one is two short paragraphs.
    """
    if "[" in text:
        text = _FOOTNOTE.sub("", text) or text
        if SENTENCE_END.search(text):
            text = _INSERTION.sub(_unbracket, text)
    code = sum(ch in _CODE_CHARS for ch in text)
    if _CODE_HINT.search(text) and (len(text.split()) < 12 or _code_share(text) > 0.02):
        return True
    if code >= 4 and code / len(text) > 0.04:
        return True
    words = text.split()
    paths = sum(1 for w in words if _PATHLIKE.search(w))
    return paths >= 2 and paths / len(words) > 0.1


def _unbracket(match: re.Match[str]) -> str:
    return match.group()[1:-1]


def _code_share(text: str) -> float:
    """The share of code punctuation in a line that holds a code keyword. A sentence that
    quotes a tag ("the attack injected <script>alert(1)</script> into the login page.")
    is measured without the tags it quotes: their brackets are the quote, not code, and
    counted they made a twenty-word sentence about a web attack read as script, which
    dropped it and, with it, the next paragraph. A line that does not end like a sentence
    is measured whole: leaked markup is rarely punctuated."""
    if SENTENCE_END.search(text):
        text = without_tags(text)
    return sum(ch in _CODE_CHARS for ch in text) / len(text)


def call_to_action(line: Line) -> bool:
    """A short line that ends with a button label and not with a full stop: a product
    listing or a sign-up box ("Mars 12 inch Globe Buy Here", "Join Now!"), never the
    article's sentence (a sentence ending "… you can order it online." is prose).

    Short and between paragraphs, such a line takes its neighbours' look and was kept
    (trial 2); its own look (no sentence, capitalised words) is all a reader needs to
    see it is the shop's. Applied after the article is found (:func:`clean_select.
    select_article`): it drops the line, it does not cut the article there."""
    return line.words <= BUTTON_WORDS and not line.text.endswith(".") \
        and bool(_BUTTON.search(line.text))


_TEASER_END = re.compile(
    r"(?:\.\.\.|…)\W{0,3}(?:(?:read|see|view) (?:more|on|the (?:full|rest)(?: \w+)?)"
    r"|continue reading|keep reading|full (?:story|article)|more)\b"
    r"(?:\W{0,3}(?:read more|continue reading|more))*\W{0,3}$", re.IGNORECASE)
"""A teaser: another page's opening cut off by an ellipsis, then its link's label
("… Read more", "... Continue reading", "… Read more Read more": a dump prints the
label and its screen-reader copy). An article's own sentence is not cut off, and does
not end with a link to itself."""


def teaser(line: Line) -> bool:
    """A line that ends with an ellipsis and a read-more label: a card linking to another
    story, set between the article's paragraphs or in a feed below it. Applied after
    the article is found (:func:`clean_select.select_article`): cards sit between
    paragraphs, and must not cut the article there."""
    text = line.text
    return ("…" in text or "..." in text) and bool(_TEASER_END.search(text))


_REPEATED_PHRASE = re.compile(r"^(.{12,200}?)(?:\s+\1){1,3}$")
"""A line that is one phrase said two to four times over and nothing else: a link the
dump printed with its image's alternative text and its title ("How to Do X How to Do
X How to Do X"). Prose does not repeat a phrase of three or more words back to back as
a whole line."""


def repeated_phrase(line: Line) -> bool:
    """The line is one phrase of at least three words, repeated (see above)."""
    if line.words < 6 or line.chars > 800:
        return False
    found = _REPEATED_PHRASE.match(line.text)
    return found is not None and len(found.group(1).split()) >= 3


def mark_related(lines: list[Line]) -> None:
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

