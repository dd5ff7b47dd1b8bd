"""Curation: hidden and draft posts, featured and ordered stories, editor's notes, dates.

One small site is built with Pelican: the latest day (10 January 2020) has a featured
lead, a hidden "TEST PAGE" (the newest post), a draft, three politics stories of which
two carry ``order:``, and an editor's note; a weekly note, a note for a day without
stories and a badly named note sit next to it.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from helpers import Post, build, post_text, write_content

from news_digest.site import search

DAY = 4  # START + 4 days: Friday 10 January 2020 (START is 08:00, so hour -8 is midnight)


def curated_posts() -> list[tuple[Post, str]]:
    """(post, extra front matter lines)."""
    return [
        (Post("test-page", "TEST PAGE: Self-publish today", DAY, 15, ("politics",),
              summary="Not news.", sha="1" * 64), "status: hidden"),
        (Post("draft-story", "A draft about the budget", DAY, 14, ("politics",),
              summary="Unfinished.", sha="2" * 64), "status: draft"),
        (Post("politics-a", "Unordered politics story", DAY, 12, ("politics",),
              summary="A.", sha="3" * 64), ""),
        (Post("politics-b", "Second by order", DAY, 10, ("politics",),
              summary="B.", sha="4" * 64), "order: 2"),
        (Post("politics-c", "First by order", DAY, 2, ("politics",),
              summary="C.", sha="5" * 64), "order: 1"),
        (Post("lead-story", "The lead story of the day", DAY, 1, ("politics",),
              summary="The lead.", sha="6" * 64), "featured: true"),
        (Post("midnight", "A story with a date only", DAY, -8,
              ("economy-business-and-finance",), summary="Date only.", sha="7" * 64), ""),
        (Post("older", "Yesterday's story", DAY - 1, 3, ("politics",),
              summary="Older.", sha="8" * 64), ""),
    ]


NOTE = """\
---
title: "Editor's note: a busy Friday"
summary: "Our pick & why <it> matters"
---
Today we lead with **the lead story**; one test page was kept out.
"""
WEEK_NOTE = "The week in one line.\n"


def with_flags(text: str, extra: str) -> str:
    return text.replace("\nslug:", f"\n{extra}\nslug:", 1) if extra else text


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("curated")
    posts = curated_posts()
    content = write_content(root, [p for p, _ in posts])
    for p, extra in posts:
        path = content / f"{p.date:%Y}" / f"{p.slug}.md"
        path.write_text(with_flags(post_text(p), extra), encoding="utf-8")
    (content / "2020" / "ordinary-post.md").write_text(
        "Title: A hand-written post, ordered first\nDate: 2020-01-10 11:00\n"
        "Slug: ordinary-post\nTopics: politics\nOrder: 0\nFeatured: no\n\nBody.\n",
        encoding="utf-8")
    notes = content / "editions"
    notes.mkdir()
    (notes / "2020-01-10.md").write_text(NOTE, encoding="utf-8")
    (notes / "2020-W02.md").write_text(WEEK_NOTE, encoding="utf-8")
    (notes / "2020-01-01.md").write_text("No stories that day.\n", encoding="utf-8")
    (notes / "friday.md").write_text("Badly named.\n", encoding="utf-8")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    keep = Keep(level=logging.WARNING)
    logging.getLogger("news_digest").addHandler(keep)
    try:
        out = build(root, content, root / "output", CACHE_PATH=str(root / "cache"),
                    NEWS_DIGEST_SEARCH=True)
    finally:
        logging.getLogger("news_digest").removeHandler(keep)
    return out, [r.getMessage() for r in records]


def read(site: Path, rel: str) -> str:
    path = site / rel
    return path.read_text(encoding="utf-8")


def titles(html: str) -> list[str]:
    return re.findall(r'class="card-title"><a href="[^"]*">([^<]*)</a>', html)


def test_hidden_and_draft_stay_out_of_listings_feeds_and_sitemaps(curated) -> None:
    site, _ = curated
    listings = ["index.html", "editions/2020-01-10/index.html", "editions/index.html",
                "topics/politics/index.html", "editions/2020-W02/index.html"]
    files = ["feeds/all.rss.xml", "feeds/all.atom.xml", "feeds/topics/politics.atom.xml",
             "feeds/editions.rss.xml", "sitemap.xml", "news-sitemap.xml"]
    for rel in listings + files:
        text = read(site, rel)
        assert "TEST PAGE" not in text and "test-page" not in text, rel
        assert "draft-story" not in text and "A draft about the budget" not in text, rel
    first = feedparser.parse((site / "feeds/all.rss.xml").read_bytes()).entries[0]
    assert first.title == "Unordered politics story"  # the newest listed story
    # Pelican's semantics: a hidden post keeps its page, a draft goes under drafts/
    hidden = read(site, "2020/01/10/test-page/index.html")
    assert '<meta name="robots" content="noindex">' in hidden
    assert "TEST PAGE: Self-publish today" in hidden
    assert (site / "drafts" / "draft-story.html").exists()
    assert 'name="robots"' not in read(site, "2020/01/10/politics-a/index.html")


def indexed_urls(site: Path) -> set[str]:
    """The page URLs in the site's Pagefind index: each fragment file is gzip'd JSON
    behind a ``pagefind_dcd`` signature."""
    urls = set()
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        urls.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return urls


def test_hidden_and_draft_pages_are_not_marked_for_search(curated) -> None:
    """Pagefind indexes only pages with ``data-pagefind-body`` once any page has it, so
    a hidden or draft post's page must not carry it (QA H3: a hidden post was found)."""
    site, _ = curated
    for rel in ("2020/01/10/test-page/index.html", "drafts/draft-story.html"):
        assert "data-pagefind-body" not in read(site, rel), rel
    assert "data-pagefind-body" in read(site, "2020/01/10/politics-a/index.html")


