"""Shared HTML fragments, rendered once per build and reused on every page.

A story card (``includes/story_card.html``) is the same wherever an article is
listed: the home page, its topics, each entity it names, its edition, the related
stories of other articles. On a 5,000-article site that is ~140,000 cards for 5,000
articles, and rendering them was the largest single cost of a cold build. The
``story_card`` filter renders the theme's card template once per (article, heading
level, ``SITEURL``) and returns the cached markup afterwards.

The card template stays the one place its markup lives; it may read the article,
``h`` and settings, not page-specific variables (a card is shared between pages).
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from news_digest.site.dates import post_time, time_stamp
from news_digest.text import plural, url_host

CARD_TEMPLATE = "includes/story_card.html"


@pass_context
def story_card(ctx: Context, article: Any, h: int = 3) -> Markup:
    """The story card of ``article`` with an ``<h{h}>`` title, rendered once."""
    env = ctx.environment
    cache: dict[tuple[int, int, str], tuple[Any, Markup]] | None = getattr(
        env, "news_digest_cards", None)
    if cache is None:
        cache = {}
        env.news_digest_cards = cache  # type: ignore[attr-defined]
    siteurl = ctx.get("SITEURL", "")
    key = (id(article), h, siteurl)
    hit = cache.get(key)
    if hit is not None and hit[0] is article:
        return hit[1]
    html = Markup(env.get_template(CARD_TEMPLATE).render(
        {**ctx.parent, "article": article, "h": h}))
    cache[key] = (article, html)  # the article stays alive, so its id is not reused
    return html


def install(generator: Any) -> None:
    """Add the theme's filters to a generator's Jinja environment."""
    generator.env.filters.setdefault("story_card", story_card)
    generator.env.filters.setdefault("plural", plural)
    generator.env.filters.setdefault("post_time", post_time)
    generator.env.filters.setdefault("time_stamp", time_stamp)
    generator.env.filters.setdefault("host", url_host)
    from news_digest.site.stories import by_source, count_reports, one_per_story

    generator.env.filters.setdefault("one_per_story", one_per_story)
    generator.env.filters.setdefault("reports", count_reports)
    generator.env.filters.setdefault("by_source", by_source)
