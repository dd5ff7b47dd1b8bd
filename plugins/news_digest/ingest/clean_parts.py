"""Parts of a page kept apart from the body: title, caption, byline, section, dateline.

Each is taken once (its line gets a ``role``) so the body and the scored model's context
leave it out, and the front matter carries it in its own field.
"""

from __future__ import annotations

import re

from news_digest.ingest.clean_features import STOP_CENTRE, confidence, linky
from news_digest.ingest.clean_lines import FULL_STOP, RULE_MAX_CHARS, Line, free, menu_like
from news_digest.ingest.dates import dateline_span, parse_dateline

HEAD_WINDOW = 12
"""How many non-empty lines before the article body we search for section and dateline."""
DATELINE_WORDS = 12
"""A dateline is short: a date, perhaps a time, a place and an agency, not a sentence."""

_CREDIT_END = re.compile(
    r"\(([^()]{0,200}\b(?:photos?|image|picture|photograph|credit|illustration|file)\b"
    r"[^()]{0,200})\)[^\s()]{0,8}\s*$", re.IGNORECASE)
"""A credit in brackets ending the line: "(AP Photo/Jane Roe)", "(File 2013/The Associated
Press)". A dump may glue the image's own stamp to it ("…Nishijima)AP2014"): up to eight
characters after the bracket are allowed."""
_CREDIT_START = re.compile(
    r"^(?:photo|image|photograph|picture|credit|illustration|pictured|caption)s?\b\s*"
    r"(?::|by\b|credit)", re.IGNORECASE)
_AGENCY = re.compile(
    r"\b(?:getty images|shutterstock|ap photo|afp photo|afp via getty|reuters/|epa/|"
    r"associated press photo|photo credit|photo by|photograph by|image by|courtesy of)\b",
    re.IGNORECASE)
_IMAGE_OPENING = re.compile(
    r"^(?:in )?(?:this|these) (?:\w+ ){0,2}(?:photos?|images?|pictures?|photographs?|"
    r"handout|screenshot|still|frame grab)\b[^.]{0,200}\b(?:released|provided|taken|made|"
    r"shows?|showing|seen|posted|shared|dated)\b", re.IGNORECASE)
"""How a wire caption opens: "In this image released by …", "This photo taken on … shows
…": it points at the picture beside it ("this"). An article's sentence about a picture
names it ("A photo released by the police shows …") and is left to the model."""
_MEDIA_TAG = re.compile(
    r"^\s*(?:(?:photos?|videos?|images?|pictures?|gallery|slideshow|infographic|graphic|"
    r"audio|watch|interactive|map)\s*(?:[,&+/]|\band\b)?\s*)+$", re.IGNORECASE)
"""A bracket holding only the kinds of media ("(PHOTO)", "(Video, Photos)") labels a
headline: a link to another story's gallery. A credit names who made the picture."""
CAPTION_WORDS = 60
"""A credit that may sit anywhere in its line (a marker opening it, an agency's name)
counts only in a line this short: a long paragraph may mention "courtesy of"."""
WIRE_CAPTION_WORDS = 100
"""A wire caption (a credit in brackets ending it, or opening "In this photo …") may run
to three or four sentences: what the picture shows, when, and the story behind it."""
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|posted by|reporting by)\s+"
    r"(?:(?:dr|mr|ms|mrs)\.?\s+)?[A-Z][\w'’.-]*", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " » ", ": ")

# --- a date above the headline ------------------------------------------------------------

HEADLINE_WORDS = 30
"""A line this long or shorter can be a headline; a longer one is a paragraph."""
HEADLINE_MIN_WORDS = 3
"""…and a headline says something: one or two words under a date ("World") are a
section label, and the date then stays the title, as before."""
_ONE_FULL_STOP = re.compile(r"(?<!\.)\.[\"'”’)\]]*$")
"""A line ending with one full stop (a closing quote or bracket may follow): a sentence."""
_DATE_LABEL = re.compile(
    r"(?:(?:last\s+)?(?:updated|modified|published|posted|edited|first\s+published)"
    r"(?:\s+(?:on|at))?|dated?)", re.IGNORECASE)
