"""Round 10 entity rules: a common word written before a portfolio noun is a government's
brief, not a name; a mine, a port, a terminal, a place of worship, a mall, a monument, a
complex, a prison or a zone is a place.

Each test uses sentences, hand-made mentions or names written for it, and fails without
the rule it names: "Tourism" in "the Tourism department" would be an organisation of its
own, and "Example Creek Mine" an organisation.
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import cues
from news_digest.enrich.ner import Mention
from news_digest.enrich.resolve import resolve_corpus


def _at(text: str, word: str, etype: str = "organization") -> Mention:
    return Mention(word, etype, text.index(word))


# --- a brief before a portfolio noun ---------------------------------------------------------


def test_a_common_word_before_a_portfolio_noun_is_a_brief() -> None:
    for text, word in (
            ("The Tourism department said on Monday that visits fell.", "Tourism"),
            ("Transport Secretary Ann Example said the line would reopen.", "Transport"),
            ("the Science and Farming committees heard it", "Farming"),
            ("Farming Minister Ann Example resigned.", "Farming"),
            ("the Tourism ministry", "Tourism")):
        assert cues.portfolio(text, _at(text, word)), text
        assert cues.portfolio(text, _at(text, word, "place")), text


def test_a_body_a_place_or_a_rare_word_before_the_noun_keeps_its_name() -> None:
    for text, word, etype in (
            ("the Senate committee voted", "Senate", "organization"),  # a body itself
            ("the Police department said", "Police", "organization"),
            ("the Ohio Secretary of State", "Ohio", "place"),  # a gazetteer place
            ("the Zorblatt committee met", "Zorblatt", "organization"),  # not a common word
            ("the Tourism board met", "Tourism", "organization"),  # not a portfolio noun
            ("Tourism department", "Tourism", "person"),  # people are not judged
            ("the Tourism and Farming department", "Tourism", "organization"),  # not right before
            ("the Tourism Office department", "Tourism Office", "organization")):  # two words
        assert not cues.portfolio(text, _at(text, word, etype)), text


# --- built places ----------------------------------------------------------------------------


def test_a_mine_a_terminal_or_a_complex_typed_organisation_is_a_place() -> None:
    names = ("Example Creek Mine", "Lakeside Central Terminal", "Example Council Complex",
             "Example Autonomous Zone", "Lakeside Grand Mosque")
    articles = [(date(2020, 1, d), [("organization", n) for n in names]) for d in (1, 2)]
    resolved = resolve_corpus(articles)
    for name in names:
        assert ("place", name) in resolved.entities_of[0], name


def test_an_institution_in_a_building_stays_an_organisation() -> None:
    names = ("Example Creek Hospital", "Lakeside Southern Observatory", "Example Center")
    articles = [(date(2020, 1, d), [("organization", n) for n in names]) for d in (1, 2)]
    resolved = resolve_corpus(articles)
    for name in names:
        assert ("organization", name) in resolved.entities_of[0], name
