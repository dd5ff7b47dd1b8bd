"""Issue #10, the BBC site: a bare name resolved to the wrong person's page.

* A word the corpus writes mostly as a first name ("David") is not resolved, through the
  corpus, to the one person who has it as a surname: written alone it is somebody's
  first name.

People and places are made up for the tests. Where the entity step runs, the model's
mentions are given (a fake NER backend) and the real entity step and corpus resolution
run on them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from news_digest.enrich.resolve import resolve_corpus


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
