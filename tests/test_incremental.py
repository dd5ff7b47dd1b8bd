"""Incremental builds: a rebuild gives the same bytes as a cold build, and no more work.

Each test builds the fixture site, changes the content the way a newsroom does (a new
post arrives, a curator edits one, one is deleted) and rebuilds with the build state
and Pelican's content cache; a cold build of the same content into a fresh folder
must give a byte-identical site.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from helpers import Post, build, fixture_posts, post_text, write_content

from news_digest.site import incremental
from news_digest.site.search import pagefind_executable

CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "NEWS_DIGEST_SEARCH": False}


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file()}


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(out.rglob("*")) if p.is_file()}


def inc_build(root: Path, **override: object) -> Path:
    return build(root, root / "content", root / "output",
                 CACHE_PATH=str(root / "cache"), **{**CACHED, **override})


def cold_build(root: Path, tmp: Path, **override: object) -> Path:
    """The same content and data, built from scratch in another folder."""
    other = tmp / "cold"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(root / "content", other / "content")
    shutil.copytree(root / "data", other / "data")
    return build(other, other / "content", other / "output",
                 CACHE_PATH=str(other / "cache"), **{**CACHED, **override})


def assert_same_site(a: Path, b: Path) -> None:
    left, right = snapshot(a), snapshot(b)
    assert sorted(left) == sorted(right), set(left) ^ set(right)
    differing = [name for name in left if left[name] != right[name]]
    assert not differing, f"differ from a cold build: {differing[:10]}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    posts = fixture_posts()
    write_content(site, posts[:-1])  # the last one arrives later
    inc_build(site)
    return site


def new_post() -> Post:
    return fixture_posts()[-1]


def add_and_rebuild(root: Path, tmp_path: Path, p: Post) -> tuple[dict, set[str]]:
    """Add post ``p``, rebuild incrementally, check the result equals a cold build;
    (the output's files, the files the rebuild rewrote)."""
    path = root / "content" / f"{p.date:%Y}" / f"{p.slug}.md"
    path.write_text(post_text(p), encoding="utf-8")
    before = stamps(root / "output")
    out = inc_build(root)
    assert_same_site(out, cold_build(root, tmp_path))
    after = stamps(out)
    return after, {f for f in after if after[f] != before.get(f)}


def test_rebuild_after_a_new_post_equals_a_cold_build(root: Path, tmp_path: Path) -> None:
    p = new_post()
    after, rewritten = add_and_rebuild(root, tmp_path, p)
    assert f"{p.date:%Y/%m/%d}/{p.slug}/index.html" in rewritten
    # far from everything: unrelated articles and entity pages keep their files
    assert "about/index.html" not in rewritten
    assert "entities/people/qassem-soleimani/index.html" not in rewritten
    assert len(rewritten) < len(after) // 2, (len(rewritten), len(after))


def test_todays_story_leaves_older_listing_pages_alone(root: Path, tmp_path: Path) -> None:
    """Listings are numbered from the oldest page, so the newest story changes the front
    pages of its listings (and at most the newest numbered page), never the older ones."""
    p = dataclasses.replace(new_post(), slug="latest-politics", title="Latest politics",
                            day=9, hour=23)
    after, rewritten = add_and_rebuild(root, tmp_path, p)
    assert "topics/politics/index.html" in rewritten
    older = [f for f in after if (f.startswith(("topics/", "page/")) and "/page/1/" in f)
             or f.startswith("page/1/")]
    assert older, "the fixture has paginated listings"
    assert not [f for f in older if f in rewritten], sorted(rewritten)


def test_rebuild_after_a_curator_edit_equals_a_cold_build(root: Path, tmp_path: Path) -> None:
    path = root / "content" / "2020" / "iran-strikes.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Pentagon confirms Iran launched", "Pentagon says Iran launched")
    text = text.replace("- Erbil\n", "- Erbil\n  - Tehran\n")
    text += "\nA curator's added paragraph.\n"
    assert "Tehran" in text
    path.write_text(text, encoding="utf-8")
    out = inc_build(root)
    assert_same_site(out, cold_build(root, tmp_path))
    assert (out / "entities" / "places" / "tehran" / "index.html").exists()
    assert "Pentagon says Iran launched" in (out / "2020/01/08/iran-strikes/index.html").read_text(
        encoding="utf-8")


def test_rebuild_after_a_deletion_equals_a_cold_build(root: Path, tmp_path: Path) -> None:
    (root / "content" / "2020" / "languages.md").unlink()
    out = inc_build(root)
    assert_same_site(out, cold_build(root, tmp_path))
    # the post's page and the entity pages only it had are gone, folders too
    assert not (out / "2020" / "01" / "07" / "languages").exists()
    assert not (out / "entities" / "organizations" / "c-plus-plus").exists()


