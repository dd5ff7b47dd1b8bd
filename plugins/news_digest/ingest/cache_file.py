"""One job for every cache file ingest keeps: read it only if it was made for this site,
write it so that a failure costs the next run some work and never the build.

A cache in ``NEWS_DIGEST_INGEST_CACHE`` names what it was made for (the seeds and content
folders; for some, the plugin's code): a cache folder shared by two sites, or a site
pointed at another seeds folder, starts afresh rather than trusting another folder's
figures. Deleted or unreadable, a cache costs one read of what it summarised.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from news_digest.text import atomic_write

log = logging.getLogger(__name__)


def site_owner(seeds: Path, content: Path) -> dict[str, str]:
    """What a cache is made for: the site's seeds and content folders, resolved."""
    return {"seeds": str(seeds.resolve()), "content": str(content.resolve())}


def load_owned(path: Path, version: int, owner: dict[str, str], key: str,
               what: str) -> dict[str, list[Any]]:
    """``path``'s ``key`` mapping (its list values only) when the file is of ``version``
    and made for ``owner``; else an empty mapping (``what`` names the loss in the log)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.info("news-digest: %s unreadable (%s); %s", path, exc, what)
        return {}
    if (not isinstance(data, dict) or data.get("version") != version
            or data.get("for") != owner or not isinstance(data.get(key), dict)):
        return {}  # another site's or another version's: start afresh
    return {k: v for k, v in data[key].items() if isinstance(v, list)}


def dump_owned(version: int, owner: dict[str, str], key: str,
               entries: dict[str, list[Any]]) -> str:
    """The file's text: sorted, compact, ASCII (a seed name that is not UTF-8, kept by
    Python as surrogates, round-trips)."""
    return json.dumps({"version": version, "for": owner, key: entries},
                      sort_keys=True, separators=(",", ":")) + "\n"


def save_owned(path: Path, text: str, what: str) -> bool:
    """Write ``text`` to ``path``; a cache that cannot be written is reported and the
    ingest goes on. True when written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text, durable=False)
    except OSError as exc:
        log.warning("news-digest: cannot keep %s in %s (%s)", what, path, exc)
        return False
    return True
