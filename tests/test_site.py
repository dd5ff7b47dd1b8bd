"""The built fixture site: every page family, order, pagination, names, links, HTML."""

from __future__ import annotations

import filecmp
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import html5lib
import pytest
from helpers import PER_PAGE, build, copy_content

TIME_RE = re.compile(r'<h3 class="card-title">.*?<time datetime="([^"]+)"', re.S)


def read(site: Path, url: str) -> str:
    path = site / url.strip("/") / "index.html" if not url.endswith((".xml", ".txt")) \
        else site / url.strip("/")
    assert path.exists(), f"missing {url}"
    return path.read_text(encoding="utf-8")


def card_dates(html: str) -> list[str]:
    return re.findall(r'<article class="card">\s*<h3 class="card-title">.*?'
                      r'<time datetime="([^"]+)"', html, re.S)


def test_every_page_family_exists(site: Path) -> None:
    for url in ("/", "/topics/", "/topics/politics/", "/entities/",
                "/entities/people/donald-trump/", "/entities/organizations/g7/",
                "/editions/", "/editions/2020-01-08/", "/editions/2020-W02/", "/search/",
                "/about/", "/2020/01/08/iran-strikes/", "/2020/01/07/ordinary-post/"):
        read(site, url)
    for f in ("sitemap.xml", "news-sitemap.xml", "robots.txt", "feeds/opml.xml",
              "theme/css/site.css"):
        assert (site / f).exists(), f
    # Pelican's own taxonomy pages are off; the broken post is skipped, not the build
    assert not (site / "tag").exists() and not (site / "category").exists()
    assert not list(site.rglob("broken*"))


def test_lists_are_newest_first_and_paginated_from_the_oldest(site: Path) -> None:
    html = read(site, "/topics/politics/")
    dates = card_dates(html)
    assert PER_PAGE <= len(dates) < 2 * PER_PAGE and dates == sorted(dates, reverse=True)
    older = re.search(r'rel="next" href="/topics/politics/page/(\d+)/"', html)
    assert older, "the front page links the newest numbered page"
    newest_numbered = int(older.group(1))
    page = read(site, f"/topics/politics/page/{newest_numbered}/")
    assert card_dates(page)[0] <= dates[-1]
    assert 'rel="prev" href="/topics/politics/"' in page
    oldest = read(site, "/topics/politics/page/1/")
    assert 'rel="next"' not in oldest and len(card_dates(oldest)) == PER_PAGE
    home_older = re.search(r'rel="next" href="/page/(\d+)/"', read(site, "/"))
    assert home_older, "the home page links its newest numbered page"
    assert 'rel="prev" href="/"' in read(site, f"/page/{home_older.group(1)}/")
    all_home = card_dates(read(site, "/").split('id="recent-title"')[1])
    assert all_home == sorted(all_home, reverse=True)


def test_a_new_story_changes_only_the_front_of_a_listing() -> None:
    """Numbering from the oldest page: one more story rewrites the front page, and once
    per ``per_page`` stories adds one page and relinks one; the rest stay as they were."""
    from news_digest.site.pagination import paginate

    for n in range(1, 40):
        before = {pg.url: pg for pg in paginate(list(range(n, 0, -1)), 5, "t/")}
        after = {pg.url: pg for pg in paginate(list(range(n + 1, 0, -1)), 5, "t/")}
        changed = {u for u in after if before.get(u) != after[u]}
        assert "t/" in changed and len(changed) <= 3, (n, changed)
        front = after["t/"]
        assert (front.items[0] == n + 1 and 5 <= len(front.items) < 10) or n + 1 < 5
        assert sorted(i for pg in after.values() for i in pg.items) == list(range(1, n + 2))


def test_counts_on_indexes(site: Path) -> None:
    topics = read(site, "/topics/")
    # politics: 3 named posts + 16 numbered ones
    assert re.search(r'href="/topics/politics/">Politics</a> <span class="count">19 stories',
                     topics)
    entities = read(site, "/entities/")
    assert re.search(r'donald-trump/">Donald Trump <span class="count">\d+</span>', entities)
    assert "Spam Corp" not in entities  # blocked in the registry


def test_names_never_collide(site: Path) -> None:
    orgs = {p.name for p in (site / "entities" / "organizations").iterdir()}
    assert {"c", "c-plus-plus", "c-sharp", "g7", "at-and-t"} <= orgs
    assert {f"topic-{n}" for n in range(1, 17)} <= orgs
    topics = {p.name for p in (site / "topics").iterdir() if p.is_dir()}
    assert {f"topic-{n}" for n in range(1, 17)} <= topics
    assert "C++</h1>" in read(site, "/entities/organizations/c-plus-plus/")
    assert "C#</h1>" in read(site, "/entities/organizations/c-sharp/")


