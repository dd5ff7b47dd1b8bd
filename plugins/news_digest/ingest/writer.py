"""Write an Article as a Markdown post with YAML front matter, atomically.

The post is the contract between ingest, curators and the theme, so its text is
fully determined by the Article: fixed key order, no timestamps of the run. The
``ingest.digest`` field is the sha256 of the post with that line left out, which
lets a later ingest tell its own output from a curator's edit even without the
manifest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from news_digest import frontmatter
from news_digest.model import ENTITY_TYPES, Article, Version
from news_digest.text import ENTITY_GROUPS, slugify, without_tags
from news_digest.vocab.registry import key

_MD_INLINE = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=:~]|(?P<num>\d+)[.)])")


def post_slug(title: str) -> str:
    """A post's slug from its title: the site-wide slug rules, cut to 80 characters at
    a word boundary (a URL stays readable; the full title is in the page). Tags a
    scraper left in the title are shown as the text they are, but a URL does not spell
    them out ("council-i-approves-i-budget")."""
    return slugify(without_tags(title), max_length=80)


def escape_markdown(text: str) -> str:
    """Make seed text render as the same text: no Markdown, no HTML, no attribute lists.

    HTML specials become entities; Markdown's inline specials are backslash-escaped
    (``{`` and ``}`` too, so Markdown-extra's ``{: onclick=…}`` cannot add attributes);
    a block marker at the start of a line (``#``, ``-``, ``1.``, ``>``, and ``~``: a
    ``~~~`` line opens a fenced code block, which would show the escapes themselves,
    "&amp;" and "\\*", as the text) is escaped.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_block_marker, text)


def _escape_block_marker(match: re.Match[str]) -> str:
    # A numeric character reference is plain text to Markdown and to the browser alike,
    # and unlike a backslash it works for every marker (":" has no Markdown escape).
    lead, marker, number = match.group(1), match.group(2), match.group("num")
    if number:  # "1." starts a list; "1&#46;" does not
        return f"{lead}{number}&#{ord(marker[-1])};"
    return f"{lead}&#{ord(marker)};"


def post_path(article: Article) -> str:
    """Where the post lives, relative to the content folder."""
    return f"{article.date:%Y}/{article.slug}.md"


def front_matter(article: Article, seeds_label: str) -> dict[str, Any]:
    """The front matter as an ordered mapping; fields not computed are left out."""
    d = article.draft
    fm: dict[str, Any] = {
        "title": d.title,
        "date": article.date.isoformat(),
        "date_source": article.date_source,
        "slug": article.slug,
    }
    optional = {
        "section": d.section,
        "summary": article.summary,
        "image_caption": d.caption,
        "byline": d.byline,
    }
    fm.update({k: v for k, v in optional.items() if v})
    source = {
        "publisher": article.source.publisher,
        "url": article.source.url,
        "seed": f"{seeds_label}/{article.source.seed}" if seeds_label else article.source.seed,
        "sha256": article.source.sha256,
    }
    fm["source"] = source
    if article.guid:
        # a rewritten post keeps the GUID its feed readers have (run.py, _kept_guid)
        fm["guid"] = article.guid
    if article.topics:
        fm["topics"] = [t.id for t in article.topics]
    if article.keywords:
        fm["keywords"] = list(article.keywords)
    if article.entities:
        grouped: dict[str, list[str]] = {}
        for etype in ENTITY_TYPES:
            names = [e.name for e in article.entities if e.type == etype]
            if names:
                grouped[ENTITY_GROUPS[etype]] = names
        if grouped:
            fm["entities"] = grouped
        spellings = entity_spellings(article)
        if spellings:
            fm["spellings"] = spellings
        cued = [e.name for e in article.entities if e.cued and e.type in ENTITY_TYPES]
        if cued:
            # the names a close cue typed ("electronics firm X"): the corpus vote's
            # evidence (enrich/resolve.py), as the site reads nothing but posts
            fm["cued"] = cued
    if article.works:
        # the names a works cue called a work and the article dropped ("the film X"):
        # the corpus's evidence that the name gets no page (enrich/resolve.py)
        fm["works"] = list(article.works)
    if article.story:
        fm["story"] = article.story
    if article.warnings:
        # What a curator should review (little text found, text capped for NER...),
        # in the order the stages raised them, each once.
        fm["warnings"] = list(dict.fromkeys(article.warnings))
    if article.versions:
        fm["versions"] = [_version(v, seeds_label) for v in article.versions]
    return fm


