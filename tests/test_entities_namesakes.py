"""Issue #10, the BBC site: a bare name resolved to the wrong person's page.

* A word the corpus writes mostly as a first name ("David") is not resolved, through the
  corpus, to the one person who has it as a surname: written alone it is somebody's
  first name.
* A one-word person span right after one capitalised name word ("Quorin [Dalby]") is
  the whole name written: the model knew the surname, not the rare first name, and the
  bare surname would resolve to another person of that surname.
* A one-word person span after a lower-case "the" that ends its noun phrase ("visitors
  to the Vantry.") is a thing's name, not a person's surname: the article's bare
  mentions of that word are no person.
* A place written under another of its names ("Holland") that is the surname of one of
  the article's full-named people is that person ("Tobin Holland … laid it off to
  Holland who scored"), not the place's page.

People and places are made up for the tests. Where the entity step runs, the model's
mentions are given (a fake NER backend) and the real entity step and corpus resolution
run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.enrich import cues, entities, ner
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.enrich.resolve import resolve_corpus
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings

Found = dict[str, list[tuple[str, str]]]


def _day(i: int) -> datetime:
    return datetime(2021, 3, 1 + i, tzinfo=UTC)


def _resolved(*articles: list[tuple[str, str]]) -> list[set[str]]:
    found = resolve_corpus([(_day(i), pairs) for i, pairs in enumerate(articles)])
    return [{name for _, name in pairs} for pairs in found.entities_of]


def test_a_word_written_mostly_as_a_first_name_is_not_a_corpus_surname() -> None:
    got = _resolved(
        [("person", "Fenwick Dorran")],
        [("person", "Dorran Quillby")],
        [("person", "Dorran Vesk")],
        [("person", "Dorran Tallo")],
        [("person", "Dorran"), ("person", "Marla Quent")],  # a character called Dorran
        [("person", "Vesk")],
        [("person", "Fenwick Dorran"), ("person", "Dorran")],
    )
    assert "Fenwick Dorran" not in got[4]
    assert got[5] == {"Dorran Vesk"}  # a surname still resolves through the corpus
    assert got[6] == {"Fenwick Dorran"}  # the article's own person takes the word


def test_a_surname_that_is_no_ones_first_name_still_resolves() -> None:
    got = _resolved(
        [("person", "Fenwick Dorran")],
        [("person", "Dorran"), ("person", "Marla Quent")],
    )
    assert got[1] == {"Fenwick Dorran", "Marla Quent"}


def _article(slug: str, day: int, *paragraphs: str) -> Article:
    draft = Draft(title=f"Report {slug}", paragraphs=paragraphs)
    return Article(draft=draft, source=Source(seed=f"{slug}.txt", sha256="0" * 64),
                   date=_day(day), date_source="metadata", slug=slug)


def _step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: Found,
          *articles: Article) -> list[tuple[Entity, ...]]:
    """The entity step over ``articles``, the model finding ``found`` per text (every
    occurrence of each listed name, as a whole word, outside the longer ones)."""
    def fake(nlp: object, texts: list[str], batch_size: int = 32) -> list[list[Mention]]:
        import re

        out = []
        for text in texts:
            ms = [Mention(name, etype, hit.start()) for name, etype in found.get(text, [])
                  for hit in re.finditer(rf"\b{re.escape(name)}\b", text)]
            ms = [m for m in ms if not any(  # the model's spans do not nest
                o.start <= m.start and m.start + len(m.text) <= o.start + len(o.text)
                and len(o.text) > len(m.text) for o in ms)]
            out.append(sorted(ms, key=lambda m: m.start))
        return out

    monkeypatch.setattr(ner, "spacy_mentions", fake)
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data"))
    ctx.resource("entities.backend", lambda: ("spacy:test", object(), None))
    return [a.entities for a in entities.entities_step(list(articles), ctx)]


def _pages(found: list[tuple[Entity, ...]]) -> list[set[str]]:
    return _resolved(*[[(e.type, e.name) for e in ents] for ents in found])


def test_a_rare_first_name_before_a_bare_surname_is_part_of_the_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = "The producer Tobin Dalby said the show would go on."
    two = ("Quorin Dalby, Ras Pelmont and Ivo Stark will host the show. "
           "Dalby said it was an honour.")
    got = _pages(_step(tmp_path, monkeypatch, {
        one: [("Tobin Dalby", "person")],
        two: [("Dalby", "person"), ("Ras Pelmont", "person"), ("Ivo Stark", "person")],
    }, _article("one", 1, one), _article("two", 2, two)))
    assert "Tobin Dalby" not in got[1]
    assert "Quorin Dalby" in got[1]


def test_a_word_of_its_own_or_a_common_word_before_a_surname_is_not_a_first_name() -> None:
    for text in ("But Dalby said no.", "Striker Dalby scored.", "Meanwhile Dalby left.",
                 "He met Welsh Dalby fans.", "Ms Dalby said no.", "Fit-again Dalby plays.",
                 "Vice-President Dalby spoke.", "Workers at the Quorin Dalby yard."):
        at = text.index("Dalby")
        assert cues.given_name_before(text, Mention("Dalby", "person", at), []) is None, text
    text = "Quorin Dalby spoke."
    got = cues.given_name_before(text, Mention("Dalby", "person", 7), [])
    assert got is not None and (got.text, got.start) == ("Quorin Dalby", 0)


def test_a_bare_name_after_the_is_no_person(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = "The comedian Marla Vantry won an award."
    two = ("Messages were sent by visitors to the Vantry. Artists who decorated the "
           "Vantry tree included Ivo Stark.")
    three = "Ivo Stark said the Vantry government fell. Vantry resigned."
    got = _pages(_step(tmp_path, monkeypatch, {
        one: [("Marla Vantry", "person")],
        two: [("Vantry", "person"), ("Ivo Stark", "person")],
        three: [("Vantry", "person"), ("Ivo Stark", "person")],
    }, _article("one", 1, one), _article("two", 2, two), _article("three", 3, three)))
    assert "Marla Vantry" not in got[1] and "Vantry" not in got[1]
    assert "Marla Vantry" in got[2]  # "the Vantry government": a person's name as modifier
    text = "the Vantry's director"
    assert cues.bare_with_the(text, Mention("Vantry", "person", 4))
    assert not cues.bare_with_the("the Vantry government", Mention("Vantry", "person", 4))


def test_a_place_alias_that_is_the_articles_persons_surname_is_that_person(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = ("Tobin Holland put the visitors ahead. Ivo Stark laid it off to Holland who "
           "scored.")
    two = "Ivo Stark flew to Holland for the final."
    found = _step(tmp_path, monkeypatch, {
        one: [("Tobin Holland", "person"), ("Ivo Stark", "person"), ("Holland", "place")],
        two: [("Ivo Stark", "person"), ("Holland", "place")],
    }, _article("one", 1, one), _article("two", 2, two))
    got = _pages(found)
    assert got[0] == {"Tobin Holland", "Ivo Stark"}
    assert "Netherlands" in got[1]  # no one of that surname: the place


def test_an_acronym_with_its_link_words_in_small_letters_joins_its_body() -> None:
    from news_digest.enrich import resolve

    assert resolve._mixed_acronym("Bank of Zembla") == "BoZ"
    assert resolve._mixed_acronym("Ministry for Quellstar Affairs") == "MfQA"
    assert resolve._mixed_acronym("Zembla Bank") is None  # no link word inside
    day = datetime(2021, 3, 1, tzinfo=UTC)
    resolved = resolve.resolve_corpus([
        (day, [("organization", "Bank of Zembla"), ("place", "Zembla")]),
        (day, [("organization", "BoZ"), ("organization", "Bank of Zembla"),
               ("place", "Zembla")]),
        (day, [("organization", "BoZ"), ("place", "Zembla")]),
    ])
    assert [sorted(n for t, n in pairs if t == "organization")
            for pairs in resolved.entities_of] == [["Bank of Zembla"]] * 3
