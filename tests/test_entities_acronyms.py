"""Round 17 of issue #10: an acronym the article defines in brackets.

* An acronym spelled out right before or inside its brackets ("the QA/CI and release
  tooling (QRT)", "Zembla Boat Club (ZBC)") means that phrase *in that article*: a common
  phrase gives it no entity, a name gives it that name, so the article's mentions of the
  letters do not land on the page of another body the same letters name elsewhere.
* A name found inside the phrase ("Iraq" in "LFIS (Liberation Front of Iraq and Syria)")
  is a word of the longer name, not a mention of its own.

Organisations and phrases are made up for the tests; real places appear only inside
sentences written for them. The model's mentions are given (a fake NER backend), and the
real entity step and corpus resolution run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import cues, entities
from news_digest.enrich.resolve import resolve_corpus
from news_digest.model import Article, Draft, Entity, Source

Found = dict[str, list[tuple[str, str]]]


def _article(slug: str, day: int, *paragraphs: str) -> Article:
    draft = Draft(title=f"Report {slug}", paragraphs=paragraphs)
    return Article(draft=draft, source=Source(seed=f"{slug}.txt", sha256="0" * 64),
                   date=datetime(2021, 3, day, tzinfo=UTC), date_source="metadata", slug=slug)


def _step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: Found,
          *articles: Article) -> list[tuple[Entity, ...]]:
    """The entity step over ``articles``, the model finding ``found`` per text (every
    occurrence of each listed name)."""
    ctx = listing_model(tmp_path, monkeypatch, found)
    return [a.entities for a in entities.entities_step(list(articles), ctx)]


def _pages(found: list[tuple[Entity, ...]]) -> dict[str, set[int]]:
    """Resolved name → the articles (by index) it is named in."""
    resolved = resolve_corpus([(datetime(2021, 3, 1 + i, tzinfo=UTC),
                                [(e.type, e.name) for e in ents])
                               for i, ents in enumerate(found)])
    out: dict[str, set[int]] = {}
    for i, pairs in enumerate(resolved.entities_of):
        for _, name in pairs:
            out.setdefault(name, set()).add(i)
    return out


# --- reading the definitions ----------------------------------------------------------


def test_definitions_are_read_in_either_order_with_link_words_and_slashes() -> None:
    text = ("Members of the QA/CI and release tooling (QRT) team met the Society of "
            "Brantmark Rowers (SOBR). LFIS (Liberation Front of Iraq and Syria) fighters left.")
    found = {(d.acronym, d.phrase, d.named) for d in cues.defined_acronyms(text)}
    assert found == {("QRT", "QA/CI and release tooling", False),
                     ("SOBR", "Society of Brantmark Rowers", True),
                     ("LFIS", "Liberation Front of Iraq and Syria", True)}
    for d in cues.defined_acronyms(text):
        assert text[d.start:d.end] == d.phrase
    assert cues.spells(["Zembla", "boat-club"], "ZBC")
    assert cues.spells(["Zembla", "Bank", "of", "Commerce"], "ZBOC")  # a link word may count
    assert not cues.spells(["the", "Zembla", "Boat", "Club"], "ZBC")  # but not be left at the edge
    # initials a longer name's tail happens to spell: the acronym is the whole name's
    assert cues.defined_acronyms(
        "The Alliance for the Return of Farmers and Workers in Kenya (FWK) met.") == []
    # brackets after words whose initials do not spell it: no definition
    assert cues.defined_acronyms("He joined Zembla Rowing (ZBC) in May.") == []
    # a lower-case organisation suffix still makes a name
    [d] = cues.defined_acronyms("the Zorbly Workers party (ZWP) won")
    assert d.named and d.phrase == "Zorbly Workers party"


# --- rule 1: the acronym means the article's phrase ----------------------------------------


def test_an_acronym_spelled_out_as_a_common_phrase_is_no_entity(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the other articles' "QRT" is a broadcaster; here the letters are a team's tooling
    a1 = "The broadcaster QRT reported the fire in Lisbon on Monday."
    a2 = "QRT also aired the mayor's statement."
    b = ("The project also runs the QA/CI and release tooling (QRT) team, and the QRT "
         "pipeline builds every package.")
    found = {a1: [("QRT", "organization"), ("Lisbon", "place")],
             a2: [("QRT", "organization")], b: [("QRT", "organization")]}
    got = _step(tmp_path, monkeypatch, found, _article("a1", 1, a1), _article("a2", 2, a2),
                _article("b", 3, b))
    assert [e.name for e in got[2]] == []
    assert _pages(got)["QRT"] == {0, 1}


def test_an_acronym_spelled_out_as_another_name_goes_to_that_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the model found the letters but not the phrase they stand for in this article
    a1 = "The broadcaster ZBC reported the fire in Lisbon on Monday."
    a2 = "ZBC also aired the mayor's statement."
    b = "The Zembla Boat Club (ZBC) won the race on the Thames; ZBC rowers celebrated."
    found = {a1: [("ZBC", "organization"), ("Lisbon", "place")],
             a2: [("ZBC", "organization")], b: [("ZBC", "organization"), ("Thames", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a1", 1, a1), _article("a2", 2, a2),
                _article("b", 3, b))
    club = [e for e in got[2] if e.type == "organization"]
    assert [(e.name, e.aliases) for e in club] == [("Zembla Boat Club", ("ZBC",))]
    pages = _pages(got)
    assert pages["ZBC"] == {0, 1}
    assert pages["Zembla Boat Club"] == {2}


def test_an_acronym_whose_link_word_counts_joins_its_spelled_out_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("The Society of Brantmark Rowers (SOBR) met in Oslo. SOBR members voted "
            "to admit juniors.")
    found = {text: [("Society of Brantmark Rowers", "organization"), ("SOBR", "organization"),
                    ("Oslo", "place")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("s", 1, text))
    orgs = [(e.name, e.aliases, e.count) for e in got if e.type == "organization"]
    assert orgs == [("Society of Brantmark Rowers", ("SOBR",), 3)]
    # defined in capitals by its own name, which the model also found: one entity, as before
    text = ("The Quorvel Health Agency (QHA) said in Geneva that QHA staff would stay; "
            "the Quorvel Health Agency has 40 staff.")
    found = {text: [("Quorvel Health Agency", "organization"), ("QHA", "organization"),
                    ("Geneva", "place")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("q", 1, text))
    assert {(e.name, e.type) for e in got} == {("Quorvel Health Agency", "organization"),
                                               ("Geneva", "place")}


def test_an_acronym_spelled_out_as_a_law_is_no_entity(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Zembla Data Protection Act (ZDPA) took effect; ZDPA fines are high."
    found = {text: [("ZDPA", "organization")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("l", 1, text))
    assert [e.name for e in got] == []


# --- rule 2: a name inside an acronym's expansion ----------------------------------------


def test_a_place_inside_an_acronyms_expansion_is_no_mention_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    after = ("Officials in Ankara said hundreds of LFIS (Liberation Front of Iraq and "
             "Syria) fighters escaped from a camp; LFIS denied it.")
    before = ("Officials in Ankara said the Liberation Front of Iraq and Syria (LFIS) "
              "lost fighters; LFIS denied it.")
    for text in (after, before):
        found = {text: [("Ankara", "place"), ("Iraq", "place"), ("Syria", "place"),
                        ("LFIS", "organization")]}
        [got] = _step(tmp_path, monkeypatch, found, _article("k", 1, text))
        names = {e.name for e in got}
        assert "Iraq" not in names and "Syria" not in names, text
        assert "Ankara" in names, text


def test_a_place_outside_the_expansion_or_the_whole_expansion_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("LFIS (Liberation Front of Iraq and Syria) fighters fled to Iraq. Aid for "
            "Iraq and Syria (the two countries) grew.")
    found = {text: [("Iraq", "place"), ("Syria", "place"), ("LFIS", "organization")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("k", 1, text))
    places = {e.name: e.count for e in got if e.type == "place"}
    assert places == {"Iraq": 2, "Syria": 1}
    # the expansion as one span is the organisation's name, not a piece of it
    text = "The Liberation Front of Iraq and Syria (LFIS) said LFIS would talk."
    found = {text: [("Liberation Front of Iraq and Syria", "organization"),
                    ("LFIS", "organization")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("k", 1, text))
    assert [(e.name, e.aliases) for e in got] == [("Liberation Front of Iraq and Syria",
                                                   ("LFIS",))]
