"""A sentence that quotes a tag is prose, not script (issue #12, found by a new-user
trial).

A story about a web attack quoted ``<script>alert(1)</script>`` in a twenty-word
sentence. The code rule counted the tag's brackets as code punctuation, named the
sentence "script/css" and dropped it, and, named chrome ending the article's run, the
ordinary paragraph after it went too. A sentence is now measured without the tags it
quotes; script text that leaks from a template (unpunctuated, or dense with code) is
still named. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text

STORY = [
    "The council said on Tuesday that the budget was approved by a vote of seven to two "
    "after a long debate.",
    "Security researchers said the attack injected <script>alert(1)</script> into the "
    "login page of the city website, exposing thousands of residents.",
    "The mayor said the plan funds roads and schools over the next three years.",
]


def page(*body: str) -> str:
    return "\n\n".join(["Council approves budget", "Tuesday, March 5, 2019", *body,
                        "Share", "Tweet", "© 2019 Example News"])


def test_a_sentence_quoting_a_tag_and_the_paragraph_after_it_are_kept() -> None:
    assert list(clean_text(page(*STORY)).paragraphs) == STORY


def test_script_a_template_leaks_is_still_dropped() -> None:
    leaked = ("<script>window.dataLayer = window.dataLayer || []; function gtag(){"
              "dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-1');"
              "</script>")
    before = ("The council said on Tuesday that the budget was approved by a vote of seven "
              "to two after a long debate, and that most of the money would go to the roads "
              "and the schools of the town, which have waited for repairs for many years.")
    after = ("The mayor said the plan funds roads and schools over the next three years, "
             "and that the first of the new bus routes would open in the spring, once the "
             "council has agreed where the stops should be and how often the buses run.")
    draft = clean_text(page(before, leaked, after))
    assert list(draft.paragraphs) == [before, after]
