"""Products, works and sky bodies that are no organisation's page.

* The Sun, the Moon, the Earth and the Solar System written after "the" are places,
  whatever the model typed (``things.media_sky_body``), unless the words around say a
  newspaper of that name ("told The Zorb", "the Sun newspaper").
* A name the article defines as a program or an online work ("Zorb, an operating
  system", "a messaging app, Zorb") is no entity anywhere in that article
  (``things.media_defined``, ``things.as_media_thing``).
* A learned periodical's title ("Proceedings of the Zorby Society") is no body
  (``filters.MEDIA_PERIODICAL_HEADS``).

Names and text are made up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import entities, filters, things
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


def _sky(text: str, name: str, etype: str = "organization") -> bool:
    return things.media_sky_body(text, Mention(name, etype, text.find(name)))


def _defined(text: str, name: str, etype: str = "organization") -> bool:
    return things.media_defined(text, Mention(name, etype, text.find(name)))


def test_a_sky_body_after_the_is_a_place_vote() -> None:
    assert _sky("The star is older than the Sun by a billion years.", "Sun")
    assert _sky("Few planets lie outside the Solar System.", "Solar System")
    assert _sky("The Moon rose over the bay.", "The Moon")
    text = "Its mass is twice that of the Sun."
    voted = things.thing_votes(text, [Mention("Sun", "organization", text.find("Sun"))])
    assert voted[0].type == "place"


def test_a_sky_bodys_name_without_the_or_as_a_newspaper_is_left_alone() -> None:
    assert not _sky("President Moon met the envoy.", "Moon", "person")
    assert not _sky("Jan Roe told The Sun on Monday.", "Sun")
    assert not _sky("Jan Roe told the Sun he would stay.", "Sun")
    assert not _sky("An editorial in the Sun newspaper backed him.", "Sun")
    assert not _sky("Last week the Sun reported the deal.", "Sun")
    assert not _sky("The prize went to the film Shadow of the Moon.", "Moon")


def test_an_appositive_or_a_noun_before_defines_a_program() -> None:
    assert _defined("It is built on Zorb Quell (ZQ) — Brantco's paid operating system.",
                    "Zorb Quell")
    assert _defined("He announced a new operating system, Quell Linux.", "Quell Linux",
                    "person")
    assert _defined("They met on Zorbchat, a messaging app.", "Zorbchat")
    assert _defined("Zorbipedia, a free online encyclopedia, is ten years old.", "Zorbipedia")


def test_a_body_a_maker_or_a_speaker_beside_a_programs_noun_is_not_defined() -> None:
    assert not _defined("Brantco, the maker of the Zorb operating system, said so.",
                        "Brantco")
    assert not _defined("It is a new app, Jan Roe said.", "Jan Roe", "person")
    assert not _defined("Jan Roe, a software engineer, said it works.", "Jan Roe", "person")
    assert not _defined("Zorbly, the app's maker, said it works.", "Zorbly")


def test_a_defined_program_leaves_every_mention_of_the_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = ("Brantco builds Zorb Quell, a paid operating system. Zorb Quell runs on servers. "
         "Many firms rely on Zorb Quell.")
    found = {a: [("Brantco", "organization"), ("Zorb Quell", "organization")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a))
    names = {e.name for e in got[0]}
    assert "Zorb Quell" not in names
    assert "Brantco" in names


def test_a_learned_periodicals_title_is_no_body() -> None:
    assert filters.rejected("Proceedings of the Zorby Society", "organization")
    assert filters.rejected("American Journal of Quell Medicine", "organization")
    assert filters.rejected("Riverton Journal", "organization") is None
    assert filters.rejected("Zorby Society", "organization") is None
