"""Seed files' sizes and modification times, kept in the ingest cache, so an unchanged
seed is not read and hashed again.

The manifest (``content/.news-digest/manifest.json``) is a digest's state: which post
each seed became. A real digest commits it. The size and modification time of a seed
are facts about one machine's copy of the files: a fresh clone gives every file a new
mtime, so a stat cache kept in the manifest made every build from a clone rewrite every
seed's line of a committed file. Kept here, in ``NEWS_DIGEST_INGEST_CACHE``, it is
what it is: a cache. Losing it costs one read and hash of each seed (and one parse of
each many-article file); nothing else. With no ingest cache, nothing is kept.

The file names the seeds folder and the content folder it was made for, so a cache
folder shared by two sites, or a site pointed at another seeds folder, starts afresh
rather than trusting another folder's figures. A cached line is only a shortcut to a
sha256 that the manifest must also know (:mod:`.plan` checks), so a stale line can cost
work but never skip a changed seed: the size and the nanosecond mtime must both match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from news_digest.ingest.cache_file import dump_owned, load_owned, save_owned, site_owner

STAT_FILE = "seed-stats.json"
STAT_VERSION = 1

StatKey = list[int]
"""``[size, mtime_ns]`` of a seed file: equal means unchanged, without reading it."""


def stat_key(path: Path) -> StatKey | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class SeedStats:
    """Seed path → ``[size, mtime_ns, sha256]``; for a file of many records,
    ``[size, mtime_ns, sha256, [[record, sha256], …], [[where, reason], …]]``.

    ``entries`` is read and written by :func:`.plan.plan`; :meth:`save` writes it back
    when it changed. ``legacy`` seeds it once from a manifest of an earlier version,
    which kept these lines itself, so the first run after an upgrade reads nothing.
    """

    def __init__(self, cache_dir: Path | None, seeds: Path, content: Path,
                 legacy: dict[str, list[Any]] | None = None) -> None:
        self.path = cache_dir / STAT_FILE if cache_dir is not None else None
        self.owner = site_owner(seeds, content)
        self.entries: dict[str, list[Any]] = {}
        self._loaded = ""
        if self.path is not None:
            self.entries = load_owned(self.path, STAT_VERSION, self.owner, "stat",
                                      "reading every seed once")
            self._loaded = self._dump()
            if not self.entries and legacy:  # written out by the first save
                self.entries = {k: v for k, v in legacy.items() if isinstance(v, list)}

    def _dump(self) -> str:
        return dump_owned(STAT_VERSION, self.owner, "stat", self.entries)

    def save(self) -> None:
        """Write the lines back if they changed (:func:`.cache_file.save_owned`: a cache
        that cannot be written costs the next run a read of each seed)."""
        if self.path is None:
            return
        text = self._dump()
        if text != self._loaded and save_owned(self.path, text, "seed sizes"):
            self._loaded = text
