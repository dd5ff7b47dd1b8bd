"""Where story clustering keeps its state between ingests: in the posts themselves.

A new article can only join an existing story if ingest knows the stories already on
the site. Rather than a second database that could drift from ``content/``, the index
is rebuilt from the posts (front matter and body) when an ingest has new articles to
place: the posts are the truth, including every curator edit. A curator who sets or
changes ``story`` moves that post (new articles then join it there); one who clears it
takes the post out of every story, and no new article will be put with it.
"""

from __future__ import annotations

import logging
import re

import yaml

from news_digest.enrich.clusters import StoryIndex, doc_from_article, doc_from_front_matter
from news_digest.model import Article
from news_digest.settings import Settings

log = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_index(settings: Settings) -> StoryIndex:
    """A story index holding every post under ``settings.content``, in path order."""
    index = StoryIndex(settings.story_similarity / 100, settings.story_window_days)
    content = settings.content
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        if rel.startswith("."):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = _FRONT_MATTER.match(text)
        if not match:
            continue
        try:
            front = yaml.load(match.group(1), Loader=_YamlLoader)
        except yaml.YAMLError as exc:
            log.warning("%s: front matter is not valid YAML (%s); not used for stories",
                        path, str(exc).splitlines()[0])
            continue
        if isinstance(front, dict):
            doc = doc_from_front_matter(rel, front, text[match.end():])
            if doc is not None:
                index.add(doc)
    return index


class StoryAssigner:
    """Gives each new article its ``story`` at write time, loading the index on first use
    (an ingest with nothing new never reads the posts)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.index: StoryIndex | None = None

    def assign(self, article: Article, post: str) -> str:
        """The story for ``article``, to be written as the post ``post`` (content-relative).
        An earlier version of that same post is not compared with it."""
        if self.index is None:
            self.index = load_index(self.settings)
        doc = doc_from_article(article, key=post)
        return self.index.assign(doc)
