"""A post's feed GUID stays the same for the life of the post (new-user trial 5, #1).

Real ingests and real Pelican builds into temp folders; the feeds are read with
feedparser, as a subscriber's reader would read them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import feedparser
from helpers import Post, build, build_from_seeds, fixture_posts, post_text, write_content
from test_dedup import BODY, page
from test_late_versions import (
    FIRST,
    FOLDER,
    LATER,
    TITLE,
    UPDATED_BODY,
    UPDATED_TITLE,
    front,
    mill_posts,
    seed,
    start,
)

from news_digest.frontmatter import with_flags


def mill_entries(out: Path, feed: str = "all.atom.xml") -> list:
    parsed = feedparser.parse((out / "feeds" / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return [e for e in parsed.entries if "flour mill" in e.title.lower()
            or "mill fire" in e.title.lower()]


def guids(out: Path, feed: str = "all.atom.xml") -> list[str]:
    parsed = feedparser.parse((out / "feeds" / feed).read_bytes())
    return [e.id for e in parsed.entries]


def first_build(tmp_path: Path) -> tuple[Path, Path, str]:
    site = tmp_path / "site"
    start(site)
    (site / "content").mkdir()
    out = build_from_seeds(site)
    [post] = mill_posts(site / "content")
    first_sha = front(post)["source"]["sha256"]
    assert "guid" not in front(post)  # a first write needs none: the feed uses the sha
    [entry] = mill_entries(out)
    assert entry.id == f"urn:sha256:{first_sha}"
    return site, post, entry.id


def test_a_resaved_seed_keeps_the_feed_guid_of_its_post(tmp_path: Path) -> None:
    site, post, guid = first_build(tmp_path)
    before = {f: guids(site / "output", f) for f in ("all.atom.xml", "all.rss.xml")}
    # re-saved (a trailing line ending more): same text, another sha256
    path = site / "seeds" / FOLDER / FIRST
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    out = build_from_seeds(site)
    assert mill_posts(site / "content") == [post]
    fm = front(post)
    assert fm["source"]["sha256"] != guid.removeprefix("urn:sha256:")  # written again
    assert fm["guid"] == guid
    for feed in ("all.atom.xml", "all.rss.xml"):
        assert guids(out, feed) == before[feed]  # nothing new, nothing gone
    # saved once more, now featured by a curator (a flags-only post is written again):
    # still the first GUID, from the post's guid:, not from the seed it was last written from
    post.write_text(with_flags(post.read_text(encoding="utf-8"), ("featured: true\n",)),
                    encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    out = build_from_seeds(site)
    fm = front(post)
    assert fm["featured"] is True and fm["guid"] == guid
    [entry] = mill_entries(out)
    assert entry.id == guid
    assert guids(out, "all.rss.xml") == before["all.rss.xml"]


def test_a_later_longer_copy_keeps_the_feed_guid_of_the_post(tmp_path: Path) -> None:
    site, post, guid = first_build(tmp_path)
    seed(site, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    out = build_from_seeds(site)
    fm = front(post)
    assert fm["title"] == UPDATED_TITLE  # the longer copy is the post now
    assert fm["guid"] == guid
    [entry] = mill_entries(out)
    assert entry.id == guid and entry.title == UPDATED_TITLE


def test_unchanged_seeds_write_no_guid(tmp_path: Path) -> None:
    site, post, _ = first_build(tmp_path)
    text = post.read_text(encoding="utf-8")
    build_from_seeds(site)
    assert post.read_text(encoding="utf-8") == text
    assert BODY.split("\n\n")[0][:40] in text  # the fixture is the mill fire
    assert TITLE in text


# ---------------------------------------------------------------- a story's item

STORY = "lohan-rehab"


def story_post(slug: str, title: str, hour: int, day: int = 3) -> Post:
    return Post(slug, title, day, hour, ("politics",), ("Lindsay Lohan",),
                summary=f"{title}.", sha=hashlib.sha256(slug.encode()).hexdigest())


def write_post(content: Path, p: Post) -> None:
    path = content / f"{p.date:%Y}" / f"{p.slug}.md"
    path.write_text(post_text(p).replace(f"\nstory: {p.slug}\n", f"\nstory: {STORY}\n"),
                    encoding="utf-8")


def parsed(out: Path, feed: str) -> feedparser.FeedParserDict:
    result = feedparser.parse((out / "feeds" / feed).read_bytes())
    assert not result.bozo, result.bozo_exception
    return result


def lohan(out: Path, feed: str) -> list:
    return [e for e in parsed(out, feed).entries if "Lohan" in e.title]


def test_a_report_joining_a_story_the_same_day_updates_its_item(tmp_path: Path) -> None:
    first = story_post("lohan-first", "Lohan checks into rehab", 2)
    content = write_content(tmp_path, [p for p in fixture_posts() if p.day != 3])
    write_post(content, first)
    feeds = ("all.atom.xml", "all.rss.xml", "topics/politics.atom.xml",
             "entities/people/lindsay-lohan.atom.xml")
    out = build(tmp_path, content, tmp_path / "one", NEWS_DIGEST_ENTITY_FEED_MIN=1)
    before = {f: [e.id for e in parsed(out, f).entries] for f in feeds}
    [item] = lohan(out, "all.atom.xml")
    guid = item.id
    assert guid == f"urn:sha256:{first.sha}"
    # a second and a third outlet's report join the story later that day
    for n, hour in ((2, 6), (3, 9)):
        later = story_post(f"lohan-{n}", f"Lohan report number {n} from another outlet",
                           hour)
        write_post(content, later)
        out = build(tmp_path, content, tmp_path / f"after-{n}", NEWS_DIGEST_ENTITY_FEED_MIN=1)
        for f in feeds:
            entries = parsed(out, f).entries
            assert [e.id for e in entries] == before[f], f  # same items, same GUIDs
            [item] = lohan(out, f)
            assert item.id == guid
            assert item.title == later.title  # the newest report stands for the story
        atom = lohan(out, "all.atom.xml")[0]
        assert atom.published_parsed[:5] == first.date.timetuple()[:5]
        assert atom.updated_parsed[:5] == later.date.timetuple()[:5]
        assert "Also reported" in atom.content[0].value
        assert "Lohan checks into rehab" in atom.content[0].value
    # the next day the developing story is a new item, under that day's first report
    next_day = story_post("lohan-next", "Lohan leaves rehab early", 2, day=4)
    write_post(content, next_day)
    out = build(tmp_path, content, tmp_path / "next-day")
    ids = [e.id for e in lohan(out, "all.atom.xml")]
    assert ids == [f"urn:sha256:{next_day.sha}", guid]
    # and the same inputs give the same bytes
    again = build(tmp_path, content, tmp_path / "next-day-again")
    for f in feeds:
        assert (out / "feeds" / f).read_bytes() == (again / "feeds" / f).read_bytes()
