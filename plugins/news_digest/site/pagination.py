"""Listings paginated so that new stories change as few pages as possible.

Newest-first pagination numbered from the newest page (Pelican's, and most blogs')
moves every story one slot down when one arrives: every page of every listing it is on
changes, so an incremental build renders them all again and every cached copy on a CDN
goes stale. Here pages are numbered from the **oldest**: page 1 holds the oldest
``per_page`` stories, page 2 the next, and the listing's own URL (the front page) holds
the newest full page plus any stories that do not fill a page yet (``per_page`` to
``2 * per_page - 1`` of them). A new story changes the front page; once in ``per_page``
stories it also adds one numbered page and relinks the one before it. Numbered pages
keep their URL and their stories for good, which is also what a reader's bookmark wants.

A numbered page is therefore not named by its number (page 1 is the last one a reader
reaches from the front page) but by a ``label`` of its items, for listings of stories
the days they span (``7–8 Jan 2020``). Pages in a row with the same label (a busy day)
are told apart as its parts, counted from the oldest (``7 Jan 2020, part 2``): a new
page can only change the label of the page before it, which it relinks anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class PageSlice:
    """One page of a listing; URLs are directories (``{base}page/N/``)."""

    number: int
    """Counted from the oldest page (1); the front page carries the newest number."""
    front: bool
    """The listing's own URL: the newest stories."""
    items: tuple[Any, ...]
    """Newest first, like the whole listing."""
    url: str
    newer_url: str | None
    older_url: str | None
    label: str = ""
    """A numbered page's name (module docstring); empty for the front page."""

    @property
    def save_as(self) -> str:
        return self.url + "index.html"


def page_url(base: str, number: int) -> str:
    return f"{base}page/{number}/"


def paginate(items: Sequence[Any], per_page: int, base: str,
             label: Callable[[Sequence[Any]], str] | None = None) -> list[PageSlice]:
    """Pages of ``items`` (newest first), the front page first, then the newest
    numbered page down to page 1 (module docstring); numbered pages are named by
    ``label`` of their items."""
    per_page = max(1, per_page)
    oldest_first = list(reversed(items))
    full = len(oldest_first) // per_page
    numbered = max(0, full - 1)  # the newest full page is on the front page
    front_items = oldest_first[numbered * per_page:]
    pages = [PageSlice(numbered + 1, True, tuple(reversed(front_items)), base, None,
                       page_url(base, numbered) if numbered else None)]
    for n in range(numbered, 0, -1):
        chunk = oldest_first[(n - 1) * per_page:n * per_page]
        newer = base if n == numbered else page_url(base, n + 1)
        pages.append(PageSlice(n, False, tuple(reversed(chunk)), page_url(base, n), newer,
                               page_url(base, n - 1) if n > 1 else None))
    return pages if label is None else _labelled(pages, label)


def _labelled(pages: list[PageSlice], label: Callable[[Sequence[Any]], str]) -> list[PageSlice]:
    """``pages`` with their labels; a run of equal labels gets ", part N" from the oldest."""
    oldest_first = pages[:0:-1]
    names = [label(pg.items) for pg in oldest_first]
    out, part = [], 0
    for i, (pg, name) in enumerate(zip(oldest_first, names, strict=True)):
        part = part + 1 if i and names[i - 1] == name else 1
        alone = part == 1 and (i + 1 == len(names) or names[i + 1] != name)
        out.append(replace(pg, label=name if alone else f"{name}, part {part}"))
    return [pages[0], *reversed(out)]
