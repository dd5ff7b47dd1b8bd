"""Name filters: malformed names are fixed, non-entities are dropped, at ingest.

Each case is a kind of bad entity page an editor found on a real site; the fixtures
are hand-made mentions, so these run without spaCy.
"""

from __future__ import annotations

import pytest

from news_digest.enrich import filters
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.vocab.registry import parse


def names(*items: tuple[str, str | None]) -> dict[str, str]:
    found = canonicalize([(Mention(text, kind), 1.0) for text, kind in items])
    return {e.name: e.type for e in found}


@pytest.mark.parametrize(("raw", "etype", "clean"), [
    ("Ross Perot Image", "person", "Ross Perot"),
    ("Bill HammonsImage", "person", "Bill Hammons"),
    ("Joe Biden (AP)", "person", "Joe Biden"),
    ("Narendra] Modi", "person", "Narendra Modi"),
    ("World Health Organization (WHO", "organization", "World Health Organization"),
    ("World Health Organization (WHO)", "organization", "World Health Organization"),
    ("an International Space Station", "place", "International Space Station"),
    ("a National Oceanic and Atmospheric Administration", "organization",
     "National Oceanic and Atmospheric Administration"),
    ("Astronomer Anthony Boccaletti", "person", "Anthony Boccaletti"),
    ("Crown Prince Mohammad bin Salman", "person", "Mohammad bin Salman"),
    ("Cde Mugabe", "person", "Mugabe"),
    ("Prince Harry", "person", "Prince Harry"),
    ("General Motors", "organization", "General Motors"),
])
def test_tidy(raw: str, etype: str, clean: str) -> None:
    assert filters.tidy(raw, etype) == clean


@pytest.mark.parametrize(("name", "etype", "reason"), [
    ("UTC", "organization", "time zone"),
    ("EST", "organization", "time zone"),
    ("COVID-19", "organization", "disease"),
    ("H5N1", "place", "disease"),
    ("Hurricane Maria", "place", "event"),
    ("2020 Summer Olympics", "organization", "event"),
    ("WN", "organization", "too short to be a name"),
    ("Islam", "organization", "a religion or an ideology"),
    ("Zoroastrianism", "place", "a religion or an ideology"),
    ("Marxism", "organization", "a religion or an ideology"),
])
def test_not_entities(name: str, etype: str, reason: str) -> None:
    assert filters.rejected(name, etype) == reason


@pytest.mark.parametrize(("name", "etype"), [
    ("Iran", "place"), ("Japan", "place"), ("Doris Day", "person"), ("UN", "place"),
    ("Bashar al-Assad", "person"), ("Open University", "organization"),
    ("Catholic Church", "organization"), ("Islamabad", "place"), ("Prism", "organization"),
])
def test_real_names_pass(name: str, etype: str) -> None:
    assert filters.rejected(name, etype) is None


def test_caption_residue_and_title_merge_into_the_clean_name() -> None:
    found = names(("Ross Perot", "person"), ("Ross Perot Image", "person"),
                  ("Astronomer Ross Perot", "person"))
    assert found == {"Ross Perot": "person"}


def test_two_people_joined_become_two() -> None:
    found = names(("Megyn Kelly and Gianna Baroni", "person"))
    assert found == {"Megyn Kelly": "person", "Gianna Baroni": "person"}


def test_two_listed_places_joined_become_two_but_a_country_of_two_names_stays_one() -> None:
    # NER spans "between Texas and Ohio" as one name, typed anything
    assert names(("Texas and Ohio", "organization")) == {"Texas": "place", "Ohio": "place"}
    found = names(("Trinidad and Tobago", "place"), ("Procter and Gamble", "organization"))
    assert found == {"Trinidad and Tobago": "place", "Procter and Gamble": "organization"}


def test_non_entities_are_dropped_at_ingest() -> None:
    found = names(("UTC", "organization"), ("COVID-19", "organization"),
                  ("Hurricane Maria", "place"), ("Puerto Rico", "place"))
    assert found == {"Puerto Rico": "place"}


def test_registry_name_is_never_filtered() -> None:
    registry = parse("WN:\n  type: organization\n  aliases: [WikiNews]\n")
    found = canonicalize([(Mention("WN", "organization"), 1.0)], registry)
    assert [e.name for e in found] == ["WN"]


def test_generic_institution_is_qualified_by_the_one_country() -> None:
    found = names(("Parliament", "organization"), ("Canada", "place"))
    assert "Parliament of Canada" in found
    assert "Parliament" not in found


def test_generic_institution_with_two_countries_stays_generic() -> None:
    found = names(("Parliament", "organization"), ("Canada", "place"), ("France", "place"))
    assert "Parliament" in found
    assert filters.generic("Parliament")


def test_spelling_key_joins_british_american_accents_and_acronym_brackets() -> None:
    assert filters.spelling_key("World Health Organisation") == filters.spelling_key(
        "World Health Organization (WHO)")
    assert filters.spelling_key("Defence Ministry") == filters.spelling_key("defense ministry")
    assert filters.spelling_key("Zürich") == filters.spelling_key("Zurich")
    assert filters.spelling_key("Peter") != filters.spelling_key("Petre")


