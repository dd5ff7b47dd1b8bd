"""A copyright notice has a notice's shape; a sentence about copyright is not one
(issue #12, found by a QA trial).

An interview about copyright law asked "What are the problems with … copyright
protection?", and the copyright rule, which named any line of up to 40 words holding the
word, dropped the question. The word now names a line only in a notice's shape: the
sign, "(c) 2019" or "All rights reserved"; "Copyright" before a year or opening the line
before an owner's name; or a menu-sized footer link. Never a question. Pages here are
written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import read_lines
from news_digest.ingest.clean_rules import _rule_reason

INTERVIEW = [
    "The author of the report spoke to us by telephone about the new law, which the "
    "parliament passed last week after two years of debate.",
    "Q: Why do publishers worry about copyright enforcement online?",
    "A: Because they cannot see who copies what, and the courts are slow to act on it "
    "when they are asked to do so by the owners of the works.",
    "Q: Is the copyright term in your country too long for the authors who want to "
    "reuse old work?",
    "A: It is, and most of the people who write to me about it say the same thing.",
]


def page(*body: str) -> str:
    return "\n\n".join(["An interview about the new law", "Monday, May 4, 2020", *body,
                        "Share", "Tweet", "Copyright 2020 Example Media Group"])


def reason(text: str) -> str | None:
    return _rule_reason(read_lines(text)[0])


def test_questions_and_sentences_about_copyright_are_kept() -> None:
    assert list(clean_text(page(*INTERVIEW)).paragraphs) == INTERVIEW


def test_a_sentence_using_the_word_is_not_a_notice() -> None:
    assert reason("Copyright law protects the work of authors for many years.") is None
    assert reason("The court said the copyright had expired long before the film.") is None


def test_notices_are_still_named() -> None:
    for notice in ("© 2019 Example News", "Copyright 2014 Example Research Center",
                   "Copyright (c) 1996-2009 Example Inc.", "Copyright Example Images",
                   "Copyright", "Report Copyright", "Copyright & Trademark",
                   "Example News. All rights reserved.",
                   "Tag code version 1.2. Copyright 1997-2009 Example, Inc."):
        assert reason(notice) == "copyright", notice