def test_entity_page_shows_aliases_co_mentions_and_timeline(site: Path) -> None:
    html = read(site, "/entities/people/qassem-soleimani/")
    # "Qasem Soleimani" in one post is an alias: both posts land on one page
    assert "Also known as" in html and "Qassim Suleidmani" in html
    assert "<dt>Stories</dt><dd>2</dd>" in html
    assert "Mentioned with" in html and "Donald Trump" in html
    assert 'href="/editions/2020-01-06/"' in html and 'href="/editions/2020-01-08/"' in html
    assert "First seen" in html and "6 January 2020" in html
    assert not (site / "entities" / "people" / "qasem-soleimani").exists()


def test_topic_page_leading_entities(site: Path) -> None:
    html = read(site, "/topics/conflict-war-and-peace/")
    assert "Leading entities" in html and "Qassem Soleimani" in html
    assert "Armed conflict" in html  # description from topics.yml
    assert "Topic 16</h1>" in read(site, "/topics/topic-16/")  # unknown id: label from id


def test_editions(site: Path) -> None:
    html = read(site, "/editions/2020-01-08/")
    assert "Wednesday, 8 January 2020" in html
    assert 'href="/topics/conflict-war-and-peace/">Conflict, war and peace</a></h2>' in html
    assert "Iran state TV announced a missile attack" in html  # summary shown
    assert 'href="/editions/2020-01-07/"' in html and 'href="/editions/2020-01-09/"' in html
    archive = read(site, "/editions/")
    days = re.findall(r'href="/editions/(\d{4}-\d\d-\d\d)/"', archive)
    assert days == sorted(days, reverse=True) and len(days) == 5
    home = read(site, "/")
    assert "Latest edition" in home and 'href="/editions/2020-01-10/"' in home


def test_article_page(site: Path) -> None:
    html = read(site, "/2020/01/08/iran-strikes/")
    assert "Title: not metadata" in html  # body line is text, not metadata
    assert "&lt;confirmed&gt;" in html
    assert "By A. Reporter" in html and "Source: AlterNet Media" in html
    assert 'class="chip chip-people" href="/entities/people/qassem-soleimani/"' in html
    assert "Related stories" in html
    g7 = read(site, "/2020/01/07/g7-summit/")
    assert '<a href="https://example.com/story" rel="nofollow noopener">AlterNet Media</a>' in g7
    plain = read(site, "/2020/01/07/ordinary-post/")
    assert "<em>raw HTML</em>" in plain  # ordinary posts are trusted Pelican Markdown


def test_related_ranks_by_rare_shared_entities(site: Path) -> None:
    html = read(site, "/2020/01/06/soleimani-killed/")
    related = html.split('id="related-title"')[1]
    first = re.search(r'<h3 class="card-title"><a href="([^"]+)"', related).group(1)
    assert first == "/2020/01/08/iran-strikes/"  # shares Soleimani, Pentagon, Iraq


def test_seed_text_is_escaped_everywhere(site: Path) -> None:
    html = read(site, "/2020/01/09/xss/")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)" in html
    assert "<b>bold</b>" not in html and "javascript:" not in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in ld and "<" not in ld
    data = json.loads(ld)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Seed <script>")
    assert data["about"][0]["name"] == "Politics"
    assert {m["name"] for m in data["mentions"]} == {"Donald Trump", "Iran"}
    for page in site.rglob("*.html"):
        if "pagefind" not in page.parts:
            assert "alert('title')</script>" not in page.read_text(encoding="utf-8"), page


def test_head_has_canonical_opengraph_and_feed_links(site: Path) -> None:
    html = read(site, "/topics/politics/")
    assert '<link rel="canonical" href="/topics/politics/">' in html
    assert 'rel="alternate" type="application/atom+xml" title="Politics (Atom)" ' \
           'href="/feeds/topics/politics.atom.xml"' in html
    assert "politics.rss.xml" not in html  # topic feeds are Atom alone by default
    assert 'href="/feeds/all.atom.xml"' in html
    art = read(site, "/2020/01/08/iran-strikes/")
    assert '<meta property="og:type" content="article">' in art
    assert '<meta property="article:published_time" content="2020-01-08T10:00:00+00:00">' in art


def test_sitemaps_and_robots(site: Path) -> None:
    sm = (site / "sitemap.xml").read_text()
    assert "<loc>/2020/01/08/iran-strikes/</loc><lastmod>2020-01-08T10:00:00+00:00" in sm
    assert "<loc>/entities/organizations/c-plus-plus/</loc>" in sm
    news = (site / "news-sitemap.xml").read_text()
    # within 48 h of the newest article (2020-01-10 01:00): 8 Jan 01:00 onwards only
    assert "numbered-11" in news and "xss" in news and "iran-strikes" in news
    assert "soleimani-killed" not in news and "g7-summit" not in news
    assert "<news:title>Seed &lt;script&gt;" in news
    robots = (site / "robots.txt").read_text()
    assert "Sitemap: /sitemap.xml" in robots and "Sitemap: /news-sitemap.xml" in robots


