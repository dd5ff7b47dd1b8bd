"""The scored model over a page: decide every line from its look and its context, find
the article as the densest run of text (above the comment thread when that run was the
thread), end it where a comment section begins, drop a numbered table of contents, and
label what was dropped for ``inspect``.

Per-line evidence comes from :mod:`clean_features`; the weights and why are in
``docs/cleaning.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from news_digest.ingest.clean_features import (
    CONFIDENT,
    confidence,
    decide,
    length,
    linky,
    look,
)
from news_digest.ingest.clean_lines import (
    FULL_STOP,
    MENU_RUN,
    SAMPLE_CHARS,
    SENTENCE_END,
    Line,
    free,
    menu_like,
    menu_sized,
)
from news_digest.ingest.clean_rules import (
    CODE,
    call_to_action,
    is_selector,
    named_without_mark,
    repeated_phrase,
    teaser,
)

CONTEXT_FADE = 0.8
"""A neighbour's say over a short line fades by this factor per line in between."""
RUN_COST = 3.0
"""Every line costs a run of prose this many word-equivalents: a line must add evidence to
extend the article, so a long menu or footer ends it while a few subheads do not."""
BRIDGE_GAIN = 2 * CONFIDENT
"""A stretch of text beyond the run's edge joins the article when it is worth at least
two full sentences (40 word-equivalents) and no page chrome lies in between."""
CHROME_STOP = 2
"""The second line an explicit rule names beyond the run's edge ends the article (code
does not count: :func:`_boundary`)."""
CHROME_WALL = 3
"""This many rule-named lines with no text between them (a share bar, then a comment
form's "Name *" / "Email *" fields) is a wall the article's run cannot cross, however
much prose (the comments) lies beyond it. Code does not count (:func:`_boundary`)."""
COMMENT_GAP = 20
"""Comment marks (a time stamp, a "Reply" button) at most this many lines apart belong to
one comment section: a comment of a few paragraphs sits between its stamp and its button."""
COMMENT_MARKS = 2
"""A comment section needs at least this many time stamps *and* this many reply buttons:
one of each is a post's own footer ("Posted at 12:55 AM", "Leave a reply")."""
CONTENTS_WORDS = 8
"""A table-of-contents entry is a short heading ("3.1 Foreign relations"): at most 8 words."""
_SECTION_NUMBER = re.compile(r"^(\d{1,2})((?:\.\d{1,2})*)\.?\s+\S")
COMMENT_STAMP_WORDS = 16
"""A comment's header line (author, time stamp, maybe a title) is at most 16 words: a
paragraph that mentions "8:05 am" is prose, not a stamp."""
COMMENT_ACTION_WORDS = 4
"""A reply button or another comment footer is a word or two ("Reply", "Reply ↓",
"924 Reply", "Rating: 36 Votes"): at most 4 words."""
COMMENT_FORM_WORDS = 8
"""A comment form's heading is a button's words and maybe their aside ("Leave a Reply
Cancel reply", "Comments are now closed for this story"): at most 8 words."""

_CLOCK = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?|"
    r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|"
    r"\b(?:hace|há)\s+(?:\d+|una?|uma?)\s+(?:segundo|minuto|hora|d[ií]a|semana|mes|mês|"
    r"año|ano)|\bil y a\s+(?:\d+|une?)\s+(?:seconde|minute|heure|jour|semaine|mois|an)|"
    r"\bvor\s+(?:\d+|einer?|einem)\s+(?:sekunde|minute|stunde|tag|woche|monat|jahr)|"
    r"\b(?:\d+|una?)\s+(?:second|minut|or|giorn|settiman|mes|ann)[oaei]\s+fa\b",
    re.IGNORECASE)
"""A time of day ("8:05", "12:20 AM") or a relative time ("3 hours ago", "a year ago";
"hace 5 minutos", "il y a 2 heures", "vor 3 Tagen", "2 ore fa", "há 1 dia": the
languages of the reply buttons below): what a comment header carries beside its
author's name."""
_REPLY = re.compile(r"^\W*(?:\d+\W*)?(?:reply|respond|antworten|r[ée]pondre|responder|"
                    r"rispondi)\b", re.IGNORECASE)
