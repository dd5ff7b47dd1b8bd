"""One page per body when a chamber is also written by its members noun (helper "mixes",
round 23).

- a one-word plural body name that is the members noun of exactly one "House of …" or
  "Chamber of …" of the corpus is that chamber ("the Zorbs" = "House of Zorbs");
- two chambers of that noun, another head ("College of …"), or a singular word keep the
  bare word apart;
- two places in the middle of a list of bare places ("in Quornby, Velstad, Nevada and
  Ostburg") are two items, not "<place>, <larger place>".

Made-up names throughout, bar the regions the list rule reads from its data source.
"""

from __future__ import annotations

from helpers import linked_pages

from news_digest.enrich import bodies, placenames
from news_digest.enrich.ner import Mention


def test_the_members_noun_is_the_chamber() -> None:
    pages = linked_pages([
        [("organization", "House of Quorbles"), ("person", "Jan Roe")],
        [("organization", "Quorbles"), ("person", "Jan Roe")],
        [("organization", "Quorbles"), ("organization", "House of Quorbles")],
    ])
    assert pages.get("House of Quorbles") == {0, 1, 2}
    assert "Quorbles" not in pages


def test_a_chamber_of_members_and_its_country() -> None:
    clusters = {"a": ("organization", "Chamber of Zentors of Velland"),
                "b": ("organization", "Zentors")}
    assert bodies.chamber_short_forms(clusters, {}) == {"b": "a"}


def test_two_chambers_of_one_noun_keep_the_word_apart() -> None:
    clusters = {"a": ("organization", "House of Zentors of Velland"),
                "b": ("organization", "House of Zentors of Orrin"),
                "c": ("organization", "Zentors")}
    assert bodies.chamber_short_forms(clusters, {}) == {}


def test_another_head_or_a_singular_word_is_not_a_chamber() -> None:
    clusters = {"a": ("organization", "College of Brantwicks"),
                "b": ("organization", "Brantwicks"),
                "c": ("organization", "House of Orrin"),
                "d": ("organization", "Orrin"),
                "e": ("place", "House of Pelts"),
                "f": ("organization", "Pelts")}
    assert bodies.chamber_short_forms(clusters, {}) == {}


# --- a list of places is no "<place>, <larger place>" ---------------------------------

def _qualifiers(text: str, names: list[str]) -> list[tuple[str, str, bool]]:
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append(Mention(name, "place", start))
        pos = start + len(name)
    return placenames.place_qualifiers(text, mentions)


def test_a_pair_in_the_middle_of_a_list_of_bare_places_is_two_items() -> None:
    text = "A survey of cafes in Quornby, Velstad, Nevada and Ostburg found few locks."
    assert _qualifiers(text, ["Quornby", "Velstad", "Nevada", "Ostburg"]) == []


def test_a_list_of_towns_each_with_its_region_keeps_the_pairs() -> None:
    text = "Shops in Quornby, Nevada, Velstad, Oregon and Ostburg, Texas shut early."
    assert _qualifiers(text, ["Quornby", "Nevada", "Velstad", "Oregon", "Ostburg",
                              "Texas"]) == [("Quornby", "Nevada", False),
                                            ("Velstad", "Oregon", False),
                                            ("Ostburg", "Texas", False)]


def test_a_pair_that_opens_or_ends_a_list_keeps_its_reading() -> None:
    assert _qualifiers("Flights from Velstad, Nevada and Ostburg left.",
                       ["Velstad", "Nevada", "Ostburg"]) == [("Velstad", "Nevada", False)]
    assert _qualifiers("Flights from Quornby, Velstad, Nevada left.",
                       ["Quornby", "Velstad", "Nevada"]) == [("Velstad", "Nevada", False)]


def test_a_big_city_in_the_middle_of_a_list_is_the_city_not_a_region() -> None:
    text = "Cafes in Quornby, Velstad, New York and Ostburg were checked."
    at = text.index("New York")
    assert placenames.rename_place("New York", text, at) == "New York City"
    text = "Cafes in Quornby, New York were checked."
    at = text.index("New York")
    assert placenames.rename_place("New York", text, at) == "New York State"