"""The label a page may print before its date ("Updated:", "Published on", "Last
modified"): words about the date itself, never about what happened."""
_AROUND_DATE = " \t-–—|·•:,"
_NUMERIC_DATE = re.compile(
    r"(?<!\d)\d{1,4}\s*([/.-])\s*\d{1,2}\s*\1\s*\d{2,4}(?!\d)"
    r"(?:\s*(?:,|at|@|-)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?"
    r"(?:\s+[A-Z]{2,5})?)?", re.IGNORECASE)
"""A date in figures ("8/2/13 at 1:30 PM", "02.08.2013 13:30"), with its time and zone.
Which figure is the day :mod:`.dates` does not guess, so it dates nothing; it only says
that a line is a date and no headline."""


def date_only(text: str) -> bool:
    """True when the line is a date (with its weekday, time and zone) and nothing else,
    perhaps after a label: "Updated: November 11, 2011 20:09 IST", "May 2, 2013, 1:12
    PM", "Updated Saturday, December 05, 2009 8:28 PM". A headline that names a date
    ("Riots on December 5, 2009") has other words, and is not one."""
    if len(text.split()) > DATELINE_WORDS:
        return False
    span = dateline_span(text)
    if span is None:
        found = _NUMERIC_DATE.search(text)
        if found is None:
            return False
        span = found.span()
    head = text[:span[0]].strip(_AROUND_DATE)
    tail = text[span[1]:].strip(_AROUND_DATE + ".()")
    return not tail and (not head or _DATE_LABEL.fullmatch(head) is not None)


def take_leading_dateline(lines: list[Line]) -> str | None:
    """A first line that is only a date, above a headline-sized line: the page printed
    its dateline above the headline, so the date is the dateline and the next line the
    headline (:func:`take_title` then reads from there). Without this the date became
    the title and the headline, a short line that does not read as prose, was dropped.

    A next line that is a sentence (longer than a dateline and ending with a full stop)
    is the body's first, not a headline: a blog post dated above its first paragraph;
    one of a word or two is a section label.
    Such a page keeps the date as its title, as before: it has no headline to give."""
    if len(lines) < 2 or not date_only(lines[0].text):
        return None
    below = lines[1]
    if not HEADLINE_MIN_WORDS <= below.words <= HEADLINE_WORDS or date_only(below.text) or (
            below.words > DATELINE_WORDS and _ONE_FULL_STOP.search(below.text)):
        return None
    lines[0].role = "dateline"
    return lines[0].text


# --- title --------------------------------------------------------------------------------


def take_title(lines: list[Line]) -> str:
    """First line is the page title; a later line that repeats it (the headline) wins.

    The headline is usually the page title without the site name, so a later line that is
    a prefix of the first line tells us exactly where the site suffix starts. Failing that,
    a short trailing segment after a separator ("... | Site Name") is cut.
    """
    first = lines[0]
    if prose_first_line(first):
        # A paragraph, not a headline: it stays a body line (the model judges it like
        # any other) and the title is its opening, as a record without a title gets
        return title_from_prose(first.text)
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


PROSE_TITLE_WORDS = 12
"""A title made from a paragraph: its first sentence when that is at most about a
headline's length (TITLE_CHARS), else its first PROSE_TITLE_WORDS words and "…"."""
TITLE_CHARS = 120
_STATEMENT_END = re.compile(r"[.!][\"'”’)\]]*$")
"""A statement's ending: a full stop or an exclamation mark, then perhaps a closing
quote or bracket. A headline may ask a question; it does not end with a full stop."""
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9\"'”’)\]][.!?])\s+(?=[\"'“‘(]?[A-Z])")


def prose_first_line(line: Line) -> bool:
    """True when the page's first line is a paragraph, not its title: longer than a
    dateline (more than DATELINE_WORDS words), ending like a statement (a full stop or
    an exclamation mark), with prose's share of function words (at least STOP_CENTRE).

    A page title or headline is a name for the story ("Minecraft 1.8 - The Bountiful
    Update", "Bomb explodes at bank branch"): it does not end with a full stop, and
    headline style drops function words. A seed whose text starts straight with its
    story ("A bomb exploded Friday at a bank branch in …, police said.") used to lose
    that paragraph to the title; a seed of that one line was skipped as having no text
    at all (round 14). A headline in Title Case ("She Was Tired Of It, So Here's What
    She Did.") has more than half of its longer words capitalised, and stays the title.
    A page without a stop-word list (Thai, Chinese) never matches: its title stays its
    first line, as before."""
    if line.words <= DATELINE_WORDS or line.stops < STOP_CENTRE \
            or not _STATEMENT_END.search(line.text):
        return False
    longer = [word for word in line.text.split() if len(word) >= 4 and word[:1].isalpha()]
    capitalised = sum(word[:1].isupper() for word in longer)
    return capitalised * 2 <= len(longer)  # a headline in Title Case is a title


