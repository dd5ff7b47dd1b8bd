"""A name one article's works cue calls a work gets no page in any article.

"the sitcom Quell Lane" says Quell Lane is a work; the article drops it, but other
articles write the bare name, which the model types a place or a person by its shape,
and those made a page. The entity step lists such a dropped name in the post's
``works:`` and the resolver makes the cluster pageless, unless some article's close
cue stated it a body, a place or a person (a namesake).

Names and text are made up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import listing_model, report_article

from news_digest.enrich import entities, resolve, things
from news_digest.enrich.ner import Mention
from news_digest.ingest.writer import front_matter
from news_digest.model import Article
from news_digest.site import resolution

DAY = date(2021, 3, 1)


def _step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          found: dict[str, list[tuple[str, str]]], *articles: Article) -> list[Article]:
    ctx = listing_model(tmp_path, monkeypatch, found)
    return entities.entities_step(list(articles), ctx)


def _stated(text: str, name: str, etype: str) -> set[str]:
    return things.works_stated(text, [Mention(name, etype, text.index(name))])


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Fans queued for the quirky comedy Quell Lane on Friday.", "Quell Lane", "place"),
    ("Jan Roe is writing an episode of Quell Lane.", "Quell Lane", "organization"),
    ("The prize went to Quell Lane star Ann Fell.", "Quell Lane", "place"),
    ("It beat hits such as Zorby Dent and Quell Lane at the box office.", "Quell Lane",
     "person"),
    ("The Zorbies nominations were announced.", "Zorbies", "organization"),
])
def test_a_works_cue_states_a_work(text: str, name: str, etype: str) -> None:
    assert _stated(text, name, etype) == {name}


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Zorbly launched the Zorbly browser on Friday.", "Zorbly", "organization"),
    ("Quell Lane said the plan would work.", "Quell Lane", "person"),
    ("The Riverton Rovers star Jan Roe scored twice.", "Riverton Rovers", "organization"),
    ("The cast of the sitcom Quorin's Corner met fans.", "Quorin", "person"),
    ("He starred in shows such as Zorb TV's quiz Quell Lane.", "Zorb TV's", "organization"),
    ("He starred in shows such as Zorb TV's quiz Quell Lane.", "Zorb TV", "organization"),
])
def test_no_works_cue_states_nothing(text: str, name: str, etype: str) -> None:
    assert _stated(text, name, etype) == set()


def test_the_entity_step_lists_a_dropped_work_in_the_post(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Fans queued for the quirky comedy Quell Lane on Friday."
    found = {a: [("Quell Lane", "place")]}
    got = _step(tmp_path, monkeypatch, found, report_article("a", a))
    assert got[0].entities == ()
    assert got[0].works == ("Quell Lane",)
    assert front_matter(got[0], "")["works"] == ["Quell Lane"]


def test_a_name_the_article_keeps_is_no_work(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Crowds saw the film Jan Roe directed."
    b = "Jan Roe said the film was long. Jan Roe thanked the crew. Jan Roe left."
    found = {a: [("Jan Roe", "person")], b: [("Jan Roe", "person")]}
    got = _step(tmp_path, monkeypatch, found, report_article("a", a, b))
    assert [e.name for e in got[0].entities] == ["Jan Roe"]
    assert got[0].works == ()
    assert "works" not in front_matter(got[0], "")


def test_a_work_is_pageless_in_every_story() -> None:
    articles = [(DAY, [("place", "Quell Lane")]), (DAY, [("place", "Quell Lane")]),
                (DAY, [("organization", "Zorbly")])]
    assert ("place", "Quell Lane") not in resolve.resolve_corpus(articles).pageless
    got = resolve.resolve_corpus(articles, works=[[], [], ["Quell Lane"]])
    assert ("place", "Quell Lane") in got.pageless
    assert ("organization", "Zorbly") not in got.pageless


def test_a_piece_of_a_longer_name_is_not_matched() -> None:
    articles = [(DAY, [("person", "Jan Roe"), ("person", "Roe")]),
                (DAY, [("person", "Jan Roe")]), (DAY, [])]
    got = resolve.resolve_corpus(articles, works=[[], [], ["Roe"]])
    assert ("person", "Jan Roe") not in got.pageless


def test_a_stated_namesake_keeps_its_page() -> None:
    articles = [(DAY, [("organization", "Quell Lane")]), (DAY, [("organization", "Quell Lane")]),
                (DAY, [])]
    got = resolve.resolve_corpus(articles, cued=[["Quell Lane"], [], []],
                                 works=[[], [], ["Quell Lane"]])
    assert ("organization", "Quell Lane") not in got.pageless


def test_the_build_passes_the_posts_works_to_the_resolver() -> None:
    seen: list[tuple] = []

    def resolver(*args: object) -> resolve.Resolved:
        seen.append(args)
        return resolve.resolve_corpus(*args)  # type: ignore[arg-type]

    posts = [SimpleNamespace(date=DAY, entity_works=("Quell Lane",)),
             SimpleNamespace(date=DAY, entity_works=())]
    raw = [(("places", "Quell Lane"),), (("places", "Quell Lane"),)]
    _, pageless, _ = resolution.resolve(posts, raw, {}, frozenset(), 90, resolver)
    assert seen[-1][4] == [("Quell Lane",), ()]
    assert ("places", "Quell Lane") in pageless
