"""One page per body when a chamber is also written by its members noun (helper "mixes",
round 23).

- a one-word plural body name that is the members noun of exactly one "House of …" or
  "Chamber of …" of the corpus is that chamber ("the Zorbs" = "House of Zorbs");
- two chambers of that noun, another head ("College of …"), or a singular word keep the
  bare word apart.

Made-up names throughout.
"""

from __future__ import annotations

from datetime import UTC, datetime

from news_digest.enrich import bodies
from news_digest.enrich.resolve import resolve_corpus

DAY = datetime(2021, 3, 1, tzinfo=UTC)


def _pages(articles: list[list[tuple[str, str]]]) -> dict[str, set[int]]:
    """Page name → the articles linking it (a page needs two)."""
    resolved = resolve_corpus([(DAY, pairs) for pairs in articles])
    found: dict[str, set[int]] = {}
    for i, pairs in enumerate(resolved.entities_of):
        for pair in pairs:
            if pair not in resolved.pageless:
                found.setdefault(pair[1], set()).add(i)
    return {name: idx for name, idx in found.items() if len(idx) >= 2}


def test_the_members_noun_is_the_chamber() -> None:
    pages = _pages([
        [("organization", "House of Quorbles"), ("person", "Jan Roe")],
        [("organization", "Quorbles"), ("person", "Jan Roe")],
        [("organization", "Quorbles"), ("organization", "House of Quorbles")],
    ])
    assert pages.get("House of Quorbles") == {0, 1, 2}
    assert "Quorbles" not in pages


def test_a_chamber_of_members_and_its_country() -> None:
    clusters = {"a": ("organization", "Chamber of Zentors of Velland"),
                "b": ("organization", "Zentors")}
    assert bodies.chamber_short_forms(clusters, {}) == {"b": "a"}


def test_two_chambers_of_one_noun_keep_the_word_apart() -> None:
    clusters = {"a": ("organization", "House of Zentors of Velland"),
                "b": ("organization", "House of Zentors of Orrin"),
                "c": ("organization", "Zentors")}
    assert bodies.chamber_short_forms(clusters, {}) == {}


def test_another_head_or_a_singular_word_is_not_a_chamber() -> None:
    clusters = {"a": ("organization", "College of Brantwicks"),
                "b": ("organization", "Brantwicks"),
                "c": ("organization", "House of Orrin"),
                "d": ("organization", "Orrin"),
                "e": ("place", "House of Pelts"),
                "f": ("organization", "Pelts")}
    assert bodies.chamber_short_forms(clusters, {}) == {}
