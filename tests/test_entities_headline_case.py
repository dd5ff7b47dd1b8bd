"""A headline written in headline case gives no names of its own.

In "Greek Prime Minister Calls Bank Workers' Riot Deaths 'Murder'" every word is
capitalised, so a capital says nothing about a name, and the model found a person
"Riot Deaths 'Murder" and an organisation "Calls Bank Workers". As with all-caps text,
such a part is re-cased from the article's own usage before the model reads it, and a
name found only there is kept only when the article writes it elsewhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.enrich import entities, ner
from news_digest.enrich.entities import _headline_case
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Source
from news_digest.settings import Settings


def test_headline_case_is_told_from_a_sentence_or_a_line_full_of_names() -> None:
    body = {"calls", "bank", "workers", "riot", "deaths", "murder", "ship", "pirate",
            "vessels", "operation"}  # what the article writes in lower case elsewhere
    assert _headline_case("Greek Prime Minister Calls Bank Workers' Riot Deaths 'Murder'", body)
    assert _headline_case("Indian Naval Ship Interdicts Three Pirate Vessels In A Single "
                          "Operation", body)
    assert not _headline_case("Manchester United beat Real Madrid at Old Trafford.", body)
    assert not _headline_case("Prime Minister George Papandreou thundered in Parliament.",
                              body)
    # a results table or a cast list: as capitalised, but made of names
    assert not _headline_case("Leeds United Chelsea Arsenal Everton Liverpool Fulham", body)
    assert not _headline_case("Lohan Checks In", body)  # too short to say
    assert not _headline_case("GREEK PRIME MINISTER CALLS BANK DEATHS MURDER", body)  # all caps
    # a short article writes few words in lower case to compare with (trial 5, ECB+
    # titles): a capitalised preposition past the first word says headline case, and a
    # headline's "Returns" is the story's "return"
    assert _headline_case("Tamsin Reale Checks Into Rehab at Desert Clinic", set())
    assert _headline_case("Tamsin Reale Returns to Host the Awards", {"return", "host"})
    assert not _headline_case("Tamsin Reale Returns to Host the Awards", {"host"})
    assert not _headline_case("Into the Woods Opens Tonight at Old Victoria Theatre", set())


def _names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str,
           found: dict[str, list[tuple[str, str]]], *paragraphs: str) -> set[str]:
    def fake(nlp: object, texts: list[str], batch_size: int = 32) -> list[list[Mention]]:
        # the model reads the re-cased text: find the spans there, case-blind
        return [[Mention(n, t, text.lower().index(n.lower())) for n, t in found.get(
            next((k for k in found if k.lower() == text.lower()), ""), [])] for text in texts]

    monkeypatch.setattr(ner, "spacy_mentions", fake)
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data"))
    ctx.resource("entities.backend", lambda: ("spacy:test", object(), None))
    draft = Draft(title=title, paragraphs=paragraphs)
    article = Article(draft=draft, source=Source(seed="x.txt", sha256="0" * 64),
                      date=datetime(2010, 5, 5, tzinfo=UTC), date_source="metadata", slug="x")
    [done] = entities.entities_step([article], ctx)
    return {e.name for e in done.entities}


def test_names_only_a_headline_case_title_gives_are_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Varnish Prime Minister Calls Bank Workers' Riot Deaths 'Murder'"
    body = ("Prime Minister Quentin Ardaly said the deaths of three bank workers in the "
            "riots were murder.")
    found = {title: [("Calls Bank Workers", "organization"), ("Riot Deaths 'Murder", "person")],
             body: [("Quentin Ardaly", "person")]}
    names = _names(tmp_path, monkeypatch, title, found, body)
    assert names == {"Quentin Ardaly"}


def test_a_name_the_body_writes_too_is_kept(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Quentin Ardaly Calls Bank Workers' Deaths Murder In Varnish Parliament"
    body = "Quentin Ardaly spoke in parliament on Wednesday about the deaths."
    found = {title: [("Quentin Ardaly", "person")], body: [("Quentin Ardaly", "person")]}
    assert "Quentin Ardaly" in _names(tmp_path, monkeypatch, title, found, body)


def test_a_short_articles_title_case_headline_gives_no_names_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 5: "Lindsay Lohan Checks Into Rehab" was a person's page, and "Ellen
    DeGeneres Returns" another: the ECB+ articles are too short to show the headline's
    words in lower case a third of the time."""
    title = "Tamsin Reale Checks Into Rehab at Desert Clinic"
    body = "Tamsin Reale entered a clinic in the desert on Friday, her spokesman said."
    found = {title: [("Tamsin Reale Checks Into Rehab", "person")],
             body: [("Tamsin Reale", "person")]}
    assert _names(tmp_path, monkeypatch, title, found, body) == {"Tamsin Reale"}
