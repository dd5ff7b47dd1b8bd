"""An editor's insertion in square brackets is prose, not code (issue #12, found by a QA
trial).

An interview printed its questions with the editor's words in brackets ("Was the
[GNU] GPLv3 too late to prevent [damages of DRM]?"); the code rule counted the four
brackets as code punctuation (over 4 % of a short line), named the question
"script/css", and, named chrome lending the worst context, the short answer next to it
went too. Words in brackets after a space or the line's start, in a line that ends like
a sentence, are now read as the words they hold. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_rules import _is_code

INTERVIEW = [
    "We asked the engineer who built the new bridge in the valley about the design and "
    "about the winter it took to finish the work.",
    "Q: Was the [steel] frame ready before [the storms]?",
    "A: Just barely.",
    "Q: Did the crew [stay] on site during the coldest weeks of the winter?",
    "A: Yes, most of them stayed in the village nearby so that they would not lose a "
    "day of work to the roads.",
]


def page(*body: str) -> str:
    return "\n\n".join(["Building the valley bridge", "Monday, May 4, 2020", *body,
                        "Share", "Tweet", "© 2020 Example News"])


def test_questions_with_insertions_and_their_answers_are_kept() -> None:
    assert list(clean_text(page(*INTERVIEW)).paragraphs) == INTERVIEW


def test_insertions_are_not_code() -> None:
    assert not _is_code("Q: Was the [steel] frame ready before [the storms]?")
    assert not _is_code('"[T]he work goes on [today]," she said.')


def test_code_with_brackets_is_still_code() -> None:
    assert _is_code("x = items[key]; y[0] = a[b];")
    assert _is_code("- [phases] publish = false [extensions] evolve =")
    assert _is_code("[quote]1574096160[/quote]")
    assert _is_code("input[type=text] { color: red; }")
