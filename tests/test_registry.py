"""The entity registry: parsing with clear errors, lookups, curator edits respected.

Learning is tested in test_learned.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention
from news_digest.model import Entity
from news_digest.vocab.knowledge import load_registry
from news_digest.vocab.registry import RegistryError, default_text, parse, pool

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


def test_pooling_votes_on_type_across_articles() -> None:
    """Most articles call him a person; one NER slip must not make him an organisation."""
    seen = [Entity("Jane Placeholder", "person", ("Placeholder",), 2) for _ in range(4)]
    seen.append(Entity("Jane Placeholder", "organization", ("J. Placeholder",), 2))
    (entity,) = pool(seen)
    assert (entity.name, entity.type) == ("Jane Placeholder", "person")
    assert set(entity.aliases) == {"Placeholder", "J. Placeholder"}
