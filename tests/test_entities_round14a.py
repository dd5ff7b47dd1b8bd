"""Round 14a entity rules: one name, two places (and two bodies).

A place name several places share ("Quorvelton, Ohio" and "Quorvelton, Idaho"; the
state and the capital called Washington) and a generic chamber a state has as well as
its country ("the state Senate") are kept apart by what the text says, or get no page.

Each test uses names written for it (real regions and countries only as the larger
place of a made-up one; real names only where the rule reads the gazetteer's own
entries, "Washington", "Springfield", "Paris"), and fails without the rule it names.
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import bodies, placenames, resolve
from news_digest.enrich.entities import _qualified, _statewide
from news_digest.enrich.ner import Mention
from news_digest.model import Entity
from news_digest.vocab.registry import Registry


def _mention(text: str, name: str, etype: str | None) -> Mention:
    return Mention(name, etype, text.index(name))


def _names(text: str, mentions: list[Mention]) -> list[tuple[str, str, bool]]:
    return placenames.place_qualifiers(text, mentions)


# --- a place named with its larger place, at ingest ------------------------------------------

def test_a_place_before_a_comma_and_a_region_or_country_is_named_with_it() -> None:
    text = "He spoke to a local Quorvelton, North Carolina outlet on Friday."
    found = _names(text, [_mention(text, "Quorvelton", "place"),
                          _mention(text, "North Carolina", "place")])
    assert found == [("Quorvelton", "North Carolina", False)]
    text = "The fair opened in Quorvelton, France, on Monday."
    assert _names(text, [_mention(text, "Quorvelton", "place"),
                         _mention(text, "France", "place")]) == [("Quorvelton", "France", False)]


def test_a_list_of_regions_or_a_person_is_not_a_qualified_place() -> None:
    text = "Primaries were held in Idaho, Michigan and Ohio."
    mentions = [_mention(text, n, "place") for n in ("Idaho", "Michigan", "Ohio")]
    assert _names(text, mentions) == []
    text = "Flights from the United States, Thailand and Quorvelton stopped."
    assert _names(text, [_mention(text, "the United States", "place"),
                         _mention(text, "Thailand", "place")]) == []
    text = "Quorvelton, Dunmere and Ostley voted."  # no region after the comma
    assert _names(text, [_mention(text, "Quorvelton", "place"),
                         _mention(text, "Dunmere", "place")]) == []


def test_a_place_after_a_citys_possessive_is_in_that_city() -> None:
    text = "Protesters camped in Seattle's Brindle Heights neighborhood."
    assert _names(text, [_mention(text, "Seattle", "place"),
                         _mention(text, "Brindle Heights", "organization")]) == [
        ("Brindle Heights", "Seattle", True)]
    text = "Seattle's Brindle Heights Trust gave money."  # no neighbourhood noun, an organisation
    assert _names(text, [_mention(text, "Seattle", "place"),
                         _mention(text, "Brindle Heights", "organization")]) == []


def test_the_articles_entity_takes_its_one_qualified_name() -> None:
    entities = (Entity("Quorvelton", "place", ("Quorvelton's",), 2),
                Entity("Quorvelton", "person", (), 1), Entity("Dunmere", "place", (), 1))
    found = _qualified(entities, [("Quorvelton", "Delaware", False)], Registry())
    assert found[0] == Entity("Quorvelton, Delaware", "place", ("Quorvelton", "Quorvelton's"), 2)
    assert found[1:] == entities[1:]  # a person, and another place, are left alone
    two = [("Quorvelton", "Delaware", False), ("Quorvelton", "Ohio", False)]
    assert _qualified(entities, two, Registry()) == entities


def test_an_organisation_is_qualified_only_when_a_noun_said_place() -> None:
    entities = (Entity("Brindle Heights", "organization", (), 1),)
    assert _qualified(entities, [("Brindle Heights", "Seattle", False)], Registry()) == entities
    found = _qualified(entities, [("Brindle Heights", "Seattle", True)], Registry())
    assert (found[0].name, found[0].type) == ("Brindle Heights, Seattle", "place")


# --- one name, several places, across the corpus ------------------------------------------------

def _resolve(*articles: list[tuple[str, str]]) -> resolve.Resolved:
    return resolve.resolve_corpus([(date(2020, 1, 1 + i), a) for i, a in enumerate(articles)])


def test_two_larger_places_keep_two_pages_and_a_bare_name_needs_a_cue() -> None:
    found = _resolve([("place", "Quorvelton, North Carolina")],
                     [("place", "Quorvelton, Delaware")],
                     [("place", "Quorvelton"), ("place", "Delaware")],
                     [("place", "Quorvelton"), ("place", "Texas")])
    assert [a[0][1] for a in found.entities_of] == [
        "Quorvelton, North Carolina", "Quorvelton, Delaware", "Quorvelton, Delaware",
        "Quorvelton"]
    assert ("place", "Quorvelton") in found.pageless


def test_one_larger_place_is_the_bare_name_as_before() -> None:
    found = _resolve([("place", "Quorvelton, Wisconsin")], [("place", "Quorvelton")])
    assert [a[0][1] for a in found.entities_of] == ["Quorvelton", "Quorvelton"]
    assert ("place", "Quorvelton") not in found.pageless


def test_a_name_the_gazetteer_knows_in_other_regions_needs_a_cue() -> None:
    found = _resolve([("place", "Springfield, Illinois")], [("place", "Springfield")])
    assert [a[0][1] for a in found.entities_of] == ["Springfield, Illinois", "Springfield"]
    assert ("place", "Springfield") in found.pageless


def test_the_biggest_place_of_the_name_keeps_its_bare_name() -> None:
    found = _resolve([("place", "Springfield, Missouri")], [("place", "Springfield")])
    assert [a[0][1] for a in found.entities_of] == ["Springfield", "Springfield"]
    assert ("place", "Springfield") not in found.pageless


def test_a_city_of_a_million_keeps_its_bare_name() -> None:
    found = _resolve([("place", "Paris, Texas")], [("place", "Paris")],
                     [("place", "Paris, France")])
    assert [a[0][1] for a in found.entities_of] == ["Paris, Texas", "Paris", "Paris"]
    assert ("place", "Paris") not in found.pageless


def test_a_qualified_region_is_left_alone() -> None:
    found = _resolve([("place", "Washington, D.C.")], [("place", "Quorvelton, N.C.")])
    assert [a[0][1] for a in found.entities_of] == ["Washington, D.C.", "Quorvelton"]


# --- a state and a smaller city of one name ------------------------------------------------------

def test_washington_is_a_state_and_a_smaller_city_by_the_gazetteer() -> None:
    assert placenames.same_name_region() == {"washington": "Washington"}
    assert "tokyo" not in placenames.same_name_region()  # the city is in its prefecture


def test_the_words_around_say_state_else_no_page() -> None:
    for text in ("Voters in Missouri, North Dakota, and Washington went to the polls.",
                 "He moved to Washington state last year.",
                 "A storm hit Seattle, Washington on Monday.",
                 "Washington and Oregon closed schools."):
        start = text.index("Washington")
        assert placenames.rename_place("Washington", text, start) == "Washington State", text
    text = "Talks in Washington ended on Friday."
    assert placenames.rename_place("Washington", text, text.index("Washington")) is None
    assert ("place", "Washington") in _resolve([("place", "Washington")]).pageless


def test_a_person_of_a_region_means_the_state() -> None:
    text = "Committee chairman Orrin Quellby of New York said no."
    mentions = [_mention(text, "Orrin Quellby", "person"), _mention(text, "New York", "place")]
    assert placenames.after_person(text, mentions) == {text.index("New York")}
    assert placenames.rename_place("New York", text, text.index("New York"),
                                   state=True) == "New York State"
    text = "New York and Washington are far apart."  # two cities' names: no list cue
    assert placenames.rename_place("New York", text, 0) == "New York City"


# --- a state's chamber is not its country's -------------------------------------------------------

def _body(text: str, name: str) -> str | None:
    return bodies.regional_body(text, text.index(name), name)


def test_a_region_before_or_after_a_generic_chamber_names_its_own() -> None:
    assert _body("She won a seat in North Carolina's state Senate in 1998.",
                 "Senate") == "North Carolina Senate"
    assert _body("The bill cleared the Ohio House on Monday.", "House") == "Ohio House"
    assert _body("It passed the Senate of Idaho.", "Senate") == "Idaho Senate"


def test_the_word_state_alone_says_a_states_body() -> None:
    assert _body("The bill passed the Senate of the state on Tuesday.", "Senate") == ""
    assert _body("He lost his state Senate seat.", "Senate") == ""


def test_a_country_or_no_word_leaves_the_countrys_body() -> None:
    assert _body("The US Senate voted.", "Senate") is None
    assert _body("The Senate voted on Monday.", "Senate") is None
    assert _body("In Ohio, Senate leaders met.", "Senate") is None  # a comma: no name
    assert _body("The Ohio Quorvel Board met.", "Quorvel Board") is None


def test_a_states_body_takes_the_articles_one_region_or_leaves() -> None:
    parts = [[Mention("Alabama", "place", 0), Mention("Senate", "organization", 40)]]
    assert [m.text for m in _statewide(parts, {(0, 40): "Senate"})[0]] == [
        "Alabama", "Alabama Senate"]
    parts = [[Mention("Alabama", "place", 0), Mention("Ohio", "place", 10),
              Mention("Senate", "organization", 40)]]
    assert [m.text for m in _statewide(parts, {(0, 40): "Senate"})[0]] == ["Alabama", "Ohio"]
