"""Properties over arbitrary text (Hypothesis): the cleaner never fails, front matter
round-trips any title or entity name, and slugs are ASCII, non-empty and unique.

Example counts are modest so the suite stays fast; the hostile corpus covers the
known nasty cases by name, these cover what nobody thought of.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news_digest import frontmatter
from news_digest.frontmatter import load_front_matter, split_front_matter
from news_digest.ingest import writer as posts
from news_digest.ingest.clean import clean
from news_digest.ingest.run import _free_slug, ingest
from news_digest.ingest.seeds import normalise
from news_digest.model import Article, Draft, Entity, RawSeed, Source
from news_digest.text import atomic_write

from . import corpus
from .helpers import hostile_settings

# Text that looks like the chrome and the attacks the cleaner sees, mixed with anything.
_TOKENS = st.sampled_from([
    "\n", "\n\n", " ", "©", "All Rights Reserved", "Share", "{{ post.title }}", "{%", "%}",
    "${", "}", "<script>", "</script>", "Related", "By ", "Friday, January 4, 2019", "|",
    "—", "\u202e", "\u200d", "\x85", "\u2028", "\r", "\t", "the of and to a in that is",
    "x" * 300, "Read more", "Photo: AP", "1.", "#", "---", "\ufeff",
])
TEXT = st.one_of(st.text(max_size=2000),
                 st.lists(st.one_of(_TOKENS, st.text(max_size=40)), max_size=80).map("".join))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _raw(text: str) -> RawSeed:
    return RawSeed(path=Path("x.txt"), rel="x.txt", text=text, sha256="0" * 64,
                   encoding="utf-8", mtime=0.0)


@FAST
@given(TEXT)
def test_clean_never_raises_nor_fails_inside(text: str) -> None:
    """``clean`` catches its own bugs and reports "cleaner failed"; that must not happen
    either, on raw text or on text normalised as seeds.py does."""
    for candidate in (text, normalise(text)):
        draft = clean(_raw(candidate))
        assert isinstance(draft.title, str)
        assert all(isinstance(p, str) and p for p in draft.paragraphs)
        assert not any("cleaner failed" in w for w in draft.warnings), draft.warnings


NAME = st.text(min_size=1, max_size=200).filter(lambda s: s.strip())


def _article(title: str, names: list[str]) -> Article:
    draft = Draft(title=title, paragraphs=("Body text.",), caption=title, byline=title)
    return Article(
        draft=draft,
        source=Source(seed=title[:50] or "s", sha256="a" * 64, publisher=title, url=None),
        date=datetime(2020, 1, 8, tzinfo=UTC), date_source="path", slug="s",
        summary=title, keywords=tuple(names),
        entities=tuple(Entity(n, t) for n, t in zip(names, ("person", "organization",
                                                            "place") * 20, strict=False)),
    )


@FAST
@given(title=NAME, names=st.lists(NAME, max_size=6))
def test_front_matter_round_trips_any_string(title: str, names: list[str]) -> None:
    """Written by posts.render, read back the way the reader reads a file (universal
    newlines, utf-8-sig, its own front-matter split and YAML loader): same strings."""
    text = posts.render(_article(title, names))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "post.md"
        atomic_write(path, text)
        read = path.read_text(encoding="utf-8-sig")
    assert frontmatter.is_untouched(read)
    head, body = split_front_matter(read)
    assert head is not None and body.strip() == "Body text."
    fm = load_front_matter(head, "post.md")
    assert fm["title"] == title
    assert fm["summary"] == title and fm["image_caption"] == title and fm["byline"] == title
    assert fm["source"]["publisher"] == title
    assert fm["keywords"] == names if names else "keywords" not in fm
    found = [n for group in fm.get("entities", {}).values() for n in group]
    assert sorted(found) == sorted(names)


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@FAST
@given(st.text(max_size=300))
def test_slug_is_ascii_and_never_empty(text: str) -> None:
    slug = posts.post_slug(text)
    assert slug.isascii() and SLUG.fullmatch(slug), slug
    assert len(slug) <= 80


@FAST
@given(st.lists(st.text(max_size=60), min_size=1, max_size=30))
def test_slugs_unique_after_collision_resolution(titles: list[str]) -> None:
    """The way ingest assigns them: each title's slug, or the first free ``-N``."""
    taken: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for n, title in enumerate(titles):
            slug = _free_slug(posts.post_slug(title), taken, Path(tmp), "2020", f"{n:064x}")
            assert slug not in taken and slug.isascii() and slug
            taken.add(slug)


_COLLIDING = st.sampled_from(["Café crisis", "Cafe crisis", "CAFÉ CRISIS!", "café—crisis",
                              "東京", "بيروت", "!!!", "Article", "article 2", "Crisis"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_COLLIDING, min_size=2, max_size=6))
def test_ingest_gives_unique_ascii_slugs(titles: list[str]) -> None:
    """End to end: seeds whose titles slugify alike (or to nothing) get distinct posts."""
    root = Path(tempfile.mkdtemp(prefix="hostile-slugs-"))
    try:
        for n, title in enumerate(titles):
            (root / "seeds").mkdir(exist_ok=True)
            (root / "seeds" / f"s{n}.txt").write_text(corpus.article(title, f"slug-{n}"))
        report = ingest(hostile_settings(root))
        stems = [Path(p).stem for p in report.new]
        assert len(report.new) == len(titles), report.summary_line()
        assert len(set(stems)) == len(stems)
        assert all(s.isascii() and SLUG.fullmatch(s) for s in stems), stems
    finally:
        shutil.rmtree(root)