@pytest.mark.skipif(not search.available(True), reason="pagefind-bin not installed")
def test_search_index_leaves_out_hidden_and_draft_posts(curated) -> None:
    site, _ = curated
    urls = indexed_urls(site)
    assert "/2020/01/10/politics-a/" in urls and "/2020/01/10/ordinary-post/" in urls
    assert not [u for u in urls if "test-page" in u or "draft-story" in u], sorted(urls)


def test_edition_leads_with_featured_then_ordered_groups(curated) -> None:
    site, _ = curated
    html = read(site, "editions/2020-01-10/index.html")
    featured, _, groups = html.partition('id="featured-title"')[2].partition("</section>")
    assert titles(featured) == ["The lead story of the day"]
    assert 'class="card card-featured"' in featured and "Featured</span>" in featured
    politics = groups.split(">Politics</a></h2>")[1].split("</section>")[0]
    # order 1, order 2, then the unordered one; the featured story is not listed twice
    assert titles(politics) == ["A hand-written post, ordered first", "First by order",
                                "Second by order", "Unordered politics story"]
    # the note sits on top, before the featured section
    assert html.index('class="editor-note"') < html.index('id="featured-title"')


def test_editor_note_on_edition_home_and_feed(curated) -> None:
    site, _ = curated
    edition = read(site, "editions/2020-01-10/index.html")
    note = edition.split('class="editor-note"')[1].split("</aside>")[0]
    assert "<h2>Editor&#39;s note: a busy Friday</h2>" in note
    assert "Our pick &amp; why &lt;it&gt; matters" in note  # summary is text, escaped
    assert "<strong>the lead story</strong>" in note  # body is the curator's Markdown
    home = read(site, "index.html")
    lead = home.split('id="lead-title"')[1].split('id="recent-title"')[0]
    assert "a busy Friday" in lead and titles(lead)[0] == "The lead story of the day"
    assert lead.index('class="editor-note"') < lead.index('id="lead-featured"')
    weekly = read(site, "editions/2020-W02/index.html")
    assert "The week in one line." in weekly
    assert "a busy Friday" not in read(site, "editions/2020-01-09/index.html")
    feed = feedparser.parse((site / "feeds/editions.rss.xml").read_bytes())
    item = feed.entries[0]
    assert item.title == "Friday, 10 January 2020"
    body = item.content[0].value
    assert body.index("a busy Friday") < body.index("<h2>Featured</h2>") < \
        body.index("<h2>Politics</h2>")
    # the description is HTML in which the note's summary is text: escaped, not a tag
    assert item.summary.startswith("Our pick &amp; why &lt;it&gt; matters")