def test_acronym_of() -> None:
    assert filters.acronym_of("National Oceanic and Atmospheric Administration") == "NOAA"
    assert filters.acronym_of("Twitter") is None


def test_one_word_name_the_article_writes_in_lower_case_is_dropped() -> None:
    common = frozenset({"state", "millions", "chad"})
    found = canonicalize([(Mention("State", "organization"), 1.0),
                          (Mention("Millions", "organization"), 1.0),
                          (Mention("Chad", "place"), 1.0),
                          (Mention("Twitter", "organization"), 1.0)], common=common)
    assert {e.name for e in found} == {"Chad", "Twitter"}  # a country stays


def test_country_institutions_share_a_key_and_qualify_with_the_article() -> None:
    keys = {filters.spelling_key(n) for n in (
        "U.S. Senate", "US Senate", "United States Senate", "Senate of the United States")}
    assert len(keys) == 1
    assert filters.qualify("Senate", "United States") == "Senate of the United States"
    assert filters.qualify("House", "Canada") is None  # which house? no page


def test_names_the_model_mostly_calls_products_are_not_entities() -> None:
    found = canonicalize([(Mention("JavaScript", "other"), 1.0),
                          (Mention("JavaScript", "other"), 1.0),
                          (Mention("JavaScript", "organization"), 1.0),
                          (Mention("Mozilla", "organization"), 1.0)])
    assert [e.name for e in found] == ["Mozilla"]


def test_a_capital_the_before_one_word_stays_in_tidy_and_in_the_key() -> None:
    assert filters.tidy("The Quill", "organization") == "The Quill"
    assert filters.tidy("the Quill Party", "organization") == "Quill Party"
    assert filters.tidy("The Quill Party", "organization") == "Quill Party"
    assert filters.spelling_key("The Quill") != filters.spelling_key("Quill")
    assert filters.spelling_key("The Quill Party") == filters.spelling_key("Quill Party")


# --- a capitalised phrase the article also writes in lower case -----------------------------

def test_a_phrase_the_article_writes_in_lower_case_is_no_name() -> None:
    text = ("The District Court ruled on Monday. Lawyers said the district court had no "
            "power over the White House, which declined to comment.")
    found = canonicalize([(Mention("District Court", "organization"), 1.0),
                          (Mention("White House", "organization"), 1.0)], text=text)
    assert [e.name for e in found] == ["White House"]


@pytest.mark.parametrize(("text", "expected"), [
    ("a matter of national security.", True),
    ("national security", True),
    ("(national security)", True),
    ("national securityx is a brand", False),   # inside a longer word
    ("non-national security rules", False),     # a hyphen joins words
    ("national_security", False),
    ("international security", False),
    ("", False),
])
def test_common_phrase_matches_whole_words_only(text: str, expected: bool) -> None:
    assert filters.common_phrase("National Security", text) is expected


def test_common_phrase_agrees_with_its_definition_on_random_text() -> None:
    """The lower-case name as a whole word: what the pattern ``(?<![\\w-])name(?![\\w-])``
    says, found without compiling a pattern per name."""
    import random
    import re

    rnd = random.Random(7)
    pieces = ["red sea", "Red Sea", "x", "-", "_", " ", ".", "é", "3", "sea", "red"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        expected = re.search(r"(?<![\w-])red sea(?![\w-])", text) is not None
        assert filters.common_phrase("Red Sea", text) is expected, text


# --- a paragraph in capitals ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("PRESIDENT SPEAKS TO THE NATION ON MONDAY", True),
    ("President speaks to the nation on Monday", False),
    ("USA", False),                             # under four letters
    ("NASA AND ESA agree on a plan", False),    # a fifth of the letters lower case
    ("ÉTÉ À PARIS, DÉCLARE LE MAIRE", True),
    ("日本 TOKYO NEWS", True),                    # letters without case count as letters
    ("", False),
])
def test_a_paragraph_in_capitals_is_shouting(text: str, expected: bool) -> None:
    from news_digest.enrich.entities import _shouting

    assert _shouting(text) is expected


def test_a_country_is_known_by_its_english_short_name_where_iso_has_its_own_form() -> None:
    """ISO 3166 writes "Russian Federation", "Türkiye", "Côte d'Ivoire" and "Congo, The
    Democratic Republic of the"; an article writes "Russia", "Turkey", "Ivory Coast".
    Unknown, such an article had no country (a shared body went unqualified) and a team
    cue on "Turkey" dropped the country from its article as if it were a town's club."""
    from news_digest.enrich import entities

    assert filters.country_of("Russia") == "Russian Federation"
    assert filters.country_of("Turkey") == filters.country_of("Türkiye")
    assert filters.country_of("Ivory Coast") == "Côte d'Ivoire"
    # ISO's own form has a comma, so GeoNames' name is the one shown
    assert filters.country_of("Democratic Republic of the Congo") == \
        "Democratic Republic of the Congo"
    assert filters.country_of("Netherlands") == "Netherlands"  # not "The Netherlands"
    assert entities._nation("Turkey") and entities._nation("Russia")
    assert filters.country_of("Riverton") is None
