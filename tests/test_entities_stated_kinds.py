"""The type a close cue states counts in the corpus vote, not only in its article.

"Japanese electronics firm Quorin" says Quorin is a firm; the corpus vote read only the
model's labels and the name's shape, so a gazetteer town of the same name, or a band
named like a person, won it back in every story. The entity step marks such a name
``cued`` (the post's ``cued:``) and the resolver gives the cluster the stated type.

Names and text are made up; the gazetteer is faked where a test needs a town's name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import listing_model, report_article

from news_digest.enrich import entities, gazetteer, resolve, things
from news_digest.enrich.ner import Mention
from news_digest.ingest.writer import front_matter
from news_digest.model import Article, Entity
from news_digest.site import resolution

DAY = date(2021, 3, 1)


def _step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          found: dict[str, list[tuple[str, str]]], *articles: Article) -> list[Article]:
    ctx = listing_model(tmp_path, monkeypatch, found)
    return entities.entities_step(list(articles), ctx)


def _type_of(result: resolve.Resolved, name: str) -> set[str]:
    return {t for pairs in result.entities_of for t, n in pairs if n == name}


def test_a_kind_cue_is_stated_whatever_the_models_label() -> None:
    text = "Shares in Japanese electronics firm Quorin rose. Zarvotel chief executive Jan Roe left."
    got = things.stated_bodies(text, [Mention("Quorin", "organization", text.find("Quorin")),
                                      Mention("Zarvotel", "organization",
                                              text.find("Zarvotel"))])
    assert got == {"Quorin", "Zarvotel"}


def test_a_towns_role_noun_states_no_body() -> None:
    # a town's name before "boss" and a person's name is its club's
    text = "Riverton boss Jan Roe was pleased."
    assert things.stated_bodies(text, [Mention("Riverton", "place", 0)]) == set()


def test_a_performers_role_noun_states_no_body() -> None:
    # "soul singer", "Riverton singer": what or where the singer sings, not a band
    text = "Quorin singer Jan Roe won. Zarvotel spokesman Ann Fell said so."
    got = things.stated_bodies(text, [Mention("Quorin", "organization", 0),
                                      Mention("Zarvotel", "organization",
                                              text.find("Zarvotel"))])
    assert got == {"Zarvotel"}


def test_a_name_the_model_cut_before_a_possessive_is_not_stated() -> None:
    text = "the all-male singing group Quorin's Child played"
    assert things.stated_bodies(text, [Mention("Quorin", "organization",
                                               text.find("Quorin"))]) == set()


def test_an_electoral_district_is_stated_a_place() -> None:
    text = "She entered Parliament for Riverton North in 1987."
    m = Mention("Riverton North", "organization", text.find("Riverton"))
    assert things.stated_places(text, [m]) == {"Riverton North"}
    assert things.stated_places("Riverton North won.", [Mention("Riverton North",
                                                                "organization")]) == set()


def test_a_stated_district_is_a_place_in_every_story() -> None:
    articles = [(DAY, [("place", "Riverton North")]),
                (DAY, [("organization", "Riverton North")])]
    assert _type_of(resolve.resolve_corpus(articles), "Riverton North") == {"organization"}
    got = resolve.resolve_corpus(articles, cued=[["Riverton North"], []])
    assert _type_of(got, "Riverton North") == {"place"}


def test_the_entity_step_marks_a_stated_body_and_the_post_carries_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Japanese electronics firm Quorin has built a robot."
    b = "Quorin said the robot could walk."
    found = {a: [("Quorin", "organization")], b: [("Quorin", "place")]}
    got = _step(tmp_path, monkeypatch, found, report_article("a", a, b))
    assert [(e.name, e.type, e.cued) for e in got[0].entities] == [
        ("Quorin", "organization", True)]
    assert front_matter(got[0], "")["cued"] == ["Quorin"]


def test_without_a_cue_nothing_is_marked(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    a = "Quorin has built a robot."
    found = {a: [("Quorin", "organization")]}
    got = _step(tmp_path, monkeypatch, found, report_article("a", a))
    assert not any(e.cued for e in got[0].entities)
    assert "cued" not in front_matter(got[0], "")


def test_a_stated_body_beats_the_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "is_place", lambda name: name == "Quorin")
    articles = [(DAY, [("organization", "Quorin")]), (DAY, [("organization", "Quorin")])]
    assert _type_of(resolve.resolve_corpus(articles), "Quorin") == {"place"}
    got = resolve.resolve_corpus(articles, cued=[["Quorin"], []])
    assert _type_of(got, "Quorin") == {"organization"}


def test_a_stated_band_beats_the_person_share() -> None:
    articles = [(DAY, [("person", "Kestrel Lane")]), (DAY, [("person", "Kestrel Lane")]),
                (DAY, [("person", "Kestrel Lane")]), (DAY, [("organization", "Kestrel Lane")])]
    assert _type_of(resolve.resolve_corpus(articles), "Kestrel Lane") == {"person"}
    got = resolve.resolve_corpus(articles, cued=[[], [], [], ["Kestrel Lane"]])
    assert _type_of(got, "Kestrel Lane") == {"organization"}


def test_the_build_passes_the_posts_cues_to_the_resolver() -> None:
    seen: list[tuple] = []

    def resolver(*args: object) -> resolve.Resolved:
        seen.append(args)
        return resolve.resolve_corpus(*args)  # type: ignore[arg-type]

    posts = [SimpleNamespace(date=DAY, entity_cued=("Quorin",)),
             SimpleNamespace(date=DAY, entity_cued=())]
    raw = [(("organizations", "Quorin"),), (("organizations", "Quorin"),)]
    resolution.resolve(posts, raw, {}, frozenset(), 90, resolver)
    assert seen[-1][3] == [("Quorin",), ()]
    for post in posts:
        post.entity_cued = ()
    resolution.resolve(posts, raw, {}, frozenset(), 90, resolver)
    assert len(seen[-1]) == 3  # a resolver that reads no cues is called as before


def test_an_entity_is_uncued_by_default() -> None:
    assert Entity("Quorin", "organization").cued is False


def test_a_one_word_name_after_a_performers_noun_is_a_person() -> None:
    text = "R&B star Quorin has the number one single. The rapper Zarvo's Revenge tour began."
    m = Mention("Quorin", "organization", text.find("Quorin"))
    assert things.performer_named(text, m)
    # a name that goes on with a possessive and a capital is a longer name's piece
    assert not things.performer_named(text, Mention("Zarvo", "organization",
                                                    text.find("Zarvo")))
    # a full name is left to the person cues; a word that is no performer's noun is no cue
    assert not things.performer_named("singer Jan Roe", Mention("Jan Roe", "place", 7))
    assert not things.performer_named("record label Quorin", Mention("Quorin", "place", 13))


def test_a_performer_is_a_person_in_every_story(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a = "R&B star Quorin has the new number one single."
    b = "Fans queued for Quorin's concert."
    found = {a: [("Quorin", "organization")], b: [("Quorin", "organization")]}
    got = _step(tmp_path, monkeypatch, found, report_article("a", a), report_article("b", b))
    assert [(e.name, e.type, e.cued) for e in got[0].entities] == [("Quorin", "person", True)]
    assert [(e.name, e.type, e.cued) for e in got[1].entities] == [
        ("Quorin", "organization", False)]
    articles = [(DAY, [("person", "Quorin")]), (DAY, [("organization", "Quorin")])]
    got_corpus = resolve.resolve_corpus(articles, cued=[["Quorin"], []])
    assert {t for t, _ in got_corpus.mapping[1].values()} == {"person"}