def test_notes_are_not_stories_and_bad_notes_are_named(curated) -> None:
    site, messages = curated
    assert not (site / "editions" / "2020-01-10.html").exists()
    assert "Badly named" not in read(site, "index.html")
    assert "2020/01/01" not in read(site, "sitemap.xml")
    assert any("friday.md" in m and "YYYY-MM-DD.md" in m for m in messages), messages
    assert any("2020-01-01.md" in m and "no edition 2020-01-01" in m for m in messages), \
        messages


def test_cards_show_the_time_only_when_known(curated) -> None:
    site, _ = curated
    html = read(site, "editions/2020-01-10/index.html")
    card = html.split("A story with a date only")[1].split("</p>")[0]
    assert '<time datetime="2020-01-10">10 Jan 2020</time>' in card
    known = html.split("Unordered politics story")[1].split("</p>")[0]
    assert "10 Jan 2020, 20:00</time>" in known


# --- a build that talks; a deploy build ---------------------------------------------------

REPO = Path(__file__).resolve().parents[1]


def site_copy(tmp: Path) -> Path:
    """The shipped site (settings, theme, seed, data) in ``tmp``, with no posts yet."""
    import shutil

    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, tmp / name)
    for name in ("theme", "seeds", "data"):
        shutil.copytree(REPO / name, tmp / name)
    (tmp / "content" / "pages").mkdir(parents=True)
    return tmp


