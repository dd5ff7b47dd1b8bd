"""Addresses a curator's edit moved: a redirect page and the feed, left where they were.

``news-digest entities merge``, ``retype`` and ``rename --new-url`` change where an
entity's page lives (a merged name's page is gone, a type is part of the address). Links
to the old address are in readers' bookmarks, other sites and search engines, and its
feed is in subscribers' readers; "cool URIs don't change". The commands record the old
address on the entity (``moved_from: [organizations/sun]`` in ``data/entities.yml``), and
the build leaves there:

* a small page that sends the browser on (``<meta http-equiv="refresh">``, what a static
  host without server redirects can do), names the new page for a reader whose browser
  does not follow it, points search engines at it (``rel="canonical"``) and is kept out
  of their index and of the sitemap;
* the entity's feed, byte for byte, at the old feed's path: a feed reader does not follow
  an HTML redirect, and its subscribers keep getting the entity's news.

A page that lives at the old address again (a retype undone, a new entity that took the
slug) wins over the redirect.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from news_digest.site import taxonomy as tx
from news_digest.site.seo import absolute


@dataclass(frozen=True)
class Moved:
    """An old address of an entity's page and the page it leads to now."""

    old: str
    """``group/slug``, as ``moved_from`` lists it."""
    url: str
    """The old page's site-relative URL (``entities/organizations/sun/``)."""
    to: tx.EntityRef

    @property
    def feed_path(self) -> str:
        """The old feed's path without extension, as :class:`feeds.Feed` names them."""
        return f"feeds/entities/{self.old}"


def moved_pages(pages: Sequence[Any], registry: Mapping[str, tx.RegistryEntry],
                pattern: str = tx.ENTITY_URL) -> tuple[Moved, ...]:
    """The old addresses of the entity ``pages`` (each with ``.ref``) that no page has now.

    An address two entities list goes to the first by group and name, so the same
    registry always gives the same site."""
    live = {f"{p.ref.group}/{p.ref.slug}" for p in pages}
    taken: set[str] = set()
    out = []
    for p in sorted(pages, key=lambda p: (p.ref.group, p.ref.name)):
        entry = registry.get(p.ref.name)
        for old in entry.moved_from if entry is not None else ():
            if old in live or old in taken:
                continue
            taken.add(old)
            group, slug = old.split("/", 1)
            out.append(Moved(old, tx.entity_url(group, slug, pattern), p.ref))
    return tuple(out)


def save_as(url: str) -> str:
    """The file a page URL is served from: ``a/b/`` → ``a/b/index.html``."""
    return f"{url}index.html" if not url or url.endswith("/") else url


def target(moved: Moved, siteurl: str) -> str:
    """Where the redirect sends the browser: absolute with a SITEURL, else relative to
    the old page, so a local or sub-path build without one works too."""
    if siteurl:
        return absolute(siteurl, moved.to.url)
    rel = posixpath.relpath(f"/{moved.to.url}", posixpath.dirname(f"/{save_as(moved.url)}"))
    return f"{rel}/" if moved.to.url.endswith("/") and not rel.endswith("/") else rel


def redirect_html(moved: Moved, siteurl: str, lang: str = "en") -> str:
    """The page left at the old address. Names come from seeds and the registry: escaped."""
    href = html.escape(target(moved, siteurl), quote=True)
    name = html.escape(moved.to.name)
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang, quote=True)}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>Moved: {name}</title>\n'
            f'<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{href}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n</head>\n<body>\n'
            f'<p>This page has moved: <a href="{href}">{name}</a>.</p>\n</body>\n</html>\n')
