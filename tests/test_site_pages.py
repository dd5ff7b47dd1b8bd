"""Found by a new-user trial: older listing pages, post dates, the sitemap, 404 and About.

- Older pages of a listing: each has Newer/Older links, its title and heading name the
  days it covers (pages count from the oldest, so "page 1" read backwards), and
  headings never skip a level.
- A post's date: its time shown wherever the post has one, never "00:00" for a post
  whose source gave the day only (cards, article header, story page, same-story list).
- The sitemap lists the About page and the entity A–Z pages; ``404.html`` exists and
  is unlisted; the About page's claim about source links is true of the site.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from helpers import REPO, START, Post, build, fixture_posts, post_text, write_content

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HEADING = re.compile(r"h([1-6])")

# Two reports of one story: one with a known time (02:00), one with the day only.
TIMED = Post("timed-report", "Harbour bridge reopens after repairs", 4, 18,
             ("economy-business-and-finance",), summary="The bridge reopened at 2 am.",
             sha="f1" * 32)
DAY_ONLY = Post("day-only-report", "Harbour bridge open again", 3, 16,
                ("economy-business-and-finance",), summary="The bridge is open again.",
                sha="f2" * 32)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight articles at three per page: the home page and exactly one older page (what
    the trial saw), a two-report story, and the shipped About page."""
    assert TIMED.date.hour == 2 and DAY_ONLY.date.hour == 0
    root = tmp_path_factory.mktemp("small-site")
    content = write_content(root, [*fixture_posts()[:5], TIMED, DAY_ONLY])
    for p in (TIMED, DAY_ONLY):
        path = content / f"{p.date:%Y}" / f"{p.slug}.md"
        path.write_text(post_text(p).replace(f"story: {p.slug}\n", "story: harbour-bridge\n"),
                        encoding="utf-8")
    (content / "pages" / "about.md").write_text(
        (REPO / "content" / "pages" / "about.md").read_text(encoding="utf-8"), encoding="utf-8")
    return build(root, content, root / "output")


