"""Round 13 entity rules: NER's span stops one word short of a name and so names
something else: a capitalised number word after the span ("Quorvel One", a journal),
or a country or demonym after an organisation ("Brantwire Philippines", a national
edition of a network, another body than the network).

Each test uses names written for it, and fails without the rule it names.
"""

from __future__ import annotations

from helpers import mention_at

from news_digest.enrich import cues
from news_digest.enrich.ner import Mention


def test_a_capitalised_number_word_after_the_span_is_part_of_the_name() -> None:
    text = "The study, published on Tuesday in Quorvel One, found fewer frogs."
    assert cues.cut_before_name(text, mention_at(text, "Quorvel", "place"))
    shouted = "Published in the journal QUORVEL ONE, the study found fewer frogs."
    assert cues.cut_before_name(shouted, mention_at(shouted, "QUORVEL", "organization"))


def test_a_number_in_lower_case_or_after_a_comma_is_no_part_of_the_name() -> None:
    text = "Quorvel one day said no. In Quorvel, One Tree Hill stood."
    assert not cues.cut_before_name(text, mention_at(text, "Quorvel", "organization"))
    assert not cues.cut_before_name(text, Mention("Quorvel", "place", text.index("In Q") + 3))


def test_an_organisation_before_a_country_or_demonym_is_its_branch() -> None:
    text = "The governor told Brantwire Philippines that schools were shut."
    assert cues.cut_before_name(text, mention_at(text, "Brantwire", "organization"))
    text = "Brantwire Australian broadcast the speech."
    assert cues.cut_before_name(text, mention_at(text, "Brantwire", "organization"))


def test_a_person_or_a_place_before_a_country_and_a_list_are_left_alone() -> None:
    text = "Lina Brantwire Philippines"  # only organisations have national branches
    assert not cues.cut_before_name(text, mention_at(text, "Lina Brantwire", "person"))
    text = "Brantwire, Philippines and Japan signed."
    assert not cues.cut_before_name(text, mention_at(text, "Brantwire", "organization"))
    text = "Brantwire Holdings said so."
    assert not cues.cut_before_name(text, mention_at(text, "Brantwire", "organization"))


def test_a_possessive_before_a_country_is_no_branch() -> None:
    text = "He sought the Brantwire Party's US Senate nomination."
    assert not cues.cut_before_name(text, mention_at(text, "Brantwire Party's", "organization"))


# --- a one-word person the article introduces as someone unnamed ------------------------------


def test_a_surname_introduced_as_a_noun_named_x_is_introduced_unnamed() -> None:
    text = 'A university student named Quillane said, "We came anyway."'
    assert cues.introduced_unnamed(text, mention_at(text, "Quillane", "person"))
    text = "Police spoke to a man called Dorvick on Friday."
    assert cues.introduced_unnamed(text, mention_at(text, "Dorvick", "person"))


def test_a_verb_named_a_full_name_or_another_type_is_left_alone() -> None:
    text = "The president named Quillane envoy to the talks."
    assert not cues.introduced_unnamed(text, mention_at(text, "Quillane", "person"))
    text = "A student named Aro Quillane spoke."
    assert not cues.introduced_unnamed(text, mention_at(text, "Aro Quillane", "person"))
    text = "They joined a group called Quillane."
    assert not cues.introduced_unnamed(text, mention_at(text, "Quillane", "organization"))


def test_the_unnamed_word_leaves_the_article_wherever_it_stands_alone() -> None:
    from news_digest.enrich.entities import _unnamed
    assert _unnamed(Mention("Quillane", "person", 80), {"Quillane"})
    assert not _unnamed(Mention("Quillane", "place", 80), {"Quillane"})
    assert not _unnamed(Mention("Joss Quillane", "person", 80), {"Quillane"})
