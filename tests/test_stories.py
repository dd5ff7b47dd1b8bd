"""Same-story ids: equal for near-duplicates, different for unrelated stories."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from news_digest.enrich.pipeline import EnrichContext
from news_digest.enrich.stories import anchors, stories_step, story_id, text_names
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings


def make(title: str, *paragraphs: str, day: int = 8, entities: tuple[Entity, ...] = ()
         ) -> Article:
    return Article(draft=Draft(title=title, paragraphs=paragraphs),
                   source=Source(seed="x.txt", sha256="0" * 64),
                   date=datetime(2020, 1, day, tzinfo=UTC), date_source="path", slug="x",
                   entities=entities)


LOHAN_1 = make(
    "Lindsay Lohan checks into Betty Ford Center",
    "Actress Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day "
    "court-ordered stay, her lawyer said on Friday.",
    "Lohan had skipped an earlier rehab facility. Her lawyer said Lohan was doing well.",
)
LOHAN_2 = make(
    "Lohan Enters Rehab At Betty Ford After Court Order",
    "Lindsay Lohan entered the Betty Ford Center on Thursday night, a day after leaving "
    "another facility, according to her attorney.",
    "A judge had ordered Lohan to spend 90 days in a locked rehab facility.",
    day=9,
)
KLITSCHKO = make(
    "Klitschko retains heavyweight titles",
    "Wladimir Klitschko stopped Tony Thompson in the sixth round on Saturday to retain his "
    "heavyweight titles in Bern.",
    "Thompson was knocked down twice before the referee stopped the fight.",
)


def test_near_duplicates_share_a_story_id() -> None:
    a, b, c = stories_step([LOHAN_1, LOHAN_2, KLITSCHKO], EnrichContext(Settings()))
    assert a.story and re.fullmatch(r"[0-9a-f]{10}", a.story)
    assert a.story == b.story
    assert a.story != c.story


def test_story_id_is_per_article_and_deterministic() -> None:
    assert story_id(LOHAN_1) == story_id(LOHAN_1)
    [alone] = stories_step([LOHAN_2], EnrichContext(Settings()))
    assert alone.story == story_id(LOHAN_2)


def test_date_bucket_separates_old_and_new_coverage() -> None:
    later = make(LOHAN_1.title, *LOHAN_1.draft.paragraphs, day=29)
    assert story_id(later) != story_id(LOHAN_1)


def test_entity_names_drive_the_fingerprint_when_present() -> None:
    one = make("Strike on base", "Missiles hit the base.", entities=(
        Entity("Qassem Soleimani", "person", aliases=("Suleimani",), count=4),
        Entity("Iraq", "place", count=5)))
    two = make("Iran strikes back", "Revenge for Suleimani.", entities=(
        Entity("Qassem Soleimani", "person", count=3), Entity("Iran", "place", count=2)))
    assert anchors(one) == ("qassem soleimani",)
    assert story_id(one) == story_id(two)


def test_text_names_fold_surnames_and_skip_sentence_starts() -> None:
    names = text_names("Lohan Checks Into Rehab", (
        "Police said Lindsay Lohan arrived late. Lohan was calm.",))
    assert "Lindsay Lohan" in names and "Lohan" not in names and "Police" not in names
    assert "Lohan Checks Into Rehab" not in names
