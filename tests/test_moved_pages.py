"""A curator's retype or merge moves an entity's page: the old address and its feed keep
working. Through the real commands on a real registry file and real Pelican builds."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from helpers import Post, build, write_content

from news_digest.cli import main
from news_digest.vocab.knowledge import load_registry


def _posts() -> list[Post]:
    def post(n: int, orgs: tuple[str, ...], people: tuple[str, ...] = ()) -> Post:
        return Post(f"story-{n}", f"Story {n}", n, 9, ("science-and-technology",), people,
                    orgs, summary=f"Story {n}.", sha=f"{n:064x}")

    return [post(1, ("Sun",)), post(2, ("Sun",)), post(3, ("Sun",)),
            post(4, (), ("Joe Biden",)), post(5, (), ("J. R. Biden <b>Jr</b>",))]


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path, Path]:
    content = write_content(tmp_path, _posts())
    out = build(tmp_path, content, tmp_path / "output")
    conf = tmp_path / "conf.py"
    conf.write_text(f"PATH = {str(content)!r}\nOUTPUT_PATH = {str(out)!r}\n", "utf-8")
    return tmp_path, content, conf


def _cli(root: Path, conf: Path, *argv: str) -> int:
    return main(["--settings", str(conf), "entities", *argv, "--data", str(root / "data")])


def test_a_retyped_page_leaves_a_redirect_and_its_feed(
        site: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    root, content, conf = site
    old_feed = root / "output" / "feeds/entities/organizations/sun.atom.xml"
    subscribed = feedparser.parse(old_feed.read_bytes())
    assert len(subscribed.entries) == 3

    assert _cli(root, conf, "retype", "Sun", "place") == 0
    said = capsys.readouterr().out
    assert "organizations/sun will redirect there" in said
    entry = load_registry(root / "data" / "entities.yml").entry("Sun")
    assert entry is not None and entry.moved_from == ("organizations/sun",)

    out = build(root, content, root / "output")  # the same output folder, as a user does
    assert (out / "entities/places/sun/index.html").is_file()
    page = (out / "entities/organizations/sun/index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../places/sun/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<a href="../../places/sun/">Sun</a>' in page
    # the subscriber's reader still gets the entity's news, from the same address
    assert old_feed.read_bytes() == (out / "feeds/entities/places/sun.atom.xml").read_bytes()
    again = feedparser.parse(old_feed.read_bytes())
    assert [e.id for e in again.entries] == [e.id for e in subscribed.entries]
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "entities/places/sun/" in sitemap and "entities/organizations/sun/" not in sitemap
    assert "organizations/sun.atom.xml" not in (out / "feeds/opml.xml").read_text("utf-8")


def test_a_merged_name_leads_to_the_page_that_kept_it(
        site: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    root, content, conf = site
    before = sorted(p.parent.name for p in (root / "output/entities/people").glob("*/index.html"))
    assert before == ["j-r-biden-b-jr-b", "joe-biden"]

    assert _cli(root, conf, "merge", "Joe Biden", "J. R. Biden <b>Jr</b>") == 0
    assert "its page people/j-r-biden-b-jr-b now leads to Joe Biden's" in capsys.readouterr().out

    out = build(root, content, root / "output2", SITEURL="https://digest.example.org/news")
    page = (out / "entities/people/j-r-biden-b-jr-b/index.html").read_text("utf-8")
    target = "https://digest.example.org/news/entities/people/joe-biden/"
    assert f'<link rel="canonical" href="{target}">' in page
    assert "<b>" not in page  # seed text stays text


def test_a_page_back_at_its_old_address_wins_over_the_redirect(
        site: tuple[Path, Path, Path]) -> None:
    """A retype undone after a build: the page is back where it was, and the address it
    had in between leads there."""
    root, content, conf = site
    assert _cli(root, conf, "retype", "Sun", "place") == 0
    build(root, content, root / "output")
    assert _cli(root, conf, "retype", "Sun", "organization") == 0
    entry = load_registry(root / "data" / "entities.yml").entry("Sun")
    assert entry is not None and entry.moved_from == ("organizations/sun", "places/sun")
    out = build(root, content, root / "output")
    page = (out / "entities/organizations/sun/index.html").read_text("utf-8")
    assert "http-equiv" not in page and "Story 1" in page  # the real page, not a redirect
    between = (out / "entities/places/sun/index.html").read_text("utf-8")
    assert 'url=../../organizations/sun/"' in between


@pytest.mark.parametrize("bad", ["../../etc", "people/..", "people/.hidden", "places/a\\b",
                                 "things/sun"])
def test_moved_from_is_checked_like_every_registry_key(tmp_path: Path, bad: str) -> None:
    """The build writes a page and a feed at each address: ``people/..`` would overwrite
    the entities index."""
    (tmp_path / "entities.yml").write_text(
        f"Sun:\n  type: place\n  moved_from: ['{bad}']\n", "utf-8")
    with pytest.raises(ValueError, match=r"entities.yml:3: moved_from of 'Sun'"):
        load_registry(tmp_path / "entities.yml")
