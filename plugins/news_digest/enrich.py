"""The enrichment pipeline: small steps over batches of articles, spaCy-style.

A step is a callable ``(articles, ctx) -> articles`` that returns copies with more
fields filled (``dataclasses.replace``). Steps take a batch, not one article, so the
entity step can stream texts through ``nlp.pipe``. The list is data: a curator's own
step is added with :func:`register_step` (or by listing dotted paths in
``NEWS_DIGEST_STEPS``) without forking the plugin.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Article
from .settings import Settings


@dataclass
class EnrichContext:
    """What steps share within one process: settings and lazily loaded resources.

    ``resources`` caches heavy objects (the spaCy pipeline, the entity registry, the
    topic taxonomy) so they load once per process however many batches run.
    ``backend`` records which NER backend ran, for front matter and ``inspect``.
    """

    settings: Settings
    resources: dict[str, Any] = field(default_factory=dict)

    def resource(self, name: str, load: Callable[[], Any]) -> Any:
        if name not in self.resources:
            self.resources[name] = load()
        return self.resources[name]


Step = Callable[[Sequence[Article], EnrichContext], list[Article]]

DEFAULT_STEPS: tuple[str, ...] = (
    "news_digest.entities:entities_step",
    "news_digest.topics:topics_step",
    "news_digest.summary:summary_step",
    "news_digest.stories:stories_step",
)
"""Dotted ``module:function`` names, in the order they run."""

_extra: list[str] = []


def register_step(dotted: str) -> None:
    """Append a step (``"package.module:function"``) after the defaults."""
    if dotted not in _extra:
        _extra.append(dotted)


def load_step(dotted: str) -> Step:
    module_name, _, attr = dotted.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr)


def steps() -> list[Step]:
    return [load_step(d) for d in (*DEFAULT_STEPS, *_extra)]


def enrich(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Run every step over one batch, in order."""
    batch = list(articles)
    for step in steps():
        batch = step(batch, ctx)
    return batch
