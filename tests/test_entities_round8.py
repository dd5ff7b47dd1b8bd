"""Round 8 entity rules: names NER joined with a slash, a place's first word NER left out,
a US state written as its postal code.

Each test uses a few sentences or hand-made mentions written for it, and fails without
the rule it names: a campaign ticket "Roe/Doe" would be one organisation, "Santos City"
a place with no such name, and a bare "DC" a page beside "Washington, D.C.".
"""

from __future__ import annotations

from news_digest.enrich import filters, gazetteer, placenames
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.entities import _renamed
from news_digest.enrich.ner import Mention
from news_digest.vocab.registry import Registry, load_curated

# --- two names joined by a slash ------------------------------------------------------------


def test_a_slash_between_two_names_splits_them() -> None:
    assert filters.split_slashed("Quentin Roe/Dunmore") == ["Quentin Roe", "Dunmore"]
    assert filters.split_slashed("Acme/Globex") == ["Acme", "Globex"]
    assert filters.split_slashed("Roe/Dunmore and Smith") == ["Roe", "Dunmore and Smith"]


def test_a_slash_inside_one_name_is_kept() -> None:
    for name in ("Vandelay Group A/S", "AC/DC", "TCP/IP", "Roe / Dunmore", "24/7"):
        assert filters.split_slashed(name) == [name]  # a letter, capitals only, spaced


def test_the_build_does_not_split_a_slash_in_old_front_matter() -> None:
    # at build a piece has only the pair's label and no person to join: "Richardson"
    # alone would get a page
    assert filters.split_joined("Roe/Dunmore", "organization") == ["Roe/Dunmore"]
    assert filters.split_joined("Kelly and Baroni", "person") == ["Kelly", "Baroni"]


def test_a_ticket_joins_the_two_people_the_article_names() -> None:
    text = ("Quentin Roe and Harriet Dunmore were nominated. "
            "The Roe/Dunmore ticket is on the ballot in nine states.")
    mentions = [(Mention("Quentin Roe", "person", 0), 1.0),
                (Mention("Harriet Dunmore", "person", text.index("Harriet")), 1.0),
                (Mention("Roe/Dunmore", "organization", text.index("Roe/")), 1.0)]
    found = {(e.name, e.type) for e in canonicalize(mentions, Registry(), text=text)}
    assert found == {("Quentin Roe", "person"), ("Harriet Dunmore", "person")}


def test_a_slash_and_an_and_in_one_span_give_three_people() -> None:
    text = "Ann Roe, Bo Dunmore and Cy Smith ran. Roe/Dunmore and Smith spoke."
    mentions = [(Mention(n, "person", text.index(n)), 1.0)
                for n in ("Ann Roe", "Bo Dunmore", "Cy Smith")]
    mentions.append((Mention("Roe/Dunmore and Smith", "person", text.index("Roe/")), 1.0))
    found = {e.name: e.count for e in canonicalize(mentions, Registry(), text=text)}
    assert found == {"Ann Roe": 2, "Bo Dunmore": 2, "Cy Smith": 2}


# --- a place's first word that NER left out ---------------------------------------------------


def test_the_word_before_a_place_span_that_makes_a_gazetteer_place_is_kept() -> None:
    assert gazetteer.is_place("General Santos") and not gazetteer.is_place("Santos City")
    text = "Seven were injured in General Santos City on Monday."
    [m] = gazetteer.widen_place(text, [Mention("Santos City", "place",
                                               text.index("Santos City"))])
    assert (m.text, m.start) == ("General Santos City", text.index("General"))
    assert text[m.start:m.start + len(m.text)] == m.text


def test_a_word_that_makes_no_gazetteer_place_is_not_taken() -> None:
    text = "Sergeant Vermilion Falls and General Quux City were named. Paris is calm."
    mentions = [Mention("Vermilion Falls", "place", text.index("Vermilion")),
                Mention("Quux City", "place", text.index("Quux")),
                Mention("Paris", "place", text.index("Paris"))]
    assert gazetteer.widen_place(text, mentions) == mentions


def test_only_place_spans_are_widened() -> None:
    text = "He met General Santos City officials."
    m = Mention("Santos City", "organization", text.index("Santos"))
    assert gazetteer.widen_place(text, [m]) == [m]


# --- a US state written as its postal code ------------------------------------------------------


def test_state_codes_leave_out_country_codes() -> None:
    codes = placenames.state_codes()
    assert codes["DC"] == "District of Columbia" and codes["NY"] == "New York"
    assert "CA" not in codes and "GA" not in codes and "IN" not in codes  # Canada, Gabon, India


def test_a_bare_state_code_is_the_state_in_an_american_article_only() -> None:
    assert placenames.rename_place("DC", american=True) == "District of Columbia"
    assert placenames.rename_place("D.C.", american=True) == "District of Columbia"
    assert placenames.rename_place("DC") is None
    assert placenames.rename_place("D.C", american=True) is None  # not a code as written
    assert placenames.rename_place("CA", american=True) is None


def test_an_article_is_american_when_it_names_the_us_or_a_state() -> None:
    assert placenames.american(["Lisbon", "United States"])
    assert placenames.american(["U.S."])
    assert placenames.american(["Ohio", "Paris"])
    assert not placenames.american(["Perth", "Australia"])


def test_dc_lands_on_the_registry_page_of_washington_dc() -> None:
    registry = load_curated(None)
    assert registry.entry("District of Columbia") is not None
    text = "Campaign planks: DC statehood and term limits in the United States."
    dc = _renamed(text, Mention("DC", "place", text.index("DC")), registry, american=True)
    assert dc.text == "District of Columbia"
    names = {e.name for e in canonicalize([(dc, 1.0)], registry, text=text)}
    assert names == {"Washington, D.C."}
