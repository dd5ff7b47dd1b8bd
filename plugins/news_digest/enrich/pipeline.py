"""The enrichment pipeline: small steps over batches of articles, spaCy-style.

A step is a callable ``(articles, ctx) -> articles`` that returns copies with more
fields filled (``dataclasses.replace``). Steps take a batch, not one article, so the
entity step can stream texts through ``nlp.pipe``. The list is data: a curator's own
step is added by listing ``"package.module:function"`` names in ``NEWS_DIGEST_STEPS`` (or
with :func:`register_step` from Python) without forking the plugin. The names travel in
the settings, so worker processes run the same pipeline as the main one.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from news_digest.model import Article
from news_digest.settings import Settings


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
    "news_digest.enrich.entities:entities_step",
    "news_digest.enrich.topics:topics_step",
    "news_digest.enrich.summary:summary_step",
)
"""Dotted ``module:function`` names, in the order they run. (Story ids are not a step:
they need the whole site, so ingest gives them when it writes; see ``enrich/clusters.py``.)"""

_extra: list[str] = []


def register_step(dotted: str) -> None:
    """Append a step (``"package.module:function"``) after the defaults."""
    if dotted not in _extra:
        _extra.append(dotted)


MOVED_MODULES = {f"news_digest.{old}": f"news_digest.enrich.{old}"
                 for old in ("entities", "topics", "summary", "stories", "keywords", "ner")}
"""Step modules before the plugin was split into rooms: a site's ``NEWS_DIGEST_STEPS``
may still name them."""


def load_step(dotted: str) -> Step:
    """The step named ``"package.module:function"``; old module names still work, with a
    deprecation warning naming the new one."""
    module_name, _, attr = dotted.partition(":")
    if module_name in MOVED_MODULES:
        new = MOVED_MODULES[module_name]
        warnings.warn(f"step {dotted!r}: {module_name} moved to {new}; "
                      f"write {new}:{attr} in NEWS_DIGEST_STEPS", DeprecationWarning,
                      stacklevel=2)
        module_name = new
    module = importlib.import_module(module_name)
    return getattr(module, attr)


def step_names(settings: Settings) -> tuple[str, ...]:
    """Every step to run, in order: the built-in ones, the settings', the registered."""
    return tuple(dict.fromkeys((*DEFAULT_STEPS, *settings.steps, *_extra)))


def with_registered_steps(settings: Settings) -> Settings:
    """Settings that carry the registered steps too, for a worker process (which starts
    without this process's :func:`register_step` calls)."""
    return replace(settings, steps=step_names(settings)[len(DEFAULT_STEPS):])


def steps(settings: Settings) -> list[Step]:
    return [load_step(d) for d in step_names(settings)]


def enrich(articles: Sequence[Article], ctx: EnrichContext) -> list[Article]:
    """Run every step over one batch, in order."""
    batch = list(articles)
    for step in ctx.resource("steps", lambda: steps(ctx.settings)):
        batch = step(batch, ctx)
    return batch
