"""A sentence that introduces a code block is the article's (issue #12, round 10).

"The total can then be shown on the page like this:" announces the code under it. A short
line is judged mostly by its context, and when code stands above and below it, its
context was code (named, the worst quality), so the sentence was dropped from the
middle of the tutorial. Inside the
article, a sentence ending with a colon that reads as prose on its own is now kept
whatever follows it; a label of a few words ("Output:") still follows its context.
Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text

NAV = ["Home", "Tutorials", "Reference", "Blog", "Sign in"]
FIRST = [
    "In this part of the tutorial we add up the prices in a shopping basket, which is the "
    "first thing most people want to do once they have a list of items on the page.",
    "The list is an array of numbers, one for each item, and we want a single total that "
    "we can show to the user next to the button that takes them to the checkout.",
]
INTRO = "The total can then be shown on the page like this:"
CODE = [
    "var total = prices.reduce(function (sum, p) { return sum + p; }, 0);",
    "document.getElementById('total').textContent = total.toFixed(2);",
]
LAST = [
    "The reduce method walks over the array once and passes the running sum from one item "
    "to the next, so there is no counter to keep and no loop to get wrong at its end.",
    "In the next part we will let the user remove an item from the basket and see how the "
    "total is worked out again each time the list of prices changes on the page.",
]
FOOTER = ["Share", "Tweet", "About", "Contact", "Privacy"]


def page(*middle: str) -> str:
    return "\n\n".join(["Adding up a basket | Example Tutorials", *NAV, *FIRST, *middle,
                        *LAST, *FOOTER])


def test_a_sentence_between_code_lines_is_kept() -> None:
    """Code above and below: the sentence's context is all code."""
    assert list(clean_text(page(CODE[0], INTRO, CODE[1])).paragraphs) == [*FIRST, INTRO, *LAST]


def test_a_label_between_code_lines_is_not() -> None:
    assert list(clean_text(page(CODE[0], "Output:", CODE[1])).paragraphs) == [*FIRST, *LAST]
