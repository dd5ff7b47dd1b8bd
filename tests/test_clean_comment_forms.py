"""A comment form's heading ends the article (issue #12, round 17): "Leave a Reply",
"Post a comment", "Comments are now closed for this story", above a thread whose
comments carry only their authors' names, no time stamps and no reply buttons.

Each page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

import pytest

from news_digest.ingest.clean import clean_text
from tests.test_clean_comment_threads import COMMENTS, FOOTER, LAST, NAMES, NAV, POST, TITLE


def _page(heading: str, *, end: str = LAST) -> str:
    thread = [line for name, comment in zip(NAMES, COMMENTS, strict=True)
              for line in (name, comment)]
    return "\n\n".join([TITLE, *NAV, *POST, end, heading, *thread, *FOOTER])


@pytest.mark.parametrize("heading", [
    "Leave a Reply", "Post a comment", "Add your comment", "Reader comments",
    "Join the discussion", "Comments are now closed for this story", "Comments are closed.",
])
def test_a_comment_form_heading_ends_the_article(heading: str) -> None:
    draft = clean_text(_page(heading))
    assert set(POST) | {LAST} <= set(draft.paragraphs)
    assert not set(COMMENTS) & set(draft.paragraphs)


def test_an_invitation_that_is_a_sentence_is_the_article_s_own() -> None:
    """A sentence asking readers to write in ends with a full stop: it is the article's
    last line, not a heading, and what the article says below it stays."""
    ask = "Submit comments on this story to the editor."
    after = ("The council meets again on the first Monday of June, when the fencing "
             "grant will be on the agenda and members of the public may speak.")
    text = "\n\n".join([TITLE, *NAV, *POST, ask, after, *FOOTER])
    draft = clean_text(text)
    assert {ask, after} <= set(draft.paragraphs)
