"""Round 12 entity rules: a person-shaped name (accents allowed) whose surname the
corpus types a person when written alone is a person, whatever type the model gave the
full name; a body's complete name followed by more capitalised words names a unit of it
(or an office, an event), not the body's longer name; a generic name ("Congress") beside
the article's country's fuller body of that kind ("Indian National Congress") is that
body, not "Congress of <country>".

Each test uses names written for it, and fails without the rule it names: "Tomás
Quiñero Valdés" would stay an organisation page, and "Northvale Police Fraud Squad"
would take the force's story.
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import cues
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.enrich.resolve import resolve_corpus

# --- accented name words ---------------------------------------------------------------------


def test_an_accented_name_word_is_a_name_word() -> None:
    assert cues.person_like("Tomás Quiñero Valdés")
    assert cues.person_like("Jörg Müllerhaus")
    assert not cues.person_like("TOMÁS Quiñero")  # capitals are no name word
    assert not cues.person_like("Tomás quiñero")


# --- a person typed a thing, whose surname is a person alone ----------------------------------


def _people_corpus(full_type: str) -> list[tuple[date, list[tuple[str, str]]]]:
    return [
        (date(2019, 7, 1), [("organization", "Tomás Quiñero Valdés"), ("person", "Quiñero"),
                            ("place", "Lakeside")]),
        (date(2019, 7, 5), [(full_type, "Tomás Quiñero Valdés"), ("organization", "Quiñero")]),
        (date(2019, 7, 9), [("person", "Quiñero"), ("place", "Lakeside")]),
    ]


def test_a_person_shaped_name_whose_surname_is_a_person_alone_is_a_person() -> None:
    resolved = resolve_corpus(_people_corpus("organization"))
    assert ("person", "Tomás Quiñero Valdés") in resolved.entities_of[0]
    assert not any(t == "organization" and "Quiñero" in n
                   for a in resolved.entities_of for t, n in a)
    # the bare word is a middle word of the full name, not its last: it gets no page
    assert ("person", "Quiñero") in resolved.pageless


def test_a_name_with_a_common_word_or_no_bare_person_stays_as_voted() -> None:
    articles = [
        # a later word is common English: a firm's name made of words
        (date(2019, 7, 1), [("organization", "Harlow Stone Partners"), ("person", "Stone")]),
        (date(2019, 7, 2), [("organization", "Harlow Stone Partners"), ("person", "Stone")]),
        # the surname alone is no person here
        (date(2019, 7, 3), [("organization", "Brindle Quask"), ("organization", "Quask")]),
        (date(2019, 7, 4), [("organization", "Brindle Quask")]),
    ]
    resolved = resolve_corpus(articles)
    assert ("organization", "Harlow Stone Partners") in resolved.entities_of[0]
    assert ("organization", "Brindle Quask") in resolved.entities_of[2]


# --- a unit of a body ------------------------------------------------------------------------


def test_a_bodys_name_followed_by_capitalised_words_is_a_unit_not_the_body() -> None:
    articles = [
        (date(2020, 9, 1), [("organization", "Northvale Police")]),
        (date(2020, 9, 8), [("organization", "Northvale Police Fraud Squad")]),
    ]
    resolved = resolve_corpus(articles)
    assert resolved.entities_of[0] == (("organization", "Northvale Police"),)
    assert resolved.entities_of[1] == (("organization", "Northvale Police Fraud Squad"),)


def test_a_bodys_longer_name_with_of_still_takes_the_short_form() -> None:
    articles = [
        (date(2020, 9, 1), [("organization", "Harmony Party")]),
        (date(2020, 9, 8), [("organization", "Harmony Party of Westland")]),
        (date(2020, 9, 9), [("organization", "Harmony Party of Westland")]),
    ]
    resolved = resolve_corpus(articles)
    assert resolved.entities_of[0] == (("organization", "Harmony Party of Westland"),)


# --- a generic name beside its country's own body of that kind --------------------------------


def _names(*mentions: tuple[str, str]) -> dict[str, str]:
    found = canonicalize([(Mention(text, etype), 1.0) for text, etype in mentions])
    return {e.name: e.type for e in found}


def test_a_generic_name_beside_the_countrys_fuller_body_is_that_body() -> None:
    found = _names(("Kenyan Unity Congress", "organization"), ("Congress", "organization"),
                   ("Kenya", "place"))
    assert "Kenyan Unity Congress" in found
    assert "Congress of Kenya" not in found


def test_a_generic_name_without_such_a_body_is_qualified_as_before() -> None:
    # the body is named by the country and the generic name alone, or is another
    # country's: qualifying stays
    assert "Senate of Kenya" in _names(("Kenyan Senate", "organization"),
                                       ("Senate", "organization"), ("Kenya", "place"))
    assert "Congress of Kenya" in _names(("Peruvian Unity Congress", "organization"),
                                         ("Congress", "organization"), ("Kenya", "place"))
