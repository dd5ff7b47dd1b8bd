"""A name the model labels a person but that ends in a built place's or a water's noun
no English surname is ("Quill Square", "Ostvar Avenue") is a place; a person whose
surname is such a noun elsewhere ("Jan Bridge", "Ana Lake") keeps the model's label."""

from __future__ import annotations

from news_digest.enrich import things
from news_digest.enrich.ner import Mention


def _voted(text: str, name: str, etype: str = "person") -> str | None:
    mention = Mention(name, etype, text.index(name))
    return things.thing_votes(text, [mention])[0].type


def test_a_person_typed_name_ending_in_a_square_or_avenue_is_a_place() -> None:
    assert _voted("Crowds filled Quill Square on Sunday night.", "Quill Square") == "place"
    assert _voted("The march went down Ostvar Avenue to the hall.", "Ostvar Avenue") == "place"
    assert _voted("Flights left Dalby Airport late.", "Dalby Airport") == "place"


def test_a_surname_that_is_also_a_place_noun_keeps_the_persons_label() -> None:
    assert _voted("Defender Jan Bridge scored twice.", "Jan Bridge") == "person"
    assert _voted("Presenter Ana Lake said she was moved.", "Ana Lake") == "person"
    assert _voted("Quill said the vote was close.", "Quill") == "person"  # one word


def test_an_electoral_district_is_a_place_whatever_the_model_typed() -> None:
    text = "Ms Roe, the MP for Riverton North, entered Parliament for Dalby East in 1987."
    assert _voted(text, "Riverton North", "organization") == "place"
    assert _voted(text, "Dalby East", "organization") == "place"
    assert _voted("Turnout in the Quill Vale constituency rose.", "Quill Vale",
                  "organization") == "place"
    # a party before "seat" keeps its type: "a safe Zel seat"
    assert _voted("It was a safe Zel seat for decades.", "Zel", "organization") \
        == "organization"
