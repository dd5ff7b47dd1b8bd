"""The front-matter reader and the naming rules it relies on, without a full build."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from news_digest.site import reader as rd
from news_digest.site import taxonomy as tx

MD_SETTINGS = {"MARKDOWN": {"extension_configs": {
    "markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5"}}


def test_split_front_matter_and_plain_markdown() -> None:
    fm, body = rd.split_front_matter("---\ntitle: x\n---\nBody\n")
    assert fm == "title: x" and body == "Body\n"
    assert rd.split_front_matter("Title: x\n\nBody")[0] is None
    # a horizontal rule later in the body is not front matter
    assert rd.split_front_matter("Body\n\n---\n\nmore")[0] is None


def test_yaml_error_names_file_and_line() -> None:
    with pytest.raises(rd.FrontMatterError) as err:
        rd.load_front_matter('title: ok\nsummary: [unclosed\n', "content/2020/x.md")
    assert str(err.value).startswith("content/2020/x.md:")
    assert ":3:" in str(err.value) or ":4:" in str(err.value)
    with pytest.raises(rd.FrontMatterError, match="mapping"):
        rd.load_front_matter("- a\n- b\n", "x.md")


def test_keys_are_case_insensitive_like_pelican() -> None:
    assert rd.load_front_matter("Title: A\nDate: 2020-01-01\n", "x.md")["title"] == "A"


@pytest.mark.parametrize("value, expected", [
    (datetime(2020, 1, 8, 2, tzinfo=UTC), datetime(2020, 1, 8, 2, tzinfo=UTC)),
    ("2020-01-08T03:00:00+01:00", datetime(2020, 1, 8, 2, tzinfo=UTC)),
    ("2020-01-08 02:00", datetime(2020, 1, 8, 2, tzinfo=UTC)),
    (date(2020, 1, 8), datetime(2020, 1, 8, tzinfo=UTC)),
])
def test_dates_become_aware_utc(value: object, expected: datetime) -> None:
    got = rd.parse_date(value, "x.md")
    assert got == expected and got.tzinfo is not None and got.utcoffset().total_seconds() == 0


def test_bad_date_is_a_clear_error() -> None:
    with pytest.raises(rd.FrontMatterError, match=r"x\.md"):
        rd.parse_date("next tuesday", "x.md")


def test_body_without_meta_extension_and_escaped_html() -> None:
    md = rd.make_markdown(MD_SETTINGS, escape_html=True)
    html = md.convert("Title: not metadata\n\n<script>alert(1)</script>\n\n"
                      "x &lt;b&gt; [a](javascript:alert(1)) [b](https://e.org)")
    assert "Title: not metadata" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html and 'href="https://e.org"' in html
    assert "&lt;b&gt;" in html
    trusted = rd.make_markdown(MD_SETTINGS, escape_html=False).convert("<em>x</em>")
    assert "<em>x</em>" in trusted


def test_entity_names_accepts_type_spellings() -> None:
    pairs = rd.entity_names({"people": ["A", "A"], "organization": "B", "GPE": ["C"],
                             "weird": ["D"]}, "x.md")
    assert pairs == (("people", "A"), ("organizations", "B"), ("places", "C"))


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


def test_registry_read_tolerantly_when_strict_loader_refuses(tmp_path) -> None:
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Qassem Soleimani\n    type: PERSON\n"
        "    aliases: [Suleimani]\n")
    reg = tx.load_registry(tmp_path)
    assert reg["Qassem Soleimani"].group == "people"
    assert reg["Qassem Soleimani"].aliases == ("Suleimani",)


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


def test_a_key_given_twice_is_an_error_naming_the_line() -> None:
    from news_digest.site.reader import FrontMatterError, load_front_matter

    text = "title: x\nentities:\n  places: [A]\n  people: [B]\n  places: [C]\n"
    with pytest.raises(FrontMatterError, match=r"p\.md:6: .*'places' is given twice"):
        load_front_matter(text, "p.md")


def test_the_entity_seen_first_keeps_a_contested_slug() -> None:
    """A newcomer that slugifies alike must not move an older entity's page and feed."""
    from datetime import UTC, datetime

    from news_digest.site.taxonomy import assign_slugs

    old, new = datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 6, 1, tzinfo=UTC)
    assert assign_slugs(["Al-Assad"]) == {"Al-Assad": "al-assad"}
    both = assign_slugs(["Al-Assad", "Al Assad"], seniority={"Al-Assad": old, "Al Assad": new})
    assert both == {"Al-Assad": "al-assad", "Al Assad": "al-assad-2"}
