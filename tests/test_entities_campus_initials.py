"""A campus or branch written with its body's initials ("UC Davis" for "University of
California, Davis") is the same body as the spelled-out name in the article (issue #10).

The small model types such a short form by its last word ("Davis" reads as a surname), so
the short form got a person page of its own beside the university's. Names are made up;
the model's mentions are given (a fake NER backend) and the real entity step and corpus
resolution run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import canonical, entities
from news_digest.enrich.resolve import resolve_corpus
from news_digest.model import Article, Draft, Entity, Source

Found = dict[str, list[tuple[str, str]]]


def _article(slug: str, day: int, *paragraphs: str) -> Article:
    draft = Draft(title=f"Report {slug}", paragraphs=paragraphs)
    return Article(draft=draft, source=Source(seed=f"{slug}.txt", sha256="0" * 64),
                   date=datetime(2021, 3, day, tzinfo=UTC), date_source="metadata", slug=slug)


def _step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: Found,
          *articles: Article) -> list[tuple[Entity, ...]]:
    ctx = listing_model(tmp_path, monkeypatch, found)
    return [a.entities for a in entities.entities_step(list(articles), ctx)]


def test_short_forms_are_the_initials_of_the_leading_words() -> None:
    assert canonical._lead_acronyms("University of Ruritania, Bexley") == ["UR Bexley"]
    assert "ZSU Port Arlen" in canonical._lead_acronyms("Zembla State University Port Arlen")
    # the initials never end on a link word, and the rest is names
    assert canonical._lead_acronyms("Bank of the Zembla") == []
    assert canonical._lead_acronyms("University of Ruritania at night") == []


def test_a_campus_written_with_initials_joins_the_university(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = ("She took her degree at UR Bexley in 2010. The University of Ruritania, Bexley "
         "later hired her, and UR Bexley funded the dig.")
    b = "Researchers at UR Bexley said the stripes confuse the flies."
    found = {a: [("UR Bexley", "person"), ("University of Ruritania, Bexley", "organization")],
             b: [("UR Bexley", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a), _article("b", 2, b))
    [campus] = got[0]
    assert campus.type == "organization"
    assert {campus.name, *campus.aliases} == {"UR Bexley", "University of Ruritania, Bexley"}
    resolved = resolve_corpus([(datetime(2021, 3, 1 + i, tzinfo=UTC),
                                [(e.type, e.name) for e in ents]) for i, ents in enumerate(got)])
    pairs = [set(p) for p in resolved.entities_of]
    # one organisation in both stories; no person page for the short form
    assert pairs[0] == pairs[1] == {("organization", campus.name)}


def test_initials_that_spell_nothing_in_the_article_join_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "RU Bexley" would be "Ruritania University": not the article's body
    a = "RU Bexley spoke first. The University of Ruritania, Bexley answered."
    found = {a: [("RU Bexley", "person"), ("University of Ruritania, Bexley", "organization")]}
    [got] = _step(tmp_path, monkeypatch, found, _article("a", 1, a))
    assert len(got) == 2
