"""Round 7 (CoNLL recall): names our own steps lost, re-typed or rewrote.

Each case is a kind of loss the CoNLL-2003 error report (``bench/entities_conll.py
--errors``) traced to one of our stages rather than to the model; the fixtures are
hand-made and name nothing from that data, so these run without spaCy.
"""

from __future__ import annotations

from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.model import Entity


def mentions(*items: tuple[str, str | None]) -> list[tuple[Mention, float]]:
    return [(Mention(text, kind), 1.0) for text, kind in items]


def by_name(found: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in found}


# --- a surname votes as the person it joined ------------------------------------------

def test_surname_labels_do_not_outvote_the_full_name() -> None:
    found = canonicalize(mentions(("Jane Quillby", "person"), ("Quillby", "organization"),
                                  ("Quillby", "organization"), ("Quillby", "place")))
    assert found == (Entity("Jane Quillby", "person", ("Quillby",), 4),)


def test_ambiguous_surname_keeps_its_own_votes() -> None:
    found = by_name(canonicalize(mentions(
        ("Jane Quillby", "person"), ("Tom Quillby", "person"),
        ("Quillby", "organization"))))
    assert found["Quillby"].type == "organization"


# --- a person label on a word in capitals votes for nothing ---------------------------

def test_acronym_labelled_person_joins_its_expansion() -> None:
    found = canonicalize(mentions(("Zembla Democratic Party", "organization"),
                                  ("ZDP", "person")))
    assert found == (Entity("Zembla Democratic Party", "organization", ("ZDP",), 2),)


def test_shouted_surname_labelled_person_stays_an_alias() -> None:
    pairs = [*mentions(("Jane Quillby", "person"), ("Quillby", "person")),
             (Mention("QUILLBY", "person", tentative=True), 1.0)]
    found = canonicalize(pairs)
    assert found == (Entity("Jane Quillby", "person", ("QUILLBY", "Quillby"), 3),)


def test_lone_acronym_labelled_person_is_no_entity() -> None:
    assert canonicalize(mentions(("NASA", "person"))) == ()
    assert by_name(canonicalize(mentions(("NASA", "person"), ("NASA", "organization"))))[
        "NASA"].type == "organization"
