"""Page fingerprints: a value that lists its own parts must list every field."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from news_digest.site.incremental.fingerprint import Fingerprinter
from news_digest.site.pages import EntityPage
from news_digest.site.taxonomy import EntityRef, TopicRef


def ref(name: str) -> EntityRef:
    slug = name.lower()
    return EntityRef("people", name, slug, f"entities/people/{slug}/")


def page() -> EntityPage:
    day = datetime(2020, 1, 3, 9, tzinfo=UTC)
    return EntityPage(
        ref=ref("Ada"), articles=("first", "second"), co_mentions=((ref("Bo"), 2),),
        topics=((TopicRef("politics", "Politics", "politics", "topics/politics/"), 1),),
        first_seen=day, last_seen=day, timeline=((date(2020, 1, 3), 2),))


CHANGED = {
    "ref": ref("Eve"),
    "articles": ("first",),
    "co_mentions": ((ref("Bo"), 3),),
    "topics": (),
    "first_seen": datetime(2020, 1, 2, tzinfo=UTC),
    "last_seen": datetime(2020, 1, 4, tzinfo=UTC),
    "timeline": ((date(2020, 1, 3), 1),),
}


def test_every_field_of_an_entity_page_changes_its_fingerprint() -> None:
    fields = {f.name for f in dataclasses.fields(EntityPage)}
    assert fields == set(CHANGED), "a new field needs a line here and in fingerprint_parts"
    base = Fingerprinter()(page())
    assert Fingerprinter()(page()) == base  # stable across builds (fresh memo)
    for name, value in CHANGED.items():
        assert Fingerprinter()(dataclasses.replace(page(), **{name: value})) != base, name