def test_html_parses_strictly(site: Path) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        try:
            parser.parse(text)
        except Exception as exc:  # html5lib raises ParseError with a position
            pytest.fail(f"{page.relative_to(site)}: {exc}")
        assert text.count("<h1") == 1, page


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_no_broken_internal_links(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            url = urldefrag(link).url
            if not url or urlparse(url).scheme or url.startswith("//"):
                continue
            target = (site / url.lstrip("/")) if url.startswith("/") else page.parent / url
            if url.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {link}")
    assert not broken, "\n".join(broken[:20])


def test_build_is_deterministic(site: Path, site_root: Path, tmp_path: Path) -> None:
    content = copy_content(site_root, tmp_path)
    again = build(tmp_path, content, tmp_path / "output")
    differ = []
    for path in site.rglob("*"):
        rel = path.relative_to(site)
        if path.is_dir():  # Pagefind's index included: it is byte-stable too
            continue
        other = again / rel
        if not other.exists() or not filecmp.cmp(path, other, shallow=False):
            differ.append(str(rel))
    assert not differ, differ[:20]
    assert {p.relative_to(again) for p in again.rglob("*")} \
        == {p.relative_to(site) for p in site.rglob("*")}


def test_home_lists_each_story_once(site: Path) -> None:
    """The latest edition's stories are not repeated under "Recent stories"."""
    import re
    from collections import Counter

    html = (site / "index.html").read_text(encoding="utf-8")
    links = Counter(re.findall(r'href="(/\d{4}/\d\d/\d\d/[^"]+/)"', html))
    assert links, "home page lists stories"
    assert max(links.values()) == 1, [u for u, n in links.items() if n > 1]


def test_counts_read_as_english(site: Path) -> None:
    """One ``plural`` filter for every count: "1 story", "2 stories", never "1 stories"."""
    from news_digest.site.fragments import plural

    assert plural(1, "story", "stories") == "1 story"
    assert plural([1, 2], "story", "stories") == "2 stories"
    assert plural(0, "topic") == "0 topics"
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert re.search(r"\b1 stories\b", pages) is None
    assert re.search(r"\b1 story\b", pages) and re.search(r"\b[2-9] stories\b", pages)


def test_no_dek_when_the_summary_is_the_lead_paragraphs(tmp_path: Path) -> None:
    """QA M6: a summary made of the first paragraph and the start of the second (an
    extractive lead, as ingest writes it) was shown as the standfirst and then again as
    the body's first two paragraphs. A dek that is just the lead is dropped (as
    newsrooms do); a summary of its own is still shown."""
    from helpers import Post, write_content

    lead = ("On Monday, Nevada became the first state in the United States to begin a "
            "session in which more than half of the legislators were women.")
    second = ("State Senator Pat Spearman remarked, \"It's been a long, hard fight.\" "
              "She said the work of many people made it possible.")
    posts = [
        Post("two-paragraph-lead", "Nevada legislature majority female", 0, 9,
             ("politics",), summary=f"{lead} State Senator Pat Spearman remarked, "
             "\"It's been a long, hard fight.\"", body=f"{lead}\n\n{second}\n\nThird.",
             sha="1" * 64),
        Post("one-paragraph-lead", "Germany bans Mahan Air", 0, 10, ("politics",),
             summary="Germany on Monday banned the Iranian airline Mahan Air.",
             body="Germany on Monday banned the Iranian airline Mahan Air.\n\nMore.",
             sha="2" * 64),
        Post("own-summary", "Council approves the budget", 0, 11, ("politics",),
             summary="The budget funds roads & schools.",
             body="The council met on Monday.\n\nIt approved the budget.", sha="3" * 64),
    ]
    out = build(tmp_path, write_content(tmp_path, posts), tmp_path / "output",
                NEWS_DIGEST_SEARCH=False)
    nevada = read(out, "/2020/01/06/two-paragraph-lead/")
    assert 'class="dek"' not in nevada
    head = nevada.split('<header class="story-head">')[1].split('<div class="body">')[0]
    assert "first state in the United States" not in head  # shown once, in the body
    assert "first state in the United States" in nevada.split('<div class="body">')[1]
    assert 'class="dek"' not in read(out, "/2020/01/06/one-paragraph-lead/")
    own = read(out, "/2020/01/06/own-summary/")
    assert '<p class="dek">The budget funds roads &amp; schools.</p>' in own
