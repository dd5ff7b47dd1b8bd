"""A comment form's heading ends the article (issue #12, round 17): "Leave a Reply",
"Post a comment", "Comments are now closed for this story", above a thread whose
comments carry only their authors' names, no time stamps and no reply buttons.

Each page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

import pytest
from test_clean_comment_threads import COMMENTS, FOOTER, LAST, NAMES, NAV, POST, TITLE

from news_digest.ingest.clean import clean_text


def _page(heading: str, *, end: str = LAST) -> str:
    thread = [line for name, comment in zip(NAMES, COMMENTS, strict=True)
              for line in (name, comment)]
    return "\n\n".join([TITLE, *NAV, *POST, end, heading, *thread, *FOOTER])


@pytest.mark.parametrize("heading", [
    "Leave a Reply", "Post a comment", "Add your comment", "Reader comments",
    "Join the discussion", "Comments are now closed for this story", "Comments are closed.",
    "Comments (87)", "Responses: 12",
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


def _signed_page(signature: str, byline: tuple[str, ...] = ()) -> str:
    thread = [line for k, (name, comment) in enumerate(zip(NAMES, COMMENTS, strict=True))
              for line in (comment, signature.format(name=name, minute=10 + k))]
    return "\n\n".join([TITLE, *NAV, *byline, *POST, LAST, *thread, *FOOTER])


def test_comments_signed_below_their_text_are_cut_after_the_first() -> None:
    """Each comment, then "Posted by: <name> | <date> <time>": no heading, no footer.
    The article stays whole; the thread goes from the first signature on (the first
    comment, above its signature, cannot be told from the article's last paragraph)."""
    draft = clean_text(_signed_page("Posted by: {name} | January 14, 2008 06:{minute} PM"))
    assert set(POST) | {LAST} <= set(draft.paragraphs)
    assert not set(COMMENTS[1:]) & set(draft.paragraphs)


@pytest.mark.parametrize("stamp", ["Updated at 06:{minute} PM", "Posted at 06:{minute} PM"])
def test_a_live_blog_s_time_stamps_sign_nothing(stamp: str) -> None:
    """Entries each followed by "Updated at <time>" name no writer: no thread is cut."""
    draft = clean_text(_signed_page(stamp))
    assert set(COMMENTS) <= set(draft.paragraphs)


def test_comments_signed_by_name_alone_are_a_thread() -> None:
    """"BY ANN AT 01/08/08 05:51 PM": the signatures open alike with "by", each name
    then differs. (The article's own byline above is the byline.)"""
    draft = clean_text(_signed_page("BY {name} AT 01/08/08 05:{minute} PM",
                                    byline=("By Ann Lee",)))
    assert set(POST) | {LAST} <= set(draft.paragraphs)
    assert not set(COMMENTS[1:]) & set(draft.paragraphs)


def test_a_long_signed_thread_below_a_share_bar_is_not_the_article() -> None:
    """The densest run is the thread (each comment two paragraphs, signed below), walled
    off from the post by a share bar; the post above it is the article."""
    thread = [line for k, (name, comment) in enumerate(zip(NAMES, COMMENTS, strict=True))
              for line in (comment, comment.replace("river", "stream"),
                           f"Posted by: {name} | January 14, 2008 06:{10 + k} PM")]
    post = [POST[0], POST[2]]
    draft = clean_text("\n\n".join([TITLE, *NAV, *post, "Share", "Tweet", "Email", "Print",
                                    *thread, *FOOTER]))
    assert set(post) <= set(draft.paragraphs)
    assert not set(COMMENTS) & set(draft.paragraphs)


def test_comments_signed_above_with_the_name_first_are_a_thread() -> None:
    """"Debbie M said, in August 28th, 2012 at 21:06" above each comment."""
    thread = [line for k, (name, comment) in enumerate(zip(NAMES, COMMENTS, strict=True))
              for line in (f"{name} said, in May 3rd, 2021 at 21:{10 + k}", comment)]
    draft = clean_text("\n\n".join([TITLE, *NAV, *POST, LAST, *thread, *FOOTER]))
    assert set(POST) | {LAST} <= set(draft.paragraphs)
    assert not set(COMMENTS) & set(draft.paragraphs)


def test_a_timeline_of_short_sentences_that_say_who_said_what_is_the_article() -> None:
    """Short article sentences with a time and "said:" end like sentences: no thread."""
    timeline = [line for k, text in enumerate([*POST, *COMMENTS[:3]])
                for line in (text, f"Police said: lane {k + 1} reopened at 10:{10 + k}.")]
    draft = clean_text("\n\n".join([TITLE, *NAV, *timeline, *FOOTER]))
    assert set(timeline) <= set(draft.paragraphs)
