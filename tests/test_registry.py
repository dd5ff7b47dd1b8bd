"""The entity registry: parsing with clear errors, learning, and line-preserving saves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from news_digest.enrich.entities import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.model import Article, Draft, Entity, Source
from news_digest.vocab.registry import (
    Change,
    RegistryError,
    apply_changes,
    default_text,
    learn,
    load_registry,
    parse,
    save_learned,
    update_registry,
)

CURATED = """\
# Curated by the desk. Keep this comment.
Revolutionary Guards:   # renamed by the curator (was Islamic Revolutionary Guard Corps)
  type: organization
  aliases: [IRGC, Islamic Revolutionary Guard Corps]

# people
Qassem Soleimani:
  type: person
  aliases:
    - Qasem Soleimani   # spelling used by Reuters
Zeta Org:
  type: organization
Acme Corp: {type: organization}
United States:
  type: place
  aliases: [U.S., US]
Spam Corp:
  type: organization
  block: true
"""


def article(*found: Entity) -> Article:
    return Article(draft=Draft(title="t", paragraphs=()), source=Source("s.txt", "0" * 64),
                   date=datetime(2020, 1, 1, tzinfo=UTC), date_source="metadata", slug="t",
                   entities=found)


# --- parsing -------------------------------------------------------------------------------

def test_default_registry_is_valid_and_knows_common_names() -> None:
    registry = parse(default_text())
    assert registry.canonical("u.s") == ("United States", "place")
    assert registry.canonical("Britain") == ("United Kingdom", "place")
    assert registry.canonical("IRGC") == ("Islamic Revolutionary Guard Corps", "organization")
    assert registry.canonical("Iranian Revolution Guard Corps")[0] == (
        "Islamic Revolutionary Guard Corps")
    assert registry.canonical("AP") == ("Associated Press", "organization")
    assert registry.canonical("UN") == ("United Nations", "organization")
    assert registry.canonical("E.U.") == ("European Union", "organization")
    assert registry.canonical("Nowhere Land") is None


def test_load_registry_falls_back_to_the_default(tmp_path: Path) -> None:
    assert len(load_registry(tmp_path / "missing.yml")) == len(parse(default_text()))
    assert not (tmp_path / "missing.yml").exists()  # reading never writes


def test_lookups_and_block() -> None:
    registry = parse(CURATED)
    assert registry.canonical("irgc") == ("Revolutionary Guards", "organization")
    assert registry.is_blocked("Spam Corp")
    assert not registry.is_blocked("Acme Corp")
    assert registry.entry("Zeta Org").slug is None  # no slug: line, the site picks one


@pytest.mark.parametrize(("text", "message"), [
    ("A:\n  type: thing\n", r"<registry>:2: unknown type 'thing'"),
    ("A:\n  type: place\n  aliases: [X]\nB:\n  type: place\n  aliases: [x]\n",
     r"<registry>:4: 'x' of 'B' is already claimed by 'A' \(line 1\)"),
    ("A:\n  type: place\n  colour: red\n", r":3: unknown key 'colour'"),
    ("A:\n  type: place\nA:\n  type: place\n", r":3: 'A' is listed twice"),
    ("A:\n  aliases: [B]\n", r":1: 'A' has no 'type'"),
    ("A:\n  type: place\n  aliases: B\n", r":3: aliases of 'A' must be a list"),
    ("A:\n  type: place\n  block: maybe\n", r":3: block of 'A' must be true or false"),
    ("- A\n- B\n", r":1: expected a mapping"),
    ("A: [unclosed\n", r"not valid YAML"),
])
def test_errors_name_file_line_and_problem(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        parse(text)


def test_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_text("A:\n  type: thing\n", "utf-8")
    with pytest.raises(RegistryError, match=rf"{path}:2:"):
        load_registry(path)


# --- learning ---------------------------------------------------------------------------------

def test_learn_new_entities_and_aliases() -> None:
    registry = parse(CURATED)
    changes = learn(registry, [
        Entity("Qassem Soleimani", "person", ("Qassim Suleidmani", "Suleimani"), 4),
        Entity("Jane Roe", "person", (), 2),
        Entity("One Off", "person", (), 1),
        Entity("Revolutionary Guards", "organization", ("Iranian Revolution Guard Corps",), 2),
        Entity("Spam Corp", "organization", ("Spam Corporation",), 3),
    ])
    assert changes == [
        Change("entity", "Jane Roe", "person"),
        Change("alias", "Qassem Soleimani", "person", "Qassim Suleidmani"),
        Change("alias", "Revolutionary Guards", "organization", "Iranian Revolution Guard Corps"),
    ]  # a lone surname, a one-off and a blocked entity are not learned


def test_learn_is_idempotent_after_save(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_text(CURATED, "utf-8")
    found = [article(Entity("Jane Roe", "person", ("Jane Q. Roe",), 2))]
    assert update_registry(path, found) == 2
    once = path.read_text("utf-8")
    assert update_registry(path, found) == 0
    assert path.read_text("utf-8") == once


# --- saving keeps the curator's file --------------------------------------------------------

def test_round_trip_keeps_comments_order_and_edits(tmp_path: Path) -> None:
    path = tmp_path / "entities.yml"
    path.write_text(CURATED, "utf-8")
    registry = load_registry(path)
    changes = learn(registry, [
        Entity("Revolutionary Guards", "organization", ("Iranian Revolution Guard Corps",), 3),
        Entity("Qassem Soleimani", "person", ("Qassim Suleidmani",), 4),
        Entity("Zeta Org", "organization", ("Zeta Organisation",), 2),
        Entity("Acme Corp", "organization", ("Acme Corporation",), 2),
        Entity("Brand New", "place", ("Brand-New Town",), 2),
    ])
    save_learned(path, registry, changes)
    text = path.read_text("utf-8")
    new_lines = text.splitlines()
    # every curator line survives, in order, apart from the two edited in place
    unedited = [line for line in CURATED.splitlines()
                if "aliases: [IRGC" not in line and "Acme Corp:" not in line]
    rest = iter(new_lines)
    assert all(any(line == new for new in rest) for line in unedited)
    assert "# Curated by the desk. Keep this comment." in new_lines
    assert "    - Qasem Soleimani   # spelling used by Reuters" in new_lines
    assert ("  aliases: [IRGC, Islamic Revolutionary Guard Corps, Iranian Revolution Guard Corps]"
            in new_lines)
    assert "    - Qassim Suleidmani" in new_lines
    assert "Acme Corp: {type: organization, aliases: [Acme Corporation]}" in new_lines
    assert new_lines[-3:] == ["Brand New:", "  type: place", "  aliases: [Brand-New Town]"]
    again = load_registry(path)
    assert again.canonical("Iranian Revolution Guard Corps") == (
        "Revolutionary Guards", "organization")
    assert again.canonical("Zeta Organisation") == ("Zeta Org", "organization")
    assert again.canonical("Qassim Suleidmani") == ("Qassem Soleimani", "person")
    assert again.canonical("Brand-New Town") == ("Brand New", "place")
    # the order of the curator's entries is theirs, not sorted
    names = [e.name for e in again.entries]
    assert names[:3] == ["Revolutionary Guards", "Qassem Soleimani", "Zeta Org"]
    assert yaml.safe_load(text)["Zeta Org"]["aliases"] == ["Zeta Organisation"]


def test_alias_added_after_a_comment_stays_inside_its_entry() -> None:
    text = "A:\n  type: place\n# about B\nB:\n  type: place\n"
    out = apply_changes(text, [Change("alias", "A", "place", "Ay")])
    assert out == "A:\n  type: place\n  aliases: [Ay]\n# about B\nB:\n  type: place\n"


def test_odd_names_are_quoted() -> None:
    out = apply_changes("", [Change("entity", "AT&T: The Company", "organization"),
                             Change("alias", "AT&T: The Company", "organization", "#1 [x]")])
    assert parse(out).canonical("#1 [x]") == ("AT&T: The Company", "organization")


def test_update_registry_seeds_from_the_default(tmp_path: Path) -> None:
    path = tmp_path / "data" / "entities.yml"
    assert update_registry(path, [article()]) == 0
    assert path.read_text("utf-8") == default_text()


# --- curator edits are respected by ingest --------------------------------------------------

def test_curator_rename_merge_and_block_are_respected() -> None:
    registry = parse(CURATED)
    found = {e.name: e for e in canonicalize([
        (Mention("IRGC", "organization"), 1.0),
        (Mention("Islamic Revolutionary Guard Corps", "organization"), 1.0),
        (Mention("Qasem Soleimani", "person"), 1.0),
        (Mention("Spam Corp", "organization"), 1.0),
    ], registry)}
    assert found["Revolutionary Guards"].aliases == ("IRGC", "Islamic Revolutionary Guard Corps")
    assert found["Qassem Soleimani"].aliases == ("Qasem Soleimani",)
    assert "Spam Corp" not in found


def test_learning_votes_on_type_across_articles(tmp_path: Path) -> None:
    """Most articles call him a person; one NER slip must not make him an organisation."""
    from news_digest.vocab.registry import learn, load_registry

    registry = load_registry(None)
    seen = [Entity("Jane Placeholder", "person", ("Placeholder",), 2) for _ in range(4)]
    seen.append(Entity("Jane Placeholder", "organization", ("J. Placeholder",), 2))
    changes = learn(registry, seen)
    (entity,) = [c for c in changes if c.kind == "entity"]
    assert (entity.name, entity.type) == ("Jane Placeholder", "person")
    aliases = {c.alias for c in changes if c.kind == "alias"}
    assert "J. Placeholder" in aliases
