"""Settings: one source of defaults, documented in the README, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_digest.settings import Settings, SettingsError, documented, from_mapping

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for key, _default, doc in documented():
        assert f"`{key}`" in readme, f"{key} missing from the README settings table"
        assert doc, f"{key} has no docstring in settings.py"


def test_defaults_and_overrides(tmp_path: Path) -> None:
    s = from_mapping({"NEWS_DIGEST_SEEDS": "raw", "NEWS_DIGEST_AUTO_INGEST": "off",
                      "NEWS_DIGEST_PROCESSES": "2"}, base=tmp_path)
    assert s.seeds == tmp_path / "raw"
    assert s.auto_ingest is False and s.processes == 2
    assert s.content == tmp_path / "content"
    assert Settings().feed_items == 50


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("NEWS_DIGEST_PROCESSES", "two", "expected a whole number"),
        ("NEWS_DIGEST_BATCH_SIZE", -1, "expected a number ≥ 0"),
        ("NEWS_DIGEST_NER_BACKEND", "gpt", "expected 'auto', 'spacy' or 'rules'"),
        ("NEWS_DIGEST_SEEDS", "", "expected a folder path"),
    ],
)
def test_errors_name_key_value_and_expectation(key: str, value: object, message: str) -> None:
    with pytest.raises(SettingsError) as err:
        from_mapping({key: value})
    assert str(err.value) == f"{key}={value!r}: {message}"


def test_steps_setting_takes_a_list_or_comma_separated_names() -> None:
    assert from_mapping({"NEWS_DIGEST_STEPS": "a.b:c, d:e"}).steps == ("a.b:c", "d:e")
    assert from_mapping({"NEWS_DIGEST_STEPS": ["a:b"]}).steps == ("a:b",)
    with pytest.raises(SettingsError, match="expected 'module:function'"):
        from_mapping({"NEWS_DIGEST_STEPS": "no_colon"})


def test_step_names_from_before_the_rooms_still_load_with_a_warning() -> None:
    from news_digest.enrich.entities import entities_step
    from news_digest.enrich.pipeline import load_step

    with pytest.warns(DeprecationWarning, match="news_digest.enrich.entities:entities_step"):
        assert load_step("news_digest.entities:entities_step") is entities_step


@pytest.mark.parametrize("key, value, message", [
    ("NEWS_DIGEST_TOPIC_URL", "topics/{slug}.html", "ending in '/'"),
    ("NEWS_DIGEST_ENTITY_URL", "/entities/{slug}/", "relative folder"),
    ("NEWS_DIGEST_ENTITY_URL", "people/{slug}/", "must contain {group}"),
    ("NEWS_DIGEST_EDITION_URL", "daily/{date}/", "unknown or malformed field"),
])
def test_url_patterns_are_checked(key: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        from_mapping({key: value})


def test_custom_url_patterns_move_pages_and_links(tmp_path: Path) -> None:
    from helpers import build, write_content

    content = write_content(tmp_path)
    out = build(tmp_path, content, tmp_path / "output",
                NEWS_DIGEST_TOPIC_URL="subjects/{slug}/",
                NEWS_DIGEST_ENTITY_URL="who/{group}/{slug}/",
                NEWS_DIGEST_EDITION_URL="day/{key}/")
    assert (out / "subjects" / "politics" / "index.html").is_file()
    assert (out / "who" / "people" / "qassem-soleimani" / "index.html").is_file()
    assert any((out / "day").glob("2020-01-*/index.html"))
    assert not (out / "topics" / "politics").exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/subjects/' in home and 'href="/day/2020-01-' in home
