"""What a kept result was computed with: the plugin's source and library versions.

Anything kept between runs (the build's resolution memo, ingest's folder boilerplate and
story index) is valid only for the code and the data that made it; every such cache
keys on these helpers rather than each listing versions its own way, and the pickled
ones are read and written by :func:`load_kept` and :func:`save_kept`.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from news_digest.text import atomic_write

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent


def versions(*dists: str) -> tuple[str, ...]:
    """``"name=version"`` per distribution, ``"name=?"`` for one not installed."""
    out = []
    for dist in dists:
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return tuple(out)


@cache
def source_digest() -> str:
    """The plugin's own source (every module, read once per process: a running process
    runs the code it imported, whatever the files say later)."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def made_with(*dists: str) -> str:
    """The plugin's source and the versions of ``dists``, as one key."""
    return hashlib.blake2b("\x1f".join((source_digest(), *versions(*dists))).encode(),
                           digest_size=16).hexdigest()


MISSING: Any = object()
"""What :func:`load_kept` returns for a file that holds nothing usable."""


def load_kept(path: Path | None, key: str) -> Any:
    """The value :func:`save_kept` stored in ``path`` under ``key``, else :data:`MISSING`
    (no file, another key, or a file truncated, foreign or from another Python: a
    cache is then made again, never trusted)."""
    if path is None:
        return MISSING
    try:
        stored_key, value = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return MISSING
    except Exception as exc:
        log.info("news-digest: %s unreadable (%s); made again", path, exc)
        return MISSING
    return value if stored_key == key else MISSING


def save_kept(path: Path, key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` for the next run; a cache that cannot be written
    costs the next run time, not this one its result."""
    try:
        atomic_write(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL),
                     durable=False)
    except OSError as exc:
        log.warning("news-digest: cannot keep %s for the next run (%s)", path, exc)
