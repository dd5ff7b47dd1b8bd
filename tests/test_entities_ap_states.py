"""AP-style state abbreviations ("Woodburn, Ore.", "Jackson, Miss.") are the state.

American papers name a town's state this way, and the model read the abbreviation as a
place of its own ("Calif" beside "California", two pages), a person ("Miss"), or the
start of the next sentence's name ("Ore. Investigators"), and the town before it as an
organisation ("Woodburn"). The mentions below are what the model gave for such text
(a trial on same-story news found each); the test fails without the mend.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.enrich import entities, gazetteer, ner
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Source
from news_digest.settings import Settings


def _entities(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              found: dict[str, list[tuple[str, str]]], *paragraphs: str) -> dict[str, str]:
    """name → type for an article whose model mentions are ``found`` per text."""
    def fake(nlp: object, texts: list[str], batch_size: int = 32) -> list[list[Mention]]:
        return [[Mention(n, t, text.index(n)) for n, t in found.get(text, [])] for text in texts]

    monkeypatch.setattr(ner, "spacy_mentions", fake)
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data"))
    ctx.resource("entities.backend", lambda: ("spacy:test", object(), None))
    draft = Draft(title="A report", paragraphs=paragraphs)
    article = Article(draft=draft, source=Source(seed="x.txt", sha256="0" * 64),
                      date=datetime(2021, 3, 1, tzinfo=UTC), date_source="metadata", slug="x")
    [done] = entities.entities_step([article], ctx)
    return {e.name: e.type for e in done.entities}


def test_the_abbreviation_is_the_state_and_the_town_a_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = "A bomb exploded at a bank in Quellburg, Ore., on Friday, killing two officers."
    second = "A spokesman in Varnton, Miss., said the case was not linked."
    found = {first: [("Quellburg", "organization"), ("Ore", "place")],
             second: [("Varnton", "place"), ("Miss", "person")]}
    names = _entities(tmp_path, monkeypatch, found, first, second)
    assert names.get("Oregon") == "place" and names.get("Mississippi") == "place"
    assert not {"Ore", "Ore.", "Miss", "Miss."} & set(names)
    # the town is a place, named with its state (the build keeps the bare name unless
    # two places share it)
    assert names.get("Quellburg, Oregon") == "place"
    assert names.get("Varnton, Mississippi") == "place"


def test_a_sentence_opening_after_the_abbreviation_is_cut_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("A similar device was found at a bank in Quellburg, Ore. Investigators from "
            "the county joined the search.")
    found = {text: [("Quellburg", "place"), ("Ore. Investigators", "organization")]}
    names = _entities(tmp_path, monkeypatch, found, text)
    assert "Ore. Investigators" not in names and "Investigators" not in names
    assert names.get("Quellburg, Oregon") == "place" and names.get("Oregon") == "place"


def test_only_abbreviations_with_their_dot_and_their_place_count() -> None:
    assert gazetteer.ap_state("Calif.") == gazetteer.ap_state("Calif") == "California"
    assert gazetteer.ap_state("W.Va.") == "West Virginia"
    assert gazetteer.ap_state("Texas") is None  # AP spells it out: a name, not a code
    text = "Miss Varga sang. She met Lord Pemberton in town."
    kept = gazetteer.ap_states(text, [Mention("Miss Varga", "person", 0)])
    assert kept == [Mention("Miss Varga", "person", 0)]  # an honorific, no dot: untouched
