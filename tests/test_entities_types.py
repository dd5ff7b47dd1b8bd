"""Issue #10, the BBC site: a place's name written as a sports team's.

A newsroom's place page lists stories about the place; "Wales coach Mike said",
"Newcastle boss Graeme Souness", "Wasps 31-37 Leicester" are stories about a team that
bears the place's name. The words beside the name say so (a team role after it, a score
beside it), and the article's entity for that name is dropped (``cues.team_sense``,
``entities._without_teams``). A verb ("against Norland") is no cue: sanctions, lawsuits
and elections take places as often as matches do.

Places, teams and people are made up for the tests. The model's mentions are given (a
fake NER backend), and the real entity step and corpus resolution run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import cues, entities, things
from news_digest.enrich.ner import Mention
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


def _team(text: str, name: str) -> bool:
    return cues.team_sense(text, Mention(name, "place", text.find(name)))


def test_the_words_beside_a_name_that_make_it_a_team() -> None:
    assert _team("Norland coach Alan Pike said so.", "Norland")
    assert _team("the former Norland coach.", "Norland")
    assert _team("Norland's squad flew home.", "Norland")
    assert _team("Norland assistant coach Alan Pike", "Norland")
    assert _team("Riverton boss Gil Marsh is lining up a bid.", "Riverton")
    assert _team("Riverton prop Gil Marsh is fit.", "Riverton")
    assert _team("Brockhurst 31-37 Riverton", "Riverton")
    assert _team("Norland beat Ostvia 11-9 on Saturday.", "Ostvia")
    assert _team("Riverton's 17-16 win over Brockhurst", "Riverton")
    assert _team("Norland were beaten 33-15 by Ostvia in the final.", "Ostvia")
    assert _team("and Norland lost 17-5 to Ostvia.", "Ostvia")


def test_words_that_also_follow_a_place_are_no_team() -> None:
    # a role noun that is a firm's, a building's or a party's without a name after it
    assert not _team("the Riverton manager of the bank resigned.", "Riverton")
    assert not _team("The Riverton centre has argued for lower rates.", "Riverton")
    # "team", "side": researchers, negotiators
    assert not _team("The Riverton team reported its findings.", "Riverton")
    assert not _team("The Norland side said talks would go on.", "Norland")
    # a verb takes places as often as teams; years and votes are no score
    assert not _team("They imposed sanctions against Norland.", "Norland")
    assert not _team("the 2004-05 Riverton budget", "Riverton")
    assert not _team("Riverton 2004-05 accounts", "Riverton")
    assert not _team("a 5-4 ruling in Riverton", "Riverton")
    assert not _team("They won 2-1 at Riverton.", "Riverton")  # the ground, or the team
    # a player's country, a ground: the score is the clause's, not the name's
    assert not _team("after beating Jan Roe of Norland 7-5 6-4.", "Norland")
    assert not _team("after winning the first leg at Riverton 3-1.", "Riverton")


def test_an_article_naming_a_place_as_a_team_is_not_on_the_places_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a1 = "Floods closed three schools in Riverton on Monday."
    a2 = "Riverton council approved the new bridge."
    b = ("Riverton boss Gil Marsh is lining up a summer move for Tom Quill. "
         "Riverton were unlucky to lose at the weekend, Marsh said.")
    # the model misses the results line (the title); the cue is read at every occurrence
    c = "Riverton held on in the final minutes at Brockhurst."
    found = {a1: [("Riverton", "place")], a2: [("Riverton", "place")],
             b: [("Riverton", "place"), ("Gil Marsh", "person"), ("Tom Quill", "person"),
                 ("Marsh", "person")],
             c: [("Brockhurst", "organization"), ("Riverton", "place")]}
    results = Article(draft=Draft(title="Brockhurst 31-37 Riverton", paragraphs=(c,)),
                      source=Source(seed="c.txt", sha256="0" * 64),
                      date=datetime(2021, 3, 4, tzinfo=UTC), date_source="metadata", slug="c")
    got = _step(tmp_path, monkeypatch, found, _article("a1", 1, a1), _article("a2", 2, a2),
                _article("b", 3, b), results)
    assert "Riverton" not in {e.name for e in got[2]}  # every mention goes, cued or not
    assert "Gil Marsh" in {e.name for e in got[2]}
    assert "Riverton" not in {e.name for e in got[3]}
    assert "Brockhurst" in {e.name for e in got[3]}
    assert _pages(got)["Riverton"] == {0, 1}


def test_a_club_with_a_name_of_its_own_keeps_its_stories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Kestrel Rovers coach Gil Marsh said Kestrel Rovers deserved the win."
    b = "Kestrel Rovers manager Gil Marsh praised his squad."
    found = {a: [("Kestrel Rovers", "organization"), ("Gil Marsh", "person")],
             b: [("Kestrel Rovers", "organization"), ("Gil Marsh", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert _pages(got)["Kestrel Rovers"] == {0, 1}


def test_a_place_with_no_team_cue_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The Norland side said talks on sanctions against Norland would go on."
    b = "Norland's parliament met in Ostburg."
    found = {a: [("Norland", "place")], b: [("Norland", "place"), ("Ostburg", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert _pages(got)["Norland"] == {0, 1}


def test_a_nations_name_stays_whatever_its_team(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a country's team is the country by metonymy (CoNLL-2003 types it a location)
    a = "Tunisia coach Gil Marsh named his squad."
    b = "Tunisia's parliament met on Monday."
    found = {a: [("Tunisia", "place"), ("Gil Marsh", "person")], b: [("Tunisia", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert _pages(got)["Tunisia"] == {0, 1}


# --- a kind-of-body noun before a name ------------------------------------------------


def test_a_qualified_kind_of_body_before_a_name_makes_it_an_organisation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert things.kind_before("the Scottish rock band Kestrel Lane, who",
                              Mention("Kestrel Lane", "person", 23))
    # after a determiner the name may open a relative clause: no cue
    assert not things.kind_before("the company Jane Roe founded",
                                  Mention("Jane Roe", "person", 12))
    a = "The report by telecoms giant Zorvex said prices would fall."
    b = "Zorvex shares rose; Zorvex said profits doubled."
    found = {a: [("Zorvex", "place")], b: [("Zorvex", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert [(e.name, e.type) for e in got[0]] == [("Zorvex", "organization")]
