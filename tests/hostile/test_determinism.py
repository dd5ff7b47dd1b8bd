"""Same seeds, two folders, two full builds (Pelican with its automatic ingest, Pagefind
included): every output file and every post must be byte-identical.

The heavy cases (million-line and 20 MB seeds) are left out: they make no post, so
they cannot change the output, and cleaning them twice more would cost a minute.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from news_digest.site import search

from . import corpus
from .helpers import HEAVY, pelican_build, snapshot


def _build(root: Path) -> Path:
    corpus.write_corpus(root / "seeds", [c for c in corpus.CASES if c.name not in HEAVY])
    (root / "content").mkdir()  # Pelican checks PATH exists before the plugin's ingest runs
    try:
        return pelican_build(root, root / "output", NEWS_DIGEST_SEARCH=True)
    finally:
        corpus.restore_permissions(root)


def _diff(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second-build-elsewhere"
    _build(first)
    _build(second)
    posts_a, posts_b = snapshot(first / "content"), snapshot(second / "content")
    assert len([k for k in posts_a if k.endswith(".md")]) > 40
    assert _diff(posts_a, posts_b) == []
    out_a, out_b = snapshot(first / "output"), snapshot(second / "output")
    assert len(out_a) > 100
    if search.available(True):
        assert any(k.startswith("pagefind/") for k in out_a), "Pagefind did not run"
    differing = _diff(out_a, out_b)
    assert differing == [], f"{len(differing)} output files differ, e.g. {differing[:10]}"
    assert (snapshot(first / "data") == snapshot(second / "data"))
    shutil.rmtree(tmp_path, ignore_errors=True)
