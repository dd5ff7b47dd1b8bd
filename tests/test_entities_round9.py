"""Round 9 entity rules: founding documents named as documents, diplomatic missions
named without their host, a campus named after its state's system and a comma.

Each test uses names, sentences or hand-made mentions written for it, and fails without
the rule it names: "Freedonia Constitution" would be an organisation, "Freedonian
Embassy" one page for every capital the embassy is in, and "University of Ohio, Dayton"
a page named "University of Ohio" beside a place "Dayton".
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import filters, gazetteer
from news_digest.enrich.ner import Mention
from news_digest.enrich.resolve import resolve_corpus

# --- founding documents --------------------------------------------------------------------


def test_a_founding_document_is_not_an_organisation_or_a_place() -> None:
    for name in ("Freedonia Constitution", "Sylvanian Charter", "Lakeside Declaration",
                 "Greenfield Protocol", "Constitution of Freedonia", "Treaty of Lakeside",
                 "Bill of Rights"):
        assert filters.rejected(name, "organization") == "a document or law", name
        assert filters.rejected(name, "place") == "a document or law", name


def test_a_body_named_after_a_document_keeps_its_name() -> None:
    # the head is last ("Party") or not followed by "of": a party, a firm, a person
    for name, etype in (("Constitution Party", "organization"),
                        ("Charter Holdings", "organization"),
                        ("Bill Roe", "person"), ("Bill of Rights", "person"),
                        ("Act", "organization")):
        assert filters.rejected(name, etype) is None, name


def test_the_build_drops_a_document_written_into_old_front_matter() -> None:
    # resolution runs the same filter over names ingest wrote before the rule existed
    articles = [(date(2020, 1, d), [("organization", "Freedonia Constitution"),
                                    ("place", "Freedonia City")]) for d in (1, 2)]
    resolved = resolve_corpus(articles)
    assert all(("organization", "Freedonia Constitution") not in pairs
               for pairs in resolved.entities_of)


# --- diplomatic missions -------------------------------------------------------------------


def test_a_mission_named_by_its_country_alone_is_generic() -> None:
    for name in ("Freedonian Embassy", "U.S. Embassy", "Embassy of Freedonia",
                 "Sylvanian High Commission", "Freedonian Consulate General", "Embassy"):
        assert filters.generic(name), name


def test_a_mission_named_with_its_host_or_another_word_last_is_not() -> None:
    for name in ("Freedonian Embassy in Lakeside", "Embassy Suites", "Embassy Row Hotel"):
        assert not filters.generic(name), name


def test_the_build_gives_a_mission_without_its_host_no_page() -> None:
    articles = [(date(2020, 1, 1), [("organization", "Freedonian Embassy"),
                                    ("place", "Lakeside")]),
                (date(2020, 1, 9), [("organization", "Freedonian Embassy"),
                                    ("place", "Hilltown")])]
    resolved = resolve_corpus(articles)
    assert ("organization", "Freedonian Embassy") in resolved.pageless


# --- a campus after a comma ------------------------------------------------------------


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    return [Mention(name, etype, text.index(name)) for name, etype in spans]


def test_a_state_body_and_a_city_of_that_state_after_a_comma_are_one_name() -> None:
    text = "Researchers at the University of Ohio, Dayton's medical school said so."
    joined = gazetteer.join_campus(text, _mentions(
        text, [("University of Ohio", "organization"), ("Dayton", "place")]))
    assert [(m.text, m.type) for m in joined] == [
        ("University of Ohio, Dayton", "organization")]


def test_a_city_of_another_region_a_country_or_a_list_after_the_comma_stays_apart() -> None:
    for text, body, place in (
            ("He studied at the University of Ohio, Denver and Boston.",
             "University of Ohio", "Denver"),
            ("He taught at the Academy of Ohio, Canada, for a year.", "Academy of Ohio",
             "Canada"),
            ("The Bank of Ohio, Dayton and Acme signed.", "Bank of Ohio", "Dayton"),
            ("The Acme Group, Dayton's biggest firm, signed.", "Acme Group", "Dayton")):
        joined = gazetteer.join_campus(text, _mentions(
            text, [(body, "organization"), (place, "place")]))
        assert [m.text for m in joined] == [body, place], text


def test_cities_are_filed_under_their_region() -> None:
    assert "dayton" in gazetteer.cities_in_region("Ohio")
    assert "denver" not in gazetteer.cities_in_region("Ohio")
    assert gazetteer.cities_in_region("Atlantis") == frozenset()


# --- a gazetteer city is not a piece of a longer place -------------------------------------------


def test_a_gazetteer_city_does_not_join_the_one_longer_place_that_opens_with_it() -> None:
    # "a shorter form seen no more often than its one longer form is that form" is for
    # pieces ("U.S. House"); a city GeoNames lists (Long Beach, 460,000 people) is a
    # place of its own, not a piece of a county named after it
    day = date(2020, 1, 10)
    resolved = resolve_corpus([(day, [("place", "Long Beach")]),
                               (day, [("place", "Long Beach County")]),
                               (day, [("place", "Long Beach County")]),
                               (day, [("place", "Freedonia Gorge")]),
                               (day, [("place", "Freedonia Gorge Park")])])
    assert resolved.entities_of[0] == (("place", "Long Beach"),)
    assert resolved.entities_of[3] == (("place", "Freedonia Gorge Park"),)  # not a city


def test_a_generic_body_does_not_join_the_one_longer_name_that_opens_with_it() -> None:
    # "the National Police" of one article's country is not another country's
    # "National Police Agency": one page for both mixed two countries' police
    day = date(2020, 1, 10)
    resolved = resolve_corpus([(day, [("organization", "National Police"),
                                      ("place", "Freedonia")]),
                               (day, [("organization", "National Police Agency"),
                                      ("place", "Sylvania")])])
    assert ("organization", "National Police") in resolved.entities_of[0]
    assert ("organization", "National Police") in resolved.pageless
