"""The BBC site: a town's name that means its club, a place's name inside a title,
and a ground the model calls an organisation.

* British usage puts a plural verb after a team's singular name ("Riverton are bottom
  of the table"), never after a town's (``cues.plural_subject``); a place's name with a
  possessive, a describing word and a player's position before a person's name
  ("Riverton's teenage centre Jan Roe", ``cues.described_role``); a club name the model
  cut at a weekday it read as a date ("Riverton Wednesday manager Gil Marsh",
  ``cues.TEAM_WEEKDAY``). Each makes the name a team's (``cues.team_sense``), and the
  article leaves the place's page (``entities._without_teams``).
* A place that ends a work's title cut at "of" ("Quill's [Merchant] of [Ostburg]") is
  no mention of the place (``cues.place_in_title``).
* A name after "at"/"in" right after an event noun ("the final in [Kestrel Park]"),
  after a result and its opponent ("a victory over Norland at [Kestrel Park]") or after
  "the trip to" is a place vote, whatever the model typed (``things.venue_of_event``).

Places, teams, people and works are made up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import cues, entities, things
from news_digest.enrich.ner import Mention
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


def _team(text: str, name: str) -> bool:
    return cues.team_sense(text, Mention(name, "place", text.find(name)))


def test_a_plural_verb_after_a_towns_name_makes_it_a_team() -> None:
    assert _team("He cannot explain why Riverton are languishing in the table.", "Riverton")
    assert _team("Riverton have signed a striker until the summer.", "Riverton")
    assert _team('"Riverton were favourites," he said.', "Riverton")
    assert _team("Gil Marsh said Riverton weren't at their best.", "Riverton")


def test_a_plural_verb_after_a_list_a_preposition_or_a_plural_name_is_no_team() -> None:
    assert not _team("Riverton is flooded again.", "Riverton")
    assert not _team("Homes in Riverton are flooded.", "Riverton")
    assert not _team("The people of Riverton have voted.", "Riverton")
    assert not _team("Ostburg and Riverton are cities in the north.", "Riverton")
    assert not _team("Cities including Riverton have grown.", "Riverton")
    assert not _team("Firms such as Riverton have a duty.", "Riverton")
    assert not _team("Envoys — and their wives — in Riverton have immunity.", "Riverton")
    assert not _team("The Kestrel Downs are windy.", "Kestrel Downs")
    assert not _team("Governments in east Riverton have acted.", "Riverton")
    assert not _team("Flags at the Riverton Hall were lowered.", "Riverton Hall")
    assert not _team("He would be happy if Riverton were to reconsider.", "Riverton")


def test_a_described_position_or_a_weekday_cut_from_a_club_makes_it_a_team() -> None:
    assert _team("Riverton's teenage centre Jan Roe has been picked.", "Riverton")
    assert _team("It would go to Riverton Wednesday manager Gil Marsh.", "Riverton")
    # a town's centre, and a date after a place, are no team
    assert not _team("Riverton's main centre closed.", "Riverton")
    assert not _team("Riverton's shopping centre closed on Monday.", "Riverton")
    assert not _team("He spoke in Riverton on Wednesday.", "Riverton")


def test_an_article_writing_a_town_as_its_team_leaves_the_towns_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Floods closed three schools in Riverton on Monday."
    b = "Gil Marsh cannot explain why Riverton are bottom. Riverton face Ostburg next."
    found = {a: [("Riverton", "place")],
             b: [("Riverton", "place"), ("Gil Marsh", "person"), ("Ostburg", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert "Riverton" in {e.name for e in got[0]}
    assert "Riverton" not in {e.name for e in got[1]}
    assert "Gil Marsh" in {e.name for e in got[1]}


def test_a_place_ending_a_works_title_is_no_mention(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "It echoed Quill's Merchant of Ostburg."
    span = Mention("Merchant", "other", text.index("Merchant"))
    m = Mention("Ostburg", "place", text.index("Ostburg"))
    assert cues.place_in_title(text, m, [span, m])
    # an event in a place, a venue's address, a body's branch: the place is meant
    plain = ("The Games in Varnby opened. Quill's Grand Theatre in Varnby shut. "
             "Zorvex Labs of Varnby grew.")
    spans = [Mention("Games", "other", plain.index("Games")),
             Mention("Grand Theatre", "organization", plain.index("Grand")),
             Mention("Zorvex Labs", "organization", plain.index("Zorvex"))]
    for at in (plain.index("Varnby"), plain.index("Varnby", plain.index("Grand")),
               plain.rindex("Varnby")):
        m = Mention("Varnby", "place", at)
        assert not cues.place_in_title(plain, m, [*spans, m])
    a = "The cartoon echoed Quill's Merchant of Ostburg, critics said."
    b = "Floods hit Ostburg on Monday."
    found = {a: [("Merchant", "other"), ("Ostburg", "place")], b: [("Ostburg", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    assert "Ostburg" not in {e.name for e in got[0]}
    assert "Ostburg" in {e.name for e in got[1]}


def test_a_name_after_an_events_at_or_in_is_a_place() -> None:
    def venue(text: str, name: str) -> bool:
        return things.venue_of_event(text, Mention(name, "organization", text.index(name)))

    assert venue("Norland won the Kestrel Cup final in Varnby on Sunday.", "Varnby")
    assert venue("an impressive victory over Norland at Kestrel Park.", "Kestrel Park")
    assert venue("fit for the trip to Kestrel Park on 13 March.", "Kestrel Park")
    assert not venue("their 2-0 defeat to Zorvex United.", "Zorvex United")
    assert not venue("He works at Zorvex.", "Zorvex")
    assert not venue("They won the match and he joined Zorvex at the weekend.", "Zorvex")
    # a result right before "at" names the home team as often as its ground
    assert not venue("a 2-1 win at Zorvex United.", "Zorvex United")
    assert not venue("Norland held on in the final minutes at Zorvex.", "Zorvex")


def test_a_ground_the_model_calls_an_organisation_is_a_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Norland won the match at Kestrel Park."
    found = {a: [("Norland", "place"), ("Kestrel Park", "organization")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a))
    assert ("Kestrel Park", "place") in {(e.name, e.type) for e in got[0]}
