"""Pelican signal handlers: the only place that knows Pelican's objects.

Each handler reads what it needs from Pelican, calls plain stage functions, and puts
the result back. Keep them short.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from . import settings as settings_mod

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
    """Ingest new or changed seeds into ``PATH`` before Pelican reads content."""
    from .ingest import ingest

    s = digest_settings(pelican.settings)
    if not s.auto_ingest:
        return
    if not s.seeds.exists():
        log.warning("news-digest: seeds folder %s not found; nothing to ingest", s.seeds)
        return
    report = ingest(s)
    log.info("news-digest: %s", report.summary_line())


def add_reader(readers: Any) -> None:
    """Read ``.md`` posts with YAML front matter; other Markdown goes to Pelican's reader."""
    from .reader import NewsDigestReader

    for ext in NewsDigestReader.file_extensions:
        readers.reader_classes[ext] = NewsDigestReader


def digest_generator(pelican: Any) -> type:
    """The generator for topic, entity, edition and search pages, feeds and sitemaps."""
    from .site import DigestGenerator

    return DigestGenerator


def build_search_index(pelican: Any) -> None:
    """Index the written site with Pagefind (when enabled and installed)."""
    from .site import run_search

    run_search(pelican.output_path, pelican.settings)
