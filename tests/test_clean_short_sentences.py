"""Sentences of the article that its look or its edge misjudged (issue #12, found by a
QA trial).

* A quoted reaction between two paragraphs, sentence-long and full of names ("The mayor,
  answering the council on social media, called the vote "Total Nonsense Politics.""),
  has few function words; at a sentence's length it is judged on its own look, and its
  two paragraphs had no say. A sentence right between two kept paragraphs now stays.
* A short last sentence ("Smith is survived by daughter Anna.") has the page's end as half of
  its context and was dropped. The line right after the article's last kept line now
  joins it when it reads as prose on its own and ends with a full stop.

Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text

LONG = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs "
    "that are expected to take most of the next two years, the council said.",
    "The bridge, which carries about ten thousand cars a day, was found to have cracks in "
    "two of its supports during an inspection that was carried out in the spring.",
    "The council said that the buses which use the bridge would be sent over the new "
    "bridge to the north of the town while the work is being done.",
]
REACTION = ("Mayor Jones, answering Councillor Smith's statement via Facebook, called "
            "Tuesday's vote \"Total Nonsense Politics.\"")


def page(*body: str, footer: tuple[str, ...] = ("Share", "Tweet", "© 2020 Example News")
         ) -> str:
    return "\n\n".join(["Council closes the old bridge", "Tuesday, May 5, 2020", *body,
                        *footer])


def test_a_reaction_between_two_paragraphs_is_kept() -> None:
    body = [LONG[0], LONG[1], REACTION, LONG[2]]
    assert list(clean_text(page(*body)).paragraphs) == body


def test_a_short_last_sentence_is_kept() -> None:
    # paragraphs holding two figures are data for the context term: the last sentence's
    # context is the page's end and a faded paragraph further up
    obituary = [
        "The engineer John Smith, who designed the old bridge over the river, has died at "
        "his home in the town, his family said on Monday.",
        "Smith was born in 1931 and joined the county's roads office in 1955, where he "
        "worked on most of the bridges that were built in the valley.",
        "He retired in 1996 but went on to teach at the college until 2010, and wrote two "
        "books about the history of the bridges of the region.",
        "Smith is survived by daughter Anna.",
    ]
    assert list(clean_text(page(*obituary, footer=())).paragraphs) == obituary


def test_a_menu_after_the_article_is_still_dropped() -> None:
    assert list(clean_text(page(*LONG, footer=("Home", "News", "Sport"))).paragraphs) == LONG


def test_a_link_list_between_paragraphs_is_still_dropped() -> None:
    links = ("https://example.com/bridge-repairs-2020-full-report-council.html "
             "https://example.com/bridge-map-2020-closures-and-detours.html.")
    body = [LONG[0], LONG[1], links, LONG[2]]
    assert links not in clean_text(page(*body)).paragraphs
