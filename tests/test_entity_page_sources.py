"""A name earns a page from independent reports too, not only from separate stories.

When several outlets report one event, the event is one story; a person named by three
outlets in it is as well attested as one named in two stories. A regroup that finds
yesterday's two stories were one event must not take the person's page (and feed)
down. One outlet's several reports of one story do not earn a page.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import Post, build, write_content


def _reports(story: str, people: tuple[str, ...], publishers: tuple[str, ...],
             start: int) -> list[tuple[Post, str, str]]:
    return [(Post(f"{story}-{i}", f"Report {i} of {story}", 3, 9 + i, ("politics",), people,
                  summary=f"Report {i}.", sha=f"{start + i:064x}"), story, outlet)
            for i, outlet in enumerate(publishers)]


def _site(root: Path) -> Path:
    reports = (_reports("trial", ("Brian Nichols",), ("Outlet A", "Outlet B", "Outlet C"), 0)
               + _reports("rehab", ("Tara Reid",), ("Outlet A", "Outlet A", "Outlet A"), 10))
    content = write_content(root, [p for p, _, _ in reports])
    for post, story, outlet in reports:  # one story, told by the given outlets
        path = content / f"{post.date:%Y}" / f"{post.slug}.md"
        _, head, body = path.read_text("utf-8").split("---\n", 2)
        fm = yaml.safe_load(head)
        fm["story"] = story
        fm["source"]["publisher"] = outlet
        path.write_text(f"---\n{yaml.safe_dump(fm, sort_keys=False)}---\n{body}", "utf-8")
    return build(root, content, root / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)


def test_a_name_in_one_story_told_by_several_outlets_gets_a_page(tmp_path: Path) -> None:
    out = _site(tmp_path)
    people = out / "entities" / "people"
    assert (people / "brian-nichols" / "index.html").is_file()
    # the article page links the chip to it
    article = next(out.glob("*/*/*/trial-0/index.html")).read_text("utf-8")
    assert "entities/people/brian-nichols/" in article


def test_one_outlets_several_reports_of_one_story_earn_no_page(tmp_path: Path) -> None:
    out = _site(tmp_path)
    assert not (out / "entities" / "people" / "tara-reid").exists()
    article = next(out.glob("*/*/*/rehab-0/index.html")).read_text("utf-8")
    assert "Tara Reid" in article and "entities/people/tara-reid/" not in article


def test_index_and_page_count_the_same_stories(tmp_path: Path) -> None:
    """Three reports of one story are one story on the index and on the page."""
    out = _site(tmp_path)
    index = (out / "entities" / "index.html").read_text("utf-8")
    chip = index.split("entities/people/brian-nichols/")[1].split("</a>")[0]
    assert '<span class="count">1</span>' in chip
    page = (out / "entities" / "people" / "brian-nichols" / "index.html").read_text("utf-8")
    assert "<dt>Stories</dt><dd>1</dd>" in page
