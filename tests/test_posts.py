"""Writing posts: front matter contract, escaping, slugs, digests, atomic writes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from news_digest import frontmatter
from news_digest.ingest import writer as posts
from news_digest.model import Article, Draft, Entity, Source, Topic
from news_digest.text import atomic_write


def article(title: str = "A title", paragraphs: tuple[str, ...] = ("Body text.",), **kw) -> Article:
    fields = {
        "draft": Draft(title=title, paragraphs=paragraphs, section="World", caption="A photo."),
        "source": Source(seed="a.txt", sha256="ab" * 32, publisher="Example News"),
        "date": datetime(2020, 1, 8, 2, 0, tzinfo=UTC),
        "date_source": "dateline",
        "slug": "a-title",
    }
    fields.update(kw)
    return Article(**fields)


def split(text: str) -> tuple[dict, str]:
    _, fm, body = text.split("---\n", 2)
    return yaml.safe_load(fm), body


def test_front_matter_contract() -> None:
    a = article(
        summary="One sentence.",
        topics=(Topic("politics", "Politics", 0.8), Topic("conflict-war-and-peace", "C", 0.3)),
        keywords=("ballistic missiles",),
        entities=(Entity("Iran", "place", ("IRAN", "Islamic Republic"), 4),
                  Entity("Donald Trump", "person", ("Trump",), 3)),
        story="3f9c",
    )
    fm, body = split(posts.render(a))
    assert list(fm) == ["title", "date", "date_source", "slug", "section", "summary",
                        "image_caption", "source", "topics", "keywords", "entities",
                        "spellings", "story", "ingest"]
    assert fm["date"] == "2020-01-08T02:00:00+00:00"
    assert fm["source"] == {"publisher": "Example News", "url": None, "seed": "seeds/a.txt",
                            "sha256": "ab" * 32}
    assert fm["topics"] == ["politics", "conflict-war-and-peace"]
    assert fm["entities"] == {"people": ["Donald Trump"], "places": ["Iran"]}
    # the other spellings the text used, in the order of ``entities``; "IRAN" is the name
    assert list(fm["spellings"].items()) == [("Donald Trump", ["Trump"]),
                                             ("Iran", ["Islamic Republic"])]
    assert fm["ingest"]["version"] == frontmatter.INGEST_VERSION
    assert body.strip() == "Body text."


def test_fields_not_computed_are_left_out() -> None:
    fm, _ = split(posts.render(article()))
    for key in ("summary", "topics", "keywords", "entities", "spellings", "story", "byline"):
        assert key not in fm


def test_same_article_same_bytes() -> None:
    assert posts.render(article()) == posts.render(article())


def test_digest_tells_untouched_from_edited() -> None:
    text = posts.render(article())
    assert frontmatter.is_untouched(text)
    assert not frontmatter.is_untouched(text.replace("Body text.", "Body text, edited."))
    assert not frontmatter.is_untouched("---\ntitle: hand written\n---\nHello\n")


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![x](https://evil.example/x.png)",
        "Text {: onclick=\"alert(1)\" }",
        "# Not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        ": not a definition",
        "+ not a list either",
        "=== not a heading underline",
        "*not emphasis* and _nor this_ and `nor code`",
        "&lt;already an entity&gt;",
        "| a | b |",
    ],
)
def test_body_renders_as_the_same_text(evil: str) -> None:
    _, body = split(posts.render(article(paragraphs=(evil,))))
    html = markdown.markdown(body, extensions=["extra"])
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<script" not in html and "<img" not in html and "<a" not in html
    assert not re.search(r"<\w+\s", html), "no element may carry attributes from seed text"
    from html import unescape

    assert unescape(html[3:-4]) == evil


@given(st.text(min_size=1, max_size=200))
def test_any_title_round_trips_through_yaml(title: str) -> None:
    fm, _ = split(posts.render(article(title=title)))
    assert fm["title"] == title


def test_atomic_write_skips_identical_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "2020" / "a.md"
    assert atomic_write(target, "one\n")
    mtime = target.stat().st_mtime_ns
    assert not atomic_write(target, "one\n")
    assert target.stat().st_mtime_ns == mtime
    assert atomic_write(target, "two\n")
    assert target.read_text() == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]
