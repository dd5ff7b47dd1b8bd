"""Code between an article's paragraphs does not end the article (issue #12, round 10).

A tutorial shows code between its paragraphs; an encyclopaedia entry shows formulas.
The code rule names such lines "script/css" and they are dropped, as before. But they
also counted as page chrome towards the wall (three named lines with no text between
them) and the bridge's stop (two named lines), so a code block of three lines cut the
article in two and only the larger piece was kept. Code is now dropped without being a
boundary; a bare selector ("#respond"), a template's marker of a part of the page,
still is one. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import read_lines
from news_digest.ingest.clean_rules import mark_rules

NAV = ["Home", "Tutorials", "Reference", "Blog", "Sign in"]
BEFORE = [
    "In this part of the tutorial we add up the prices in a shopping basket, which is the "
    "first thing most people want to do once they have a list of items on the page.",
    "The list is an array of numbers, one for each item, and we want a single total that "
    "we can show to the user next to the button that takes them to the checkout.",
]
CODE = [
    "var prices = [4.5, 12, 3.25]; var total = 0;",
    "var total = prices.reduce(function (sum, p) { return sum + p; }, 0);",
    "document.getElementById('total').textContent = total.toFixed(2);",
]
AFTER = [
    "The reduce method walks over the array once and passes the running sum from one item "
    "to the next, so there is no counter to keep and no loop to get wrong at its end.",
    "Because the prices are stored as numbers with a fractional part, the total is rounded "
    "to two places only when it is shown, and never while it is being added up.",
    "In the next part we will let the user remove an item from the basket and see how the "
    "total is worked out again each time the list of prices changes on the page.",
]
FOOTER = ["Share", "Tweet", "About", "Contact", "Privacy"]


def test_the_code_lines_are_named_code() -> None:
    lines = read_lines("\n".join(CODE))
    mark_rules(lines, frozenset())
    assert [line.reason for line in lines] == ["script/css"] * 3


def test_a_code_block_between_paragraphs_does_not_cut_the_article() -> None:
    text = "\n\n".join(["Adding up a basket | Example Tutorials", *NAV, *BEFORE, *CODE,
                        *AFTER, *FOOTER])
    assert list(clean_text(text).paragraphs) == [*BEFORE, *AFTER]


def test_selectors_still_end_the_article() -> None:
    """Three bare selectors in a row are a template's section markers: the prose after
    them (another post) stays out."""
    other = [
        "Our next post looks at how a shop can keep its prices in one place, so that a "
        "change made by the owner is shown on every page of the site at the same time.",
        "It also shows how to round the prices for display in the currency the customer "
        "chose, and why that is best left to the last step before they are shown.",
    ]
    text = "\n\n".join(["Adding up a basket | Example Tutorials", *NAV, *AFTER,
                        "#post", "#comments", "#respond", *other, *FOOTER])
    assert list(clean_text(text).paragraphs) == AFTER
