"""One card per story in an edition, and counts that agree (trial 3, findings 1, 6, 12).

The trial's site showed an Oregon bank bombing under "Crime" and again under "Economy" in
one edition (its reports' primary topics differ), three times once a curator featured one
report; its card said "Also reported by 5 sources" where the story page said "6 reports
from 1 source"; and the home page put "Recent stories" over an empty list. Each check here
is what a reader of the built site sees: cards on the home page, the edition page and the
editions feed; the card's and the story page's counts; the home page's sections.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
import yaml
from helpers import Post, build, post_text, write_content

ECONOMY, CONFLICT, POLITICS = ("economy-business-and-finance", "conflict-war-and-peace",
                               "politics")


def write_post(content: Path, slug: str, day: int, hour: int, topics: tuple[str, ...],
               story: str, publisher: str | None, featured: bool = False) -> None:
    """A post as ingest writes it, in ``story``, naming ``publisher`` (None: no publisher,
    a seed folder without one)."""
    n = sum(1 for _ in content.rglob("*.md")) + 1
    post = Post(slug, f"Report {slug.replace('-', ' ')}", day, hour, topics,
                summary=f"What {slug} says.", sha=f"{n:064x}")
    head, body = post_text(post).split("---\n")[1:3]
    fm = yaml.safe_load(head)
    fm["story"] = story
    if publisher is None:
        del fm["source"]["publisher"]
    else:
        fm["source"]["publisher"] = publisher
    if featured:
        fm["featured"] = True
    path = content / f"{post.date:%Y}" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{yaml.safe_dump(fm, sort_keys=False)}---\n{body}", encoding="utf-8")


def only_posts(root: Path) -> Path:
    """The fixture's data files and pages, without its hand-written and broken posts (this
    test counts every card)."""
    (root / "content" / "2020").mkdir(parents=True)
    content = write_content(root, posts=[])
    (content / "2020" / "ordinary-post.md").unlink()
    (content / "2020" / "broken.md").unlink()
    return content


BANK = ("bank-crime", "bank-economy", "bank-economy-named", "bank-day-before")
"""The bank bombing: three reports on 7 Jan with two primary topics, one on 6 Jan."""
NAVY = ("navy-politics", "navy-conflict")
OREGON = ("oregon-one", "oregon-two", "oregon-three")
"""No report names its publisher (the trial's Oregon story)."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("one-card")
    content = only_posts(root)
    # day 1 = 7 Jan 2020 (the latest edition), day 0 = 6 Jan
    write_post(content, "bank-crime", 1, 9, (CONFLICT,), "bank", "Daily Planet")
    write_post(content, "bank-economy-named", 1, 10, (ECONOMY,), "bank", "Daily Planet")
    write_post(content, "bank-economy", 1, 11, (ECONOMY, CONFLICT), "bank", None)  # lead
    write_post(content, "bank-day-before", 0, 9, (POLITICS,), "bank", "Metro Times")
    write_post(content, "navy-politics", 1, 8, (POLITICS,), "navy", "Coast Courier")
    write_post(content, "navy-conflict", 1, 12, (CONFLICT,), "navy", "Gotham Gazette",
               featured=True)
    for i, slug in enumerate(OREGON):
        write_post(content, slug, 1, 1 + i, (ECONOMY,), "oregon", None)
    write_post(content, "budget", 1, 7, (POLITICS,), "budget", "Metro Times")
    write_post(content, "chips", 1, 6, ("science-and-technology",), "chips", "Metro Times")
    for i in range(4):  # the day before: listed under "Recent stories"
        write_post(content, f"older-{i}", 0, 10 + i, (POLITICS,), f"older-{i}", "Metro Times")
    return build(root, content, root / "output", NEWS_DIGEST_SEARCH=False,
                 DEFAULT_PAGINATION=20)


def card_links(html: str) -> list[str]:
    """The article each card shows (its title's link), in page order."""
    return re.findall(r'class="card-title"><a href="/\d{4}/\d\d/\d\d/([^/"]+)/"', html)


def story_cards(html: str, slugs: tuple[str, ...]) -> list[str]:
    return [s for s in card_links(html) if s in slugs]


def cards(html: str) -> dict[str, str]:
    """Card markup by the slug it shows."""
    return {m.group(1): m.group(0) for m in re.finditer(
        r'<article class="card[^"]*">\s*<h\d class="card-title"><a href="/\d{4}/\d\d/\d\d/'
        r'([^/"]+)/".*?</article>', html, re.S)}


def section(html: str, heading: str) -> str:
    """The edition group (``<section class="group">``) under ``heading``."""
    part = html.split(f">{heading}</")[1]
    return part.split("</section>")[0]


def test_a_story_is_one_card_per_edition_in_its_lead_reports_group(site: Path) -> None:
    for page in ("editions/2020-01-07/index.html", "index.html", "editions/2020-W02/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        # the newest report leads; not the crime report, and not the day before's
        assert story_cards(html, BANK) == ["bank-economy"], page
        assert "bank-economy" in card_links(section(html, "Economy, business and finance"))
        assert not story_cards(section(html, "Conflict, war and peace"), BANK), page
        assert len(story_cards(html, OREGON)) == 1, page
        # the featured report's story: once, under Featured, never in its topic groups
        assert story_cards(html, NAVY) == ["navy-conflict"], page
        featured = html.split('class="group featured"')[1].split("</section>")[0]
        assert card_links(featured) == ["navy-conflict"], page
        assert not story_cards(section(html, "Politics"), NAVY)


def test_the_edition_counts_the_cards_it_shows(site: Path) -> None:
    edition = (site / "editions" / "2020-01-07" / "index.html").read_text(encoding="utf-8")
    shown = card_links(edition)
    assert len(shown) == len(set(shown)) == 5  # bank, navy, oregon, budget, chips
    groups = re.findall(r'<section class="group" aria-labelledby="g\d+">', edition)
    assert '<p class="meta">5 stories in 3 topics</p>' in edition and len(groups) == 3
    toc = re.findall(r'<li><a href="#g\d+">[^<]*\((\d+)\)</a></li>', edition)
    assert sum(map(int, toc)) == 4  # the featured story is in no group
    home = (site / "index.html").read_text(encoding="utf-8")
    lead = home.split('id="lead-title"')[1].split('id="recent-title"')[0]
    assert "5 stories in 3 topics" in lead and len(card_links(lead)) == 5
    index = (site / "editions" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'2020-01-07/">[^<]*</a> <span class="count">5 stories</span>', index)


def test_the_editions_feed_item_has_each_story_once(site: Path) -> None:
    for fmt in ("rss", "atom"):
        parsed = feedparser.parse((site / "feeds" / f"editions.{fmt}.xml").read_bytes())
        assert parsed.bozo == 0
        item = next(e for e in parsed.entries if e.title == "Tuesday, 7 January 2020")
        body = item.content[0].value
        heads = re.findall(r'<h3><a href="/\d{4}/\d\d/\d\d/([^/"]+)/">', body)
        assert len(heads) == len(set(heads)) == 5, heads
        assert [h for h in heads if h in BANK + NAVY] == ["navy-conflict", "bank-economy"]
        assert body.index("<h2>Featured</h2>") < body.index("navy-conflict") \
            < body.index("<h2>Economy")
        if fmt == "rss":  # the description; Atom has no summary of its own
            assert item.summary == "5 stories"


def test_recent_stories_leave_out_the_editions_stories(site: Path) -> None:
    """The bank story's report of the day before is not a second card under the edition."""
    home = (site / "index.html").read_text(encoding="utf-8")
    recent = home.split('id="recent-title"')[1]
    assert sorted(card_links(recent)) == [f"older-{i}" for i in range(4)]
    assert "bank-day-before" not in home.split("</main>")[0].split('id="recent-title"')[1]


def test_card_and_story_page_count_reports_and_sources_alike(site: Path) -> None:
    home = cards((site / "index.html").read_text(encoding="utf-8"))
    bank = home["bank-economy"]
    # the lead names no publisher; its three other reports come from two publishers,
    # each named once (with its number of reports), linked to its first report
    also = bank.split('<p class="also">')[1].split("</p>")[0]
    assert also.startswith("Also reported — 3 more reports from 2 sources: ")
    assert re.findall(r">([^<>]+)</a>( \(\d+\))?", also)[:2] == [
        ("Metro Times", ""), ("Daily Planet", " (2)")]
    page = (site / "stories" / "bank" / "index.html").read_text(encoding="utf-8")
    assert '<p class="meta">4 reports, 3 from 2 sources, ' in page  # 1 + 3 more; same 2
    assert [h for h in re.findall(r"<h3>([^<]+)</h3>", page)] == \
        ["Metro Times", "Daily Planet", "Unknown source"]

    oregon = next(c for s, c in home.items() if s in OREGON)
    assert "Also reported — 2 more reports: " in oregon and "source" not in oregon
    page = (site / "stories" / "oregon" / "index.html").read_text(encoding="utf-8")
    assert '<p class="meta">3 reports, ' in page and "Unknown source" not in page
    assert "Sources side by side" not in page  # one "Unknown source" column says nothing

    feed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/bank-economy/"))
    assert "Also reported — 3 more reports from 2 sources" in entry.content[0].value


def test_no_empty_recent_stories_and_older_pages_named_by_their_cards(
        tmp_path: Path) -> None:
    """Day 1 of a site: the front page's stories are all in the edition above them, so
    there is no "Recent stories" heading over an empty list, only the way to older pages.
    The older page holds the day before's report of a story whose newer report it shows:
    its name is the day of the cards it lists, not the day of a report it does not."""
    content = only_posts(tmp_path)
    write_post(content, "storm-old", 0, 9, (POLITICS,), "storm", "Metro Times")
    write_post(content, "storm-new", 1, 1, (POLITICS,), "storm", "Daily Planet")
    for i in range(5):
        write_post(content, f"day-one-{i}", 1, 2 + i, (ECONOMY,), f"one-{i}", "Metro Times")
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_SEARCH=False)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Recent stories" not in home and '<ol class="stories">\n</ol>' not in home
    assert 'rel="next" href="/page/1/"' in home
    older = (out / "page" / "1" / "index.html").read_text(encoding="utf-8")
    assert card_links(older) == ["day-one-0", "storm-new"]  # storm-old: the storm card's
    assert "<h1 id=\"recent-title\">Older stories, 7 Jan 2020</h1>" in older