def title_from_prose(text: str) -> str:
    """A title for a story that starts without one: its first sentence when that is
    headline-length, else its first PROSE_TITLE_WORDS words and an ellipsis."""
    sentence = _SENTENCE_SPLIT.split(text, maxsplit=1)[0]
    if len(sentence) <= TITLE_CHARS:
        return sentence
    return " ".join(sentence.split()[:PROSE_TITLE_WORDS]) + "…"


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


# --- parts kept apart: caption, byline, section, dateline ---------------------------------


def caption_line(line: Line) -> bool:
    """True when a line is a photo caption or credit by its shape: a credit marker opening
    it ("Photo: …", "Credit: …"), a credit in brackets ending it, an agency's credit
    ("… /Getty Images"), or a wire caption's opening ("In this photo released by …").

    A headline with a media label ("Star Weds (PHOTOS)") is not a caption: the bracket
    names no one who made a picture (a sidebar link taken as the caption, trial 2)."""
    text = line.text[:RULE_MAX_CHARS]
    end = _CREDIT_END.search(text)
    if end is not None and _MEDIA_TAG.match(end.group(1)):
        end = None
    if line.words <= WIRE_CAPTION_WORDS and (end is not None or _IMAGE_OPENING.match(text)):
        return True
    return line.words <= CAPTION_WORDS and bool(_CREDIT_START.match(text) or _AGENCY.search(text))


def take_caption(lines: list[Line]) -> str | None:
    """The first photo caption / credit line; later ones are dropped as captions too."""
    caption = None
    for line in lines:
        if not free(line) or not caption_line(line):
            continue
        if caption is None:
            caption, line.role = line.text, "caption"
        else:
            line.reason = "caption"
    return caption


_NAME_IN_BRACKETS = re.compile(
    r"\(((?:[A-Z][\w'’.-]*|[&/])(?:[ /](?:[A-Z][\w'’.-]*|[&/]|of|de|van|von)){0,5})\)\W{0,2}$")
"""A bracketed name ending a line: "(Jane Roe)", "(Jane Roe Images/Agency)": capitalised
words (a few particles and "/" joins allowed), no figures, nothing after it."""
CREDIT_REPEATS = 3
"""A bracketed name that ends this many short lines of a page is its pictures' credit."""
CREDITED_WORDS = 25


def drop_repeated_credits(lines: list[Line]) -> None:
    """Later pictures' captions: short lines (at most CREDITED_WORDS words) ending with
    the same bracketed name, seen on CREDIT_REPEATS or more lines of the page ("Dig a
    hole in the foam. (Jane Roe)", "Place the lid. (Jane Roe)", "(Jane Roe)"). The first
    caption is taken by its shape (:func:`take_caption`); a step-by-step page has one
    picture per step, each credited the same way, and these stayed in the body. A name
    said in brackets once or twice (a speaker, an aside) is left alone; the repetition,
    its place at the line's end and the short line are the credit's shape.

    Applied after the article is found, like the shop button: it drops lines, it does
    not move the article's edges."""
    found: dict[int, str] = {}
    for line in lines:
        if line.words <= CREDITED_WORDS and line.role is None:
            match = _NAME_IN_BRACKETS.search(line.text)
            if match:
                found[line.index] = match.group(1)
    counts: dict[str, int] = {}
    for name in found.values():
        counts[name] = counts.get(name, 0) + 1
    for line in lines:
        name = found.get(line.index)
        if line.keep and name is not None and counts[name] >= CREDIT_REPEATS:
            line.keep, line.reason = False, "caption"