def pelican(cwd: Path, conf: str, *extra: str, siteurl: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    env["COLUMNS"] = "60"  # narrow, as a piped `make html` is: paths must not break
    if siteurl is not None:
        env["SITEURL"] = siteurl
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", conf,
         "-e", 'NEWS_DIGEST_NER_BACKEND="rules"', 'NEWS_DIGEST_SEARCH=false', *extra],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_build_prints_ingest_summary_and_whole_warning_lines(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    deep = root / "seeds" / "a-folder-with-a-rather-long-name" / "and-another-one-below-it"
    deep.mkdir(parents=True)
    bad = deep / "a-seed-file-whose-name-is-longer-than-the-terminal-is-wide.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    result = pelican(root, "pelicanconf.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout + result.stderr
    lines = out.splitlines()
    summary = [line for line in lines if line.startswith("news-digest: ingest:")]
    assert summary == ["news-digest: ingest: 1 new, 0 updated, 0 unchanged, "
                       "0 kept because curated, 1 skipped"], out
    warning = [line for line in lines if bad.name in line]
    assert len(warning) == 1 and str(bad.relative_to(root)) in warning[0], out
    assert warning[0].startswith("WARNING") and "skipped" in warning[0]
    again = pelican(root, "pelicanconf.py")
    assert "news-digest: ingest: 0 new, 0 updated, 1 unchanged" in again.stdout


def test_publish_needs_siteurl_and_makes_absolute_links(tmp_path: Path) -> None:
    make = subprocess.run(["make", "-n", "-C", str(REPO), "publish", "SITEURL="],
                          capture_output=True, text=True, timeout=60)
    assert make.returncode != 0
    assert make.stderr.strip().count("\n") == 0 and "needs SITEURL" in make.stderr
    root = site_copy(tmp_path)
    refused = pelican(root, "publishconf.py")
    assert refused.returncode != 0 and not (root / "output").exists()
    assert refused.stderr.strip().splitlines()[-1].startswith("publishconf.py: set SITEURL")
    built = pelican(root, "publishconf.py", siteurl="https://news.example.org/")
    assert built.returncode == 0, built.stderr
    out = root / "output"
    relative = re.compile(r'(?:href|src|xmlUrl|htmlUrl)="/|<link>/|<loc>/|Sitemap: /|<id>/')
    files = [*out.glob("feeds/**/*.xml"), out / "sitemap.xml", out / "news-sitemap.xml",
             out / "robots.txt"]
    assert len(files) > 4
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert not relative.search(text), f
    assert "https://news.example.org/feeds/all.rss.xml" in (out / "feeds/opml.xml").read_text()
    assert "Sitemap: https://news.example.org/sitemap.xml" in (out / "robots.txt").read_text()


# --- dates: a known time is kept through ingest ------------------------------------------

PAGE = """<!doctype html><html><head><title>Harbour reopens after the storm</title>
<meta property="article:published_time" content="2020-01-08T09:30:00Z">
<meta property="og:site_name" content="Coast News"></head><body><article>
<h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Wednesday morning after a storm closed it for two days, and the
first ferries left on time with their usual passengers and freight on board.</p>
<p>Port officials said the damage to the quays was lighter than feared and that repairs
would be finished within the week, well before the busy season begins.</p>
</article></body></html>"""

TEXT_SEED = """Council approves the new budget

{dateline}

The city council approved the new budget on Thursday after a long debate about schools,
roads and the cost of running the buses through the winter months.

The second paragraph explains who voted for it and what changes for residents next year.
"""


def ingest_one(tmp_path: Path, files: dict[str, str]) -> str:
    from news_digest.ingest.run import ingest
    from news_digest.settings import Settings

    seeds = tmp_path / "seeds"
    for name, text in files.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    s = Settings(seeds=seeds, content=tmp_path / "content", data_dir=tmp_path / "data",
                 ner_backend="rules", processes=1)
    report = ingest(s)
    assert len(report.new) == 1, report.summary_line()
    return (s.content / report.new[0]).read_text(encoding="utf-8")


def test_html_published_time_is_kept(tmp_path: Path) -> None:
    post = ingest_one(tmp_path, {"harbour.html": PAGE})
    assert 'date: "2020-01-08T09:30:00+00:00"' in post and "date_source: metadata" in post


def test_index_time_beats_a_day_only_dateline_of_the_same_day(tmp_path: Path) -> None:
    post = ingest_one(tmp_path, {
        "council.txt": TEXT_SEED.format(dateline="Thursday, January 9, 2020"),
        "index.tsv": "file\tdate\ncouncil.txt\t2020-01-09T14:15:00+00:00\n"})
    assert 'date: "2020-01-09T14:15:00+00:00"' in post and "date_source: metadata" in post


def test_a_dateline_with_a_time_still_wins(tmp_path: Path) -> None:
    post = ingest_one(tmp_path, {
        "council.txt": TEXT_SEED.format(dateline="Jan. 9, 2020 4:08 pm EST"),
        "index.tsv": "file\tdate\ncouncil.txt\t2020-01-09T14:15:00+00:00\n"})
    assert 'date: "2020-01-09T21:08:00+00:00"' in post and "date_source: dateline" in post


# --- the line edit behind feature/hide/unhide ---------------------------------------------

def test_set_key_replaces_a_block_value_and_refuses_what_it_would_misread() -> None:
    from news_digest.commands.curate import CurateError, set_key

    post = "---\ntitle: A\nstatus:\n  draft\ntopics:\n- a\n- b\n---\nstatus: body text\n"
    assert set_key(post, "status", "hidden") == \
        "---\ntitle: A\nstatus: hidden\ntopics:\n- a\n- b\n---\nstatus: body text\n"
    # a "status:" line that is really the inside of a multi-line title
    tricky = '---\ntitle: "first line\nstatus: fake"\nslug: a\n---\nbody\n'
    with pytest.raises(CurateError, match="by hand; not changed"):
        set_key(tricky, "status", "hidden", "tricky.md")


def alternates(html: str) -> list[str]:
    head = html.split("</head>")[0]
    return re.findall(r'<link rel="alternate" type="[^"]+" title="[^"]*" href="([^"]+)"', head)


def follows(html: str) -> list[str]:
    block = re.search(r'<p class="feeds">Follow(.*?)</p>', html, re.S)
    return re.findall(r'href="([^"]+)"', block.group(1)) if block else []


def test_weekly_editions_have_their_own_feed_with_the_note(curated) -> None:
    site, _ = curated
    feed = feedparser.parse((site / "feeds/editions-weekly.atom.xml").read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title.startswith("Weekly editions")
    rss = feedparser.parse((site / "feeds/editions-weekly.rss.xml").read_bytes())
    assert not rss.bozo and rss.version == "rss20"
    keys = [e.link.rstrip("/").rsplit("/", 1)[-1] for e in rss.entries]
    assert keys and all("-W" in k for k in keys) and keys[0] == "2020-W02"
    week = rss.entries[0]
    assert week.id == "urn:news-digest:edition:2020-W02"
    body = week.content[0].value
    # the week's note at the top of its item, before the stories
    assert "The week in one line." in body
    assert body.index("The week in one line.") < body.index("<h2>")
    assert "a busy Friday" not in body  # the day's note is the daily item's
    # no weekly item in the daily feed, no daily item in the weekly one
    daily = feedparser.parse((site / "feeds/editions.atom.xml").read_bytes())
    assert not any("-W" in e.id for e in daily.entries)
    assert all("-W" in e.id for e in feed.entries)
    # weekly pages advertise and link the weekly feed; daily pages the daily one
    weekly_page = read(site, "editions/2020-W02/index.html")
    assert "/feeds/editions-weekly.atom.xml" in alternates(weekly_page)
    assert "/feeds/editions.atom.xml" not in alternates(weekly_page)
    assert [u.rsplit("/", 1)[-1] for u in follows(weekly_page)] == [
        "editions-weekly.rss.xml", "editions-weekly.atom.xml"]
    daily_page = read(site, "editions/2020-01-10/index.html")
    assert [u.rsplit("/", 1)[-1] for u in follows(daily_page)] == [
        "editions.rss.xml", "editions.atom.xml"]
    archive = read(site, "editions/index.html")
    # two feeds on one page: each named before its links
    assert re.search(r'Follow Daily editions: <a [^>]*>RSS</a> <a [^>]*>Atom</a>; '
                     r'Weekly editions: <a [^>]*>RSS</a> <a [^>]*>Atom</a></p>', archive)
    assert "Follow <a" in weekly_page and "editions:" not in weekly_page
    assert {"editions.atom.xml", "editions-weekly.atom.xml"} <= {
        u.rsplit("/", 1)[-1] for u in follows(archive)}
    opml = read(site, "feeds/opml.xml")
    assert 'title="Weekly editions"' in opml and "feeds/editions-weekly.rss.xml" in opml \
        and "feeds/editions-weekly.atom.xml" in opml


def test_home_page_advertises_the_editions_feed(curated) -> None:
    site, _ = curated
    urls = alternates(read(site, "index.html"))
    assert [u.rsplit("/", 1)[-1] for u in urls] == [
        "all.rss.xml", "all.atom.xml", "editions.rss.xml", "editions.atom.xml"]
    for url in urls:  # every advertised feed exists
        assert (site / url.split("/", 1)[-1] if url.startswith("/") else site / url).exists()


def test_no_weekly_feed_when_weekly_editions_are_off(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_WEEKLY_EDITIONS=False)
    assert (out / "feeds/editions.atom.xml").exists()
    assert not list((out / "feeds").glob("editions-weekly*"))
    assert "editions-weekly" not in read(out, "feeds/opml.xml")
    assert "editions-weekly" not in read(out, "editions/index.html")