"""A comment's reply button ("Reply", "924Reply", "Reply ↓"), in a few common languages."""
_COUNTED = re.compile(r"^\W*\d[\d,]*\s+(?:comments?|responses?|replies|reactions)\b"
                      r"|^\W*(?:comments?|responses?|replies|reactions)\s*[(\[:]\s*\d[\d,]*\W*$",
                      re.IGNORECASE)
"""A comment thread's heading: its count ("38 Responses to …", "{ 131 comments }",
"Comments (87)", "Responses: 12")."""
_COMMENT_FORM = re.compile(
    r"^\W*(?:(?:leave|post|add|write|submit)(?: a| your| new)? (?:comment|reply|response)s?"
    r"|(?:reader|readers'|user|your) comments|join the (?:discussion|conversation))\b",
    re.IGNORECASE)
"""The heading of a comment form: "Leave a Reply", "Post a comment", "Add your comment",
"Reader comments", "Join the discussion". Blog and news templates print one where the
article ends and the readers' part of the page begins, whatever follows (a form, a
thread with or without time stamps)."""
_CLOSED_THREAD = re.compile(r"^\W*comments? (?:are|is|have been) (?:now )?(?:closed|disabled)\b",
                            re.IGNORECASE)
"""What a template prints instead of the form once a thread is closed ("Comments are
closed.", "Comments are now closed for this story")."""
_SIGNATURE = re.compile(
    r"^\W*((?:posted|submitted|written|comment(?:ed)?)\s*(?:by\b|on\b(?=.*\bby\s+[^\W\d_]))"
    r"|by(?=\s+[^\W\d_]))",
    re.IGNORECASE)
"""A line that says who wrote the text above or below it: "Posted by: Ann", "Submitted by
Ann on", "posted on Oct 24, 2012 at 7:26 PM by Ann", "BY ANN AT 01/08/08 05:51 PM"; its
group is the words before the name or the date. "Posted at 9:00" says when, not who."""
_SIGNED_AFTER_NAME = re.compile(
    r"^\W*[^\W\d_][^:,\n]{0,40}?\s(says|said|wrote|writes)\s*[:,]", re.IGNORECASE)
"""A signature that names the writer first: "Debbie M said, in August 28th, 2012 at
21:06", "Ann says: May 3 at 9:04 pm"; its group is the verb. A sentence of the article
("Police said: the road reopened at 10:30.") ends like one and is no signature."""
SIGNED_CHAIN = 3
"""Signatures in a row that make a thread (:func:`_signed_thread`): two may be the post's
own footer and one comment's."""
_FIGURES = re.compile(r"\d+")
_WORDLIKE = re.compile(r"[^\W\d_]{2}")
"""A footer repeated under each comment has words, not only figures (a column of years
in a table is data, not a frame)."""


def score(lines: list[Line], known_language: bool) -> None:
    """Each line's length and own quality; chrome an explicit rule named is the worst."""
    for line in lines:
        line.n = length(line.text)
        if line.reason is not None:
            line.q = -1.0
            continue
        seen = look(line.text, line.stops if known_language else None, bool(line.cells))
        line.q = seen.quality
        line.data = seen.data


def _speaks(line: Line) -> bool:
    """Long enough to be judged on its own look, and neither a part kept apart nor data.

    Only such lines give context: a caption, a byline or a table row between two
    paragraphs says nothing about whether its neighbours are article text.
    """
    return (line.role is None and line.reason != "duplicate title" and not line.data
            and confidence(line.n) >= 0.5)


def _context(lines: list[Line]) -> list[float]:
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


def _chrome(line: Line) -> bool:
    """Named page chrome: an explicit rule's line, but not the repeated headline (which
    sits inside articles)."""
    return line.reason is not None and line.reason != "duplicate title"


def _boundary(line: Line) -> bool:
    """Named chrome that marks where the article ends: it counts towards CHROME_WALL and
    CHROME_STOP. Code is the exception: script, CSS, a code sample or a formula is
    dropped (it is not prose), but it is the content of some block of the page, not its
    furniture. A technical article or an encyclopaedia entry holds code and formulas
    between its paragraphs; the script text a template leaks sits among menus and
    footers, which end the article by themselves. A bare selector ("#respond",
    ".entry-content") is a template's marker of a part of the page: a boundary."""
    return _chrome(line) and (line.reason != CODE or is_selector(line))


