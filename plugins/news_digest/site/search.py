"""Static search with Pagefind, run over the written site.

``pagefind-bin`` ships the Pagefind binary in a wheel (``python -m pagefind_bin``);
when it is not installed, or ``NEWS_DIGEST_SEARCH`` is off, the build says so and
the ``/search/`` page explains that search is not available. Nothing else on the
site needs JavaScript.

Article pages mark their body with ``data-pagefind-body``, so listings (home,
topics, entities) are not indexed twice; an entity's first page marks only its head
(name, "Also known as", facts), so a search for a spelling an article used finds
the entity's page as well as the articles. Once any page carries it Pagefind indexes no
page without it, so a hidden or draft post's page (kept at its URL, left out of
listings, feeds and sitemaps) leaves it off and is not found by site search either.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from news_digest.settings import Settings
from news_digest.site.incremental import SEARCH_MARKER_NAME, output_dir

log = logging.getLogger(__name__)


def pagefind_executable() -> Path | None:
    """The Pagefind binary from ``pagefind-bin``, or None when it is not installed."""
    try:
        import pagefind_bin
    except ImportError:
        return None
    try:
        return pagefind_bin.get_executable()
    except (FileNotFoundError, OSError):
        return None


def available(enabled: bool) -> bool:
    return enabled and pagefind_executable() is not None


def run_pagefind(output_path: Path, enabled: bool) -> bool:
    """Index ``output_path``; True when an index was written."""
    if not enabled:
        log.info("news-digest: search off (NEWS_DIGEST_SEARCH = False); Pagefind not run")
        return False
    exe = pagefind_executable()
    if exe is None:
        log.warning("news-digest: pagefind-bin is not installed; /search/ will not work "
                    "(pip install 'news-digest[search]')")
        return False
    # Pagefind adds fragment files named by content hash and never removes old ones;
    # a fresh index keeps output/ free of files no page refers to.
    shutil.rmtree(output_path / "pagefind", ignore_errors=True)
    proc = subprocess.run([str(exe), "--site", str(output_path), "--silent"],
                          capture_output=True, text=True, check=False, timeout=900)
    if proc.returncode != 0:
        log.error("news-digest: Pagefind failed (exit %s): %s", proc.returncode,
                  (proc.stderr or proc.stdout).strip()[-2000:])
        return False
    log.info("news-digest: Pagefind index written to %s", output_path / "pagefind")
    return True


def run_search(output_path: str | os.PathLike[str], settings: Mapping[str, Any],
               pages: str | None = None) -> None:
    """After the site is written: the Pagefind index (see ``search.py``).

    ``pages`` is a digest of the site's HTML files as written; when it matches the one
    recorded at the last successful index of this output folder and the index is there,
    Pagefind is not run again (it has no incremental mode and takes seconds on a large
    site). The record sits with the folder's build state, so a preview build elsewhere
    does not make the next build of ``output/`` index it again.
    """
    enabled = Settings.from_pelican(settings).search
    marker = output_dir(settings, output_path) / SEARCH_MARKER_NAME
    out = Path(output_path)
    if enabled and pages is not None and (out / "pagefind" / "pagefind.js").exists():
        try:
            if marker.read_text(encoding="utf-8").strip() == pages:
                log.info("news-digest: no page changed; Pagefind index kept")
                return
        except OSError:
            pass
    marker.unlink(missing_ok=True)
    if run_pagefind(out, enabled) and pages is not None:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(pages + "\n", encoding="utf-8")
