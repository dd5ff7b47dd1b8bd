"""Each author credited on their own, and a focus ring a keyboard user can see.

A trial found "By Ann Lee and Bo Chen" published as one JSON-LD Person and feeds with no
author at all, and the light theme's focus ring at 2.07:1 against the page (WCAG 2.2
asks 3:1 for a focus indicator).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from helpers import REPO, Post, build, write_content

from news_digest.site.seo import byline_names


def test_a_byline_names_each_author() -> None:
    assert byline_names("By Ann Lee and Bo Chen") == ["Ann Lee", "Bo Chen"]
    assert byline_names("by Ann Lee, Bo Chen & Cy Dee") == ["Ann Lee", "Bo Chen", "Cy Dee"]
    assert byline_names("By Ann Lee") == ["Ann Lee"]
    long = "By the staff of the Associated Press in London and Paris"
    assert byline_names(long) == [long.removeprefix("By ")]  # not names: kept whole
    assert byline_names(None) == [] and byline_names("  ") == []


def test_json_ld_and_the_atom_feed_credit_each_author(tmp_path: Path) -> None:
    post = Post("two-authors", "A report by two", 1, 9, ("politics",), summary="A report.",
                sha=f"{7:064x}")
    content = write_content(tmp_path, [post])
    path = content / "2020" / "two-authors.md"
    path.write_text(path.read_text("utf-8").replace(
        "slug: two-authors\n", "slug: two-authors\nbyline: By Ann Lee and Bo Chen\n"), "utf-8")
    out = build(tmp_path, content, tmp_path / "output")
    page = next(out.glob("*/*/*/two-authors/index.html")).read_text("utf-8")
    data = [json.loads(m) for m in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
    article = next(d for d in data if d.get("@type") == "NewsArticle")
    assert article["author"] == [{"@type": "Person", "name": "Ann Lee"},
                                 {"@type": "Person", "name": "Bo Chen"}]
    feed = feedparser.parse((out / "feeds" / "all.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "A report by two")
    assert [a.name for a in entry.authors] == ["Ann Lee", "Bo Chen"]


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_focus_ring_stands_out_in_both_schemes() -> None:
    css = (REPO / "theme" / "static" / "css" / "site.css").read_text("utf-8")
    light, dark = css.split("@media (prefers-color-scheme: dark)")[:2]

    def var(block: str, name: str) -> str:
        return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", block).group(1)

    for block in (light, dark):
        focus = var(block, "focus")
        for surface in ("bg", "card", "chip"):
            assert _contrast(focus, var(block, surface)) >= 3.0, (focus, surface)
