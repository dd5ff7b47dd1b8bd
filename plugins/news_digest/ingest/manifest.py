"""The ingest manifest: which post each seed became, so re-ingest is cheap and safe.

The manifest (``content/.news-digest/manifest.json``) maps each seed's sha256 to the
post written from it and that post's digest. It makes re-ingest safe: a post whose text
no longer matches what ingest wrote is a curator's, and is kept and reported, never
overwritten. It holds only what the seeds and posts determine, so a digest can commit it
and a build from a fresh clone leaves it unchanged; the seeds' sizes and mtimes, which
make re-ingest cheap, are a per-machine cache kept apart (:mod:`.seed_stats`). Posts are
written before the manifest that names them, both atomically, so a crash at any point
leaves either the old state or a post the next run adopts (:meth:`Manifest.adopt_posts`).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from news_digest.frontmatter import (
    FrontMatterError,
    is_untouched,
    load_front_matter,
    split_front_matter,
    text_digest,
)
from news_digest.text import TEMP_FILE, atomic_write

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1
_SHA = re.compile(r"[0-9a-f]{64}")


class PostEntry(TypedDict):
    """One seed's line in the manifest. A plain dict on purpose: it is the JSON as
    written, so loading and saving a manifest gives the same bytes back."""

    post: str
    """The post's path under ``content/``."""
    seed: str | None
    """The seed's path under ``seeds/``; None for a post adopted before its seed is seen."""
    digest: str | None
    """Digest of the text ingest wrote; None when a curator's edit is being kept."""


@dataclass
class Manifest:
    """The manifest in memory. ``posts`` and ``skipped`` are the parts ingest reads and
    writes; any other top-level key of the file is kept as it was."""

    posts: dict[str, PostEntry] = field(default_factory=dict)
    """Seed sha256 → the post written from it (other copies of a post's article too)."""
    skipped: dict[str, str] = field(default_factory=dict)
    """Sha256 of seeds found to hold no article → why, so they are not cleaned again."""
    version: int = MANIFEST_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    """Top-level keys this version does not know, written back unchanged."""
    legacy_stat: dict[str, list[Any]] = field(default_factory=dict)
    """The stat cache an earlier version kept in the manifest: read once to seed
    :class:`.seed_stats.SeedStats`, never written back."""

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """The manifest, or an empty one; a corrupt file is reported and rebuilt, not fatal."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable manifest (%s); rebuilding it from the posts", path, exc)
            return cls()
        if not isinstance(data, dict) or not isinstance(data.get("posts"), dict):
            log.warning("%s: not a news-digest manifest; rebuilding it from the posts", path)
            return cls()
        extra = {k: v for k, v in data.items()
                 if k not in ("posts", "stat", "skipped", "version")}
        legacy = data.get("stat")
        return cls(posts=data["posts"], skipped=data.get("skipped", {}),
                   version=data.get("version", MANIFEST_VERSION), extra=extra,
                   legacy_stat=legacy if isinstance(legacy, dict) else {})

    def to_json(self) -> dict[str, Any]:
        return {**self.extra, "version": self.version, "posts": self.posts,
                "skipped": self.skipped}

    def fingerprint(self) -> str:
        """A sorted compact dump (C encoder), ~10x cheaper than the indented file format:
        comparing two tells whether the manifest needs writing at all (mostly it does not)."""
        return json.dumps(self.to_json(), sort_keys=True)

    def save(self, path: Path) -> None:
        atomic_write(path, json.dumps(self.to_json(), sort_keys=True, indent=1,
                                      ensure_ascii=False) + "\n")

    def by_seed(self) -> dict[str, str]:
        """Seed path → the sha256 of the version of it the manifest knows."""
        return {e["seed"]: sha for sha, e in self.posts.items() if e.get("seed")}

    def adopt_posts(self, content: Path) -> None:
        """Add posts on disk that name a seed sha256 the manifest lacks (after a crash or
        a lost manifest), so their seeds are not ingested twice under a second slug."""
        known = {entry["post"] for entry in self.posts.values()}
        for path in sorted(content.rglob("*.md")):
            rel = path.relative_to(content).as_posix()
            if rel in known or rel.startswith("."):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            sha = seed_sha(text)
            if sha and sha not in self.posts:
                self.posts[sha] = {
                    "post": rel, "seed": None,
                    "digest": text_digest(text) if is_untouched(text) else None,
                }


def load_manifest(path: Path) -> Manifest:
    """:meth:`Manifest.load`, by the name tests and tools use."""
    return Manifest.load(path)


def remove_stale_temps(content: Path) -> int:
    """Delete temp files a killed run left between writing and renaming them.

    Pelican would not read them (no reader takes ``.tmp``), but they are litter in a
    folder curators work in. Ingest runs one at a time per site, so any such file is stale.
    """
    removed = 0
    for path in sorted(content.rglob(".*.tmp")):
        if TEMP_FILE.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            log.info("%s: removed a temp file left by an interrupted ingest", path)
            removed += 1
    return removed


def seed_sha(text: str) -> str | None:
    """The seed hash a post names in ``source.sha256``, read from its parsed front matter.

    Parsed, not matched by a pattern: PyYAML writes ``source`` in flow style
    (``source: {…, sha256: ef72…}``) when no value needs quotes, and a title may
    contain the text ``sha256: …`` itself.
    """
    yaml_text, _ = split_front_matter(text)
    if yaml_text is None:
        return None
    try:
        front = load_front_matter(yaml_text, "post")
    except FrontMatterError:
        return None
    source = front.get("source") if isinstance(front, dict) else None
    sha = source.get("sha256") if isinstance(source, dict) else None
    return sha if isinstance(sha, str) and _SHA.fullmatch(sha) else None


def claimable(path: Path, sha: str) -> bool:
    """A post file at ``path`` is ours to reuse: it came from this seed and is untouched."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return seed_sha(text) == sha and is_untouched(text)
