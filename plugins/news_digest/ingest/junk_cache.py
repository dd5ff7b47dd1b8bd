"""A source's learned boilerplate, kept between ingests while what it was learned from
is unchanged.

Learning a folder's chrome reads a sample of up to ``JUNK_SAMPLE`` seeds and groups
their near-duplicates (MinHash, whose library pulls in scipy): about 1.5 s, paid again
by an ingest that adds one seed to a 5,000-seed folder, though the sample is fixed by a
hash of the file names and a new seed joins it only rarely. The answer is kept in
``folder-junk.json`` in the ingest cache (``NEWS_DIGEST_INGEST_CACHE``) under a key
made of the sample's names, sizes and modification times, the similarity threshold and
the plugin's code; any change to one of them learns again. The file is a cache:
deleting it costs one learning per folder, nothing else.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from news_digest.provenance import made_with
from news_digest.text import atomic_write

log = logging.getLogger(__name__)

JUNK_FILE = "folder-junk.json"
INGEST_DATA = ("wordfreq",)
"""Libraries whose data what ingest keeps depends on (story rarity weights)."""


def _key(sample: Sequence[Path], similarity: float) -> str | None:
    stats = []
    for path in sample:
        try:
            st = path.stat()
        except OSError:
            return None  # a file gone while we looked: learn afresh
        stats.append([path.name, st.st_size, st.st_mtime_ns])
    data = json.dumps([made_with(*INGEST_DATA), similarity, stats])
    return hashlib.blake2b(data.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


class JunkCache:
    """Folder → learned boilerplate, loaded once per ingest, saved if it grew. Folders
    are named relative to ``root`` (the seeds folder) where they can be, so a site
    moved or copied elsewhere keeps its cache."""

    def __init__(self, path: Path | None, root: Path | None = None) -> None:
        self.path = path
        self.root = root
        self.changed = False
        self.entries: dict[str, dict] = {}
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.entries = data if isinstance(data, dict) else {}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.info("news-digest: %s unreadable (%s); learning boilerplate again", path, exc)

    def junk(self, folder: Path, sample: Sequence[Path], similarity: float,
             learn: Callable[[], frozenset[str]]) -> frozenset[str]:
        """``learn()``, or the lines kept for this folder when its key is unchanged."""
        key = _key(sample, similarity) if self.path is not None else None
        name = self._name(folder)
        entry = self.entries.get(name)
        if key is not None and isinstance(entry, dict) and entry.get("key") == key:
            lines = entry.get("junk")
            if isinstance(lines, list) and all(isinstance(x, str) for x in lines):
                return frozenset(lines)
        found = learn()
        if key is not None:
            self.entries[name] = {"key": key, "junk": sorted(found)}
            self.changed = True
        return found

    def _name(self, folder: Path) -> str:
        if self.root is not None and folder.is_relative_to(self.root):
            return folder.relative_to(self.root).as_posix() or "."
        return str(folder)

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            atomic_write(self.path, json.dumps(self.entries, ensure_ascii=False, indent=0,
                                               sort_keys=True) + "\n", durable=False)
        except OSError as exc:
            log.warning("news-digest: cannot keep learned boilerplate in %s (%s)",
                        self.path, exc)
        self.changed = False
