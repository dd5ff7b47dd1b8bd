"""Fixtures for the hostile suite; names start with ``hostile_`` so they never clash with
the site fixtures in ``tests/conftest.py``.

The full hostile corpus is ingested and built into a site once per session: the site,
validity and browser tests all read that one build, because ingesting a million-line
seed and running Pelican are the slow parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from news_digest.ingest.run import ingest

from . import corpus
from .helpers import HostileSite, hostile_settings, pelican_build, posts_by_seed, run_ingest


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSite]:
    root = tmp_path_factory.mktemp("hostile-site")
    corpus.PWNED.unlink(missing_ok=True)
    cases = corpus.write_corpus(root / "seeds")
    try:
        run = run_ingest(hostile_settings(root))
        output = pelican_build(root, root / "output", NEWS_DIGEST_AUTO_INGEST=False)
        by_seed = posts_by_seed(root / "content")
        posts = {c.name: by_seed[c.rel] for c in cases if c.rel in by_seed}
        yield HostileSite(root, output, run, cases, posts)
    finally:
        corpus.restore_permissions(root)


@pytest.fixture(scope="session")
def hostile_baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small ordinary site, ingested: each hostile case is added to a copy of it."""
    root = tmp_path_factory.mktemp("hostile-baseline")
    corpus.good_seeds(root / "seeds", 4, prefix="baseline")
    report = ingest(hostile_settings(root))
    assert len(report.new) == 4, report.summary_line()
    return root
