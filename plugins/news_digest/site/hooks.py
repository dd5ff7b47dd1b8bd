"""Pelican signal handlers: the only place that knows Pelican's objects.

Each handler reads what it needs from Pelican, calls plain stage functions, and puts
the result back. Keep them short.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from news_digest import settings as settings_mod

log = logging.getLogger(__name__)


def digest_settings(pelican_settings: dict[str, Any]) -> settings_mod.Settings:
    """Our settings from Pelican's; ``content`` is Pelican's ``PATH``.

    Relative ``NEWS_DIGEST_*`` folders resolve against the working directory, as paths
    typed on a command line do (``pelican -e NEWS_DIGEST_SEEDS='"../archive"'``).
    """
    mapping = dict(pelican_settings)
    mapping.setdefault("NEWS_DIGEST_CONTENT", pelican_settings.get("PATH", "content"))
    return settings_mod.from_mapping(mapping, base=Path.cwd())


def ingest_before_build(pelican: Any) -> None:
    """Ingest new or changed seeds into ``PATH`` before Pelican reads content.

    Connected to ``get_generators``, which Pelican sends at the start of every run, so
    ``make devserver``/``regenerate`` ingest too, not only the first build. Returns no
    generator. A broken registry file stops ingest with one error line, not the build.
    """
    from news_digest.ingest.run import ingest
    from news_digest.vocab.registry import RegistryError

    s = digest_settings(pelican.settings)
    if not s.auto_ingest:
        return
    if not s.seeds.exists():
        log.warning("news-digest: seeds folder %s not found; nothing to ingest", s.seeds)
        return
    try:
        report = ingest(s)
    except RegistryError as exc:
        log.error("news-digest: ingest skipped: %s", exc)
        return
    log.info("news-digest: %s", report.summary_line())


def check_content_cache(pelican: Any) -> None:
    """Skip Pelican's content cache when settings or our reader changed (it checks
    neither: ``pelican/cache.py`` compares file mtimes only)."""
    from news_digest.site.incremental import check_content_cache

    check_content_cache(pelican.settings)


def incremental_writer(pelican: Any) -> type:
    """A writer that renders only pages whose inputs changed (``incremental.py``)."""
    from news_digest.site.incremental import IncrementalWriter

    return IncrementalWriter


def finish_build(pelican: Any) -> None:
    """Remove pages that left the site and save the build state; index the site with
    Pagefind (when enabled, installed, and a page changed since the last index); note
    the content cache key."""
    from news_digest.site.generator import run_search
    from news_digest.site.incremental import active_writer, save_content_cache_key

    writer = active_writer(pelican.output_path)
    pages = None
    if writer is not None:
        writer.finish()
        pages = writer.pages_digest()
    run_search(pelican.output_path, pelican.settings, pages)
    save_content_cache_key(pelican.settings)


def add_template_filters(generator: Any) -> None:
    """``story_card``: cards rendered once per build (``fragments.py``)."""
    from news_digest.site.fragments import install

    install(generator)


def add_reader(readers: Any) -> None:
    """Read ``.md`` posts with YAML front matter; other Markdown goes to Pelican's reader."""
    from news_digest.site.reader import NewsDigestReader

    for ext in NewsDigestReader.file_extensions:
        readers.reader_classes[ext] = NewsDigestReader


def digest_generator(pelican: Any) -> type:
    """The generator for topic, entity, edition and search pages, feeds and sitemaps."""
    from news_digest.enrich.resolve import resolve_corpus
    from news_digest.site.generator import DigestGenerator

    DigestGenerator.entity_resolver = staticmethod(resolve_corpus)
    return DigestGenerator
