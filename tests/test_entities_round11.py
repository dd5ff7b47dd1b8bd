"""Round 11 entity rules: two surnames joined by a hyphen are two people when each is the
surname of a person the corpus names in full (a ticket); a place span of one English word
and a number is a numbered road or facility, not the word.

Each test uses names and mentions written for it, and fails without the rule it names:
"Fielding-Marsh" would be an organisation page of its own, and "Route 12" would leave the
place "Route".
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import cues
from news_digest.enrich.ner import Mention
from news_digest.enrich.resolve import resolve_corpus

# --- a ticket: two surnames joined by a hyphen ----------------------------------------------


def test_two_full_named_peoples_surnames_joined_by_a_hyphen_are_the_two_people() -> None:
    articles = [
        (date(2020, 10, 1), [("person", "Ann Fielding"), ("person", "Bo Marsh"),
                             ("organization", "Fielding-Marsh")]),
        (date(2020, 10, 9), [("organization", "Fielding-Marsh"), ("place", "Lakeside")]),
    ]
    resolved = resolve_corpus(articles)
    assert resolved.entities_of[0] == (("person", "Ann Fielding"), ("person", "Bo Marsh"))
    # no full name in the article: the bare surnames find them within the window
    assert ("person", "Ann Fielding") in resolved.entities_of[1]
    assert ("person", "Bo Marsh") in resolved.entities_of[1]
    assert not any("Fielding-Marsh" in n for a in resolved.entities_of for _, n in a)


def test_a_double_surname_stays_one_name() -> None:
    articles = [
        # only one side is a full-named person's surname
        (date(2020, 10, 1), [("person", "Dee Lloyd"), ("organization", "Lloyd-Quigmore")]),
        (date(2020, 10, 2), [("organization", "Lloyd-Quigmore")]),
        # the joined pair is someone's surname ("Cy Fielding-Marsh")
        (date(2020, 10, 3), [("person", "Ann Fielding"), ("person", "Bo Marsh"),
                             ("person", "Cy Fielding-Marsh"), ("person", "Fielding-Marsh")]),
        # a word that is no surname here, and one name twice
        (date(2020, 10, 4), [("organization", "Lloyd-Lloyd"), ("place", "Port-Gentil")]),
    ]
    resolved = resolve_corpus(articles)
    assert ("organization", "Lloyd-Quigmore") in resolved.entities_of[0]
    assert ("person", "Cy Fielding-Marsh") in resolved.entities_of[2]
    assert ("person", "Ann Fielding") in resolved.entities_of[2]
    assert ("place", "Port-Gentil") in resolved.entities_of[3]
    assert ("organization", "Lloyd-Lloyd") in resolved.entities_of[3]


# --- a numbered road or facility -------------------------------------------------------------


def test_an_english_word_and_a_number_is_a_numbered_road_not_a_place() -> None:
    for text in ("Route 12", "Interstate 40", "Gate 7", "Pier 39", "Highway 2A"):
        assert cues.numbered(Mention(text, "place")), text


def test_a_place_a_name_or_an_organisation_before_a_number_is_left_alone() -> None:
    for text, etype in (
            ("Kent 245", "place"),  # a gazetteer place (a results table)
            ("Japan 2", "place"),  # a country
            ("Zorblattshire 238", "place"),  # not an English word
            ("Route 12", "organization"),  # organisations: "Boeing 737"
            ("Apollo Lunar 11", "place"),  # two words before the number
            ("Route", "place"),  # no number
            ("Route 12345", "place")):  # a figure, not a route number
        assert not cues.numbered(Mention(text, etype)), text
