"""Evidence stronger than one NER label: gazetteers, titles, fragments, lower-case use.

Each case is a kind of entity page no newsroom would publish (issue #10); fixtures are
hand-made mentions and front matter lists, so these run without spaCy.
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich import cues, fragments, gazetteer
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.enrich.resolve import Known, resolve_corpus

D = date(2020, 1, 10)


def _types(result) -> dict[str, str]:
    return {name: etype for pairs in result.entities_of for etype, name in pairs}


# --- gazetteer ------------------------------------------------------------------------

def test_gazetteer_knows_big_cities_and_regions_not_small_towns_or_words() -> None:
    assert gazetteer.is_place("Omsk") and gazetteer.is_place("Ontario")
    assert gazetteer.is_place("São Paulo") and gazetteer.is_place("Sao Paulo")
    assert not gazetteer.is_place("Obama")  # a town of 30,000 in Japan
    assert not gazetteer.is_place("JavaScript")


def test_a_city_the_model_mostly_called_an_organisation_is_a_place() -> None:
    r = resolve_corpus([(D, [("organization", "Omsk")]), (D, [("organization", "Omsk")])])
    assert _types(r)["Omsk"] == "place"
    assert "Omsk" in r.evidenced


def test_gazetteer_never_overrides_people() -> None:
    person = resolve_corpus([(D, [("person", "Lincoln")]), (D, [("person", "Lincoln")]),
                             (D, [("place", "Lincoln")])])
    assert _types(person)["Lincoln"] == "person"
    acme = [("organization", "Acme Widgets")]
    org = resolve_corpus([(D, acme), (D, acme), (D, [("place", "Acme Widgets")])])
    assert _types(org)["Acme Widgets"] == "organization"  # not in a gazetteer: the vote
    assert "Acme Widgets" not in org.evidenced


def test_city_and_state_code_are_one_place() -> None:
    text = "Protesters marched in Washington, D.C. on Sunday."
    at = text.index("Washington")
    found = gazetteer.join_state(text, [Mention("Washington", "place", at),
                                        Mention("D.C.", "place", text.index("D.C."))])
    assert [m.text for m in found] == ["Washington, D.C."]
    other = "Paris, France and Texas"
    kept = gazetteer.join_state(other, [Mention("Paris", "place", 0),
                                        Mention("France", "place", 7)])
    assert [m.text for m in kept] == ["Paris", "France"]  # not a US state code


def test_a_person_shaped_name_with_a_third_of_person_votes_is_a_person() -> None:
    place, person = [("place", "Dorian Blankley")], [("person", "Dorian Blankley")]
    r = resolve_corpus([(D, place), (D, place), (D, place), (D, person), (D, person)])
    assert _types(r)["Dorian Blankley"] == "person"
    org = [("organization", "Elias Cumbers")]
    r = resolve_corpus([(D, org), (D, org), (D, [("person", "Elias Cumbers")])])
    assert _types(r)["Elias Cumbers"] == "person"


def test_a_steady_organisation_or_a_name_not_shaped_like_a_person_keeps_its_vote() -> None:
    firm = [("organization", "Goldby Sachers")]
    r = resolve_corpus([(D, firm)] * 3 + [(D, [("person", "Goldby Sachers")])])
    assert _types(r)["Goldby Sachers"] == "organization"  # one person vote in four
    site = [("organization", "Instagram")]
    r = resolve_corpus([(D, site), (D, site), (D, [("person", "Instagram")])])
    assert _types(r)["Instagram"] == "organization"  # one word
    place = [("place", "Kennedy Space Center")]
    r = resolve_corpus([(D, place), (D, place), (D, [("person", "Kennedy Space Center")])])
    assert _types(r)["Kennedy Space Center"] == "place"  # made of common words


# --- titles and jobs --------------------------------------------------------------------

def test_a_job_before_a_name_makes_it_a_person() -> None:
    text = "payments made to porn actress Stormy Daniels in 2016"
    m = Mention("Stormy Daniels", "organization", text.index("Stormy"))
    assert cues.titled_person(text, m) == Mention("Stormy Daniels", "person", m.start)


def test_a_title_inside_the_span_is_cut_off_and_the_rest_is_a_person() -> None:
    text = "United States Representative Elijah Cummings died"
    found = cues.titled_person(text, Mention(text[:44], "organization", 0))
    assert found is not None
    assert (found.text, found.type, found.start) == ("Elijah Cummings", "person", 29)


def test_no_title_cue_for_organisations_places_or_across_sentences() -> None:
    cases = [
        ("the former Soviet Union", "Soviet Union"),
        ("by the US Geological Survey", "US Geological Survey"),
        ("the former mayor of South Bend", "South Bend"),
        ("Secretary of Homeland Security", "Homeland Security"),
        ("an airport protocol officer. The Daily Telegraph", "The Daily Telegraph"),
        ("most candidates told us Jane Roe", "Jane Roe"),
        ("the superhero film Black Panther", "Black Panther"),
    ]
    for text, name in cases:
        m = Mention(name, "organization", text.index(name))
        assert cues.titled_person(text, m) is None, name


def _in_title(text: str, name: str, etype: str = "organization") -> bool:
    return cues.part_of_title(text, Mention(name, etype, text.index(name)))


def test_common_words_before_a_capitalised_role_are_part_of_a_title() -> None:
    assert _in_title("former National Security Adviser John Bolton", "National Security")
    # the other spelling of the agent noun, and a hyphenated role
    assert _in_title("naming a new National Security Advisor next week", "National Security")
    assert _in_title("then-National Security Advisor-designee Michael Flynn",
                     "National Security")


def test_a_span_ending_in_a_role_is_a_title_not_an_organisation() -> None:
    assert _in_title("she is a Royal Society University Research Fellow at Leeds",
                     "Royal Society University Research Fellow")
    assert _in_title("the Foreign Minister said", "Foreign Minister")


def test_names_before_a_role_and_names_ending_like_one_are_kept() -> None:
    kept = [
        ("NASA Administrator Jim Bridenstine said", "NASA"),  # not common words
        ("White House Counsel Pat Cipollone", "White House"),  # an institution's head
        ("House Speaker Nancy Pelosi", "House"),  # one word
        ("Treasury Secretary Robert Rubin", "Treasury"),
        ("bought at Burger King today", "Burger King"),  # an honorific is no role
        ("the Office of the President said", "Office of the President"),
        ("The Economist reported", "The Economist"),  # "The" opens a name
        ("Major League Soccer said", "Major League Soccer"),  # a thing, not a role
        ("the National Security Agency said", "National Security Agency"),
        ("the National Security risks", "National Security"),  # no role after it
    ]
    for text, name in kept:
        assert not _in_title(text, name), name
    assert not _in_title("former National Security Adviser John Bolton",
                         "National Security", "person")


def test_acronym_spelled_out_in_lower_case_is_not_an_entity() -> None:
    text = "It uses digital rights management (DRM) and the FBI said so."
    found = canonicalize([(Mention("DRM", "organization"), 1.0),
                          (Mention("FBI", "organization"), 1.0)], text=text)
    assert [e.name for e in found] == ["FBI"]


def test_acronym_spelled_out_after_it_in_lower_case_is_not_an_entity() -> None:
    text = ("Stallman has criticised DRM (digital rights management, the subject of the "
            "law) for years; the WHO (World Health Organization) said nothing.")
    found = canonicalize([(Mention("DRM", "organization"), 1.0),
                          (Mention("WHO", "organization"), 1.0)], text=text)
    # WHO stays; since round 17 it is named by the name the article spells it out as
    assert [(e.name, e.aliases) for e in found] == [("World Health Organization", ("WHO",))]


def test_acronym_of_a_law_is_not_an_organisation() -> None:
    found = canonicalize([(Mention("Digital Millennium Copyright Act", "organization"), 1.0),
                          (Mention("DMCA", "organization"), 1.0),
                          (Mention("Electronic Frontier Foundation", "organization"), 1.0),
                          (Mention("EFF", "organization"), 1.0)])
    assert {e.name for e in found} == {"Electronic Frontier Foundation"}


def test_capitalised_phrase_the_article_writes_in_lower_case_is_dropped() -> None:
    text = ("District Court rules on the case. The district court heard that "
            "national security was at stake; the National Security Agency declined.")
    found = canonicalize([(Mention("District Court", "organization"), 1.0),
                          (Mention("National Security", "organization"), 1.0),
                          (Mention("National Security Agency", "organization"), 1.0)],
                         text=text)
    assert [e.name for e in found] == ["National Security Agency"]


# --- fragments of longer names --------------------------------------------------------------

def test_a_fragment_is_a_strict_run_of_words() -> None:
    def inside(piece: str, whole: str) -> bool:
        pairs = [("organization", piece), ("organization", whole)]
        return ("organization", piece) in fragments.fragments_only(
            [pairs], [[piece, whole]], lambda name: False)

    assert inside("Representatives", "House of Representatives")
    assert inside("House of", "House of Representatives")
    assert inside("the House", "U.S. House")  # compared by spelling key: "house"
    assert not inside("House Representatives", "House of Representatives")  # not a run
    assert not inside("Represent", "House of Representatives")  # not a whole word
    assert not inside("House of Representatives", "House  of   Representatives")  # same


def test_a_name_only_ever_seen_inside_a_longer_one_gets_no_page() -> None:
    r = resolve_corpus([
        (D, [("organization", "Environmental Protection Agency"),
             ("organization", "Protection Agency")]),
        (D, [("organization", "U.S. Environmental Protection Agency"),
             ("organization", "Protection Agency")]),
        (D, [("organization", "Google"), ("organization", "Google News")]),
        (D, [("organization", "Google")]),
    ])
    assert ("organization", "Protection Agency") in r.pageless
    assert ("organization", "Google") not in r.pageless  # seen on its own once
    assert not any("Environmental" in name for _, name in r.pageless)


def test_places_and_curated_names_are_never_fragments() -> None:
    known = {"Acme": Known("Acme", "organization")}
    r = resolve_corpus([
        (D, [("place", "Mindanao"), ("organization", "Western Mindanao Command")]),
        (D, [("place", "Mindanao"), ("organization", "Mindanao Fault")]),
        (D, [("organization", "Acme"), ("organization", "Acme Widgets")]),
    ], known)
    assert not {n for _, n in r.pageless} & {"Mindanao", "Acme"}


def test_a_capitalised_common_word_glued_before_a_name_is_dropped() -> None:
    found = canonicalize([(Mention("Multiple Creative Commons", "organization"), 1.0),
                          (Mention("Creative Commons", "organization"), 1.0),
                          (Mention("New York City", "place"), 1.0)],
                         common=frozenset({"multiple", "new"}))
    assert {e.name: e.count for e in found} == {"Creative Commons": 2, "New York City": 1}


def test_a_lower_case_party_is_named_as_a_newsroom_prints_it() -> None:
    r = resolve_corpus([(D, [("organization", "Democratic party")]),
                        (date(2020, 2, 1), [("organization", "Democratic Party")])])
    assert _types(r) == {"Democratic Party": "organization"}


# --- second round: pieces of longer names, duplicates, types ------------------------------

def test_a_span_the_name_goes_on_after_is_a_piece() -> None:
    text = "the Western District of Virginia, on Interstate 75 near Boeing 737 plants"
    def at(name: str, etype: str) -> Mention:
        return Mention(name, etype, text.index(name))
    assert cues.cut_from_longer(text, at("Western District", "place"))
    assert not cues.cut_from_longer(text, at("Western District", "organization"))
    assert cues.cut_from_longer(text, at("Interstate", "place"))
    assert not cues.cut_from_longer(text, at("Boeing", "organization"))  # still Boeing
    assert not cues.cut_from_longer("the Congress of the United States",
                                    Mention("Congress", "organization", 4))
    aclu = "the American Civil Liberties Union of Montana"
    assert not cues.cut_from_longer(aclu, Mention(aclu[4:39], "organization", 4))


def test_a_bare_word_typed_a_place_is_the_article_s_person() -> None:
    r = resolve_corpus([(D, [("person", "Rocky De La Fuente"), ("place", "Rocky")]),
                        (D, [("person", "Rocky De La Fuente")])])
    assert list(r.entities_of[0]) == [("person", "Rocky De La Fuente")]


def test_a_bare_place_word_is_kept_when_it_is_a_real_place() -> None:
    r = resolve_corpus([(D, [("person", "Paris Hilton"), ("place", "Paris")])])
    assert ("place", "Paris") in r.entities_of[0]


def test_a_country_before_a_party_name_is_the_same_party() -> None:
    r = resolve_corpus([(D, [("organization", "Libertarian Party")]),
                        (D, [("organization", "Libertarian Party")]),
                        (D, [("organization", "US Libertarian Party")])])
    assert {n for pairs in r.entities_of for _, n in pairs} == {"Libertarian Party"}


def test_a_country_before_a_generic_body_is_not_merged_into_it() -> None:
    r = resolve_corpus([(D, [("organization", "Senate")]), (D, [("organization", "Senate")]),
                        (D, [("organization", "US Senate")])])
    assert ("organization", "US Senate") in r.entities_of[2]


def test_a_double_surname_is_one_person() -> None:
    r = resolve_corpus([(D, [("person", "Wanda Vázquez Garced")]),
                        (D, [("person", "Wanda Vázquez")])])
    assert {n for pairs in r.entities_of for _, n in pairs} == {"Wanda Vázquez Garced"}
    two = resolve_corpus([(D, [("person", "Kim Jong Un")]), (D, [("person", "Kim Jong Il")]),
                          (D, [("person", "Kim Jong")])])
    assert ("person", "Kim Jong") in two.entities_of[2]  # two longer names: no guess
    webb = resolve_corpus([(D, [("person", "James Webb")]),
                           (D, [("person", "James Webb Space Telescope")])])
    assert ("person", "James Webb") in webb.entities_of[0]


def test_a_name_ending_like_a_place_is_not_a_person_when_an_article_says_so() -> None:
    r = resolve_corpus([(D, [("person", "Java Sea")]), (D, [("person", "Java Sea")]),
                        (D, [("place", "Java Sea")])])
    assert _types(r)["Java Sea"] == "place"
    post = resolve_corpus([(D, [("person", "Emily Post")])])
    assert _types(post)["Emily Post"] == "person"  # no second opinion: a surname


# --- a capital "The" in mid-sentence is part of the name ------------------------------

def test_the_in_name_needs_a_capital_the_in_mid_sentence() -> None:
    assert cues.the_in_name("Quill", "which newspaper The Quill described as combative")
    assert cues.the_in_name("Quill", "Politico, The Quill, and others")
    assert not cues.the_in_name("Quill", "The Quill described it.")  # a sentence opens
    assert not cues.the_in_name("Quill", "told The Quill. Later the Quill said")  # "the"
    assert not cues.the_in_name("Quill", "a memoir, The Quill of Destiny, came out")
    assert not cues.the_in_name("Quill", "a column in The Quill Gazette")


def test_ingest_names_a_publication_with_its_the_and_resolution_keeps_it() -> None:
    from news_digest.enrich.entities import _named_with_the
    from news_digest.model import Entity
    from news_digest.vocab.registry import Registry

    text = ("Voter Kitty Mak told The Brink, a magazine, that The Senate and the Senate "
            "differ; she lives in The Hague.")
    got = _named_with_the((Entity("Brink", "place", (), 1), Entity("Senate", "organization"),
                           Entity("Hague", "place"), Entity("Kitty Mak", "person")),
                          text, Registry())
    assert [(e.name, e.type) for e in got] == [
        ("The Brink", "organization"), ("Senate", "organization"), ("Hague", "place"),
        ("Kitty Mak", "person")]
    assert got[0].aliases == ("Brink",)
    # the form as written, kept as an alias at ingest, is now the name, not an alias too
    again = _named_with_the((Entity("Brink", "place", ("The Brink",), 1),), text, Registry())
    assert (again[0].name, again[0].aliases) == ("The Brink", ("Brink",))
    # the build keeps the "The", and the magazine is not the bare name's page
    r = resolve_corpus([(D, [("organization", "The Brink")]), (D, [("place", "Brink")]),
                        (D, [("organization", "The Brink")])])
    assert r.entities_of[0] == r.entities_of[2] == (("organization", "The Brink"),)
    assert r.entities_of[1] == (("place", "Brink"),)