def select_article(lines: list[Line]) -> None:
    """Decide every line, find the article's run, keep the run's lines that read as text.

    A data line (figures, cells) is neither prose nor chrome, so it follows its context;
    a long one would otherwise be judged on its own look, which says nothing (0). One
    that ends like a sentence ("… rose 0.03 percent to 27,403.54 points.") is prose whose
    numbers count as words and drown its function words: it takes its context whatever
    its length. A stats block or a table row does not end with a full stop and keeps its
    own look when long."""
    for line, around in zip(lines, _context(lines), strict=True):
        if _chrome(line):
            line.d = line.q
        elif line.data and line.q <= 0 and line.text.endswith((".", "!", "?")):
            line.d = around  # prose full of figures: its numbers drown its function words
        else:
            line.d = decide(line.q, line.n, around)
    first, last = _densest_run(lines)
    section = comment_section(lines)  # read before any line is labelled "comments"
    thread = _thread_run(lines, first, last, section)
    if thread is not None:  # the run was a comment thread; the article is above it
        first, last = _densest_run(lines[:thread[0]])
    first, last = _bridge(lines, first, last)
    while first > 0 and _extends(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _extends(lines[last + 1]):
        last += 1
    if thread is not None:
        last = min(last, thread[0] - 1)
        for line in lines[thread[0]:thread[1] + 1]:
            if free(line):
                line.reason = "comments"
    last = _before_comments(lines, first, last, section)
    items = _announced_list(lines, first, last)
    for i, line in enumerate(lines):
        line.keep = free(line) and ((first <= i <= last and (line.d > 0 or _introduces(line)))
                                    or i in items)
    _between_paragraphs(lines, first, last)
    _closing_aside(lines)
    _interview_turns(lines)
    whole_lists(lines)
    for i in contents(lines):
        if lines[i].keep:
            lines[i].keep, lines[i].reason = False, "contents"
    for line in lines:
        if line.keep and call_to_action(line):
            line.keep, line.reason = False, "advert"
        elif line.keep and teaser(line):
            line.keep, line.reason = False, "teaser"
        elif line.keep and repeated_phrase(line):
            line.keep, line.reason = False, "repeated phrase"




def _between_paragraphs(lines: list[Line], first: int, last: int) -> None:
    """A sentence right between two kept paragraphs of the article is the article's,
    whatever its own look: a quoted reaction full of names and few function words
    ("X, responding via Twitter, called it "a witch hunt."") is judged on its look when
    it is sentence-long, and its context, two paragraphs, had no say. Not a link line
    (addresses, a breadcrumb: the ``link`` term says such a line is never prose), not a
    menu-sized line, and only one ending with a full stop, a question or an exclamation
    mark (a closing quote or bracket may follow)."""
    found = [line for i, line in enumerate(lines[:-1])
             if first <= i <= last and i > 0 and free(line) and not line.keep
             and _paragraph(lines[i - 1]) and _paragraph(lines[i + 1])
             and not menu_sized(line) and FULL_STOP.search(line.text)
             and not linky(line.text[:SAMPLE_CHARS])]
    for line in found:  # decided together: a kept sentence is no one's paragraph
        line.keep = True


def _paragraph(line: Line) -> bool:
    """A kept line that reads as prose on its own and is long enough to speak for itself
    (figures or not)."""
    return line.keep and line.q > 0 and confidence(line.n) >= 0.5


_ASIDE = re.compile(r"^(?:\(.*\)|\[.*\])$")


def _closing_aside(lines: list[Line]) -> None:
    """The line right after the article's last kept line joins it when it is wholly in
    brackets: "(Reporting by …; Editing by …)", "[via …]", "(This story was updated …)".

    Brackets mark an aside to the text above them, and after an article's last
    paragraph that is its own note: a wire credit or an editor's note, full of names
    and capitals, so it reads as neither prose nor chrome by its look. One line only,
    and never one a rule named."""
    last = max((i for i, line in enumerate(lines) if line.keep), default=-1)
    if 0 <= last < len(lines) - 1:
        after = lines[last + 1]
        if free(after) and (_ASIDE.match(after.text) or _closing_sentence(after)):
            after.keep = True


_SPEAKER = re.compile(r"^(?:\(\(([^()]{1,40})\)\)|([^\W\d][\w.' -]{0,39}):)\s+\S")
"""A turn of an interview or a transcript opens with its speaker: "((WN)) …", "Q: …",
"Jane Doe: …"."""
TURNS = 2
"""A speaker is one of the interview's when at least this many kept lines open with
their name, and an interview has at least this many such speakers: a question and an
answer are a turn each, and a label opening one line ("Magnetic field: …") is a
sentence's subject, not a speaker."""


def _speaker(text: str) -> str | None:
    """The speaker a line's turn opens with, or None (see :data:`_SPEAKER`)."""
    match = _SPEAKER.match(text)
    if match is None:
        return None
    return next(g for g in match.groups() if g is not None).strip().casefold()


_MARKED = re.compile(r"^[•·▪◦‣●○■□►✓✔*+–—-]\s+(?=\S)")
"""A line the page marked as a list item with a symbol ("• ", "- ", "* ", "+ "); numbered
items are left out (a numbered contents list is not the article's)."""
LIST_KEPT = 2
"""How many of a marked list's items the article must keep for the whole list to join."""


def whole_lists(lines: list[Line]) -> None:
    """A list the page marked item by item is one unit: when the article keeps LIST_KEPT
    or more items of a run of consecutive marked lines, the run's other items join it.

    Items are judged one by one like any line: in a changelog or a list of supplies the
    longer items read as text, the short ones ("+ Added Banners", "- Ruler") as a menu,
    and the article kept half a list. Only lines no rule named join, with or without
    their mark (a share button marked with a bullet, "- Share", stays out). The run ends
    at the first line not marked: a bulleted menu below the article's list is a separate
    run only when some other line (a heading, a paragraph) comes between them."""
    i = 0
    while i < len(lines):
        if not _MARKED.match(lines[i].text):
            i += 1
            continue
        j = i
        while j < len(lines) and _MARKED.match(lines[j].text):
            j += 1
        block = lines[i:j]
        if sum(line.keep for line in block) >= LIST_KEPT:
            for line in block:
                mark = _MARKED.match(line.text)
                if free(line) and mark and not named_without_mark(line, mark):
                    line.keep = True
        i = j


def _interview_turns(lines: list[Line]) -> None:
    """A turn next to the interview's kept turns is the interview's, however short.

    An interview ends with its closing turns ("((WN)) Thank you.", "((Jane Doe)) Bye."):
    menu-sized lines at the page's end with the footer as their context, so the model
    dropped them, and with them the end of the conversation. A run of lines each
    opening with one of the interview's speakers (:data:`TURNS`) is one conversation:
    from each kept turn, the free lines next to it that open with such a speaker are
    kept, and from them the next, until a line that is not such a turn. A line a rule
    named is not taken."""
    counts = Counter(who for line in lines if line.keep and (who := _speaker(line.text)))
    speakers = {who for who, n in counts.items() if n >= TURNS}
    if len(speakers) < TURNS:
        return
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        previous: Line | None = None
        for i in order:
            line = lines[i]
            if previous is not None and previous.keep and free(line) and not line.keep \
                    and _speaker(previous.text) in speakers and _speaker(line.text) in speakers:
                line.keep = True
            previous = line


def _closing_sentence(line: Line) -> bool:
    """A sentence that reads as prose on its own look, longer than a menu item, and ends
    with a full stop, a question or an exclamation mark: the article's last line ("He is
    survived by his wife."), which, short, with the page's end as half of its context,
    was judged by the page's end."""
    return line.q > 0 and not menu_sized(line) and line.text.endswith((".", "!", "?"))


def contents(lines: list[Line]) -> list[int]:
    """The lines of a table of contents: indices into ``lines``.

    A contents list is a run of short lines numbered as sections, starting at 1, each
    number either the next section (3 after 2) or a sub-section of the current one
    (3.1, 3.2 after 3), with at least one sub-section: the numbering of a document's own
    headings, which the article then repeats as its subheads. A numbered list inside an
    article ("1 cup flour", "2 eggs") has no sub-sections; a list whose items end with a
    full stop is steps, not contents. Dropped after the run is found, so a contents list
    between a lead and the body neither splits nor joins the article.
    """
    found: list[int] = []
    run: list[int] = []
    top, nested = 0, False
    for i, line in enumerate([*lines, None]):
        match = None
        if line is not None and line.words <= CONTENTS_WORDS and not line.text.endswith("."):
            match = _SECTION_NUMBER.match(line.text)
        number = int(match.group(1)) if match else 0
        sub = bool(match and match.group(2))
        if match and run and ((number == top + 1 and not sub) or (number == top and sub)):
            run.append(i)
            top, nested = number, nested or sub
            continue
        if len(run) >= MENU_RUN and nested:
            found.extend(run)
        run, top, nested = ([i], 1, False) if match and number == 1 and not sub else ([], 0, False)
    return found


def comment_section(lines: list[Line]) -> tuple[int, int] | None:
    """The page's comment section as (first stamp, last mark), indices into ``lines``, or
    None.

    Comments are prose, often as well written as the article, so their own look and
    their context cannot tell them apart; what gives them away on any site is their
    repeated frame: each carries a time stamp in its header and the same short footer
    below it: a reply button ("Reply", "924Reply"), or any short worded line the page
    repeats with only its figures changed ("Rating: 36 Votes", "Report", "#comment-##",
    "Continue reading"). A line an explicit rule named ("Share", "Read more") is not a
    footer: a live blog may print one under every entry. A stretch of marks, each within
    COMMENT_GAP lines of the last, in which at least COMMENT_MARKS stamps are each
    followed by the same footer, is a comment section, from its first stamp to its last
    mark; a feed of dated teasers has the same frame and ends an article as surely.
    An article quoting people ("… wrote:") has no stamps; a live blog has stamps but no
    unnamed footer after each; a post's own footer has one stamp ("Posted at 12:55 AM")
    and one "Leave a reply"; a "Published … / Updated …" pair above an article and a
    "Next post" link above and below it make one stamp-then-footer pair at most. The
    article's own byline and dateline are not marks. Once found, the section runs to the
    last mark of its chain: deeper replies may show only their stamps, and they are the
    thread's as much as the first comments. A stamp on a line an explicit rule named (a
    share bar's "Tweet Nov 5 2012, 12:50 PM ET") does not open a section: it dates the
    article below it, not a comment.
    """
    marks: list[tuple[int, str | None]] = []  # (index, footer shape or None for a stamp)
    shape_of = {i: _shape(line) for i, line in enumerate(lines)
                if line.words <= COMMENT_ACTION_WORDS}
    shapes = Counter(shape_of.values())
    for i, line in enumerate(lines):
        if line.role is not None:  # the article's own byline or dateline, not a comment's
            continue
        if line.words <= COMMENT_ACTION_WORDS and _REPLY.match(line.text):
            marks.append((i, "reply"))
        elif line.words <= COMMENT_STAMP_WORDS and _CLOCK.search(line.text):
            marks.append((i, None))
        elif i in shape_of and shapes[shape_of[i]] >= COMMENT_MARKS \
                and not _chrome(line) and _WORDLIKE.search(line.text):
            marks.append((i, shape_of[i]))
    found: tuple[int, int] | None = None
    start, previous = -1, -COMMENT_GAP - 1
    items: Counter[str] = Counter()
    stamped = False  # a stamp since the last footer counted
    for i, footer in marks:
        if i - previous > COMMENT_GAP:
            if found is not None:
                return found
            start, items, stamped = -1, Counter(), False
        previous = i
        if found is not None:  # the thread goes on as long as its marks do
            found = (found[0], i)
        if footer is None:
            if start < 0 and _chrome(lines[i]):
                continue  # a share bar's "Tweet Nov 5, 12:50 PM" dates the article
            start = i if start < 0 else start
            stamped = True
        elif stamped:
            items[footer] += 1
            stamped = False
            if items[footer] >= COMMENT_MARKS:
                found = (start, i)
    return found


def _shape(line: Line) -> str:
    """A short line with its figures blanked: "Rating: 36 Votes" and "Rating: 5 Votes" are
    one footer."""
    return _FIGURES.sub("0", line.text.lower())


def _thread_run(lines: list[Line], first: int, last: int,
                section: tuple[int, int] | None) -> tuple[int, int] | None:
    """The comment section the article's run reaches into, when the run's text above
    the thread is not the article: then the densest run was the thread (a short post
    under a long discussion) and at most a few lines above it (an author's box, the
    thread's count).

    The article is what comes before the thread, so it is looked for only there. The
    run began inside the thread: the densest run above the thread is the article if it
    is worth BRIDGE_GAIN. The run began above the thread: that stretch above is worth
    less than the densest run above the thread (found past the share bar's wall, say),
    so that run is the article. A page with nothing worth BRIDGE_GAIN above the thread
    keeps its run (a forum page, a comment permalink: there the thread is the page's
    text). ``section`` is the page's :func:`comment_section`; a signed thread
    (:func:`_signed_section`) stands in when there is none."""
    section = section or _signed_section(lines)
    if section is None or not first <= section[1] or not section[0] <= last:
        return None
    above = _densest_run(lines[:section[0]])
    gain = _text_gain(lines, *above)
    if section[0] <= first:
        return section if gain >= BRIDGE_GAIN else None
    own = _text_gain(lines, first, section[0] - 1)
    return section if gain >= BRIDGE_GAIN and gain > own else None


def _text_gain(lines: list[Line], first: int, last: int) -> float:
    """What the text lines of ``lines[first:last + 1]`` are worth: length times score."""
    return sum(line.n * line.d for line in lines[first:last + 1] if line.d > 0)


def _thread_heading(line: Line) -> bool:
    """A line that opens the readers' part of a page: a thread's count ("38 Responses to
    …"), a comment form's heading ("Leave a Reply") or a closed thread's notice. A heading
    ends without a full stop: a short article sentence that opens with a count ("200
    comments were sent to the council.") or an invitation ("Submit comments on this post
    to the author.") ends with one. The closed-thread notice may end with one."""
    if line.words > COMMENT_STAMP_WORDS:
        return False
    text = line.text.rstrip()
    if _COUNTED.match(text):
        return not text.endswith(".")
    if line.words > COMMENT_FORM_WORDS:
        return False
    return bool(_CLOSED_THREAD.match(text)
                or (_COMMENT_FORM.match(text) and not text.endswith(".")))


def _counted_thread(lines: list[Line], first: int, last: int) -> tuple[int, int] | None:
    """A thread announced by its heading (:func:`_thread_heading`) inside the run, below
    at least BRIDGE_GAIN of the article: (heading, run's last line)."""
    above = 0.0
    for i in range(first, last + 1):
        line = lines[i]
        if above >= BRIDGE_GAIN and _thread_heading(line):
            return (i, last)
        if line.d > 0:
            above += line.n * line.d
    return None


def _signed(line: Line) -> str | None:
    """The opening words of a comment's signature line, before the name ("Posted by: Ann
    | Jan 14, 2008 06:24 PM" gives "posted by", "BY ANN AT 01/08/08 05:51 PM" gives
    "by"), or None: a short line with a time stamp that opens by saying who wrote it. A
    live blog's "Updated at 12:05" or an article's lone "Posted at 9:00" names no
    writer."""
    if line.role is not None or line.words > COMMENT_STAMP_WORDS \
            or not _CLOCK.search(line.text):
        return None
    signed = _SIGNATURE.match(line.text)
    if signed is None and not line.text.rstrip().endswith((".", "!", "?", '"', "”")):
        signed = _SIGNED_AFTER_NAME.match(line.text)
    return " ".join(signed.group(1).lower().split()) if signed else None


def _signed_chain(lines: list[Line], first: int, last: int,
                  above_at_least: float = BRIDGE_GAIN) -> list[int] | None:
    """Comments signed below their text, among ``lines[first:last + 1]``: the indices of
    the chain's signatures, or None. Old blog and newspaper templates
    print each comment, then "Posted by: <name> | <date> <time>"; the comment section
    then has stamps but no footer under them (:func:`comment_section` finds none).
    SIGNED_CHAIN signatures that open alike, each within COMMENT_GAP lines of the last
    with text between, below at least ``above_at_least`` of text, are a thread; it runs
    as long as its signatures do."""
    above = 0.0
    chain: list[int] = []
    opening: str | None = None
    for i in range(first, last + 1):
        line = lines[i]
        signed = _signed(line)
        if signed is not None:
            between = chain and any(x.d > 0 for x in lines[chain[-1] + 1:i])
            if chain and signed == opening and i - chain[-1] <= COMMENT_GAP and between:
                chain.append(i)
            elif len(chain) >= SIGNED_CHAIN:
                break
            elif above >= above_at_least:
                chain, opening = [i], signed
        if line.d > 0 and not chain:
            above += line.n * line.d
    return chain if len(chain) >= SIGNED_CHAIN else None


def _signed_section(lines: list[Line]) -> tuple[int, int] | None:
    """The page's signed thread (:func:`_signed_chain`) with its first comment: from the
    text lines just above the first signature (at most as many as the shortest comment
    has) to the last signature."""
    chain = _signed_chain(lines, 0, len(lines) - 1, 0.0)
    if chain is None:
        return None
    shortest = min(b - a for a, b in pairwise(chain)) - 1
    start = chain[0]
    while start > 0 and chain[0] - start < shortest and lines[start - 1].d > 0:
        start -= 1
    return start, chain[-1]


def _signed_thread(lines: list[Line], first: int, last: int) -> tuple[int, int] | None:
    """A signed thread (:func:`_signed_chain`) inside the run, below at least BRIDGE_GAIN
    of the article: (first signature, run's last line). The first comment, above its
    signature, stays (a cut one comment late), but the rest go."""
    chain = _signed_chain(lines, first, last)
    return (chain[0], last) if chain else None


def _before_comments(lines: list[Line], first: int, last: int,
                     section: tuple[int, int] | None) -> int:
    """The article's last line once a comment section at the end of its run is cut off.

    Only a section that starts after the run's first line, and after which the run holds
    less than BRIDGE_GAIN of text, cuts it: comments come after the article and end it,
    while two embedded posts with their own stamps and reply buttons (quoted tweets) sit
    inside an article that goes on. The lines just above the first mark that do not read
    as prose on their own (the first commenter's name, "2 comments", "Post a comment") go
    with the comments, and every free line of the section is dropped as "comments". A
    thread's heading (:func:`_counted_thread`) or its first signature
    (:func:`_signed_thread`) above the section's first stamp, or in a run with no such
    section, marks where the thread begins. ``section`` is the page's
    :func:`comment_section`, read once by :func:`select_article` before any line was
    labelled "comments"."""
    if section is not None and not first < section[0] <= last:
        section = None
    for heading in (_counted_thread(lines, first, last), _signed_thread(lines, first, last)):
        if heading is not None and (section is None or heading[0] < section[0]):
            section = heading  # the thread begins where its heading says, before any stamp
    if section is None:
        return last
    if _text_gain(lines, section[1] + 1, last) >= BRIDGE_GAIN:
        return last
    last = section[0] - 1
    while last > first and (lines[last].q <= 0 or menu_like(lines[last])):
        last -= 1
    for line in lines[last + 1:section[1] + 1]:
        if free(line):  # for ``inspect``; also keeps the fallback from bringing them back
            line.reason = "comments"
    return last


def _announced_list(lines: list[Line], first: int, last: int) -> range:
    """The list an article's last sentence announces: indices into ``lines``.

    A text that ends on a colon ("Here is the calendar of January events:", "The tour
    dates:") has not ended: what follows is its list, however little each item reads as
    prose (a date and a venue, a score, a product and its link). So when the run's last
    text line, or a text line right after the run, is a sentence ending with ":", the
    lines after it join the article up to the first line an explicit rule named or a part
    kept apart: a list holds no share button, no "Related" heading, no copyright line. A
    label of a few words ("Tags:", "See more photos:") is menu-shaped, not a sentence:
    what follows it is the page's, not the article's.
    """
    k = last
    while k >= first and lines[k].d <= 0:
        k -= 1
    if k < first:
        return range(0)
    if not _announces(lines[k]):
        after = lines[last + 1] if k == last and last + 1 < len(lines) else None
        if after is None or not free(after) or after.d <= 0 or not _announces(after):
            return range(0)
        k = last + 1
    end = k + 1
    while end < len(lines) and free(lines[end]):
        end += 1
    return range(k, end)


def _announces(line: Line) -> bool:
    """A sentence ending with a colon: longer than a menu item, so not a label."""
    return line.text.endswith(":") and not menu_sized(line)


def _introduces(line: Line) -> bool:
    """A sentence ending with a colon that reads as prose on its own: inside the article
    it is kept whatever its neighbours look like.

    "The contents can be queried like this:" announces what follows, a code sample, a
    formula, a table or a list, and belongs to the text it introduces. Its context is
    that block, whose look (code, figures, short items) says nothing about the sentence,
    so a short one borrowed the block's look and was dropped. Only inside the run: where
    the article is stays the run's decision; a label of a few words ("Tags:") is menu-
    sized, not a sentence."""
    return line.q > 0 and _announces(line)


def _extends(line: Line) -> bool:
    """A sentence next to the run that reads as text on its own and in context joins it,
    however short: RUN_COST decides where the article is, not whether a short sentence at
    its edge belongs to it. (A menu item next to the first paragraph has context, but is
    not a sentence.)"""
    return line.q > 0 and line.d > 0 and free(line) and bool(SENTENCE_END.search(line.text))


def _gain(line: Line, gap: int) -> float:
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


def _bridge(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Join to the run the further stretches of text that only unnamed lines split off.

    A table laid out one cell per line, a formula shown one symbol per line, or a long
    results list costs the run RUN_COST per line and can cut an article in two; page
    chrome (share bars, comment forms, "Related" blocks, copyright) is what explicit rules
    name. So beyond each edge of the run, a stretch of text worth at least BRIDGE_GAIN
    found before the second rule-named line joins the article, and the count starts again
    from there: one stray named line (a hatnote, a lone "Share") does not split an
    article, two mark its end. Code lines are named but not counted: a code block or a
    formula between paragraphs is the article's own (:func:`_boundary`).
    """
    return _reach(lines, first, -1), _reach(lines, last, 1)


def _reach(lines: list[Line], edge: int, step: int) -> int:
    """How far the article reaches from ``edge`` going ``step`` (+1 down, -1 up).

    One pass of Kadane's scan: a stretch joins once its running gain reaches BRIDGE_GAIN
    and keeps joining while that gain grows; CHROME_STOP named lines since the last join
    end the scan. Linear in the page's length, whatever the number of stretches.
    """
    total, gap, best, chrome = 0.0, 0, 0.0, 0
    i = edge + step
    while 0 <= i < len(lines):
        line = lines[i]
        if _boundary(line):
            chrome += 1
            if chrome == CHROME_STOP:
                break
        if total <= 0:
            total, best = 0.0, 0.0
        gap = 0 if line.d > 0 else gap + 1
        total += _gain(line, gap)
        if total >= BRIDGE_GAIN and total > best:
            best, edge, chrome = total, i, 0
        i += step
    return edge


def _densest_run(lines: list[Line]) -> tuple[int, int]:
    """The stretch of lines with the largest total gain (maximum-sum subarray, Kadane):
    its first and last index (last < first when nothing gains).

    A stretch may not cross CHROME_WALL rule-named lines with no text between them: the
    run cost alone lets enough prose beyond (27 comments) pay for any gap, but a share
    bar followed by a comment form's fields is where an article ends on any site."""
    best, span = 0.0, (0, -1)
    total, start, gap, named = 0.0, 0, 0, 0
    for i, line in enumerate(lines):
        named = 0 if line.d > 0 else named + _boundary(line)
        if named >= CHROME_WALL:  # no run crosses a wall of page chrome
            total = 0.0
        if total <= 0:
            total, start = 0.0, i
        gap = 0 if line.d > 0 else gap + 1
        total += _gain(line, gap)
        if total > best:
            best, span = total, (start, i)
    return span


def label_dropped(lines: list[Line]) -> None:
    """Name what the model dropped, for ``inspect``: menus, and prose outside the article.

    Labels only: the decision was made by the scores.
    """
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and free(line) and not line.keep and menu_like(line):
            run.append(line)
            continue
        if len(run) >= MENU_RUN:
            for item in run:
                item.reason = "menu"
        run = []
    for line in lines:
        if free(line) and not line.keep and line.q > 0 and confidence(line.n) >= 1:
            line.reason = "outside article"