CREDIT_WORDS = 12
"""A credit line alone ("Credit: NASA/ESA", "Photo by Jane Roe/Getty Images") is this
short; a longer caption line already holds its description."""
DESCRIPTION_WORDS = 60
DESCRIPTION_SENTENCES = 3
"""A caption's description is a sentence or two, three at most, and says what the
picture shows in the third person: a line that speaks to the reader ("you", "your") is
a notice, a call to action or the article's own voice."""
_READER = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?][\"'”’)]?(?:\s|$)")
APART = 3
"""A description stands apart from the article's flow: none of the APART lines on its
far side is a paragraph or another picture's credit. A figure's furniture ("View
larger", a second credit) or an ad slot is a line or two; a paragraph that only a
picture or an ad slot separates from the one before it is still the article's."""


def take_description(lines: list[Line], caption: str | None) -> str | None:
    """The caption with its picture's description, when the caption taken is a bare
    credit line: "description credit" goes to front matter and the description leaves
    the body. ``caption`` is what :func:`take_caption` took.

    A dump prints an image's caption and its credit as two lines, the credit usually
    second ("NASA's telescope snapped this shot …" / "Credit: NASA"); the description
    read as prose and stayed in the body while the bare credit became the caption
    (trial 2). The line next to the credit is its description when it is a sentence
    (ends like one, not a link line, at most DESCRIPTION_WORDS) that stands apart on its
    other side: none of the APART lines there is a paragraph of prose, a line of the
    article or another picture's credit (a byline, chrome, the page's edge are). The
    credit itself sits at the article (from HEAD_WINDOW lines above its first line to
    APART below its last): a credit among the page's footer lines is the site's. The
    line right under the headline is the standfirst; the page's only paragraph is never
    taken. The line above the credit is tried first. Only the caption taken: a later
    picture's credit sits among paragraphs, where a paragraph that only pictures and ad
    slots separate from the others looks the same. Runs after the article is selected
    (it reads the neighbours' quality and what was kept): a description is taken out of
    the body, it does not move where the article is."""
    at = next((i for i, line in enumerate(lines) if line.role == "caption"), None)
    kept = [i for i, line in enumerate(lines) if line.keep]
    if caption is None or at is None or lines[at].words > CREDIT_WORDS or not kept \
            or not kept[0] - HEAD_WINDOW <= at <= kept[-1] + APART:
        return caption  # a credit in the page's footer or header is the site's
    for step in (-1, 1):
        j = at + step
        if 0 <= j < len(lines) and _describes(lines, j, step):
            lines[j].role = "caption"
            return f"{lines[j].text} {caption}"  # what it shows, then whose
    return caption


def _describes(lines: list[Line], j: int, step: int) -> bool:
    """True when ``lines[j]``, next to a credit line, is its picture's description (see
    :func:`take_description`); ``step`` points away from the credit."""
    line = lines[j]
    if line.role is not None or line.reason not in (None, "outside article") \
            or not 4 <= line.words <= DESCRIPTION_WORDS or not FULL_STOP.search(line.text) \
            or len(_SENTENCE.findall(line.text)) > DESCRIPTION_SENTENCES \
            or _READER.search(line.text) or linky(line.text[:RULE_MAX_CHARS]):
        return False
    for far in range(j + step, j + step * (APART + 1), step):
        if not 0 <= far < len(lines):
            break
        other = lines[far]
        if far == j + step and (other.role == "title" or other.reason == "duplicate title"):
            return False  # the standfirst under the headline
        if other.keep or _prose_like(other) or other.role == "caption" \
                or other.reason == "caption":
            return False  # in the article's flow, or between two pictures: a paragraph
    return any(_prose_like(o) for o in lines if o is not line)


def _byline_text(text: str) -> bool:
    """"By Jane Doe", "Posted by J. Roe, Staff Writer": short, a name after the "by"."""
    if len(text.split()) > BYLINE_WORDS or not _BYLINE.match(text):
        return False
    name = text.split()[1:3]
    return any(word[:1].isupper() for word in name)


BYLINE_WORDS = 12
_DATE_SEPARATOR = re.compile(r"(?:[|·•—–,]|\son)$", re.IGNORECASE)
"""What parts a date from the byline on its line: "By Jane Doe | Nov 4, 2014", "…, Nov 4,
2014", "… on Nov 4, 2014"."""


