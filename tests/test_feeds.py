"""Feeds read by a real client (feedparser): valid, complete, stable guids, OPML."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from helpers import Post, build, fixture_posts, write_content

NEWEST = "Fri, 10 Jan 2020 01:00:00 +0000"


def all_feeds(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def test_every_feed_parses_cleanly(site: Path) -> None:
    feeds = [p for p in all_feeds(site) if p.name != "opml.xml"]
    # all and editions (RSS + Atom), 20 topics (Atom)
    assert len(feeds) >= 2 * (1 + 1) + 20
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.entries, path
        assert parsed.version in ("rss20", "atom10"), path


def test_rss_items_carry_summary_content_categories_and_stable_guid(site: Path) -> None:
    raw = (site / "feeds" / "all.rss.xml").read_text(encoding="utf-8")
    assert f"<lastBuildDate>{NEWEST}</lastBuildDate>" in raw
    parsed = feedparser.parse(raw)
    entry = next(e for e in parsed.entries if e.link.endswith("/iran-strikes/"))
    assert entry.id == "urn:sha256:" + "a" * 64
    assert entry.guidislink is False
    assert 'isPermaLink="false"' in raw
    assert entry.summary.startswith("Iran state TV announced a missile attack")
    assert "content" in entry and "<p>" in entry.content[0].value
    assert "<content:encoded>" in raw
    # RSS <category> carries the label (domain = the topic or entity index)
    assert {"Conflict, war and peace", "Politics", "Qassem Soleimani", "Pentagon",
            "Iran"} <= {t.term for t in entry.tags}
    assert '<category domain="/entities/people/">Qassem Soleimani</category>' in raw
    atom = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    atom_entry = next(e for e in atom.entries if e.link.endswith("/iran-strikes/"))
    assert {"conflict-war-and-peace", "qassem-soleimani", "iran"} <= {
        t.term for t in atom_entry.tags}
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_seed_html_in_feed_is_escaped(site: Path) -> None:
    parsed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/xss/"))
    assert entry.id == "urn:sha256:" + "e" * 64
    assert "<script>" not in entry.content[0].value
    assert "<script>" not in entry.summary


def test_atom_is_deterministic_and_dated_by_newest_article(site: Path) -> None:
    raw = (site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<updated>2020-01-10T01:00:00+00:00</updated>" in raw


def test_topic_entity_and_edition_feeds(site: Path) -> None:
    topic = feedparser.parse((site / "feeds/topics/politics.atom.xml").read_bytes())
    assert len(topic.entries) == 19
    assert topic.feed.link == "/topics/politics/"
    trump = site / "feeds/entities/people/donald-trump.atom.xml"
    assert trump.exists()
    # one file per topic and entity feed: Atom alone (NEWS_DIGEST_TAXONOMY_FEED_FORMATS)
    assert not (site / "feeds/entities/people/donald-trump.rss.xml").exists()
    assert not (site / "feeds/topics/politics.rss.xml").exists()
    assert (site / "feeds/all.rss.xml").exists() and (site / "feeds/editions.rss.xml").exists()
    # Soleimani is in 2 posts, below NEWS_DIGEST_ENTITY_FEED_MIN (3): no feed
    assert not (site / "feeds/entities/people/qassem-soleimani.atom.xml").exists()
    eds = feedparser.parse((site / "feeds/editions.atom.xml").read_bytes())
    assert eds.entries[0].id == "urn:news-digest:edition:2020-01-10"
    assert len(eds.entries) == 5


def test_opml_lists_every_feed(site: Path) -> None:
    tree = ET.parse(site / "feeds" / "opml.xml")
    urls = {o.get("xmlUrl") for o in tree.iter("outline") if o.get("xmlUrl")}
    files = {"/" + str(p.relative_to(site)) for p in all_feeds(site) if p.name != "opml.xml"}
    assert urls == files
    for url in urls:
        assert (site / url.lstrip("/")).exists()


def test_guid_survives_slug_and_date_edit(tmp_path: Path) -> None:
    posts = fixture_posts()[:3]
    content = write_content(tmp_path, posts)
    out1 = build(tmp_path, content, tmp_path / "out1", NEWS_DIGEST_SEARCH=False)
    before = {e.id: e.link for e in
              feedparser.parse((out1 / "feeds/all.rss.xml").read_bytes()).entries}
    # a curator renames the slug and moves the date of one post
    path = content / "2020" / "iran-strikes.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("slug: iran-strikes", "slug: iran-missile-strikes")
    text = text.replace("2020-01-08 10:00:00+00:00", "2020-01-09 07:30:00+00:00")
    assert "iran-missile-strikes" in text and "2020-01-09 07:30" in text
    path.write_text(text, encoding="utf-8")
    out2 = build(tmp_path, content, tmp_path / "out2", NEWS_DIGEST_SEARCH=False)
    after = {e.id: e.link for e in
             feedparser.parse((out2 / "feeds/all.rss.xml").read_bytes()).entries}
    guid = "urn:sha256:" + "a" * 64
    assert set(before) == set(after)
    assert before[guid].endswith("/2020/01/08/iran-strikes/")
    assert after[guid].endswith("/2020/01/09/iran-missile-strikes/")


def test_guid_falls_back_to_source_path(site: Path) -> None:
    parsed = feedparser.parse((site / "feeds" / "all.rss.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/ordinary-post/"))
    assert entry.id.startswith("urn:sha256:") and len(entry.id) == len("urn:sha256:") + 64


def test_atom_entries_carry_summary_and_full_content(site: Path) -> None:
    parsed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/iran-strikes/"))
    assert entry.summary and entry.content[0].value
    assert entry.summary != entry.content[0].value
    assert entry.summary_detail.type == "text/html"


def test_topic_and_entity_feeds_carry_summaries_and_links_not_full_text(site: Path) -> None:
    """Full text only where readers want the whole day (site and edition feeds): a topic
    or entity feed repeats articles that are in the site feed already."""
    topic_feed = next((site / "feeds" / "topics").glob("*.atom.xml"))
    assert "<content" not in topic_feed.read_text(encoding="utf-8")
    for path in (topic_feed, next((site / "feeds" / "entities").rglob("*.atom.xml"))):
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0
        for entry in parsed.entries:
            assert entry.summary and entry.link.startswith("/")
            assert "content" not in entry
    assert "<content:encoded>" in (site / "feeds" / "all.rss.xml").read_text(encoding="utf-8")


def test_feeds_stay_under_the_byte_cap_and_keep_the_newest(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_FEED_MAX_BYTES=6000,
                NEWS_DIGEST_FEED_FULL_TEXT=["all", "topics", "entities"])
    for path in (out / "feeds").rglob("*.xml"):
        if path.name == "opml.xml":
            continue
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, path
        assert parsed.entries, f"{path}: the newest item is kept whatever its size"
        if len(parsed.entries) > 1:
            assert path.stat().st_size <= 6000, path
    full = feedparser.parse((out / "feeds" / "all.rss.xml").read_bytes())
    assert len(full.entries) < len(fixture_posts())
    assert full.entries[0].published == NEWEST


def test_topic_and_entity_feeds_in_both_formats_when_asked(tmp_path: Path) -> None:
    """A site whose readers need RSS asks for it; the links in the page head follow."""
    content = write_content(tmp_path)
    out = build(tmp_path, content, tmp_path / "output",
                NEWS_DIGEST_TAXONOMY_FEED_FORMATS="rss,atom")
    for fmt in ("rss", "atom"):
        parsed = feedparser.parse((out / f"feeds/topics/politics.{fmt}.xml").read_bytes())
        assert parsed.bozo == 0 and parsed.entries
        assert (out / f"feeds/entities/people/donald-trump.{fmt}.xml").exists()
    html = (out / "topics/politics/index.html").read_text(encoding="utf-8")
    assert 'href="/feeds/topics/politics.rss.xml"' in html
    assert 'href="/feeds/topics/politics.atom.xml"' in html


# --- QA M2: one oversized item, and M5: the editions feed's full text --------------------

CAP = 524288  # NEWS_DIGEST_FEED_MAX_BYTES, the default


def test_one_oversized_item_is_cut_and_keeps_every_other_item(tmp_path: Path) -> None:
    """QA M2: the newest post is one 600 KB paragraph (a seed without a date, dated by
    its mtime). Before: ``all.rss.xml`` and ``all.atom.xml`` held that item alone, over
    the 512 KiB cap, and every other story was gone. Now its content is cut to its
    summary and a link to the article, and the other items stay, in full."""
    posts = fixture_posts()
    huge = Post("huge-line-article", "Huge line article", 6, 0, ("politics",),
                summary="A summary of the huge story.",
                body=" ".join(["budget roads schools"] * 33_000), sha="f" * 64)
    content = write_content(tmp_path, [*posts, huge])
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_SEARCH=False)
    for fmt in ("rss", "atom"):
        path = out / f"feeds/all.{fmt}.xml"
        assert path.stat().st_size <= CAP, path
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, path
        # every fixture post, the ordinary Pelican post and the huge one
        assert len(parsed.entries) == len(posts) + 2, path
        first = parsed.entries[0]
        assert first.link.endswith("/huge-line-article/")
        assert first.summary == "A summary of the huge story."
        cut = first.content[0].value
        assert "budget roads schools" not in cut
        assert "A summary of the huge story." in cut and "Read the full article" in cut
        assert 'href="/2020/01/12/huge-line-article/"' in cut
        other = next(e for e in parsed.entries if e.link.endswith("/iran-strikes/"))
        assert "Iran state TV announced the attack." in other.content[0].value
    for path in (out / "feeds").rglob("*.xml"):  # the editions feed too
        assert path.stat().st_size <= CAP, path
    for fmt in ("rss", "atom"):  # that day's edition: the story cut, the item kept
        day = _edition(out / f"feeds/editions.{fmt}.xml", "2020-01-12").content[0].value
        assert "budget roads schools" not in day
        assert '<a href="/2020/01/12/huge-line-article/">Huge line article</a>' in day
        assert "Read the full article" in day


def _edition(path: Path, key: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, path
    return next(e for e in parsed.entries if e.id == f"urn:news-digest:edition:{key}")


def test_edition_items_carry_each_story_in_full_by_default(site: Path, site_root: Path,
                                                           tmp_path: Path) -> None:
    """QA M5: with ``editions`` in NEWS_DIGEST_FEED_FULL_TEXT (the default) an edition's
    item carries each story's summary and text; without it, headlines and links only.
    Before, both settings gave byte-identical editions feeds of headlines."""
    short = build(site_root, site_root / "content", tmp_path / "short",
                  NEWS_DIGEST_FEED_FULL_TEXT=["all"], NEWS_DIGEST_SEARCH=False)
    for fmt in ("rss", "atom"):
        full = _edition(site / f"feeds/editions.{fmt}.xml", "2020-01-08").content[0].value
        assert '<a href="/2020/01/08/iran-strikes/">' in full
        assert "Iran state TV announced a missile attack on U.S. troops in Iraq." in full
        assert "Iran state TV announced the attack." in full  # the body
        assert "Title: not metadata" in full
        assert "<script>" not in full
        brief = _edition(short / f"feeds/editions.{fmt}.xml", "2020-01-08").content[0].value
        assert '<a href="/2020/01/08/iran-strikes/">' in brief
        assert "Iran state TV announced" not in brief
        assert (site / f"feeds/editions.{fmt}.xml").read_bytes() != \
            (short / f"feeds/editions.{fmt}.xml").read_bytes()


def test_every_category_has_a_term_even_for_entities_without_a_page(tmp_path: Path) -> None:
    """Atom requires a non-empty term (RFC 4287): an entity without a page is named by
    its name (no scheme: there is no page under it); one with a page keeps its slug."""
    content = write_content(tmp_path)
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=3)
    raw = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert 'term=""' not in raw
    atom = feedparser.parse(raw)
    entry = next(e for e in atom.entries if e.link.endswith("/g7-summit/"))
    tags = {t.term: t for t in entry.tags}
    assert all(tags)
    # Angela Merkel is in 9 posts (a page), Biarritz's G7 in one (none)
    assert (out / "entities/people/angela-merkel/index.html").exists()
    assert tags["angela-merkel"].label == "Angela Merkel"
    assert tags["angela-merkel"].scheme == "/entities/people/"
    assert not list(out.glob("entities/organizations/g7/index.html"))
    assert tags["G7"].label == "G7" and not tags["G7"].get("scheme")
    rss = feedparser.parse((out / "feeds" / "all.rss.xml").read_bytes())
    item = next(e for e in rss.entries if e.link.endswith("/g7-summit/"))
    assert {"Angela Merkel", "G7"} <= {t.term for t in item.tags}


def test_a_curators_modified_date_is_the_items_updated(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture
                                                       ) -> None:
    """``modified:`` in front matter (never a file time) dates the item's Atom
    ``updated``; its ``published`` and RSS ``pubDate`` stay the post's date. A value
    that is not a date, or one before the post's date, is named and ignored."""
    content = write_content(tmp_path)
    edits = {"g7-summit": 'modified: "2020-01-12T09:30:00+01:00"\n',
             "languages": "modified: next tuesday\n",
             "soleimani-killed": "modified: 2019-12-31\n"}
    for slug, line in edits.items():
        path = content / "2020" / f"{slug}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("\nslug:", f"\n{line}slug:", 1),
                        encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="news_digest"):
        out = build(tmp_path, content, tmp_path / "output")
    atom = feedparser.parse((out / "feeds" / "all.atom.xml").read_bytes())
    entries = {e.link.rstrip("/").rsplit("/", 1)[-1]: e for e in atom.entries}
    g7 = entries["g7-summit"]
    assert g7.updated == "2020-01-12T08:30:00+00:00"
    assert g7.published == "2020-01-07T17:00:00+00:00"
    # the feed is as new as its newest change
    assert atom.feed.updated == "2020-01-12T08:30:00+00:00"
    for slug in ("languages", "soleimani-killed"):  # ignored: updated is the post's date
        assert entries[slug].updated == entries[slug].published
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "languages.md: modified 'next tuesday' is not an ISO date; ignored" in messages
    assert "soleimani-killed.md: modified 2019-12-31T00:00:00+00:00 is before" in messages
    rss = feedparser.parse((out / "feeds" / "all.rss.xml").read_bytes())
    item = next(e for e in rss.entries if e.link.endswith("/g7-summit/"))
    assert item.published == "Tue, 07 Jan 2020 17:00:00 +0000"
    page = (out / "2020/01/07/g7-summit/index.html").read_text(encoding="utf-8")
    assert '"dateModified":"2020-01-12T08:30:00+00:00"' in page
