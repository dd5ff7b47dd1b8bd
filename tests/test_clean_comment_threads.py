"""Comment threads after an article (issue #12, round 15): a thread that goes on after its
footers stop.

Each page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

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
    "Great to see this. I walk along the river most mornings and there are definitely more "
    "birds than there were when I moved here, especially near the old mill where they nest.",
    "I would like to know why the terns are leaving. Has anyone asked the people who fish "
    "on the lower river whether something changed there? They see the water every day.",
    "The fencing has made a real difference on our farm, but it was expensive and the grant "
    "only covered half of it, so I hope the council keeps paying for it as they promised.",
    "This is the kind of story I wish we saw more often: volunteers doing careful work for "
    "years, and the results being published so that everyone can see what has changed.",
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
