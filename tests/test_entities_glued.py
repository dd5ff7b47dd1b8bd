"""Round 23, words glued to a name and names cut from a work's title.

A headline-case sentence glues its verb to a person's name ("Ana Vell Announced a
plan"); a capitalised trade noun opens the span ("Rapper Quorin"); a programme's or a
film's title holds a common word or a town ("the Breakfast with Quorin programme", "an
adaptation of Fear in Ostburg"). Names are made up; the model's mentions are given (a
fake NER backend) for the end-to-end cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import listing_model, report_article

from news_digest.enrich import entities, filters, things
from news_digest.enrich.canonical import clean_surface
from news_digest.enrich.ner import Mention

Found = dict[str, list[tuple[str, str]]]


def _names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: Found,
           *paragraphs: str) -> set[tuple[str, str]]:
    """(type, name) of the entity step's entities for one article, the model finding
    ``found`` per text."""
    ctx = listing_model(tmp_path, monkeypatch, found)
    [article] = entities.entities_step([report_article("a", *paragraphs)], ctx)
    return {(e.type, e.name) for e in article.entities}


def test_a_regular_past_form_glued_to_a_persons_name_is_cut() -> None:
    assert filters.tidy("Ana Vell Announced", "person") == "Ana Vell"
    assert filters.tidy("Ana Vell Licensed", "person") == "Ana Vell"
    assert filters.tidy("Ana Vell Announced", "organization") == "Ana Vell Announced"


def test_surnames_that_are_words_or_look_like_past_forms_stay() -> None:
    # no verb as their lemma ("re", "spe"), or their verb's past is spelt otherwise
    # ("said", "hammed")
    for name in ("Tam Reed", "Tam Speed", "Tam Creed", "Tam Ahmed", "Tam Sayed", "Tam Hamed"):
        assert filters.tidy(name, "person") == name


def test_a_common_word_left_alone_by_the_cut_is_no_name() -> None:
    assert filters.tidy("Open Licensed", "person") == ""
    assert filters.tidy("Vell Announced", "person") == "Vell"
    assert filters.tidy("Announced", "person") == ""
    # a club the model read as a person: a place before the participle
    assert filters.tidy("London United", "person") == "London United"


def test_a_trade_noun_opening_a_persons_span_is_cut() -> None:
    assert clean_surface("Rapper Quorin", "person") == "Quorin"
    assert clean_surface("Striker Ana Vell", "person") == "Ana Vell"
    assert clean_surface("Rapper Quorin", "organization") == "Rapper Quorin"
    assert clean_surface("Tam Singer", "person") == "Tam Singer"


def _piece(text: str, name: str, etype: str) -> bool:
    return things.glued_title_piece(text, Mention(name, etype, text.index(name)))


def test_a_common_word_inside_a_programmes_title_is_a_piece_of_it() -> None:
    assert _piece("she told Vellvision's Breakfast with Quorin programme.", "Breakfast",
                  "place")
    assert _piece("he told the Vellvision programme Go Digital how it works.", "Digital",
                  "organization")
    # a host's surname names the host; an acronym after a sentence's first word
    assert not _piece("she told the Breakfast with Frost programme.", "Frost", "person")
    assert not _piece("The US movie won.", "US", "place")
    # the whole run is the name: "the Vellvision programme"
    assert not _piece("he told the Vellvision programme Go Digital how.", "Vellvision",
                      "organization")


def test_a_place_inside_a_works_title_is_no_mention_of_it() -> None:
    assert _piece("the adaptation of Fear and Dread in Ostburg was poorly received.",
                  "Ostburg", "place")
    assert _piece("the Last Dance in Ostburg film was shot there.", "Ostburg", "place")
    # "of" links a body to its place; no work noun: a town
    assert not _piece("the Bank of Ostburg programme", "Ostburg", "place")
    # a span opening with "the" is read from its capital: "in" is the sentence's
    assert not _piece("as Ana Vell in the Tam Roe film Quorin.", "the Tam Roe", "place")
    assert not _piece("the mayor of Ostburg said the Dance in Ostburg was over.",
                      "Ostburg", "place")


def test_end_to_end_glued_words_make_no_entity(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    one = "When Ana Vell Announced a curfew, Rapper Quorin cancelled a gig."
    two = "She told the Vellvision programme Go Digital about it."
    found: Found = {one: [("Ana Vell Announced", "person"), ("Rapper Quorin", "person")],
                    two: [("Vellvision", "organization"), ("Digital", "organization")]}
    names = _names(tmp_path, monkeypatch, found, one, two)
    assert ("person", "Ana Vell") in names
    assert ("person", "Quorin") in names
    assert ("organization", "Vellvision") in names
    assert not {n for _, n in names} & {"Ana Vell Announced", "Rapper Quorin", "Digital"}