def entity_spellings(article: Article) -> dict[str, list[str]]:
    """Name → the other spellings this article wrote for it (``spellings:``).

    Ingest merges "Suleimani", "Qassim Suleidmani" and "Qasem Soleimani" under one
    name; the text still holds them, and a reader searching one should find the
    entity's page, which lists them as "Also known as". Only ingest sees which
    mention became which entity, and the site reads nothing but posts, so the post
    carries them. A spelling that differs from the name only by case, dots or accents
    (the registry's own key) is the name, not another spelling. Names in the order of
    ``entities:``, spellings sorted: the same article gives the same bytes.
    """
    out: dict[str, list[str]] = {}
    for e in sorted(article.entities, key=lambda e: ENTITY_TYPES.index(e.type)
                    if e.type in ENTITY_TYPES else len(ENTITY_TYPES)):
        own = key(e.name)
        forms = sorted({f for f in e.aliases if key(f) != own})
        if forms and e.name not in out:
            out[e.name] = forms
    return out


def _version(v: Version, seeds_label: str) -> dict[str, Any]:
    """One copy for the ``versions`` list: who ran it, where, when, under which headline."""
    return {"title": v.title, "publisher": v.publisher, "url": v.url,
            "date": v.date.isoformat(),
            "seed": f"{seeds_label}/{v.seed}" if seeds_label else v.seed, "sha256": v.sha256}


def body(article: Article) -> str:
    """The cleaned paragraphs, one block each, escaped so they render as text.

    Paragraphs the cleaner marked as list items or tables (``Draft.kinds``) are written
    as Markdown lists and tables; only their structure is Markdown, every item and cell
    is escaped like any other seed text. Consecutive items of one list are written on
    consecutive lines, so they make one tight list.
    """
    draft = article.draft
    paragraphs = draft.paragraphs
    kinds = draft.kinds if len(draft.kinds) == len(paragraphs) else ("",) * len(paragraphs)
    blocks: list[str] = []
    previous = ""
    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        rendered = _render_block(paragraph, kind)
        if not rendered:
            continue
        if kind in ("ul", "ol") and kind == previous:
            blocks[-1] += "\n" + rendered
        else:
            blocks.append(rendered)
        previous = kind
    return "\n\n".join(blocks) + "\n"


_ITEM = re.compile(r"^(?:- |(?P<num>\d{1,9})\. )(?P<text>.*)$", re.S)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _render_block(paragraph: str, kind: str) -> str:
    """One paragraph as Markdown: a list item, a table, or (anything else, or a
    structured paragraph that is not in the expected shape) escaped plain text."""
    if kind in ("ul", "ol"):
        match = _ITEM.match(paragraph)
        if match and match.group("text").strip():
            text = escape_markdown(" ".join(match.group("text").split()))
            return f"{match.group('num')}. {text}" if match.group("num") else f"- {text}"
    elif kind == "table":
        table = _render_table(paragraph)
        if table:
            return table
    return escape_markdown(" ".join(paragraph.split()))


def _render_table(paragraph: str) -> str | None:
    """A Markdown table paragraph (as :mod:`clean_blocks` writes it) with every cell
    escaped; None when it is not one (the caller then writes it as text)."""
    rows = paragraph.split("\n")
    if len(rows) < 3 or not re.fullmatch(r"\|(?:---\|)+", rows[1]):
        return None
    width = rows[1].count("---")
    cells: list[list[str]] = []
    for row in (rows[0], *rows[2:]):
        if not (row.startswith("| ") and row.endswith(" |")):
            return None
        parts = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(row[2:-2])]
        if len(parts) != width:
            return None
        cells.append([escape_markdown(" ".join(c.split())) for c in parts])

    def line(row: list[str]) -> str:
        return "| " + " | ".join(row) + " |"

    return "\n".join([line(cells[0]), rows[1], *(line(r) for r in cells[1:])])


def render(article: Article, seeds_label: str = "seeds") -> str:
    """The full post text of ``article``, with its self-digest (``frontmatter.render``)."""
    return frontmatter.render(front_matter(article, seeds_label), body(article))


def existing_slugs(content: Path) -> set[str]:
    """Slugs already used by posts in ``content`` (file stems), curator posts included."""
    return {p.stem for p in content.rglob("*.md")}
