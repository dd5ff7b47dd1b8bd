"""The type a close cue gives a name is the article's type for it.

"Scottish rock band Kestrel Lane" names a band; the article's later bare mentions of
the name ("Kestrel Lane played") carry no cue, and the small model labels them by the
name's shape (a first name and a surname: a person). Counted as one vote among the
article's, the cue lost to them (``things.cued_bodies``, ``things.as_cued_body``).
A body's role noun between two names ("Quorin Tiles spokesman Jan Roe") makes the first
a body (``cues.staffed_body``) and the second a person, as does an honorific in the
model's span ("[Mr Dalby]", ``cues.titled_person``).

Names and text are made up. The model's mentions are given (a fake NER backend), and
the real entity step runs on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import cues, entities, fragments
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


def _types(got: tuple[Entity, ...]) -> dict[str, str]:
    return {e.name: e.type for e in got}


def test_a_kind_cue_types_the_articles_other_mentions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The Scottish rock band Kestrel Lane, who formed in 2001, won two prizes."
    b = "Kestrel Lane played first. Fans said Kestrel Lane had never sounded better."
    c = "Critics praised Kestrel Lane."
    found = {a: [("Kestrel Lane", "person")], b: [("Kestrel Lane", "person")],
             c: [("Kestrel Lane", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b, c))
    assert _types(got[0]) == {"Kestrel Lane": "organization"}


def test_without_a_cue_the_article_keeps_the_models_vote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The company Jane Roe founded, Zarvotel, won two prizes."
    b = "Jane Roe spoke first. Later Jane Roe left."
    found = {a: [("Jane Roe", "person"), ("Zarvotel", "organization")],
             b: [("Jane Roe", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0])["Jane Roe"] == "person"


def test_a_two_capital_name_is_not_spread(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # two capitals are dropped as an organisation's name (a transcript's speaker mark);
    # the cue does not take the article's other mentions with it
    a = "A report by telecoms giant ZQ said prices would fall."
    b = "ZQ shares rose. ZQ said profits doubled."
    found = {a: [("ZQ", "place")], b: [("ZQ", "place")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0]) == {"ZQ": "place"}


def test_a_role_noun_between_two_names_makes_the_first_a_body() -> None:
    text = "said Quorin Tiles spokesman Jan Roe. Zarvotel chief executive Ann Fell agreed."
    assert cues.staffed_body(text, Mention("Quorin Tiles", "person", 5))
    assert cues.staffed_body(text, Mention("Zarvotel", "person", text.find("Zarvotel")))
    # a person's spokesman is written with a possessive and no name after it
    other = "Jan Roe's spokesman said. Ann Fell spokesman for the club."
    assert not cues.staffed_body(other, Mention("Jan Roe", "person", 0))
    assert not cues.staffed_body(other, Mention("Ann Fell", "person", other.find("Ann")))
    # a place's name there is left to the team rule
    assert not cues.staffed_body(text, Mention("Quorin Tiles", "place", 5))


def test_a_staffed_body_is_an_organisation_in_its_article(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = '"It was a fair bet," said Quorin Tiles spokesman Jan Roe.'
    b = "Quorin Tiles cut its odds. Quorin Tiles paid out."
    found = {a: [("Quorin Tiles", "person"), ("Jan Roe", "person")],
             b: [("Quorin Tiles", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0]) == {"Quorin Tiles": "organization", "Jan Roe": "person"}


def test_an_honorific_or_a_role_noun_vouches_for_a_person() -> None:
    text = "The trial of Mr Dalby went on. Former Zarvotel boss Jan Roe denied it."
    assert cues.titled_person(text, Mention("Mr Dalby", "organization", 13)) \
        == Mention("Mr Dalby", "person", 13)
    assert cues.titled_person(text, Mention("Mr Dalby's", "organization", 13)) \
        == Mention("Mr Dalby's", "person", 13)
    at = text.find("Jan Roe")
    assert cues.titled_person(text, Mention("Jan Roe", "organization", at)) \
        == Mention("Jan Roe", "person", at)
    # ranks and offices also open the names of things: left to the vote
    for span in ("Miss Quorinia", "King Edward", "Prince Albert"):
        assert cues.titled_person(span, Mention(span, "organization", 0)) is None


def test_a_body_named_after_the_articles_person_is_not_spread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the bare "Van Roe" is some the band, some the guitarist: the cue speaks for its
    # own mention, and the others keep the model's vote
    a = "Jan Van Roe, guitarist of the Dutch rock band Van Roe, died on Tuesday."
    b = "Van Roe was born in Norland. Van Roe had been ill for years."
    found = {a: [("Jan Van Roe", "person"), ("Van Roe", "person")],
             b: [("Van Roe", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0]) == {"Van Roe": "person", "Jan Van Roe": "person"}


def test_an_appositive_body_noun_makes_a_person_typed_name_a_body(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Zarvo Tell, a reinsurance company, lost money. Zarvo Tell said so."
    b = "A group including Jan Roe and Ann Fell met. Jan Roe, a veteran broadcaster, spoke."
    found = {a: [("Zarvo Tell", "person")], b: [("Jan Roe", "person"), ("Ann Fell", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0]) == {"Zarvo Tell": "organization", "Jan Roe": "person",
                              "Ann Fell": "person"}


def test_a_band_role_noun_between_two_names() -> None:
    text = "Kestrel Lane drummer Jan Roe left."
    assert cues.staffed_body(text, Mention("Kestrel Lane", "person", 0))
    # a person's staff is written with a possessive: no cue
    text = "Jan Roe's spokesman Ann Fell said."
    assert not cues.staffed_body(text, Mention("Jan Roe", "person", 0))


def test_a_name_ending_with_a_plural_title_is_no_person() -> None:
    # a body of title holders; the vote's other type decides
    assert fragments.not_a_person(["Appeal Lords"], {"person": 1, "organization": 1}) \
        == "organization"
    # without a second opinion, or with a singular title, the vote stands
    assert fragments.not_a_person(["Appeal Lords"], {"person": 2}) is None
    assert fragments.not_a_person(["Jan Lord"], {"person": 1, "organization": 1}) is None


def test_a_span_glued_to_an_adverb_is_no_member_of_the_band(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The Scottish rock band Kestrel Lane won. Nevertheless Kestrel Lane were modest."
    b = "Kestrel Lane played first. Later Kestrel Lane left."
    found = {a: [("Kestrel Lane", "person"), ("Nevertheless Kestrel Lane", "person")],
             b: [("Kestrel Lane", "person")]}
    got = _step(tmp_path, monkeypatch, found, _article("a", 1, a, b))
    assert _types(got[0])["Kestrel Lane"] == "organization"
