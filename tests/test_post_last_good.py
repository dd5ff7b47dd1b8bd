"""A typo in a live post's front matter does not take the story off the site: the build
names the file, line and reason, and builds the post's last good copy until it is fixed.
Real files and real Pelican builds."""

from __future__ import annotations

import logging
from pathlib import Path

import feedparser
import pytest
from helpers import Post, build, write_content


def _posts() -> list[Post]:
    return [Post(f"story-{n}", f"Story {n} headline", n, 9, ("politics",), ("Joe Biden",),
                 summary=f"Story {n}.", sha=f"{n:064x}") for n in (1, 2, 3)]


def _ids(out: Path) -> list[str]:
    return [e.id for e in feedparser.parse((out / "feeds/all.atom.xml").read_bytes()).entries]


def test_a_post_with_a_front_matter_typo_is_built_from_its_last_good_copy(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = write_content(tmp_path, _posts())
    cache = {"CACHE_PATH": str(tmp_path / "cache")}
    out = build(tmp_path, content, tmp_path / "output", **cache)
    page = out / "2020/01/08/story-2/index.html"
    before, ids = page.read_text("utf-8"), _ids(out)
    assert len(ids) == 4  # the three and the fixture's ordinary Pelican post

    post = content / "2020" / "story-2.md"
    good = post.read_text("utf-8")
    post.write_text(good.replace("title: Story 2 headline", 'title: "Story 2 headline'),
                    "utf-8")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="news_digest"):
        build(tmp_path, content, out, **cache)
    said = [r.getMessage() for r in caplog.records if "story-2.md" in r.getMessage()]
    assert len(said) == 1, said
    assert "story-2.md:" in said[0] and "invalid YAML front matter" in said[0]
    assert "the last good copy of " in said[0] and "is built until it is fixed" in said[0]
    assert page.read_text("utf-8") == before  # the live story stays, in every feed
    assert _ids(out) == ids
    assert post.read_text("utf-8") != good  # the curator's file is left as they wrote it

    # a post never read without error has no copy: skipped, as before
    broken = [r.getMessage() for r in caplog.records if "broken.md" in r.getMessage()]
    assert len(broken) == 1 and broken[0].endswith("post skipped")

    post.write_text(good.replace("Story 2 headline", "Story 2 mended"), "utf-8")
    build(tmp_path, content, out, **cache)
    assert "Story 2 mended" in page.read_text("utf-8")
