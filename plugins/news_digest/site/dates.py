"""How a post's date is printed: one rule for every page that shows one.

A post's time of day is shown when the post has one, and never for a post whose source
gave the day only (ingest writes midnight for those; ``reader.time_known``): a card, the
article header, a story's timeline and its sources side by side all read it from here,
in their own date format (``8 Jan 2020``, ``Wednesday, 8 January 2020``, ``8 Jan``),
with ``, 02:00`` after it when the time is known. The ``<time datetime>`` of a date-only
post is the day (``2020-01-08``), not a midnight nobody reported.

Older listing pages are labelled by the days their stories span (``7–8 Jan 2020``), not
by a page number: numbered pages count from the oldest (``site/pagination.py``), so
"page 1" would be the last page a reader reaches, and a number counted from the newest
would change on every page each time a page is added.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from markupsafe import Markup

from news_digest.site.reader import time_known
from news_digest.site.stories import one_per_story

SHORT = "%-d %b %Y"
"""The cards' date: ``8 Jan 2020``."""
TIME = ", %H:%M"
"""Added to any date format when the post's time is known."""


def time_shown(post: Any) -> bool:
    """True when ``post``'s time of day is known. Posts read from front matter carry
    ``time_known``; an ordinary Pelican post without it has a time unless it is exactly
    midnight, the reader's rule for front matter too."""
    known = getattr(post, "time_known", None)
    return bool(known) if known is not None else time_known(post.date)


def post_date_text(post: Any, fmt: str = SHORT) -> str:
    """``post``'s date in ``fmt``, with its time (``, 02:00``) when known."""
    return post.date.strftime(fmt + TIME if time_shown(post) else fmt)


def time_stamp(post: Any) -> str:
    """``post``'s machine-readable date (a ``<time datetime>``; the ``time_stamp``
    template filter): the moment when its time is known, else the day alone."""
    return post.date.isoformat() if time_shown(post) else post.date.date().isoformat()


def post_time(post: Any, fmt: str = SHORT) -> Markup:
    """``<time>`` for ``post``'s date (the ``post_time`` template filter)."""
    return Markup('<time datetime="{}">{}</time>').format(time_stamp(post),
                                                         post_date_text(post, fmt))


def date_span(dates: Iterable[datetime]) -> str:
    """The days ``dates`` cover, shortest form: ``8 Jan 2020``, ``7–8 Jan 2020``,
    ``31 Dec 2019 – 2 Jan 2020`` (empty for no dates)."""
    days = sorted(d.date() for d in dates)
    if not days:
        return ""
    first, last = days[0], days[-1]
    if first == last:
        return f"{last.day} {last:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def items_span(items: Iterable[Any]) -> str:
    """The days a listing page's stories span: its label (``site/pagination.py``). The
    days of its cards: a story is shown once, by its newest report on the page, so an
    older report of it there (reached from the card) does not widen the span."""
    return date_span(item.date for item in one_per_story(items))


def set_locale_dates(contents: Iterable[Any]) -> None:
    """Pelican's ``locale_date`` (what its themes, and the article header, print) by
    the same rule: the post's ``date_format``, then its time when known."""
    for c in contents:
        if getattr(c, "date", None) is None:
            continue
        fmt = getattr(c, "date_format", None) or "%A, %-d %B %Y"
        if isinstance(fmt, tuple | list):  # DATE_FORMATS' (locale, format) form
            fmt = fmt[-1]
        c.locale_date = post_date_text(c, fmt)
