"""Pelican signal handlers: the only place that knows Pelican's objects.

Each handler reads what it needs from Pelican, calls plain stage functions, and puts
the result back. Keep them short.
"""

from __future__ import annotations

import logging
from typing import Any

from news_digest.errors import NewsDigestError
from news_digest.settings import Settings

log = logging.getLogger(__name__)


def ingest_before_build(pelican: Any) -> None:
    """Ingest new or changed seeds into ``PATH`` before Pelican reads content.

    Connected to ``get_generators``, which Pelican sends at the start of every run, so
    ``make devserver``/``regenerate`` ingest too, not only the first build. Returns no
    generator. A user-fixable failure (a bad setting, a broken ``entities.yml`` or
    ``topics.yml``) skips ingest with one error line; the site is still built from the
    posts already there.
    """
    from news_digest.ingest.run import ingest

    try:
        s = Settings.from_pelican(pelican.settings)
        if not s.auto_ingest:
            return
        if not s.seeds.exists():
            log.warning("news-digest: seeds folder %s not found; nothing to ingest", s.seeds)
            return
        report = ingest(s)
    except NewsDigestError as exc:
        log.error("news-digest: ingest skipped: %s", exc)
        return
    log.info("news-digest: %s", report.summary_line())


def check_content_cache(pelican: Any) -> None:
    """Skip Pelican's content cache when settings or our reader changed (it checks
    neither: ``pelican/cache.py`` compares file mtimes only)."""
    from news_digest.site.incremental import check_content_cache

    check_content_cache(pelican.settings)


def incremental_writer(pelican: Any) -> type:
    """A writer that renders only pages whose inputs changed (``site/incremental/``).

    Pelican makes the writer itself from the class we return; the subclass made here
    hands the instance back to this run's ``pelican`` object, so ``finish_build`` finds
    it without a module-level registry of writers.
    """
    from news_digest.site.incremental import IncrementalWriter

    class RunWriter(IncrementalWriter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pelican.news_digest_writer = self

    return RunWriter


def finish_build(pelican: Any) -> None:
    """Remove pages that left the site and save the build state; index the site with
    Pagefind (when enabled, installed, and a page changed since the last index); note
    the content cache key."""
    from news_digest.site.incremental import save_content_cache_key
    from news_digest.site.search import run_search

    writer = getattr(pelican, "news_digest_writer", None)
    pages = None
    if writer is not None:
        writer.finish()
        pages = writer.pages_digest()
        pelican.news_digest_writer = None
    run_search(pelican.output_path, pelican.settings, pages)
    save_content_cache_key(pelican.settings)


def add_template_filters(generator: Any) -> None:
    """``story_card`` (cards rendered once per build) and ``plural`` (``site/fragments.py``)."""
    from news_digest.site.fragments import install

    install(generator)


def add_reader(readers: Any) -> None:
    """Read ``.md`` posts with YAML front matter; other Markdown goes to Pelican's reader."""
    from news_digest.site.reader import NewsDigestReader

    for ext in NewsDigestReader.file_extensions:
        readers.reader_classes[ext] = NewsDigestReader


def digest_generator(pelican: Any) -> type:
    """The generator for topic, entity, edition and search pages, feeds and sitemaps."""
    from news_digest.site.generator import DigestGenerator

    return DigestGenerator
