"""Issue #10, BBC review: a work's or a program's title typed a person, body or place.

English news names the kind of a work right before its title ("quirky comedy <Title>",
"his album <Title>", "the file-sharing programs <A>, <B> and <C>") or in a list it heads
("movies such as <Title>"); those mentions vote ``other`` and a title the article names
only so gets no entity. The maker written before a work noun ("a <Director> film") and a
verb before a name ("figures show <Firm>") are no such cue.

Names are made up; the model's mentions are given (a fake NER backend), and the real
entity step and corpus resolution run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import entities, things
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
    """The entity step over ``articles``, the model finding ``found`` per text."""
    ctx = listing_model(tmp_path, monkeypatch, found)
    return [a.entities for a in entities.entities_step(list(articles), ctx)]


def _pages(found: list[tuple[Entity, ...]]) -> dict[str, set[int]]:
    resolved = resolve_corpus([(datetime(2021, 3, 1 + i, tzinfo=UTC),
                                [(e.type, e.name) for e in ents])
                               for i, ents in enumerate(found)])
    out: dict[str, set[int]] = {}
    for i, pairs in enumerate(resolved.entities_of):
        for _, name in pairs:
            out.setdefault(name, set()).add(i)
    return out


def _called(text: str, name: str, etype: str = "organization") -> bool:
    return things.called_a_thing(text, Mention(name, etype, text.index(name)))


def test_a_work_noun_right_before_a_name_or_a_list_makes_it_a_work() -> None:
    assert _called("Quirky comedy Brindlewick was named best film.", "Brindlewick", "place")
    assert _called("Her second album Quorra Nights reached number one.", "Quorra Nights")
    assert _called("users of the file-sharing programs Zappex, eVolt and PeerKeld",
                   "PeerKeld")
    assert _called("users of the file-sharing programs Zappex, eVolt and PeerKeld", "eVolt")
    assert _called("Studios hope for movies such as Tarn Halloway to sell.", "Tarn Halloway",
                   "person")
    assert _called("Other browser software, like Vexilo, is gaining.", "Vexilo")


def test_the_maker_a_verb_or_another_line_is_no_work_cue() -> None:
    assert not _called("It is a Dorvan Pike film about wine.", "Dorvan Pike", "person")
    assert not _called("Figures show Quellco lost money.", "Quellco")
    assert not _called("Trouble-hit Quellco Motors is in talks.", "Quellco Motors")
    assert not _called("They play Harrowby on Sunday.", "Harrowby")
    assert not _called("the film Alpha and Beta", "Beta")  # a singular noun heads no list
    # a headline ending in a work noun does not reach the next line's name
    assert not _called("Debut for new Dorvan Pike movie\n\nHollywick stars Dorvan Pike.",
                       "Hollywick", "place")


def test_titles_named_only_as_works_get_no_page(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    one = ("Quirky comedy Brindlewick, starring Dorvan Pike, won. "
           "Modest wine comedy Brindlewick beat its rivals.")
    two = ("The critics named comedy Brindlewick best film. Dorvan Pike thanked them, "
           "and the quirky movie Brindlewick will open in May.")
    found: Found = {one: [("Brindlewick", "place"), ("Dorvan Pike", "person")],
                    two: [("Brindlewick", "place"), ("Dorvan Pike", "person")]}
    pages = _pages(_step(tmp_path, monkeypatch, found,
                         _article("a", 1, one), _article("b", 2, two)))
    assert "Brindlewick" not in pages
    assert pages["Dorvan Pike"] == {0, 1}


# --- nationality words ----------------------------------------------------------------


def test_words_for_a_nations_people_are_no_entity(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from news_digest.enrich import bodies

    a = "A Briton and two Frenchmen were rescued by Zorbly Marine off Dover on Monday."
    b = "Zorbly Marine said the Briton had been in the water for an hour."
    found = {a: [("Briton", "person"), ("Frenchmen", "organization"),
                 ("Zorbly Marine", "organization")],
             b: [("Zorbly Marine", "organization"), ("Briton", "person")]}
    pages = _pages(_step(tmp_path, monkeypatch, found, _article("a", 1, a),
                         _article("b", 2, b)))
    assert set(pages) == {"Zorbly Marine"}
    for name in ("Briton", "Britons", "Frenchman", "Frenchmen", "Asian Britons", "Scots",
                 "Australians", "Iraqi"):
        assert bodies.nationality(name), name
    # the nation itself, a team or firm named with a demonym, and a person are entities
    for name in ("Australia", "Scotland", "Hawaiian Airlines", "Zorbly Frenchman",
                 "Texans", "Mary Scot"):
        assert not bodies.nationality(name), name


def test_shows_awards_and_trophies_are_events_not_bodies() -> None:
    from news_digest.enrich import filters

    for name, etype in (("Zorbly Electronics Show", "organization"), ("Grand Slam", "place"),
                        ("Quillcat Award", "organization"), ("Brantmark Trophy", "place")):
        assert filters.rejected(name, etype) == "event", name
    # a person's surname may be one of those words
    assert filters.rejected("Ruth Show", "person") is None
