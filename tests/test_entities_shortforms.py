"""BBC review: one body on several pages, under its short forms or a fragment of its name.

A station's number after "Radio"/"Channel" is part of its name; a party named by a
qualifier and a member noun ("the Vexan Democrats", "a Vexan Democrat leader") is one
organisation; a name clipped word by word ("Vex Dems") joins its one full form; a
brief of two subjects before a role word ("Farming and Fishing Secretary") is no body;
"the States" after a preposition of place is the country.

Names are made up; the model's mentions are given (a fake NER backend), and the real
entity step and corpus resolution run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import listing_model

from news_digest.enrich import cues
from news_digest.enrich.canonical import split_mention
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
    from news_digest.enrich import entities

    ctx = listing_model(tmp_path, monkeypatch, found)
    return [a.entities for a in entities.entities_step(list(articles), ctx)]


def _pages(found: list[tuple[Entity, ...]]) -> dict[str, tuple[str, set[int]]]:
    resolved = resolve_corpus([(datetime(2021, 3, 1 + i, tzinfo=UTC),
                                [(e.type, e.name) for e in ents])
                               for i, ents in enumerate(found)])
    out: dict[str, tuple[str, set[int]]] = {}
    for i, pairs in enumerate(resolved.entities_of):
        for etype, name in pairs:
            out.setdefault(name, (etype, set()))[1].add(i)
    return out


def test_a_stations_number_after_radio_or_channel_is_part_of_its_name() -> None:
    assert split_mention("Zell Radio 4's") == ["Zell Radio 4's"]
    assert split_mention("Channel 9") == ["Channel 9"]
    # a figure after any other word is still a score or a count
    assert split_mention("Zellshire 238") == ["Zellshire"]
    assert split_mention("Zell Radio 4-3") == ["Zell Radio"]


def test_a_qualifier_and_a_member_noun_name_one_party() -> None:
    text = "The Vexan Democrats won; Vexan Democrat leader Ola Brisk said so."
    second, person = text.index("Vexan Democrat "), text.index("Ola")
    got = cues.party_of_members(text, [Mention("Vexan", "organization", second),
                                       Mention("Ola Brisk", "person", person)])
    assert [(m.text, m.type, m.start) for m in got] == [
        ("Vexan Democrats", "organization", 4), ("Vexan Democrats", "organization", second),
        ("Ola Brisk", "person", person)]
    # a word of its own, a chamber, a longer name or a span running past it: no party
    for other in ("Other Republicans agreed.", "the Senate Democrats agreed.",
                  "the Texas Democrats agreed.", "the Vexan Democrat Party agreed.",
                  "Mr Vexan Democrats agreed."):
        assert cues.party_of_members(other, []) == [], other
    past = [Mention("Vexan Democrat Ola Brisk", "person", 4)]
    assert cues.party_of_members("the Vexan Democrat Ola Brisk spoke.", past) == past


def test_a_name_clipped_word_by_word_is_its_full_form(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The Vexan Democrats won seats, said Ola Brisk."
    b = "Vex Dem leader Ola Brisk spoke. The Vex Dems want a vote."
    c = "The Vex Dems and Ola Brisk lost."
    found: Found = {a: [("Ola Brisk", "person")],
                    b: [("Vex Dem", "person"), ("Ola Brisk", "person"),
                        ("Vex Dems", "person")],
                    c: [("Vex Dems", "person"), ("Ola Brisk", "person")]}
    pages = _pages(_step(tmp_path, monkeypatch, found, _article("a", 1, a),
                         _article("b", 2, b), _article("c", 3, c)))
    assert pages["Vexan Democrats"] == ("organization", {0, 1, 2})
    assert not {"Vex Dem", "Vex Dems"} & set(pages)


def test_a_two_subject_brief_before_a_role_word_is_no_body() -> None:
    text = "It was raised by Farming and Fishing Secretary Ola Brisk on Monday."
    brief = Mention("Farming and Fishing", "organization", text.index("Farming"))
    assert cues.paired_portfolio(text, brief)
    assert cues.shortforms_mend(text, [brief]) == []
    with_the = "It was raised by the Farming and Fishing Secretary Ola Brisk."
    assert cues.paired_portfolio(with_the, Mention("the Farming and Fishing", "organization",
                                                   with_the.index("the F")))
    # a body's head word, a word that is not common, or no role after it: a name
    for other, name in (("the Farming and Fishing Club said", "Farming and Fishing Club"),
                        ("the Zorvek and Fishing Secretary said", "Zorvek and Fishing"),
                        ("the Farming and Fishing said", "Farming and Fishing")):
        assert not cues.paired_portfolio(
            other, Mention(name, "organization", other.index(name))), other


def test_the_states_after_a_preposition_is_the_country() -> None:
    text = "The band sold well in the States and toured member States of the bloc."
    first = Mention("States", "place", text.index("States"))
    second = Mention("States", "place", text.rindex("States"))
    got = cues.shortforms_mend(text, [first, second])
    assert [m.text for m in got] == ["United States", "States"]


def test_a_clipped_first_word_after_the_is_the_articles_body() -> None:
    texts = ["The Zelwick Reserve raised rates.", "The Zel's board met, and the Zel said so."]
    mentions = [[Mention("The Zelwick Reserve", "organization", 0)],
                [Mention("Zel", "organization", 4), Mention("Zel", "organization", 30)]]
    got = cues.clipped_first_word(mentions, texts)
    assert [m.text for m in got[1]] == ["Zelwick Reserve", "Zelwick Reserve"]
    # no "the" before it (a brand), or two bodies it could clip: left alone
    brand = [[Mention("Zelwick Reserve", "organization", 0)], [Mention("Zel", "organization", 0)]]
    assert cues.clipped_first_word(brand, ["Zelwick Reserve met.", "Zel said so."]) == brand
    two = [[Mention("Zelwick Reserve", "organization", 0),
            Mention("Zelmore Bank", "organization", 20)], [Mention("Zel", "organization", 4)]]
    assert cues.clipped_first_word(two, ["Zelwick Reserve and Zelmore Bank met.",
                                         "The Zel said so."]) == two


def test_a_region_after_a_broadcasters_medium_noun_is_its_stations_name() -> None:
    text = "Zell Radio Northmark presenter Ola Brisk said Northmark voted."
    got = cues.shortforms_mend(text, [Mention("Zell Radio", "organization", 0),
                                      Mention("Northmark", "place", 11),
                                      Mention("Ola Brisk", "person", 31),
                                      Mention("Northmark", "place", 46)])
    assert [(m.text, m.type) for m in got] == [
        ("Zell Radio Northmark", "organization"), ("Ola Brisk", "person"),
        ("Northmark", "place")]
    # a body not ending in a medium noun keeps the place apart
    other = "Zell Group Northmark said so."
    kept = [Mention("Zell Group", "organization", 0), Mention("Northmark", "place", 11)]
    assert cues.shortforms_mend(other, kept) == kept


def test_a_party_named_by_its_country_joins_the_bare_word_of_that_countrys_articles() -> None:
    day = datetime(2021, 3, 1, tzinfo=UTC)
    norway = [("place", "Norway"), ("place", "Oslo")]
    resolved = resolve_corpus([
        (day, [("organization", "Zel Party"), ("organization", "Zel"), *norway]),
        (day, [("organization", "Zel Party"), ("place", "Chile")]),
        (day, [("organization", "Zel"), *norway]),
        (day, [("organization", "Zel"), *norway])])
    parties = [{n for t, n in pairs if t == "organization"} for pairs in resolved.entities_of]
    assert parties == [{"Zel"}, {"Zel Party of Chile"}, {"Zel"}, {"Zel"}]
