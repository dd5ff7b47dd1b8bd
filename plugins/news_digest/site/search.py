"""Static search with Pagefind, run over the written site.

``pagefind-bin`` ships the Pagefind binary in a wheel (``python -m pagefind_bin``);
when it is not installed, or ``NEWS_DIGEST_SEARCH`` is off, the build says so and
the ``/search/`` page explains that search is not available. Nothing else on the
site needs JavaScript.

Article pages mark their body with ``data-pagefind-body``, so listings (home,
topics, entities) are not indexed twice.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

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
    proc = subprocess.run([str(exe), "--site", str(output_path), "--silent"],
                          capture_output=True, text=True, check=False, timeout=900)
    if proc.returncode != 0:
        log.error("news-digest: Pagefind failed (exit %s): %s", proc.returncode,
                  (proc.stderr or proc.stdout).strip()[-2000:])
        return False
    log.info("news-digest: Pagefind index written to %s", output_path / "pagefind")
    return True
