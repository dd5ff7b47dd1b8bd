"""Disjoint sets: the one union-find that the pipeline's groupings share.

Five stages group things that turn out to be one (a seed's copies, an article's name
forms, the corpus's names, learned aliases, stories shown as one); each keeps its own
``parent`` map, because each decides differently *whether* two sets may join (a
curator's entry keeps two names apart), but finding a set's representative is one job.
"""

from __future__ import annotations

from collections.abc import MutableMapping, MutableSequence
from typing import Any, TypeVar

K = TypeVar("K")


def find_root(parent: MutableMapping[K, K] | MutableSequence[K], key: K) -> K:
    """The representative of ``key``'s set; every node on the way is pointed at its
    grandparent (path halving), so a chain of joins never makes later look-ups slow."""
    while parent[key] != key:  # type: ignore[index]
        parent[key] = parent[parent[key]]  # type: ignore[index]
        key = parent[key]  # type: ignore[index]
    return key


def join_sets(parent: MutableMapping[Any, Any] | MutableSequence[Any], a: Any, b: Any) -> None:
    """Join the sets of ``a`` and ``b`` under the smaller root, so the representative
    does not depend on the order pairs are joined in (for stages whose every join is
    allowed; those with a veto write their own)."""
    ra, rb = find_root(parent, a), find_root(parent, b)
    parent[max(ra, rb)] = min(ra, rb)  # type: ignore[index]
