"""Entity pages a newsroom would publish: built with Pelican from hand-made posts.

A name earns a page in two stories (``NEWS_DIGEST_ENTITY_PAGE_MIN``) or by being
curated; the rest show as plain text. Generic institutions and bare surnames get no
page; names are resolved across posts; the index is most-mentioned first with A–Z
pages; the timeline is an inline SVG chart with a text alternative.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import Post, build, write_content

REGISTRY = """\
Qassem Soleimani:
  type: person
  aliases: [Suleimani, Qasem Soleimani, Qassim Suleidmani]
Curated Only Once:
  type: organization

# learned by news-digest ingest; edit freely (rename, merge, block)
Learned Org Person:
  type: organization
"""


def posts() -> list[Post]:
    def post(n: int, day: int, people=(), orgs=(), places=()) -> Post:
        return Post(f"story-{n}", f"Story {n}", day, 9 + n % 8, ("politics",), tuple(people),
                    tuple(orgs), tuple(places), summary=f"Story {n}.", sha=f"{n:064x}")

    return [
        post(1, 0, ["Joe Biden", "Once Only"], ["Parliament", "Curated Only Once"], ["Iran"]),
        post(2, 1, ["Joe Biden", "Learned Org Person"], ["Parliament"], ["Iran"]),
        post(3, 2, ["Biden", "Qasem Soleimani", "Learned Org Person"],
             ["World Health Organisation", "Twitter"]),
        post(4, 40, ["Suleimani", "Qassim Suleidmani"], ["World Health Organization (WHO",
                                                          "U.S. Senate"]),
        post(5, 41, ["Learned Org Person"], ["Senate of the United States", "Twitter"]),
        post(6, 41, [], ["Twitter"], ["Iran"]),
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("entity-pages")
    content = write_content(root, posts())
    (root / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    return build(root, content, root / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)


def page_names(site: Path, group: str) -> set[str]:
    return {p.name for p in (site / "entities" / group).iterdir() if p.is_dir()}


def test_only_entities_in_two_stories_or_curated_get_pages(site: Path) -> None:
    people = page_names(site, "people")
    orgs = page_names(site, "organizations")
    assert "joe-biden" in people and "qassem-soleimani" in people
    assert "once-only" not in people  # one story: plain text
    assert "curated-only-once" in orgs  # curated: a page with one story
    article = (site / "2020" / "01" / "06" / "story-1" / "index.html").read_text("utf-8")
    assert '<span class="chip chip-plain chip-people">Once Only</span>' in article
    assert 'href="/entities/people/once-only/"' not in article
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                              article, re.S).group(1))
    once = next(m for m in ld["mentions"] if m["name"] == "Once Only")
    assert "url" not in once


def test_generic_institution_and_bare_surname_get_no_page(site: Path) -> None:
    assert "parliament" not in page_names(site, "organizations")
    story3 = (site / "2020" / "01" / "08" / "story-3" / "index.html").read_text("utf-8")
    # "Biden" alone resolves to the one Joe Biden seen within the window
    assert 'href="/entities/people/joe-biden/"' in story3
    assert "biden" not in page_names(site, "people")


def test_variants_merge_across_posts_and_one_type_everywhere(site: Path) -> None:
    orgs = page_names(site, "organizations")
    assert "world-health-organisation" in orgs  # the spelling seen first keeps the URL
    assert not {"world-health-organization", "world-health-organization-who"} & orgs
    assert "u-s-senate" in orgs and "senate-of-the-united-states" not in orgs
    # learned registry types are votes: three posts say person, one org
    assert "learned-org-person" in page_names(site, "people")
    assert "learned-org-person" not in orgs
    html = (site / "entities" / "people" / "qassem-soleimani" / "index.html").read_text("utf-8")
    assert "<dt>Stories</dt><dd>2</dd>" in html


def test_index_is_most_mentioned_first_with_a_to_z_pages(site: Path) -> None:
    html = (site / "entities" / "index.html").read_text("utf-8")
    orgs = html[html.index('id="g-organizations"'):]
    first = re.findall(r'href="/entities/organizations/([^/]+)/"', orgs)
    assert first[0] == "twitter"  # three stories
    assert 'href="/entities/organizations/"' in html
    az = (site / "entities" / "organizations" / "index.html").read_text("utf-8")
    letters = re.findall(r'<h2 id="l-(\w+)">', az)
    assert letters == sorted(letters)
    assert 'href="/entities/organizations/world-health-organisation/"' in az


def test_timeline_is_an_svg_chart_with_a_text_alternative(site: Path) -> None:
    html = (site / "entities" / "people" / "qassem-soleimani" / "index.html").read_text("utf-8")
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "aria-label=" in svg and "<script" not in html.split(
        "<main")[-1].split("application/ld+json")[0]
    assert len(re.findall(r"<rect ", svg)) == 2  # two weeks with stories, 6 weeks apart
    assert "2 articles over" in html  # the figcaption
    # one story in each of two weeks: no week is "the" busiest
    assert "at most 1 in any week" in html and "most in the week of" not in html
    assert 'href="/editions/2020-01-08/"' in html and 'href="/editions/2020-02-15/"' in html


def test_same_posts_give_the_same_pages(site: Path, tmp_path: Path) -> None:
    content = write_content(tmp_path, list(reversed(posts())))
    (tmp_path / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    again = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)
    for rel in ("entities/index.html", "entities/organizations/index.html",
                "entities/people/joe-biden/index.html"):
        assert (again / rel).read_bytes() == (site / rel).read_bytes()


def test_an_entity_of_one_day_is_seen_once(site: Path) -> None:
    """One day of stories: one "Seen" date, and a chart text that names that day, not
    "first seen 6 January, last seen 6 January" and "most in the week of 6 Jan"."""
    html = (site / "entities" / "organizations" / "curated-only-once" / "index.html"
            ).read_text("utf-8")
    assert re.search(r"<dt>Seen</dt><dd><time datetime=\"2020-01-06T[^\"]+\">"
                     r"6 January 2020</time></dd>", html)
    assert "First seen" not in html and "Last seen" not in html
    assert "1 article, all on 6 January 2020." in html  # the figcaption and aria-label
    assert "most in the week of" not in html
    several = (site / "entities" / "people" / "qassem-soleimani" / "index.html"
               ).read_text("utf-8")
    assert "<dt>First seen</dt>" in several and "<dt>Last seen</dt>" in several
    assert "<dt>Seen</dt>" not in several


def test_stories_of_one_week_are_all_in_that_week() -> None:
    from datetime import date

    from news_digest.site.pages import timeline_chart

    chart = timeline_chart([(date(2020, 1, 7), 1), (date(2020, 1, 9), 2)])
    assert chart is not None
    assert chart.summary == "3 articles, all in the week of 6 Jan 2020."
