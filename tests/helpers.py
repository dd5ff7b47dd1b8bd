"""Helpers that build a real digest site with Pelican into a temporary folder.

The fixture content is generated here (not checked in) so the tricky cases sit next
to the code that makes them: names that slugify alike (C, C++, C#, topic-1…topic-16,
G7, AT&T), seed text with ``<script>``, a body line that looks like Pelican metadata,
an alias of a registry entity, an ordinary Pelican post and a broken front matter.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from news_digest.enrich import ner
from news_digest.enrich.ner import Mention
from news_digest.enrich.pipeline import EnrichContext
from news_digest.model import Article, Draft, Source
from news_digest.settings import Settings

REPO = Path(__file__).resolve().parent.parent
PER_PAGE = 3

TOPICS_YML = """\
# test taxonomy: a few IPTC media topics
- id: politics
  label: Politics
  description: Government, elections and policy.
- id: conflict-war-and-peace
  label: Conflict, war and peace
  description: Armed conflict, terrorism and peace efforts.
- id: economy-business-and-finance
  label: Economy, business and finance
- id: science-and-technology
  label: Science and technology
"""

ENTITIES_YML = """\
Qassem Soleimani:
  type: person
  aliases: [Suleimani, Qasem Soleimani, Qassim Suleidmani]
AT&T:
  type: organization
  aliases: [AT and T]
Spam Corp:
  type: organization
  block: true
"""

START = datetime(2020, 1, 6, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    day: int
    hour: int
    topics: tuple[str, ...]
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    summary: str | None = None
    body: str = "First paragraph of the story.\n\nSecond paragraph."
    sha: str | None = None
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """``spellings:`` as ingest writes it: name → the other spellings the text used."""

    @property
    def date(self) -> datetime:
        return START + timedelta(days=self.day, hours=self.hour)


def fixture_posts() -> list[Post]:
    posts = [
        Post("iran-strikes", "Pentagon confirms Iran launched a 'revenge operation'", 2, 2,
             ("conflict-war-and-peace", "politics"), ("Qassem Soleimani", "Donald Trump"),
             ("Pentagon", "Islamic Revolutionary Guard Corps"), ("Iran", "Iraq", "Erbil"),
             summary="Iran state TV announced a missile attack on U.S. troops in Iraq.",
             body="Iran state TV announced the attack.\n\nTitle: not metadata\n\n"
                  "The Pentagon &lt;confirmed&gt; it.", sha="a" * 64),
        Post("soleimani-killed", "US strike kills Iranian general", 0, 5,
             ("conflict-war-and-peace",), ("Qasem Soleimani", "Donald Trump"),
             ("Pentagon",), ("Iraq", "Baghdad"), summary="A drone strike in Baghdad.",
             sha="b" * 64),
        Post("g7-summit", "G7 leaders meet on trade", 1, 9,
             ("economy-business-and-finance", "politics"), ("Donald Trump", "Angela Merkel"),
             ("G7",), ("France",), summary="Leaders of the G7 met in Biarritz.", sha="c" * 64),
        Post("languages", "C, C++ and C# top the language charts", 1, 11,
             ("science-and-technology",), (), ("C", "C++", "C#", "AT&T", "AT and T"),
             ("Bell Labs",), summary="Three languages named C.", sha="d" * 64),
        Post("xss", "Seed <script>alert('title')</script> & more", 3, 1,
             ("politics",), ("Donald Trump",), ("Spam Corp",), ("Iran",),
             summary="Summary with </script><script>alert(1)</script> inside",
             body="A body with <script>alert('body')</script> and <b>bold</b>.\n\n"
                  "[bad link](javascript:alert(1)) and [good](https://example.com/x).",
             sha="e" * 64),
    ]
    # topic-1 … topic-16: as topic ids and as organisations, spread over the days.
    for n in range(1, 17):
        posts.append(Post(
            f"numbered-{n}", f"Numbered story {n}", n % 4, 12 + n % 6,
            (f"topic-{n}", "politics"), ("Donald Trump",) if n % 2 else ("Angela Merkel",),
            (f"topic-{n}",), ("Iran",) if n % 3 == 0 else ("France",),
            summary=f"Story number {n}.", sha=f"{n:064x}"))
    return posts


def post_text(p: Post) -> str:
    fm = {
        "title": p.title,
        "date": p.date,
        "date_source": "metadata",
        "slug": p.slug,
        "section": "World",
        "summary": p.summary,
        "image_caption": "A caption <i>with</i> markup & ampersand" if p.slug == "xss" else None,
        "byline": "By A. Reporter" if p.day == 2 else None,
        "source": {"publisher": "AlterNet Media",
                   "url": "https://example.com/story" if p.day == 1 else None,
                   "seed": f"{p.slug}.txt", "sha256": p.sha},
        "topics": list(p.topics),
        "keywords": ["keyword one", "keyword two"],
        "entities": {"people": list(p.people), "organizations": list(p.orgs),
                     "places": list(p.places)},
        "spellings": {n: list(f) for n, f in p.spellings} or None,
        "story": p.slug,  # every fixture post is its own story (test_story_site has shared ones)
        "ingest": {"version": 1, "digest": "0" * 16},
    }
    fm = {k: v for k, v in fm.items() if v is not None}
    head = yaml.safe_dump(fm, sort_keys=False, allow_unicode=True)
    return f"---\n{head}---\n{p.body}\n"


PLAIN_POST = """\
Title: An ordinary Pelican post
Date: 2020-01-07 10:00
Slug: ordinary-post
Summary: A hand-written post in Pelican's own metadata format.

