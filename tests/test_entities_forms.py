"""One page per entity, none for a list of two names (helper "forms", round 22).

- a former state named with "and" (ISO 3166-3: "Serbia and Montenegro") is one place,
  not two countries;
- a short name several countries share ("Korea") is the one of them its article names,
  else no page;
- "<Name> and <Name>", the second a name of the corpus, is no page and no longer form of
  the first;
- a body named with its country ("Zorbish Treasury") is not the bare name's page when
  the bare name's stories name another country most and its own story names that
  country too.

Made-up names throughout, bar the countries the rules read from their data sources.
"""

from __future__ import annotations

from helpers import linked_pages

from news_digest.enrich import filters, placenames

# --- a former state ---------------------------------------------------------------------

def test_a_former_state_named_with_and_is_one_place() -> None:
    assert filters.split_joined("Serbia and Montenegro", "place") == ["Serbia and Montenegro"]
    assert filters.joined_names("Serbia & Montenegro", "organization") == [
        ("Serbia and Montenegro", "place")]
    # two current countries joined by "and" are still two places
    assert filters.split_joined("Serbia and Croatia", "place") == ["Serbia", "Croatia"]


def test_former_state_test_reads_iso_3166_3() -> None:
    assert filters.forms_former_state("Serbia & Montenegro") == "Serbia and Montenegro"
    assert filters.forms_former_state("Gilbert and Ellice Islands")
    assert not filters.forms_former_state("Serbia")


# --- a short name two countries share -------------------------------------------------

def test_shared_short_names_come_from_the_country_data() -> None:
    assert placenames.forms_shared_short_names()["korea"] == ("North Korea", "South Korea")
    assert "china" not in placenames.forms_shared_short_names()  # a country's own name


def test_shared_short_name_is_the_country_its_article_names() -> None:
    pages = linked_pages([
        [("place", "Korea"), ("place", "South Korea"), ("person", "Ola Brisk")],
        [("place", "South Korea"), ("organization", "Zorbly")],
        [("place", "Korea"), ("organization", "Zorbly")],
        [("place", "Korea"), ("place", "North Korea"), ("place", "South Korea")],
    ])
    assert pages["South Korea"] == {0, 1, 3}
    assert "Korea" not in pages  # articles 2 and 3 do not say which state


# --- two names joined by "and" -------------------------------------------------------------

def test_two_names_joined_by_and_is_a_list() -> None:
    keys = frozenset({"zell council", "channel 9", "prevention"})
    assert fragments_two("Zell Council and Channel 9", keys)
    # a body's own words after "and" are no name of the corpus
    assert not fragments_two("Centre for Zorb Control and Prevention", keys)
    # a committee's own words before "and" are no name of the corpus
    assert not fragments_two("House Zorb and Channel 9", keys)
    # one-word parts: a firm's pair of founders, a state
    assert not fragments_two("Brisk and Channel 9", keys)
    assert not fragments_two("Trinidad and Tobago", keys)


def fragments_two(name: str, keys: frozenset[str]) -> bool:
    from news_digest.enrich import fragments
    return fragments.forms_two_names(name, keys)


def test_list_of_two_bodies_gets_no_page_and_does_not_complete_its_first() -> None:
    pages = linked_pages([
        [("organization", "Zell Council and Channel 9")],
        [("organization", "Zell Council"), ("organization", "Channel 9")],
        [("organization", "Zell Council and Channel 9"), ("organization", "Channel 9")],
        [("organization", "Channel 9")],
    ])
    assert "Zell Council and Channel 9" not in pages
    assert pages["Channel 9"] == {1, 2, 3}


def test_a_name_with_its_own_words_after_and_still_completes_its_short_form() -> None:
    pages = linked_pages([
        [("organization", "Centre for Zorb Control and Prevention")],
        [("organization", "Centre for Zorb Control")],
    ])
    assert pages["Centre for Zorb Control and Prevention"] == {0, 1}


# --- a body named with another country ---------------------------------------------------

def test_a_body_named_with_another_country_is_not_the_bare_names_page() -> None:
    uk = ("place", "United Kingdom")
    pages = linked_pages([
        [("organization", "Zorb Office"), uk],
        [("organization", "Zorb Office"), uk],
        [("organization", "Zorb Office"), ("person", "Ola Brisk")],
        # another country's body, in a story naming the bare name's country too
        [("organization", "US Zorb Office"), ("place", "United States"), uk],
        [("organization", "US Zorb Office"), ("place", "United States")],
    ])
    assert pages["Zorb Office"] == {0, 1, 2}
    assert pages["US Zorb Office"] == {3, 4}


def test_a_body_named_with_the_bare_names_country_joins_it() -> None:
    us = ("place", "United States")
    pages = linked_pages([
        [("organization", "Zorb Party"), us],
        [("organization", "Zorb Party"), us],
        [("organization", "US Zorb Party"), us, ("place", "United Kingdom")],
    ])
    assert pages["Zorb Party"] == {0, 1, 2}


def test_a_body_named_with_its_country_alone_joins_the_bare_name() -> None:
    """The bare name's stories name another country most, but the qualified name's story
    does not name that country: nothing sets the two apart."""
    islands = ("place", "Bahamas")
    pages = linked_pages([
        [("organization", "Zorb Watch Center"), islands],
        [("organization", "Zorb Watch Center"), islands],
        [("organization", "United States Zorb Watch Center"), ("place", "United States")],
    ])
    assert pages["Zorb Watch Center"] == {0, 1, 2}


# --- ingest: a former state cut at "and"; an owner's place noun ---------------------------

def test_two_places_that_are_a_former_state_are_one_span() -> None:
    from news_digest.enrich import cues, ner
    text = "Ola Brisk of Serbia and Montenegro won. Serbia and Norland drew."
    spans = [ner.Mention("Ola Brisk", "person", 0), ner.Mention("Serbia", "place", 13),
             ner.Mention("Montenegro", "place", 24), ner.Mention("Serbia", "place", 40),
             ner.Mention("Norland", "place", 51)]
    got = cues.forms_former_state_spans(text, spans)
    assert [(m.text, m.type) for m in got] == [
        ("Ola Brisk", "person"), ("Serbia and Montenegro", "place"), ("Serbia", "place"),
        ("Norland", "place")]


def test_a_possessive_before_one_place_noun_is_inside_the_name() -> None:
    from news_digest.enrich.canonical import split_possessive
    assert split_possessive("St Zorbin's Park", "place") == [("St Zorbin's Park", "place")]
    assert split_possessive("Quill' Bay", None) == [("Quill' Bay", None)]
    # a name of its own after the possessive is still a second name
    assert split_possessive("Norland's Zorb Park", "place") == [
        ("Norland", None), ("Zorb Park", "place")]
    assert split_possessive("Norland's Parliament", "organization") == [
        ("Norland", None), ("Parliament", "organization")]