def page_path(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")


def parse(site: Path, url: str) -> ElementTree.Element:
    path = page_path(site, url)
    assert path.exists(), f"missing {url}"
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def text(el: ElementTree.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def heading_levels(doc: ElementTree.Element) -> list[int]:
    return [int(m.group(1)) for el in doc.iter() if isinstance(el.tag, str)
            for m in [HEADING.fullmatch(el.tag)] if m]


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


# -- L1: older pages


def test_the_one_older_home_page_links_back_and_names_its_days(small: Path) -> None:
    assert (small / "page" / "1").is_dir() and not (small / "page" / "2").exists()
    home = parse(small, "/")
    older = home.find(".//nav[@class='pagination']/a[@rel='next']")
    assert older is not None and older.get("href") == "/page/1/"
    doc = parse(small, "/page/1/")
    nav = doc.find(".//nav[@class='pagination']")
    assert nav is not None, "the older page has no pagination nav"
    newer = nav.find("a[@rel='prev']")
    assert newer is not None and newer.get("href") == "/" and "Newer" in text(newer)
    assert nav.find("a[@rel='next']") is None  # the oldest page
    title, h1 = text(doc.find(".//title")), text(doc.find(".//h1"))
    assert "page 1" not in title.lower() and "page 1" not in h1.lower()
    days = {t.get("datetime")[:10] for t in doc.iterfind(".//article[@class='card']//time")}
    # the stories' days, in the title, the heading and the nav: "Older stories, 6–7 Jan 2020"
    assert days and h1.startswith("Older stories, ") and title.startswith(h1)
    for day in days:
        assert f"{int(day[8:])}" in h1
    assert text(nav.find("span")) == h1.removeprefix("Older stories, ")


def test_every_listing_page_links_its_neighbours_and_is_named_once(site: Path) -> None:
    """Home, topic and entity pages of the fixture site (three stories a page)."""
    for listing in ("/", "/topics/politics/", "/entities/people/donald-trump/"):
        url, seen, titles = listing, [], []
        while url is not None:
            doc = parse(site, url)
            nav = doc.find(".//nav[@class='pagination']")
            assert nav is not None, url
            newer, older = nav.find("a[@rel='prev']"), nav.find("a[@rel='next']")
            assert (newer is None) == (url == listing), url
            if seen:
                assert newer.get("href") == seen[-1], url
            titles.append(text(doc.find(".//title")))
            assert not re.search(r"\bpage \d", titles[-1], re.I), titles[-1]
            seen.append(url)
            url = older.get("href") if older is not None else None
        assert len(seen) > 2, listing
        assert len(set(titles)) == len(titles), titles
        assert seen[-1] == f"{listing}page/1/"  # numbered from the oldest: URLs stay put


def test_page_labels_are_unique_and_a_new_story_still_changes_at_most_three_pages() -> None:
    """Labels (here: a "day" of 7 items) keep numbering from the oldest cheap: a busy day
    spread over pages is told apart by parts counted from the oldest, and only the page
    a new page relinks may change its label."""
    from news_digest.site.pagination import paginate

    def day(items: tuple[int, ...]) -> str:
        return f"day {min(items) // 7}–{max(items) // 7}"

    for n in range(1, 60):
        before = {pg.url: pg for pg in paginate(list(range(n, 0, -1)), 3, "t/", day)}
        after = {pg.url: pg for pg in paginate(list(range(n + 1, 0, -1)), 3, "t/", day)}
        changed = {u for u in after if before.get(u) != after[u]}
        assert "t/" in changed and len(changed) <= 3, (n, changed)
        labels = [pg.label for pg in after.values() if not pg.front]
        assert len(set(labels)) == len(labels) and all(labels), labels
    pages = paginate(list(range(12, 0, -1)), 3, "t/", day)
    assert [pg.label for pg in pages] == ["", "day 1–1", "day 0–0, part 2", "day 0–0, part 1"]


@pytest.mark.parametrize("which", ["site", "small"])
def test_headings_never_skip_a_level(which: str, request: pytest.FixtureRequest) -> None:
    """axe-core's heading-order rule, on every page: h1 first, then at most one level
    deeper at a time."""
    site = request.getfixturevalue(which)
    bad = []
    for page in html_pages(site):
        levels = heading_levels(html5lib.parse(page.read_text(encoding="utf-8"),
                                               namespaceHTMLElements=False))
        jumps = [(a, b) for a, b in zip([0, *levels], levels, strict=False) if b > a + 1]
        if jumps:
            bad.append(f"{url_of(site, page)}: h{jumps[0][0]} → h{jumps[0][1]}")
    assert not bad, "\n".join(bad[:20])


# -- L2: one rule for a post's date


def post_times(site: Path) -> list[tuple[str, str, str]]:
    """(page, datetime, text) of every <time> on every page."""
    out = []
    for page in html_pages(site):
        doc = html5lib.parse(page.read_text(encoding="utf-8"), namespaceHTMLElements=False)
        out += [(url_of(site, page), t.get("datetime"), text(t)) for t in doc.iter("time")]
    return out


@pytest.mark.parametrize("which", ["site", "small"])
def test_no_page_shows_a_midnight_nobody_reported(which: str,
                                                  request: pytest.FixtureRequest) -> None:
    times = post_times(request.getfixturevalue(which))
    assert len(times) > 20
    assert [t for t in times if "00:00" in t[2]] == []


def test_the_story_page_shows_a_known_time_and_a_date_only_post_by_its_day(
        small: Path) -> None:
    doc = parse(small, "/stories/harbour-bridge/")
    times = [(t.get("datetime"), text(t)) for sec in doc.iterfind(".//section")
             for t in sec.iter("time")]
    timed = TIMED.date
    day = DAY_ONLY.date.date()
    assert (timed.isoformat(), f"{timed.day} {timed:%b %Y}, 02:00") in times  # timeline
    assert (timed.isoformat(), f"{timed.day} {timed:%b}, 02:00") in times  # by source
    assert (day.isoformat(), f"{day.day} {day:%b %Y}") in times
    assert (day.isoformat(), f"{day.day} {day:%b}") in times


def test_the_article_header_shows_the_time_the_cards_show(small: Path) -> None:
    timed_url = f"/{TIMED.date:%Y/%m/%d}/{TIMED.slug}/"
    header = parse(small, timed_url).find(".//header[@class='story-head']")
    assert text(header.find(".//time")) == f"{TIMED.date:%A}, {TIMED.date.day} " \
                                            f"{TIMED.date:%B %Y}, 02:00"
    card = next(c for c in parse(small, "/").iterfind(".//article[@class='card']")
                if text(c.find(".//a")) == TIMED.title)
    assert text(card.find(".//time")).endswith(", 02:00")
    day_url = f"/{DAY_ONLY.date:%Y/%m/%d}/{DAY_ONLY.slug}/"
    doc = parse(small, day_url)
    head_time = doc.find(".//header[@class='story-head']//time")
    assert text(head_time) == f"{DAY_ONLY.date:%A}, {DAY_ONLY.date.day} {DAY_ONLY.date:%B %Y}"
    assert head_time.get("datetime") == DAY_ONLY.date.date().isoformat()  # no midnight
    # and its "this story from other sources" list gives the other report's time
    other = doc.find(".//aside[@class='same-story']//time")
    assert (other.get("datetime"), text(other)) == \
        (TIMED.date.isoformat(), f"{TIMED.date.day} {TIMED.date:%b %Y}, 02:00")


def test_a_date_only_pelican_post_shows_no_midnight() -> None:
    """Ordinary Pelican posts have no ``time_known``: midnight is the day alone."""
    from types import SimpleNamespace

    from news_digest.site.dates import date_span, post_time

    midnight = START.replace(hour=0)
    assert str(post_time(SimpleNamespace(date=midnight))) == \
        '<time datetime="2020-01-06">6 Jan 2020</time>'
    assert str(post_time(SimpleNamespace(date=midnight + timedelta(hours=2)))) == \
        '<time datetime="2020-01-06T02:00:00+00:00">6 Jan 2020, 02:00</time>'
    assert date_span([midnight]) == "6 Jan 2020"
    assert date_span([midnight + timedelta(days=1), midnight]) == "6–7 Jan 2020"
    assert date_span([midnight, midnight + timedelta(days=26)]) == "6 Jan – 1 Feb 2020"
    assert date_span([midnight - timedelta(days=7), midnight]) == "30 Dec 2019 – 6 Jan 2020"


# -- L8: sitemap, 404, About


def sitemap_locs(site: Path) -> set[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    return {loc.text for loc in tree.iter(f"{SITEMAP_NS}loc")}


@pytest.mark.parametrize("which", ["site", "small"])
def test_sitemap_lists_the_about_and_a_to_z_pages_and_only_real_pages(
        which: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(which)
    locs = sitemap_locs(site)
    groups = sorted(p.parent.parent.name for p in site.glob("entities/*/*/index.html"))
    assert groups
    assert {"/about/", *(f"/entities/{g}/" for g in groups)} <= locs
    assert not [u for u in locs if not page_path(site, u).exists()]
    assert not [u for u in locs if "404" in u]


def test_404_page_is_a_plain_accessible_page(small: Path) -> None:
    path = small / "404.html"
    assert path.exists()
    raw = path.read_text(encoding="utf-8")
    doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(raw)
    assert doc.get("lang") == "en"
    assert [text(h) for h in doc.iter("h1")] == ["Page not found"]
    assert text(doc.find(".//title")).startswith("Page not found")
    assert doc.find(".//main") is not None and doc.find(".//a[@class='skip']") is not None
    assert doc.find(".//meta[@name='robots']").get("content") == "noindex"
    assert doc.find(".//link[@rel='canonical']") is None  # served at any address
    links = [a.get("href") for a in doc.iter("a") if a.get("href") != "#main"]
    assert "/" in links and "/editions/" in links
    # served at any depth: every link is from the site's root, and leads somewhere
    assert all(h.startswith("/") for h in links), links
    assert all(page_path(small, h).exists() for h in links), links


def test_the_about_page_says_only_what_is_true_of_source_links(small: Path) -> None:
    articles = [p for p in small.glob("2020/*/*/*/index.html")]
    unlinked = [p for p in articles
                if parse(small, url_of(small, p)).find(".//p[@class='source']/a") is None]
    assert unlinked and len(unlinked) < len(articles)  # some posts have no source URL
    about = text(parse(small, "/about/").find(".//main"))
    claims = [s for s in re.split(r"(?<=[.;])\s+", about) if re.search(r"\bsource\b", s)]
    assert claims, about
    assert not [s for s in claims if re.search(r"\b(each|every) (story|article)\b", s, re.I)
                and " where " not in s], claims


def test_the_shipped_about_page_links_work_under_a_sub_path(small: Path) -> None:
    """Trial 5: the About page linked ``/feeds/opml.xml``, a 404 when the site lives at
    ``https://host/news/``. Its own links are relative to the page."""
    doc = parse(small, "/about/")
    main = doc.find(".//main")
    for a in main.iter("a"):
        href = a.get("href")
        if href.startswith(("http://", "https://", "#", "{{")):
            continue
        assert not href.startswith("/"), f"root-relative link {href} breaks under a sub-path"
        target = (small / "about" / href).resolve()
        assert target.exists(), f"{href} from /about/ leads nowhere"
