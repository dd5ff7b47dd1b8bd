"""Round 4 entity rules: place names meaning another page's place, names called a thing.

Each test builds its own few-sentence article (or hand-made mentions) and fails
without the rule it names: "America" would keep a page of its own beside the United
States, a bare "New York" would mix the city and the state on one page, and a
spacecraft or a programming language the model typed a person would get a page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from news_digest.enrich import placenames, things
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.entities import entities_step
from news_digest.enrich.ner import OTHER, Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings


def article(*paragraphs: str, dateline: str | None = None) -> Article:
    draft = Draft(title="A report", paragraphs=paragraphs, dateline=dateline)
    return Article(draft=draft, source=Source(seed="x.txt", sha256="0" * 64),
                   date=datetime(2021, 3, 1, tzinfo=UTC), date_source="metadata", slug="x")


def places_of(tmp_path: Path, *paragraphs: str, dateline: str | None = None
              ) -> dict[str, Entity]:
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data", ner_backend="rules"))
    [done] = entities_step([article(*paragraphs, dateline=dateline)], ctx)
    return {e.name: e for e in done.entities if e.type == "place"}


# --- a country's short name ----------------------------------------------------------------

def test_short_names_come_from_iso_long_names_and_skip_ambiguous_tails() -> None:
    short = placenames.country_short_names()
    assert short["america"] == "United States"  # "United States of America"
    assert "korea" not in short  # both Koreas' long names end in it
    assert "palestine" not in short  # "State of Palestine" is already its usual name
    assert "man" not in short  # "Isle of Man" is a name, not a long form


def test_america_is_the_united_states_page_with_america_as_alias(tmp_path: Path) -> None:
    found = places_of(tmp_path, "She moved to America in 1990 and never left.",
                      "Officials in United States said nothing.")
    assert "America" not in found
    assert "America" in found["United States"].aliases


# --- a city sharing its bare name with its region -------------------------------------------

def test_bare_city_name_is_the_city_unless_the_words_around_say_state() -> None:
    text = ("Crowds gathered in New York on Monday. Floods hit upstate New York, and "
            "the state of New York declared an emergency. Buffalo, New York was spared. "
            "New York Governor Ann Roe spoke; the dateline read New York, New York. "
            "The Senator from New York, a former New York gubernatorial candidate, sued "
            "in the Southern District of New York.")
    names = [placenames.rename_place("New York", text, i)
             for i in range(len(text)) if text.startswith("New York", i)]
    assert names == ["New York City", "New York State", "New York State", "New York State",
                     "New York State", "New York City", "New York City", "New York State",
                     "New York State", "New York State"]


def test_country_named_like_a_city_is_never_renamed() -> None:
    assert "mexico" not in placenames.city_or_region()  # Mexico City's bare name is a country
    assert placenames.rename_place("Mexico", "flew to Mexico today", 12) is None
    assert placenames.rename_place("Paris", "flew to Paris today", 12) is None


def test_new_york_pages_split_by_context_in_an_article(tmp_path: Path) -> None:
    found = places_of(tmp_path, "Fires burned in New York state for a week.",
                      "Crowds marched in New York on Sunday.")
    assert "New York" not in found
    assert "New York" in found["New York State"].aliases
    assert "New York" in found["New York City"].aliases


def test_shouted_dateline_city_is_renamed(tmp_path: Path) -> None:
    found = places_of(tmp_path, "Markets fell on Monday.", dateline="NEW YORK (AP) —")
    assert "New York City" in found and "NEW YORK" not in found


# --- names the text calls a made thing ---------------------------------------------------------

def test_thing_cues_before_and_after_the_name() -> None:
    text = ("The Crew Dragon capsule docked. NASA's James Webb space telescope waits. "
            "A tool written in Python. Jane Roe said language matters. Acme Corp sued.")

    def called(name: str) -> bool:
        return things.called_a_thing(text, Mention(name, "person", text.index(name)))

    assert called("Crew Dragon") and called("James Webb") and called("Python")
    assert not called("Jane Roe") and not called("Acme Corp")


def test_a_name_before_a_natural_feature_noun_is_a_place() -> None:
    text = ("Lichens grow high up in Zembla mountain ranges. The Zembla continent was "
            "the last to report cases. Ships sailed up the Orvo river. Acme Corp sued. "
            "The Orvo team won. Zembla Group sold its island.")
    voted = things.thing_votes(text, [
        Mention("Zembla", "organization", text.index("Zembla")),
        Mention("Zembla", "organization", text.index("Zembla continent")),
        Mention("Orvo", "person", text.index("Orvo")),
        Mention("Acme Corp", "organization", text.index("Acme")),
        Mention("Orvo", "organization", text.index("Orvo team")),
        Mention("Zembla Group", "organization", text.index("Zembla Group"))])
    assert [m.type for m in voted] == ["place", "place", "place", "organization",
                                       "organization", "organization"]


def test_name_called_a_thing_in_the_article_gets_no_entity(tmp_path: Path) -> None:
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data", ner_backend="rules"))
    [done] = entities_step([article(
        "Engineers at Acme Corp checked the Zorvex Falcon capsule before launch.",
        "The Zorvex Falcon capsule carried two astronauts.")], ctx)
    names = {e.name for e in done.entities}
    assert "Acme Corp" in names and "Zorvex Falcon" not in names


def test_as_many_other_votes_as_entity_votes_drop_the_name() -> None:
    found = canonicalize([(Mention("Zorvex Falcon", "person"), 1.0),
                          (Mention("Zorvex Falcon", OTHER), 1.0),
                          (Mention("Jane Roe", "person"), 1.0)])
    assert [e.name for e in found] == ["Jane Roe"]


# --- a ministry named by its brief alone ------------------------------------------------------

def test_ministry_named_by_its_brief_is_generic_and_qualified_by_the_country() -> None:
    from news_digest.enrich import filters
    assert filters.generic("Ministry of Health")
    assert filters.generic("Ministry of Foreign Affairs")
    assert not filters.generic("Ministry of Health of Iran")
    assert filters.qualify("Ministry of Health", "Iran") == "Ministry of Health of Iran"
    found = canonicalize([(Mention("Ministry of Health", "organization"), 1.0),
                          (Mention("Peru", "place"), 1.0)])
    assert "Ministry of Health of Peru" in {e.name for e in found}