This post has *no* YAML front matter and uses <em>raw HTML</em>.
"""

BROKEN_POST = """\
---
title: "Broken
date: 2020-01-07
---
Body.
"""

ABOUT_PAGE = """\
Title: About
Slug: about

This digest is built with news-digest.
"""


def write_content(root: Path, posts: list[Post] | None = None) -> Path:
    """Write the fixture posts, data files and pages under ``root``; return content dir."""
    content = root / "content"
    for p in posts if posts is not None else fixture_posts():
        path = content / f"{p.date:%Y}" / f"{p.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(post_text(p), encoding="utf-8")
    (content / "2020" / "ordinary-post.md").write_text(PLAIN_POST, encoding="utf-8")
    (content / "2020" / "broken.md").write_text(BROKEN_POST, encoding="utf-8")
    (content / "pages").mkdir(parents=True, exist_ok=True)
    (content / "pages" / "about.md").write_text(ABOUT_PAGE, encoding="utf-8")
    (content / ".news-digest").mkdir(exist_ok=True)
    (content / ".news-digest" / "manifest.json").write_text("{}", encoding="utf-8")
    data = root / "data"
    data.mkdir(exist_ok=True)
    (data / "topics.yml").write_text(TOPICS_YML, encoding="utf-8")
    (data / "entities.yml").write_text(ENTITIES_YML, encoding="utf-8")
    return content


def build(root: Path, content: Path, output: Path, **override: object) -> Path:
    """Run Pelican with the repo's pelicanconf.py over ``content`` into ``output``."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        path=str(REPO / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "NEWS_DIGEST_AUTO_INGEST": False,
            "NEWS_DIGEST_DATA_DIR": str(root / "data"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "DEFAULT_PAGINATION": PER_PAGE,
            "NEWS_DIGEST_WEEKLY_EDITIONS": True,
            # the fixture's entities are mostly in one story each; the page threshold
            # has its own tests (test_entity_pages.py)
            "NEWS_DIGEST_ENTITY_PAGE_MIN": 1,
            **override,
        },
    )
    Pelican(settings).run()
    return output


def copy_content(src_root: Path, dst_root: Path) -> Path:
    shutil.copytree(src_root / "content", dst_root / "content")
    shutil.copytree(src_root / "data", dst_root / "data")
    return dst_root / "content"


def build_from_seeds(site: Path, **override: object) -> Path:
    """Plain Pelican with the shipped settings over ``site/seeds``: it ingests first,
    then builds ``site/output`` (search off; the content cache in ``site/cache``)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(site / "content"),
        "OUTPUT_PATH": str(site / "output"),
        "CACHE_PATH": str(site / "cache"),
        "NEWS_DIGEST_SEEDS": str(site / "seeds"),
        "NEWS_DIGEST_DATA_DIR": str(site / "data"),
        "NEWS_DIGEST_SEARCH": False,
        **override,
    })
    Pelican(settings).run()
    return site / "output"


def mention_at(text: str, name: str, etype: str) -> Mention:
    """NER's mention of ``name`` where ``text`` first writes it (cue tests' fixtures)."""
    return Mention(name, etype, text.index(name))


def fresh_python(*lines: str) -> str:
    """What a fresh interpreter with the plugin on its path prints running ``lines``:
    for checks of what a call imports (spaCy must stay out of site builds), which a test
    process that already imported it cannot make."""
    code = "\n".join(("import sys", f"sys.path.insert(0, {str(REPO / 'plugins')!r})", *lines))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def listing_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  found: dict[str, list[tuple[str, str]]]) -> EnrichContext:
    """An enrich context whose entity model finds, in each text, every occurrence of the
    (name, type) pairs ``found`` lists for that text: the entity tests state what the
    model saw and check what the step makes of it, with no model installed."""
    def fake(nlp: object, texts: list[str], batch_size: int = 32) -> list[list[Mention]]:
        out = []
        for text in texts:
            ms = []
            for name, etype in found.get(text, []):
                at = text.find(name)
                while at >= 0:
                    ms.append(Mention(name, etype, at))
                    at = text.find(name, at + len(name))
            out.append(sorted(ms, key=lambda m: m.start))
        return out

    monkeypatch.setattr(ner, "spacy_mentions", fake)
    ctx = EnrichContext(Settings(data_dir=tmp_path / "data"))
    ctx.resource("entities.backend", lambda: ("spacy:test", object(), None))
    return ctx


def report_article(slug: str, *paragraphs: str) -> Article:
    """An article "Report <slug>" of ``paragraphs``, dated 1 March 2021, for the entity
    step's tests."""
    draft = Draft(title=f"Report {slug}", paragraphs=paragraphs)
    return Article(draft=draft, source=Source(seed=f"{slug}.txt", sha256="0" * 64),
                   date=datetime(2021, 3, 1, tzinfo=UTC), date_source="metadata", slug=slug)


def linked_pages(articles: list[list[tuple[str, str]]]) -> dict[str, set[int]]:
    """Entity page name → the articles linking it, when the corpus resolver gives it a
    page (it needs two articles): ``articles`` are (type, name) pairs, all of one day."""
    from news_digest.enrich.resolve import resolve_corpus

    day = datetime(2021, 3, 1, tzinfo=UTC)
    resolved = resolve_corpus([(day, pairs) for pairs in articles])
    found: dict[str, set[int]] = {}
    for i, pairs in enumerate(resolved.entities_of):
        for pair in pairs:
            if pair not in resolved.pageless:
                found.setdefault(pair[1], set()).add(i)
    return {name: idx for name, idx in found.items() if len(idx) >= 2}