def split_byline(text: str) -> tuple[str, str | None]:
    """A byline and the date that shares its line after a separator: "by Jane Doe, Staff
    | November 04, 2014 09:00pm ET" gives ("by Jane Doe, Staff", "November 04, 2014
    09:00pm ET"). The date must follow a separator and end the line (or be followed by
    another separator); otherwise the line is the byline alone, ``None`` the date."""
    span = dateline_span(text)
    if span is None:
        return text, None
    start, end = span
    head, rest = text[:start].rstrip(), text[end:].strip(" .")
    cut = _DATE_SEPARATOR.search(head)
    if cut is None or (rest and _DATE_SEPARATOR.match(rest[0]) is None):
        return text, None
    return head[:cut.start()].rstrip(), text[start:end].strip()


def take_byline(lines: list[Line]) -> tuple[str | None, str | None]:
    """The first byline and the date written on its line, if any (:func:`split_byline`).

    The line keeps its ``byline`` role; the date is given apart so the byline in the
    front matter is the name alone and the date can date the post."""
    for line in lines:
        if not free(line) or not _BYLINE.match(line.text):
            continue
        byline, date = split_byline(line.text)
        if _byline_text(byline):
            line.role = "byline"
            return byline, date
    return None, None


def _first_body(lines: list[Line]) -> int:
    """The first line that is prose on its own look: where the body starts."""
    return next((i for i, line in enumerate(lines) if _prose_like(line)), len(lines))


def _prose_like(line: Line) -> bool:
    return free(line) and line.q > 0 and confidence(line.n) >= 0.5


def take_section(lines: list[Line]) -> str | None:
    """A lone short Title-case line just before the body ("World", "Politics")."""
    start = _first_body(lines)
    for i in range(start - 1, max(start - HEAD_WINDOW, 0) - 1, -1):
        line = lines[i]
        if free(line) and _is_section_word(line.text) and not _menu_neighbour(lines, i):
            line.role = "section"
            return line.text
    return None


def _is_section_word(text: str) -> bool:
    words = text.replace("&", " ").split()
    return (1 <= len(words) <= 3 and len(text) <= 30
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words))


def _menu_neighbour(lines: list[Line], i: int) -> bool:
    """True when the line sits next to other menu-like lines: part of a menu, not a label."""
    around = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(line.role is None and menu_like(line) for line in around)


def dateline_like(text: str) -> bool:
    """A short line that reads as a date: a dateline where one is looked for."""
    return len(text.split()) <= DATELINE_WORDS and parse_dateline(text) is not None


def take_dateline(lines: list[Line]) -> str | None:
    """A short line holding a date, near the top of the body."""
    start = _first_body(lines)
    window = lines[max(start - HEAD_WINDOW, 0): start + 3]
    for line in window:
        if free(line) and dateline_like(line.text):
            line.role = "dateline"
            return line.text
    return None


BELOW_BYLINE = 2
"""How many lines under the byline a dateline printed beneath it may be."""
PROSE_ABOVE_BYLINE = 2
"""How many prose-looking lines (a standfirst, perhaps in two) may come before a byline
whose next lines are searched for the date: a "By …" line further down is inside the
story, and a date under it is the body's."""


def take_dateline_below_byline(lines: list[Line]) -> str | None:
    """A short line holding a date just under the byline, the byline itself at the top
    of the body: a page that prints headline, standfirst, byline, then the date puts the
    date past :func:`take_dateline`'s window when the standfirst reads as prose."""
    at = next((i for i, line in enumerate(lines) if line.role == "byline"), None)
    if at is None or sum(map(_prose_like, lines[:at])) > PROSE_ABOVE_BYLINE:
        return None
    for line in lines[at + 1: at + 1 + BELOW_BYLINE]:
        if free(line) and dateline_like(line.text):
            line.role = "dateline"
            return line.text
    return None


def drop_above_dateline(lines: list[Line]) -> int:
    """Lines kept between the headline and the dateline, when the body goes on below it,
    are not the story: a news page prints headline, date, then the article, and what it
    puts between the first two is the page's notes to its editors or readers ("This
    article requires review…", "Last amended…"). A standfirst printed above the date
    is lost with them; on the 102 development pages the rule never fires, so none
    was. Returns how many lines were dropped."""
    at = next((i for i, line in enumerate(lines) if line.role == "dateline"), None)
    if at is None or not any(line.keep for line in lines[at + 1:]):
        return 0
    above = [line for line in lines[:at] if line.keep and free(line)]
    for line in above:
        line.keep, line.reason = False, "above the dateline"
    return len(above)
