"""A very long line of markup or script is code, however long (issue #12, fourth set).

The explicit rules read lines of at most RULE_MAX_CHARS (1,500) characters: they look
for chrome's words, and chrome is short. The code test was one of them, so a form's or
an ad's markup printed on one line of thousands of characters (a dump prints HTML
comments and leaked markup as text) was judged on its look instead, and weighed like
several paragraphs: it carried the article's run on into a feed of teasers below it, or
was kept as the article itself beside two short real paragraphs. Pages here are written
for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import RULE_MAX_CHARS, read_lines
from news_digest.ingest.clean_rules import mark_rules

NAV = ["Home", "Projects", "Guides", "Shop", "Contact"]
ARTICLE = [
    "This little clock shows the time with moving parts instead of lights, and each of "
    "its digits is made of seven thin panels that a small motor turns over every minute.",
    "The builder cut every panel from a sheet of plastic and wired the motors to a cheap "
    "board, and the plans are free for anyone who wants to make one of their own at home.",
]
CELL = ('<td><a href="http://shop.example.com/item/{n}" title="one of the best things to '
        'buy for the home in the spring"><img src="http://static.example.com/{n}.jpg" '
        'alt="a lamp that is made of wood and of glass for the desk in the study"/></a></td>')
MARKUP = "<table> <tr> " + " ".join(CELL.format(n=n) for n in range(12)) + " </tr> </table>"
"""An ad's table printed as text: its titles and image descriptions are full of function
words, so by its look the line read as prose, and at 2,875 characters it weighed like
five paragraphs."""
FOOTER = ["About us", "Write for us", "Advertise", "Privacy", "Example Site 2012"]


def test_the_markup_line_is_longer_than_the_rules_read() -> None:
    assert len(MARKUP) > RULE_MAX_CHARS


def test_a_long_line_of_markup_is_named_code() -> None:
    lines = read_lines(MARKUP)
    mark_rules(lines, frozenset())
    assert [line.reason for line in lines] == ["script/css"]


def test_a_long_line_of_markup_is_not_kept_with_the_article() -> None:
    text = "\n\n".join(["A clock of moving panels | Example Site", *NAV, *ARTICLE,
                        MARKUP, *FOOTER])
    assert list(clean_text(text).paragraphs) == ARTICLE


def test_a_long_paragraph_of_prose_is_still_prose() -> None:
    """Length alone names nothing: a long paragraph with a few brackets and figures is
    read by its look, as before."""
    long_paragraph = " ".join([
        "The council met on Tuesday [the second meeting this month] and agreed that the "
        "budget for the year would rise by 3% to pay for the new library, the repairs to "
        "the bridge and the longer opening hours of the swimming pool in the summer."] * 8)
    assert len(long_paragraph) > RULE_MAX_CHARS
    lines = read_lines(long_paragraph)
    mark_rules(lines, frozenset())
    assert lines[0].reason is None
