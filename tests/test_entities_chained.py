"""A one-word place or organisation span that hangs off a capitalised head through "of
the", "of <Name> and" or "of <Name> at" is the tail of a longer name ("the Most Radiant
Order of the Quellstar", "the High Court of Brantmark and Zorvale", "University of
Quorvia at Vellham"), dropped when the article never writes the name by itself
(`cues.chained_in_name`, `cues.only_in_chains`).

Names are written for the tests; real words only for the heads and qualifiers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import mention_at

from news_digest.enrich import cues, entities, ner
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Source
from news_digest.settings import Settings


def test_a_word_after_a_head_and_of_the_is_the_tail_of_a_longer_name() -> None:
    text = "He was awarded the Most Radiant Order of the Quellstar, first class, in 2014."
    assert cues.chained_in_name(text, mention_at(text, "Quellstar", "organization"))
    text = "The High Court of Brantmark and Zorvale also ruled on the same day."
    assert cues.chained_in_name(text, mention_at(text, "Zorvale", "place"))
    text = "She chose UQV [University of Quorvia at Vellham] for its scholarship."
    assert cues.chained_in_name(text, mention_at(text, "Vellham", "place"))


def test_a_title_a_surname_a_direction_or_a_sentence_start_makes_no_chain() -> None:
    cases = [
        ("The Secretary of the Quellstar resigned.", "Quellstar"),  # a title
        ("He was Speaker of the Quellstar for years.", "Quellstar"),  # a job word
        ("Lina Zorvath of the Quellstar said so.", "Quellstar"),  # a surname: affiliation
        ("The camp lies East of the Quellstar river.", "Quellstar"),  # a direction
        ("Part of the Quellstar was flooded.", "Quellstar"),  # a sentence's first word
        ("It lies at the edge of the Quellstar basin.", "Quellstar"),  # no capital head
        ("Trade between Brantmark and Zorvale grew.", "Zorvale"),  # a list, no "of"
    ]
    for text, name in cases:
        assert not cues.chained_in_name(text, mention_at(text, name, "place")), text


def test_a_person_span_over_the_head_is_an_affiliation() -> None:
    text = "Candidates Lina Bank of the Quellstar and others spoke."
    person = Mention("Lina Bank", "person", text.index("Lina"))
    party = mention_at(text, "Quellstar", "organization")
    assert cues.chained_in_name(text, party)  # "Bank" alone reads as a head
    assert not cues.chained_in_name(text, party, [person, party])


def test_a_name_of_several_words_a_country_or_a_person_is_left_alone() -> None:
    text = "He was Dean of the Quellbund Assembly until 2015."
    assert not cues.chained_in_name(text, mention_at(text, "Quellbund Assembly", "organization"))
    text = "Scientists of the University of Brantmark and Zorvale University took part."
    assert not cues.chained_in_name(text, mention_at(text, "Zorvale University", "organization"))
    text = "A statement by the Government of the Philippines followed."
    assert not cues.chained_in_name(text, mention_at(text, "Philippines", "place"))
    text = "The Order of the Quellstar went to Brantmark."
    assert not cues.chained_in_name(text, Mention("Quellstar", "person", text.index("Quell")))


def test_only_in_chains_reads_every_place_the_article_writes_the_name() -> None:
    court = "The High Court of Brantmark and Zorvale also ruled."
    assert cues.only_in_chains("Zorvale", [court, "Nothing else here."])
    assert not cues.only_in_chains("Zorvale", [court, "Protests spread across Zorvale."])
    assert cues.only_in_chains("the Quellstar", ["the Order of the Quellstar"])


def _article(*paragraphs: str) -> Article:
    draft = Draft(title="A report", paragraphs=paragraphs)
    return Article(draft=draft, source=Source(seed="x.txt", sha256="0" * 64),
                   date=datetime(2021, 3, 1, tzinfo=UTC), date_source="metadata", slug="x")


def _names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: dict[str, list[tuple[str, str]]],
           *paragraphs: str) -> set[str]:
    """The entity names of an article whose model mentions are ``found`` per text."""
    def fake(nlp: object, texts: list[str], batch_size: int = 32) -> list[list[Mention]]:
        return [[Mention(n, t, text.index(n)) for n, t in found.get(text, [])] for text in texts]

    monkeypatch.setattr(ner, "spacy_mentions", fake)
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data"))
    ctx.resource("entities.backend", lambda: ("spacy:test", object(), None))
    [done] = entities.entities_step([_article(*paragraphs)], ctx)
    return {e.name for e in done.entities}


def test_the_step_drops_a_tail_the_article_never_writes_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    court = "The High Court of Brantmark and Zorvale also ruled on Tuesday."
    other = "Lawyers for the Quellbund Trust said they would appeal."
    found = {court: [("Brantmark", "place"), ("Zorvale", "place")],
             other: [("Quellbund Trust", "organization")]}
    names = _names(tmp_path, monkeypatch, found, court, other)
    assert "Zorvale" not in names and "Quellbund Trust" in names


def test_the_step_keeps_a_tail_the_article_also_writes_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    court = "The High Court of Brantmark and Zorvale also ruled on Tuesday."
    alone = "Protests spread across Zorvale on Wednesday."
    found = {court: [("Brantmark", "place"), ("Zorvale", "place")],
             alone: [("Zorvale", "place")]}
    assert "Zorvale" in _names(tmp_path, monkeypatch, found, court, alone)
