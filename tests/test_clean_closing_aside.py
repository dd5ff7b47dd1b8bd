"""A wire story's closing credit is part of it (issue #12, round 8).

"(Reporting by …; Editing by …)" right after an article's last paragraph is the story's
own note, but it is all names and capitals: by its look it is neither prose nor chrome,
and it was dropped. A line wholly in brackets right after the article's last kept line
now joins it; one elsewhere on the page does not. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text

NAV = ["Home", "World", "Business", "Markets", "Sign in"]
STORY = [
    "Coffee prices rose for a third week on Friday as traders worried that dry weather in "
    "the main growing regions would cut the next harvest more than had been expected.",
    "Exporters said farmers were holding back beans in the hope of higher prices later in "
    "the year, while roasters in Europe were buying more than usual to cover their needs.",
    "Analysts said the rally could fade quickly if the rains arrive on time next month, as "
    "the forecasters now expect, but that stocks in the ports were lower than a year ago.",
]
CREDIT = "(Reporting by Ana Souza in Santos; Editing by Mark Hill)"
FOOTER = ["Share", "Tweet", "About us", "Contact", "Careers"]


def page(*tail: str) -> str:
    return "\n\n".join(["Coffee prices rise again | Example Wire", *NAV, *STORY, *tail])


def test_a_credit_in_brackets_after_the_last_paragraph_is_kept() -> None:
    paragraphs = clean_text(page(CREDIT, *FOOTER)).paragraphs
    assert list(paragraphs) == [*STORY, CREDIT]


def test_a_bracketed_line_away_from_the_article_is_not() -> None:
    """Only the line right after the article's last kept line: a bracketed line further
    down, after the share bar, belongs to the page."""
    note = "(Prices are delayed by at least 15 minutes; see the terms of use)"
    paragraphs = clean_text(page("Share", "Tweet", note, "About us", "Contact")).paragraphs
    assert list(paragraphs) == STORY
