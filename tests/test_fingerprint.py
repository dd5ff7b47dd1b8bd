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
    "aliases": ("Ada Lovelace",),
}


def test_every_field_of_an_entity_page_changes_its_fingerprint() -> None:
    fields = {f.name for f in dataclasses.fields(EntityPage)}
    assert fields == set(CHANGED), "a new field needs a line here and in fingerprint_parts"
    base = Fingerprinter()(page())
    assert Fingerprinter()(page()) == base  # stable across builds (fresh memo)
    for name, value in CHANGED.items():
        assert Fingerprinter()(dataclasses.replace(page(), **{name: value})) != base, name


def test_a_reference_is_told_apart_by_every_field_and_by_its_type() -> None:
    """References (plain-field dataclasses) take a fast path; it must see every field,
    and two kinds of reference with equal fields must not share a fingerprint."""
    fp = Fingerprinter()
    base = fp(ref("Ada"))
    assert fp(EntityRef("people", "Ada", "ada", "entities/people/ada/")) == base
    for field in ("name", "group", "slug", "url"):
        changed = dataclasses.replace(ref("Ada"), **{field: "other"})
        assert Fingerprinter()(changed) != base, field
    for field, value in (("aliases", ("Ada L.",)), ("linked", False)):
        changed = dataclasses.replace(ref("Ada"), **{field: value})
        assert Fingerprinter()(changed) != base, field
    # equal field values, another kind of value
    assert Fingerprinter()(Tagged("a", "b")) != Fingerprinter()(Labelled("a", "b"))


@dataclasses.dataclass(frozen=True)
class Tagged:
    name: str
    tags: frozenset[str] | str


@dataclasses.dataclass(frozen=True)
class Labelled:
    name: str
    tags: str


def test_a_set_inside_a_dataclass_fingerprints_the_same_whatever_its_order() -> None:
    """A set's iteration order differs between processes; the fingerprint must not."""
    words = [f"w{i}" for i in range(50)]
    one = Tagged("a", frozenset(words))
    other = Tagged("a", frozenset(reversed(words)))
    assert Fingerprinter()(one) == Fingerprinter()(other)
    assert Fingerprinter()(one) != Fingerprinter()(Tagged("a", frozenset(words[1:])))
