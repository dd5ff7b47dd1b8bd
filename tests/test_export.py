"""``export/posts.jsonl``: the site's posts as data a researcher can load.

Built with Pelican from hand-made posts: each published post is one line, with the
entity names the site shows after resolution ("Biden" in one post is Joe Biden's page),
hidden posts are not in it, and the same posts give the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Post, build, write_content


def _posts() -> list[Post]:
    def post(n: int, day: int, people: tuple[str, ...]) -> Post:
        return Post(f"story-{n}", f"Story {n}", day, 9 + n, ("politics",), people,
                    summary=f"Story {n}.", sha=f"{n:064x}")

    return [post(1, 0, ("Joe Biden",)), post(2, 1, ("Joe Biden",)), post(3, 2, ("Biden",))]


def _lines(out: Path) -> list[dict]:
    text = (out / "export" / "posts.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_each_post_is_a_line_with_the_names_the_site_shows(tmp_path: Path) -> None:
    content = write_content(tmp_path, _posts())
    hidden = content / "2020" / "story-2.md"
    hidden.write_text(hidden.read_text("utf-8").replace("slug: story-2\n",
                                                        "slug: story-2\nstatus: hidden\n"),
                      "utf-8")
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)
    lines = [r for r in _lines(out) if r["title"].startswith("Story ")]
    assert [r["title"] for r in lines] == ["Story 1", "Story 3"]  # oldest first, no hidden
    first, third = lines
    assert first["source"]["publisher"] == "AlterNet Media"
    assert first["date"].startswith("2020-01-06")
    # "Biden" resolves to the full name the corpus gives; both articles link its page
    assert third["entities"]["people"] == [first["entities"]["people"][0]]
    assert first["entities"]["people"][0]["name"] == "Joe Biden"
    assert first["entities"]["people"][0]["url"].endswith("/entities/people/joe-biden/")


def test_the_same_posts_give_the_same_bytes_and_it_can_be_left_out(tmp_path: Path) -> None:
    content = write_content(tmp_path, _posts())
    a = build(tmp_path, content, tmp_path / "a")
    b = build(tmp_path, content, tmp_path / "b")
    rel = Path("export", "posts.jsonl")
    assert (a / rel).read_bytes() == (b / rel).read_bytes()
    off = build(tmp_path, content, tmp_path / "off", NEWS_DIGEST_EXPORT=False)
    assert not (off / "export").exists()
