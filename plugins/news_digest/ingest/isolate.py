"""One seed's failure is that seed's alone: enrichment that raises is retried seed by seed.

Enrichment runs over batches (NER streams a batch's texts through one ``nlp.pipe``
call), so one article that makes a step raise (a spaCy limit, a curator's own step from
``NEWS_DIGEST_STEPS``, a bug) would otherwise fail the whole batch, and with it the
``pelican`` run. Here a failed batch is run again one article at a time: the articles
that enrich on their own come back as articles, and each one that still fails comes back
as a one-line reason naming the exception, for ingest to report and skip. A batch that
succeeds costs nothing extra; only a failing one pays for the retry.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from news_digest.enrich.pipeline import EnrichContext, enrich
from news_digest.errors import DataFileError, SettingsError
from news_digest.model import Article

log = logging.getLogger(__name__)

REASON_CHARS = 300
"""A reason is cut to this length: it is one line of a build log, not a traceback."""


def failure_reason(stage: str, exc: BaseException) -> str:
    """``"<stage> failed: <Type>: <message>"`` on one line, at most REASON_CHARS long
    (spaCy's E088 message alone is five sentences)."""
    message = " ".join(str(exc).split())
    reason = f"{stage} failed: {type(exc).__name__}" + (f": {message}" if message else "")
    return reason if len(reason) <= REASON_CHARS else reason[:REASON_CHARS - 1] + "…"


def _enrich_checked(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """:func:`enrich`, insisting on one article back per article in (a step that drops or
    adds articles would otherwise attach one seed's enrichment to another's post)."""
    out = enrich(articles, ctx)
    if len(out) != len(articles):
        raise ValueError(f"a step returned {len(out)} articles for {len(articles)}")
    return out


SITE_WIDE = (DataFileError, SettingsError)
"""Failures that are no seed's fault (a broken ``topics.yml`` or ``entities.yml``, a bad
setting): they stop ingest with one line naming the file, instead of skipping every seed
with the same reason."""


def enrich_each(articles: Sequence[Article], ctx: EnrichContext) -> list[Article | str]:
    """Enrich a batch; when that raises, each article on its own. One result per article,
    in order: the enriched article, or the reason it could not be enriched."""
    if not articles:
        return []
    try:
        return list(_enrich_checked(articles, ctx))
    except SITE_WIDE:
        raise
    except Exception as exc:
        if len(articles) == 1:
            return [failure_reason("enrichment", exc)]
        log.info("enrichment of a batch of %d failed (%s); retrying one by one",
                 len(articles), failure_reason("batch", exc))
    out: list[Article | str] = []
    for article in articles:
        try:
            out.extend(_enrich_checked([article], ctx))
        except SITE_WIDE:
            raise
        except Exception as exc:
            out.append(failure_reason("enrichment", exc))
    return out
