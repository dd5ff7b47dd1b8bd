"""Structural fingerprints of template values: equal inputs, equal digests, across builds."""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from pelican.contents import Content
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

# Attributes of a Pelican content object that are not what a page shows.
_CONTENT_SKIP = frozenset({"_context", "settings", "related", "_content", "metadata",
                           "entity_groups", "jsonld"})
"""``metadata``: Pelican sets each key as an attribute (``summary`` as ``_summary``);
``entity_groups`` and ``jsonld`` are made by ``site.attach`` from ``entities``,
``topics`` and the other attributes, all fingerprinted, plus settings (the build key)."""


_MARSHAL = (tuple, list, dict)
"""Containers tried with ``marshal`` (format 2: no back-references, so equal data gives
equal bytes whatever objects are shared); sets are left out, their order varies."""


class Unfingerprintable(Exception):
    """A value with no stable description: the page is rendered every time."""


def digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def _short(tag: str, parts: list[str]) -> str:
    """Small containers (a co-mention's (entity, count) pair) are described by their
    parts joined, not hashed: a site has ~100,000 of them, and hashing each cost more
    than the rest of the walk. Both forms are unambiguous (separators, a tag, a hash)."""
    joined = "\x1f".join(parts)
    return f"{tag}({joined})" if len(joined) <= 160 else digest(tag, *parts)


_FIELDS: dict[type, tuple[str, ...]] = {}
"""Field names per dataclass type, looked up once."""


def _field_names(t: type) -> tuple[str, ...]:
    names = _FIELDS.get(t)
    if names is None:
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(t))
    return names


class Fingerprinter:
    """Stable, structural digests of template values, memoised for one build.

    The memo holds a reference to every object it describes, so an ``id`` is never
    reused for another object while the memo lives.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}
        self._wrappers: dict[tuple[type, str, str], str] = {}

    def __call__(self, value: Any, full: bool = False) -> str:
        return self.value(value, full)

    def value(self, v: Any, full: bool = False) -> str:
        t = type(v)
        if t is str:
            return "s" + v if len(v) <= 80 else "S" + digest(v)
        if v is None or t is int or t is bool or t is float:
            return repr(v)
        hit = self._memo.get(id(v))
        if hit is not None and hit[0] is v and not full:
            return hit[1]  # an article without ``related`` is memoised here too
        if isinstance(v, Content):
            return self.content(v, full)
        if hit is not None and hit[0] is v:
            return hit[1]
        if isinstance(v, str):  # Markup: the text is what is shown
            return "s" + v if len(v) <= 80 else "S" + digest(v)
        if isinstance(v, datetime | date | time):
            return f"{t.__name__}:{v.isoformat()}:{getattr(v, 'tzinfo', '')}"
        if isinstance(v, int | float):  # enums, numpy scalars…
            return t.__qualname__ + repr(v)
        result = self._compute(v)
        self._memo[id(v)] = (v, result)
        return result

    def _compute(self, v: Any) -> str:
        if type(v) in _MARSHAL:
            try:  # plain data (strings, numbers, nested tuples): serialise in C
                return "m" + hashlib.blake2b(marshal.dumps(v, 2), digest_size=16).hexdigest()
            except ValueError:
                pass
        if isinstance(v, tuple | list):
            return _short("L", list(map(self.value, v)))
        if isinstance(v, Mapping):
            return digest("M", *(f"{self.value(k)}={self.value(x)}"
                             for k, x in sorted(v.items(), key=lambda kv: repr(kv[0]))))
        if isinstance(v, set | frozenset):
            return digest("S", *sorted(self.value(x) for x in v))
        if isinstance(v, URLWrapper):
            # Pelican makes an Author (tag, category) per article; one per name will do:
            # its URL comes from the name and this build's settings, the same for all
            key = (type(v), v.name, v.slug)
            known = self._wrappers.get(key)
            if known is None:
                known = self._wrappers[key] = digest(
                    "U", type(v).__name__, v.name, v.slug, v.url, v.save_as or "")
            return known
        if isinstance(v, PaginatorPage):
            return digest("P", str(v.number), str(v.paginator.num_pages), v.url, v.save_as,
                      self.value(v.object_list))
        if isinstance(v, Paginator):
            return digest("PG", str(v.num_pages), str(v.count), str(v.per_page))
        parts = getattr(type(v), "fingerprint_parts", None)
        if parts is not None:  # a value that lists what it shows, as plain data
            data = marshal.dumps(parts(v, self.value), 2)
            return "X" + type(v).__qualname__ + hashlib.blake2b(data, digest_size=16).hexdigest()
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return _short("D", [type(v).__qualname__,
                                *(self.value(getattr(v, f)) for f in _field_names(type(v)))])
        if callable(v):
            return "F" + getattr(v, "__module__", "") + "." + getattr(v, "__qualname__", "")
        text = repr(v)
        if " at 0x" not in text:  # ZoneInfo, Path, enums…: a stable repr
            return "R" + type(v).__qualname__ + text
        if hasattr(v, "__dict__"):
            return digest("O", type(v).__qualname__,
                      *(f"{k}={self.value(x)}" for k, x in sorted(vars(v).items())
                        if k not in ("settings", "_context")))
        raise Unfingerprintable(type(v).__qualname__)

    def content(self, c: Content, full: bool = False) -> str:
        """An article or page: content and every attribute, plus ``related`` if ``full``."""
        hit = self._memo.get(id(c))
        if hit is None or hit[0] is not c:
            body = c._content or ""
            if "{" in body or "|" in body:  # maybe intrasite links: their targets count
                body = c.content
            parts = [type(c).__qualname__, digest(body), c.url or "", c.save_as or ""]
            parts += [f"{k}={self.value(x)}" for k, x in sorted(vars(c).items())
                      if k not in _CONTENT_SKIP]
            hit = (c, digest(*parts))
            self._memo[id(c)] = hit
        if not full:
            return hit[1]
        related = getattr(c, "related", None)
        return digest(hit[1], self.value(tuple(related) if related else ()))
