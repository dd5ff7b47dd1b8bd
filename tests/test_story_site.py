"""A built site shows stories: three outlets report one event, a fourth a look-alike.

Seeds go through ingest (clustering gives the ``story`` ids) and Pelican builds the site;
the checks are what a reader sees: one card for the event with "also reported by", the
look-alike on its own card, the story page, the article page and the feed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
import yaml
from helpers import build, write_content
from test_stories import LOHAN, REID, seed

from news_digest.ingest.run import ingest
from news_digest.settings import Settings

OUTLETS = ("Daily Planet", "Gotham Gazette", "Metro Times")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("stories-site")
    (root / "content" / "2020").mkdir(parents=True)
    content = write_content(root, posts=[])  # data files and pages; posts come from ingest
    seeds = root / "seeds"
    reports = [replace(a, date=a.date.replace(day=9)) for a in LOHAN]
    for outlet, article in [*zip(OUTLETS, reports, strict=True), ("Coast Courier", REID)]:
        folder = seeds / outlet.lower().replace(" ", "-") / "2020-01-09"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{article.slug}.txt").write_text(seed(article))
        (folder / "index.tsv").write_text(f"file\tpublisher\n{article.slug}.txt\t{outlet}\n")
    report = ingest(Settings(seeds=seeds, content=content, data_dir=root / "data",
                             ner_backend="rules", processes=1))
    assert len(report.new) == 4 and not report.skipped, report.skipped
    return content, build(root, content, root / "output")


def front(content: Path, title_start: str) -> dict:
    for p in content.rglob("*.md"):
        text = p.read_text()
        if text.startswith(f"---\ntitle: {title_start}") or f'title: "{title_start}' in text:
            return yaml.safe_load(text.split("---\n")[1])
    raise AssertionError(title_start)


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="card">.*?</article>', html, re.S)


def test_front_matter_puts_the_three_reports_in_one_story(built: tuple[Path, Path]) -> None:
    content, _ = built
    ids = {front(content, a.title[:20])["story"] for a in LOHAN}
    assert len(ids) == 1
    assert front(content, REID.title[:20])["story"] not in ids


def test_edition_and_home_show_one_card_per_story(built: tuple[Path, Path]) -> None:
    _, out = built
    for page in (out / "editions" / "2020-01-09" / "index.html", out / "index.html"):
        html = page.read_text()
        lohan = [c for c in cards(html) if "Lohan" in c]
        reid = [c for c in cards(html) if "Tara Reid" in c]
        assert len(lohan) == 1 and len(reid) == 1, page
        assert "Also reported — 2 more reports from 2 sources:" in lohan[0]
        lead = next(o for o in OUTLETS if f"· {o}</p>" in lohan[0])
        assert {o for o in OUTLETS if f">{o}</a>" in lohan[0]} == set(OUTLETS) - {lead}
        assert "Also reported" not in reid[0]
    edition = (out / "editions" / "2020-01-09" / "index.html").read_text()
    assert "2 stories" in edition


def test_story_page_lists_every_report_with_sources_side_by_side(
        built: tuple[Path, Path]) -> None:
    content, out = built
    story = front(content, LOHAN[0].title[:20])["story"]
    html = (out / "stories" / story / "index.html").read_text()
    meta = html.split('<p class="meta">3 reports from 3 sources, ')[1].split("</p>")[0]
    assert "9 Jan 2020" in meta and " to " not in meta  # one day, not "9 Jan to 9 Jan"
    timeline = html.split('class="timeline"')[1]
    assert all(a.title in timeline for a in LOHAN)
    assert all(f"<h3>{o}</h3>" in html for o in OUTLETS)
    assert "Tara Reid" not in html
    assert not (out / "stories" / front(content, REID.title[:20])["story"]).exists()


def test_article_page_shows_its_story_apart_from_related(built: tuple[Path, Path]) -> None:
    _, out = built
    page = next(out.rglob("lindsay-lohan-checks-into-betty-ford-center/index.html"))
    html = page.read_text()
    aside = html.split('class="same-story"')[1].split("</aside>")[0]
    assert LOHAN[1].title in aside and LOHAN[2].title in aside
    related = html.split('class="related"')[1] if 'class="related"' in html else ""
    assert LOHAN[1].title not in related and LOHAN[2].title not in related


def test_feed_has_one_item_per_story_with_the_other_sources(built: tuple[Path, Path]) -> None:
    content, out = built
    parsed = feedparser.parse((out / "feeds" / "all.rss.xml").read_bytes())
    assert parsed.bozo == 0
    lohan = [e for e in parsed.entries if "Lohan" in e.title]
    assert len(lohan) == 1
    body = lohan[0].content[0].value
    assert "Also reported — 2 more reports from 2 sources" in body
    story = front(content, LOHAN[0].title[:20])["story"]
    assert f"stories/{story}/" in body
    assert sum(1 for o in OUTLETS if o in body) == 2
    assert [e for e in parsed.entries if "Tara Reid" in e.title]


def test_a_report_whose_publisher_is_unknown_is_named_by_its_title(
        tmp_path: Path) -> None:
    """A seed folder with no publisher (no ``index.tsv`` column, no ``source.yml``):
    the card names that report by its headline, never "Unknown source"."""
    (tmp_path / "content" / "2020").mkdir(parents=True)
    content = write_content(tmp_path, posts=[])
    seeds = tmp_path / "seeds"
    reports = [replace(a, date=a.date.replace(day=9)) for a in LOHAN[:2]]
    for i, article in enumerate(reports):
        folder = seeds / f"outlet-{i}" / "2020-01-09"
        folder.mkdir(parents=True)
        (folder / f"{article.slug}.txt").write_text(seed(article))
        if i == 0:
            (folder / "index.tsv").write_text(
                f"file\tpublisher\n{article.slug}.txt\t{OUTLETS[0]}\n")
    report = ingest(Settings(seeds=seeds, content=content, data_dir=tmp_path / "data",
                             ner_backend="rules", processes=1))
    assert len(report.new) == 2, report.skipped
    out = build(tmp_path, content, tmp_path / "output")
    card = next(c for c in cards((out / "index.html").read_text()) if "Lohan" in c)
    assert "Also reported — 1 more report" in card
    assert "Unknown source" not in card
    if f"· {OUTLETS[0]}</p>" in card:  # the named outlet leads: the other is untitled
        assert f"“{reports[1].title}”" in card or f"“{reports[1].title[:60]}" in card
    else:
        assert f">{OUTLETS[0]}</a>" in card


def test_counts_on_listings_count_stories_as_their_cards_do(built: tuple[Path, Path]) -> None:
    """An entity or topic page said "Stories: 4" above three cards when three of its
    articles were one story: a count must match what the reader can count."""
    _, out = built
    page = (out / "entities" / "people" / "lindsay-lohan" / "index.html").read_text()
    assert len([c for c in cards(page) if "Lohan" in c]) == 1
    assert "<dt>Stories</dt><dd>1</dd>" in page
    assert "3 articles, all " in page  # the timeline counts reports (of one week)
    editions = (out / "editions" / "index.html").read_text()
    assert re.search(r'2020-01-09/">[^<]*</a> <span class="count">2 stories</span>', editions)
