"""A typo in ``data/entities.yml`` does not undo the curator's work on the published site:
the build names the file, line and reason once, and uses the last registry that parsed
(kept in the content folder's ``.news-digest/``), ingest and site alike. Real commands,
real files, real Pelican builds."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from helpers import Post, build, build_from_seeds, write_content

from news_digest.cli import main
from news_digest.vocab import registry

BROKEN = "Kay Hagan:\n  type: person\n  aliases: [Senator Hagan\n"
"""What the trial appended: an unclosed ``[``."""


def _posts() -> list[Post]:
    def post(n: int, people: tuple[str, ...], orgs: tuple[str, ...] = ()) -> Post:
        return Post(f"story-{n}", f"Story {n}", n, 9, ("politics",), people, orgs,
                    summary=f"Story {n}.", sha=f"{n:064x}")

    return [post(1, ("Joe Biden",)), post(2, ("Joe Biden",)), post(3, ("Amtrak Joe",)),
            post(4, ("Amtrak Joe",), ("Spam Corp",))]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno >= logging.WARNING and "entities.yml" in r.getMessage()]


def test_a_broken_registry_builds_with_the_last_good_copy(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = write_content(tmp_path, _posts())
    data = tmp_path / "data"
    conf = tmp_path / "conf.py"
    conf.write_text(f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(tmp_path / 'output')!r}\n",
                    "utf-8")
    out = build(tmp_path, content, tmp_path / "output")
    assert (out / "entities/people/amtrak-joe/index.html").is_file()
    assert main(["--settings", str(conf), "entities", "merge", "Joe Biden", "Amtrak Joe",
                 "--data", str(data)]) == 0
    build(tmp_path, content, out)
    copy = content / ".news-digest" / registry.LAST_GOOD
    assert copy.read_text("utf-8") == (data / "entities.yml").read_text("utf-8")
    merged = (out / "entities/people/joe-biden/index.html").read_text("utf-8")
    assert "Story 3" in merged and "Amtrak Joe" in merged
    blocked = ("Spam Corp", "spam-corp")

    curated = (data / "entities.yml").read_text("utf-8")
    (data / "entities.yml").write_text(curated + BROKEN, "utf-8")
    lines = curated.count("\n")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build(tmp_path, content, out)
    said = _warnings(caplog)
    assert len(said) == 1, said
    assert f"entities.yml:{lines + 4}: not valid YAML (" in said[0]
    assert f"flow sequence that starts on line {lines + 3}" in said[0]
    assert "using the last good copy of " in said[0] and "until it is fixed" in said[0]
    # the curated merge and block still hold on the published site
    assert (out / "entities/people/joe-biden/index.html").read_text("utf-8") == merged
    page = (out / "entities/people/amtrak-joe/index.html").read_text("utf-8")
    assert "http-equiv=\"refresh\"" in page  # still the merge's redirect, not a page
    story4 = (out / "2020/01/10/story-4/index.html").read_text("utf-8")
    assert not any(b in story4 for b in blocked)
    # the curator's file is theirs: left as written, the copy not overwritten with it
    assert (data / "entities.yml").read_text("utf-8") == curated + BROKEN
    assert copy.read_text("utf-8") == curated
    # the edit commands still refuse to touch the broken file
    assert main(["--settings", str(conf), "entities", "block", "Joe Biden",
                 "--data", str(data)]) == 2


def test_without_a_last_good_copy_the_shipped_default_is_used_and_said(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = write_content(tmp_path, _posts())
    (tmp_path / "data" / "entities.yml").write_text("Joe Biden:\n  type: [person\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        out = build(tmp_path, content, tmp_path / "output")
    said = _warnings(caplog)
    assert len(said) == 1, said
    assert "entities.yml:3: not valid YAML (" in said[0]
    assert "no last good copy kept, so the shipped default registry is used" in said[0]
    assert not (content / ".news-digest" / registry.LAST_GOOD).exists()
    assert (out / "entities/people/joe-biden/index.html").is_file()


SEEDS = {
    "one.txt": "Senator Kay Hagan visits Raleigh\n\nFormer senator Kay Hagan spoke to "
               "reporters in Raleigh, North Carolina, on Monday about the new hospital. "
               "Hagan said the state needed the money.\n\nThe Widget Makers Guild of "
               "Raleigh also backed the plan, said Hagan.\n",
    "two.txt": "Raleigh hospital opens\n\nThe new Raleigh hospital opened on Friday. "
               "Former senator Kay Hagan cut the ribbon.\n\nThe Widget Makers Guild of "
               "Raleigh paid for the garden.\n",
}


def test_ingest_and_site_use_the_same_last_good_registry(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The auto-ingest inside Pelican writes a new seed's post with the last good
    registry (its block holds), and the whole build says so once."""
    site = tmp_path / "site"
    (site / "seeds").mkdir(parents=True)
    (site / "content").mkdir()
    (site / "data").mkdir()
    curated = ("Kay Hagan:\n  type: person\n"
               "Widget Makers Guild of Raleigh:\n  type: organization\n  block: true\n")
    (site / "data" / "entities.yml").write_text(curated, "utf-8")
    (site / "seeds" / "one.txt").write_text(SEEDS["one.txt"], "utf-8")
    fast = {"NEWS_DIGEST_NER_BACKEND": "rules", "NEWS_DIGEST_PROCESSES": 1}
    build_from_seeds(site, **fast)
    copy = site / "content" / ".news-digest" / registry.LAST_GOOD
    assert copy.read_text("utf-8") == curated

    (site / "data" / "entities.yml").write_text(curated + BROKEN, "utf-8")
    (site / "seeds" / "two.txt").write_text(SEEDS["two.txt"], "utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        out = build_from_seeds(site, **fast)
    said = _warnings(caplog)
    assert len(said) == 1 and "using the last good copy" in said[0], said
    post = next((site / "content").glob("*/raleigh-hospital-opens.md")).read_text("utf-8")
    assert "Kay Hagan" in post and "Widget Makers" not in post.split("---")[1]
    assert not (out / "entities/organizations/widget-makers-guild-of-raleigh").exists()

    shutil.copy(copy, site / "data" / "entities.yml")  # fixed: back to normal, no warning
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build_from_seeds(site, **fast)
    assert _warnings(caplog) == []
