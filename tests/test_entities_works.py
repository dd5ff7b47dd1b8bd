"""Round 18 of issue #10: pieces of a work's title, one name written with and without
its word break, an acronym defined after a country's name.

Names are written for the tests; real words only for the heads and qualifiers.
"""

from __future__ import annotations

from helpers import mention_at

from news_digest.enrich import cues
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention


def test_a_plural_common_noun_after_a_title_and_of_the_is_a_works_title() -> None:
    # "Lord of the <plural>" is a title of a work, not a lord of a body or a place
    text = "Its effects, first seen in Lord of the Wheels, were used again."
    assert cues.chained_in_name(text, mention_at(text, "Wheels", "organization"))
    assert cues.only_in_chains("Wheels", [text, "The Lord of the Wheels trilogy ended."])
    text = "The third Lady of the Ladders film opened in May."
    assert cues.chained_in_name(text, mention_at(text, "Ladders", "organization"))
    text = "Tickets for Lord of the Towers sold out."
    assert cues.chained_in_name(text, mention_at(text, "Towers", "organization"))


def test_a_title_over_a_name_or_a_body_is_no_works_title() -> None:
    # a title over a place or a body: the place is named (as before this round)
    text = "She met the Queen of the Zorvale in May."
    assert not cues.chained_in_name(text, mention_at(text, "Zorvale", "place"))
    text = "He was made Lord of the Admiralty in May."
    assert not cues.chained_in_name(text, mention_at(text, "Admiralty", "organization"))
    # a body's or a place's end word is no common plural
    text = "He was named Lord of the Islands."
    assert not cues.chained_in_name(text, mention_at(text, "Islands", "place"))
    # the article also writes the plural name by itself: it names something
    assert not cues.only_in_chains("Wheels", ["Lord of the Wheels won.", "Wheels lost."])


def test_an_acronym_defined_after_a_country_takes_the_country_into_its_phrase() -> None:
    text = "a probe by the US Zorbly Build Commission (ZBC), which is close to ending"
    [d] = cues.defined_acronyms(text)
    assert (d.acronym, d.phrase, d.named) == ("ZBC", "US Zorbly Build Commission", True)
    assert text[d.start:d.end] == d.phrase
    text = "the Australian Quellbund Rowing Union (QRU) met"
    [d] = cues.defined_acronyms(text)
    assert d.phrase == "Australian Quellbund Rowing Union"
    # a capitalised word that is no country still makes the initials a tail's: none
    assert cues.defined_acronyms("the Brantmark Zorbly Build Commission (ZBC) met") == []


def test_one_name_with_and_without_its_word_break_is_one_entity() -> None:
    found = canonicalize([(Mention("Zorbly Quell", "organization"), 1.0),
                          (Mention("ZorblyQuell", "organization"), 1.0),
                          (Mention("ZorblyQuell", "organization"), 1.0)])
    [entity] = found
    assert {entity.name, *entity.aliases} == {"Zorbly Quell", "ZorblyQuell"}
    found = canonicalize([(Mention("Brant-Zorvale", "place"), 1.0),
                          (Mention("Brant Zorvale", "place"), 1.0)])
    assert len(found) == 1
    # short names are left apart ("Ab Co" / "AbCo" could be anything)
    found = canonicalize([(Mention("Zo Qu", "organization"), 1.0),
                          (Mention("ZoQu", "organization"), 1.0)])
    assert len(found) == 2
    # a span cut inside a word is no spelling of the name
    found = canonicalize([(Mention("Zorbvale", "place"), 1.0),
                          (Mention("Zorbval e", "person"), 1.0)])
    assert len(found) == 2
