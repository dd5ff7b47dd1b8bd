"""The site's naming rules: unique slugs, the registry (its last good copy when broken) and
topics read tolerantly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from news_digest.site import taxonomy as tx


def test_assign_slugs_dedupes_deterministically() -> None:
    names = ["AT&T", "AT and T", "at-and-t", "C", "C++", "C#", "c", "c-2"]
    a = tx.assign_slugs(names)
    b = tx.assign_slugs(list(reversed(names)))
    assert a == b
    assert len(set(a.values())) == len(names)
    assert a["c-2"] == "c-2"  # a natural slug is never taken by a suffixed duplicate
    assert {a["C"], a["c"]} == {"c", "c-3"}


@given(st.lists(st.text(max_size=12), max_size=30))
def test_assign_slugs_always_unique_and_url_safe(names: list[str]) -> None:
    slugs = tx.assign_slugs(names)
    assert len(set(slugs.values())) == len(set(names))
    for s in slugs.values():
        assert s and all(c.isascii() and (c.isalnum() or c == "-") for c in s)


def test_a_registry_the_strict_loader_refuses_gives_way_to_its_last_good_copy(
        tmp_path, caplog) -> None:
    """The site reads what ingest reads: not a looser reading of its own (which once
    ignored the whole file), but the last copy that parsed, else the shipped default."""
    copy = tmp_path / "state" / "entities.last-good.yml"
    (tmp_path / "entities.yml").write_text(
        "Qassem Soleimani:\n  type: person\n  aliases: [Suleimani]\n")
    assert tx.load_registry(tmp_path, copy)["Qassem Soleimani"].group == "people"
    assert copy.is_file()  # kept while the file parses
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Qassem Soleimani\n    type: PERSON\n"
        "    aliases: [Suleimani]\n")
    reg = tx.load_registry(tmp_path, copy)
    assert reg["Qassem Soleimani"].aliases == ("Suleimani",)
    assert "using the last good copy" in caplog.text
    assert "Qassem Soleimani" not in tx.load_registry(tmp_path)  # no copy: shipped default
    assert "no last good copy kept, so the shipped default registry is used" in caplog.text


def test_topics_file_read_tolerantly(tmp_path) -> None:
    (tmp_path / "topics.yml").write_text("politics: Politics\nsport:\n  label: Sport\n")
    topics = tx.load_topics(tmp_path)
    assert topics["politics"].label == "Politics" and topics["sport"].label == "Sport"
    (tmp_path / "topics.yml").write_text("[unclosed")
    tx.load_topics(tmp_path)  # a broken file is warned about, not fatal
    assert tx.label_from_id("conflict-war-and-peace") == "Conflict war and peace"


def test_registry_aliases_and_blocks(tmp_path) -> None:
    (tmp_path / "entities.yml").write_text(
        "Qassem Soleimani:\n  type: person\n  aliases: [Suleimani]\n"
        "Spam:\n  type: organization\n  block: true\n")
    reg = tx.load_registry(tmp_path)
    assert reg["Qassem Soleimani"].group == "people" and reg["Spam"].block
    index = tx.alias_index(reg)
    assert tx.canonical("places", "suleimani", reg, index) == ("people", "Qassem Soleimani")
    assert tx.canonical("organizations", "Spam", reg, index) is None
    assert tx.canonical("places", "Nowhere", reg, index) == ("places", "Nowhere")


def test_the_entity_seen_first_keeps_a_contested_slug() -> None:
    """A newcomer that slugifies alike must not move an older entity's page and feed."""
    from datetime import UTC, datetime

    from news_digest.site.taxonomy import assign_slugs

    old, new = datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 6, 1, tzinfo=UTC)
    assert assign_slugs(["Al-Assad"]) == {"Al-Assad": "al-assad"}
    both = assign_slugs(["Al-Assad", "Al Assad"], seniority={"Al-Assad": old, "Al Assad": new})
    assert both == {"Al-Assad": "al-assad", "Al Assad": "al-assad-2"}


def test_plain_text_names_hash_apart() -> None:
    """Unlinked refs all have the empty slug; sets and counters of thousands of them
    must not fall into one hash bucket (a 5k site's build slowed by minutes)."""
    from news_digest.site.taxonomy import EntityRef

    refs = [EntityRef(f"Name {i}", "people", "", "", linked=False) for i in range(200)]
    assert len({hash(r) for r in refs}) == 200
    same = EntityRef("A", "people", "a", "u", ("x",))
    assert EntityRef("A", "people", "a", "u", ("x",)) in {same}
