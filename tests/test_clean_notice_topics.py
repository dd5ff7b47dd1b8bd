"""An article's paragraph that mentions advertising once is not a notice (issue #12,
round 9).

The notice rule named any line of up to 60 words holding one notice word ("advertising",
"sign up", "terms of service", …) and addressing the reader ("you", "we"), so a paragraph
of a story about online advertising was dropped from the middle of the article as a
cookie notice. A line of a sentence or more is now a notice only when it names two
different notice topics, as a reference entry carries two bibliography marks; a short
line still needs one. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import read_lines
from news_digest.ingest.clean_rules import mark_rules

NAV = ["Home", "Technology", "Business", "Opinion", "Log in"]
MENTION = ("When you open the app for the first time, it asks you to sign up with your phone "
           "number so that it can find the people you already know, and most people agree "
           "without reading what that means.")
STORY = [
    "A small company that makes a popular messaging app has changed the way it stores the "
    "address books of the people who use it, after months of complaints from its users.",
    MENTION,
    "The company said the change would make no difference to how the app works, and that "
    "the old copies of the address books had been deleted from its servers last week.",
]
FOOTER = ["Share", "Tweet", "About us", "Contact", "Careers"]
NOTICE = ("We use cookies to give you the best experience on our site. By continuing to "
          "browse you agree to our privacy policy and to the use of cookies.")


def test_a_paragraph_with_one_notice_word_is_kept() -> None:
    text = "\n\n".join(["Messaging app changes address books | Example News", *NAV, *STORY,
                        *FOOTER])
    assert list(clean_text(text).paragraphs) == STORY


def test_a_notice_naming_two_topics_is_still_named() -> None:
    lines = read_lines("\n".join([NOTICE, "Get our weekly newsletter", MENTION]))
    mark_rules(lines, frozenset())
    assert [line.reason for line in lines] == ["newsletter/cookie/ad",
                                              "newsletter/cookie/ad", None]