def test_a_build_into_another_folder_does_not_stop_deletions(root: Path,
                                                              tmp_path: Path) -> None:
    """A preview build elsewhere with the same cache (QA H2: ``pelican content -o
    /tmp/other``) must not make the next build into ``output/`` forget what it wrote
    there: a post deleted after it is removed from both folders."""
    preview = build(root, root / "content", tmp_path / "preview",
                    CACHE_PATH=str(root / "cache"), **CACHED)
    (root / "content" / "2020" / "languages.md").unlink()
    out = inc_build(root)
    assert not (out / "2020" / "01" / "07" / "languages").exists()
    assert not (out / "entities" / "organizations" / "c-plus-plus").exists()
    assert_same_site(out, cold_build(root, tmp_path))
    build(root, root / "content", preview, CACHE_PATH=str(root / "cache"), **CACHED)
    assert_same_site(preview, out)
    # and each folder's next build still writes nothing
    before = stamps(out)
    inc_build(root)
    assert stamps(out) == before
    # the state of a folder that is gone is dropped at the next build
    shutil.rmtree(preview)
    inc_build(root)
    slots = list((root / "cache" / "news-digest" / "outputs").iterdir())
    assert slots == [incremental.output_dir({"CACHE_PATH": str(root / "cache")}, out)]


def test_the_state_an_older_version_kept_is_adopted(root: Path, tmp_path: Path) -> None:
    """The state used to sit in the cache's root, one file for every folder; the first
    build after the move still removes the pages of a post deleted before it."""
    cache = root / "cache"
    slot = incremental.output_dir({"CACHE_PATH": str(cache)}, root / "output")
    (slot / incremental.STATE_NAME).rename(cache / "news-digest" / "build-state.json")
    (root / "content" / "2020" / "languages.md").unlink()
    out = inc_build(root)
    assert not (out / "2020" / "01" / "07" / "languages").exists()
    assert_same_site(out, cold_build(root, tmp_path))
    assert not (cache / "news-digest" / "build-state.json").exists()


def test_a_no_change_rebuild_writes_no_file(root: Path) -> None:
    before = stamps(root / "output")
    inc_build(root)
    assert stamps(root / "output") == before


def test_a_settings_change_rerenders_everything_it_touches(root: Path, tmp_path: Path) -> None:
    out = inc_build(root, SITENAME="Another Digest")
    assert_same_site(out, cold_build(root, tmp_path, SITENAME="Another Digest"))
    assert "Another Digest" in (out / "index.html").read_text(encoding="utf-8")


def test_a_file_changed_behind_our_back_is_made_again(root: Path) -> None:
    page = root / "output" / "topics" / "politics" / "index.html"
    good = page.read_bytes()
    page.write_text("tampered", encoding="utf-8")
    inc_build(root)
    assert page.read_bytes() == good


def test_a_reader_setting_change_does_not_reuse_the_content_cache(
        root: Path, tmp_path: Path) -> None:
    # Pelican's content cache compares file mtimes only; our key covers the settings.
    path = root / "content" / "2020" / "g7-summit.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nPrices rose -- again.\n",
                    encoding="utf-8")
    inc_build(root)
    smarty = {"MARKDOWN": {"extension_configs": {"markdown.extensions.smarty": {}},
                           "output_format": "html5"}}
    out = inc_build(root, **smarty)
    assert "&ndash;" in (out / "2020/01/07/g7-summit/index.html").read_text(encoding="utf-8")
    assert_same_site(out, cold_build(root, tmp_path, **smarty))


def test_state_file_lives_under_cache_path(root: Path) -> None:
    state = incremental.output_dir({"CACHE_PATH": str(root / "cache")}, root / "output")
    assert (state / incremental.STATE_NAME).exists()
    assert state.is_relative_to(root / "cache")
    assert not list((root / "output").rglob("*.tmp"))


@pytest.mark.skipif(pagefind_executable() is None, reason="pagefind-bin not installed")
def test_pagefind_runs_only_when_a_page_changed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_content(site, fixture_posts()[:4])
    inc_build(site, NEWS_DIGEST_SEARCH=True)
    index = site / "output" / "pagefind" / "pagefind.js"
    first = index.stat().st_mtime_ns
    inc_build(site, NEWS_DIGEST_SEARCH=True)
    assert index.stat().st_mtime_ns == first
    p = fixture_posts()[5]
    (site / "content" / "2020" / f"{p.slug}.md").write_text(post_text(p), encoding="utf-8")
    inc_build(site, NEWS_DIGEST_SEARCH=True)
    assert index.stat().st_mtime_ns != first


def test_a_theme_edit_between_builds_shows_on_the_next_one(root: Path, tmp_path: Path) -> None:
    """Compiled templates and the variables each reads are cached between builds; an
    edited template must still be read again, compiled again, and its pages rendered."""
    theme = Path(__file__).resolve().parents[1] / "theme" / "templates"
    overrides = root / "overrides"
    overrides.mkdir()
    shutil.copy(theme / "topic.html", overrides / "topic.html")
    setting = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    inc_build(root, **setting)
    assert (root / "cache" / "news-digest" / "jinja").is_dir() and any(
        (root / "cache" / "news-digest" / "jinja").iterdir())
    page = overrides / "topic.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<p>Edited theme {{ page_title }}</p>", 1),
        encoding="utf-8")
    out = inc_build(root, **setting)
    assert "Edited theme Politics" in (out / "topics/politics/index.html").read_text(
        encoding="utf-8")
    assert_same_site(out, cold_build(root, tmp_path, **setting))


def test_a_build_leaves_no_object_set_aside_from_the_collector(root: Path) -> None:
    """The build freezes its long-lived objects out of full collections; a process
    that builds again (``pelican --autoreload``, a test run) gets them all back."""
    import gc

    assert gc.get_freeze_count() == 0
    p = new_post()
    (root / "content" / "2020" / f"{p.slug}.md").write_text(post_text(p), encoding="utf-8")
    inc_build(root)
    assert gc.get_freeze_count() == 0
