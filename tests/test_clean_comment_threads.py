"""Comment threads after an article (issue #12, round 16): a thread that goes on after its
footers stop, a thread longer than the short post above it, a share bar's date that is
not a comment's stamp, and a thread announced only by its count.

Each page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

from test_clean_bounds import COMMENTS as BOUNDS_COMMENTS

from news_digest.ingest.clean import clean_text
from news_digest.model import Draft

NAV = ("Home", "News", "Sport", "Business", "Weather", "Sign in", "Search")
FOOTER = ("About us", "Contact", "Careers", "Accessibility", "Site map")
TITLE = "River birds recover | Example News"

POST = [
    "The regional council published its yearly count of river birds on Monday, and the "
    "figures show that most species have recovered since the floods of three years ago.",
    "Volunteers walked every stretch of the two main rivers in spring, counting nests and "
    "noting how far each one was from the water, as they have done since the count began.",
    "The council said the recovery was strongest where farmers had fenced the banks, and "
    "that it would pay for more fencing next year if the money is approved in June.",
]
LAST = "Thanks to everyone who helped."
"""A short final paragraph: the post's, even with a comment thread right below it."""

COMMENTS = [
    *BOUNDS_COMMENTS,  # the four comments of the round-5 tests, then two more
    "My grandfather counted these birds in the fifties and kept his notebooks, and it would "
    "be wonderful if someone could compare his numbers with the ones the volunteers found.",
    "Does anyone know whether the count will be repeated in the autumn, when the young birds "
    "have left the nests? I would be glad to help walk the upper stretch of the river again.",
]
NAMES = ["Marta Lind", "Owen Price", "Sam Okafor", "Ruth Adeyemi", "Tom Hale", "Ines Varga"]


def body(draft: Draft) -> set[str]:
    return set(draft.paragraphs)


def stamp(k: int) -> str:
    return f"{NAMES[k]} · May {3 + k}, 2021 at {7 + k}:4{k} am"


def test_a_thread_goes_on_after_its_reply_buttons_stop() -> None:
    """The first comments have a "Reply" button; the later ones (replies at the deepest
    level, say) only their stamps. The section runs as long as its marks do, so the later
    comments do not count as article text after the section."""
    thread: list[str] = []
    for k, comment in enumerate(COMMENTS):
        thread += [stamp(k), comment] + (["Reply"] if k < 2 else [])
    draft = clean_text("\n\n".join([TITLE, *NAV, *POST, LAST, *thread, *FOOTER]))
    assert set(POST) | {LAST} <= body(draft)
    assert not set(COMMENTS) & body(draft)


def test_a_thread_longer_than_the_post_above_it_is_not_the_article() -> None:
    """A share bar ends the short post; the densest run of prose is the thread below it.
    The post above the thread (with its short last line) is the article."""
    post = [POST[0], POST[2], LAST]
    thread = [line for k, comment in enumerate(COMMENTS) for line in (
        stamp(k), comment, "Reply")]
    draft = clean_text("\n\n".join([TITLE, *NAV, "By Ann Lee", *post, "Share this:",
                                    "Email", "Print", "6 comments", *thread, *FOOTER]))
    assert set(post) <= body(draft)
    assert not set(COMMENTS) & body(draft)


def test_a_share_bar_with_the_article_date_does_not_open_a_thread() -> None:
    """"Tweet May 3 2021, 12:50 PM ET Comment" is a share bar (an explicit rule names it)
    dated by the article: the article below it is not the first comment of a thread, even
    with a feed of dated teasers below and the author's note above."""
    teasers = [line for k in range(4) for line in (
        f"Jo Reed {k + 5}:28 PM ET", f"Another story number {k} about the river", "/post")]
    bio = ["Ann Lee has written about rivers, farming and the countryside for this paper "
           "since 2009, and before that she worked for ten years as a field ecologist.",
           "She lives near the upper river with her family, two dogs and a boat that she "
           "says she will finish building one day, and she counts birds there every spring."]
    draft = clean_text("\n\n".join([TITLE, *NAV, *bio, "By Ann Lee",
                                    "Tweet May 3 2021, 12:50 PM ET Comment",
                                    *POST, "Share Email Print", "More stories", *teasers,
                                    *FOOTER]))
    assert set(POST) <= body(draft)


def test_a_thread_announced_by_its_count_ends_the_article() -> None:
    """No stamps: each comment is a name, then the text. The heading that counts them
    ("4 Responses to …") ends the article; a count near the headline, with no article
    above it, does not."""
    thread = [line for k, comment in enumerate(COMMENTS[:4]) for line in (NAMES[k], comment)]
    draft = clean_text("\n\n".join([TITLE, *NAV, "By Ann Lee", "4 comments", *POST, LAST,
                                    "4 Responses to “River birds recover”", *thread,
                                    *FOOTER]))
    assert set(POST) | {LAST} <= body(draft)
    assert not set(COMMENTS[:4]) & body(draft)


def test_a_short_sentence_opening_with_a_count_is_article_text() -> None:
    """An article sentence that opens with a count of comments ("212 comments were sent
    …") ends with a full stop: it is the article's, not a thread's heading, and the
    paragraphs after it stay."""
    middle = "212 comments were sent to the council before the vote."
    draft = clean_text("\n\n".join([TITLE, *NAV, "By Ann Lee", POST[0], POST[1], middle,
                                    POST[2], LAST, *FOOTER]))
    assert set(POST) | {middle, LAST} <= body(draft)



def test_a_thread_begins_at_its_heading_before_its_first_stamp() -> None:
    """The first comments carry only their authors' names; later ones have stamps and
    reply buttons, which make the comment section. The heading above them all ("6
    Comments") is where the thread begins, so the name-only comments go too."""
    thread: list[str] = []
    for k, comment in enumerate(COMMENTS):
        thread += [f"{NAMES[k]} says:", comment] if k < 2 else [stamp(k), comment, "Reply"]
    draft = clean_text("\n\n".join([TITLE, *NAV, *POST, LAST, "6 Comments", *thread,
                                    *FOOTER]))
    assert set(POST) | {LAST} <= body(draft)
    assert not set(COMMENTS) & body(draft)


def test_an_author_box_above_a_long_thread_is_not_the_article() -> None:
    """A share bar walls the post off from what follows: the author's box, the thread's
    count, then a long thread. The densest run is the box and the thread; the post above
    the wall is worth more than the box, so the post is the article."""
    thread = [line for k, comment in enumerate(COMMENTS) for line in (
        stamp(k), comment, comment.replace("river", "stream"), "Reply")]
    bio = ("Ann Lee is a freelance writer who lives by the river with two dogs and a "
           "great many notebooks full of bird counts.")
    draft = clean_text("\n\n".join([TITLE, *NAV, *POST, LAST, "Share", "Tweet", "Pin It",
                                    "Email", "Print", bio, "{ 12 comments… read them below }",
                                    *thread, *FOOTER]))
    assert set(POST) <= body(draft)
    assert not set(COMMENTS) & body(draft)
