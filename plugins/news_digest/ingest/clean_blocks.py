"""Body paragraphs from the kept lines: lists and tables the dump shows as such become
Markdown, everything else is a paragraph of text.
"""

from __future__ import annotations

import re

from news_digest.ingest.clean_features import confidence
from news_digest.ingest.clean_lines import Line

_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□►✓✔*–—-]|\d{1,2}[.)])\s+(?=\S)")


def body_paragraphs(kept: list[Line]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The kept lines as body paragraphs, and each one's kind (``Draft.kinds``); lists
    and tables the dump shows as such become Markdown.

    A line starting with a bullet or "1." is a list item; two or more short lines that
    are not sentences, right after a kept line ending in ":", are a list too ("You will
    need:" then the items). Two or more lines with the same number of tab-separated
    cells are a table. Each list item is its own paragraph (``- item``); a table is one
    paragraph of Markdown table rows.
    """
    out: list[str] = []
    kinds: list[str] = []
    i = 0
    while i < len(kept):
        line = kept[i]
        table = _table_rows(kept, i)
        if table:
            out.append(_markdown_table([row.cells for row in table]))
            kinds.append("table")
            i += len(table)
            continue
        if _BULLET.match(line.text):
            out.append(_list_item(line.text))
            kinds.append("ol" if out[-1][:1].isdigit() else "ul")
        elif i > 0 and kept[i - 1].text.endswith(":") and _item_like(line) and (
                i + 1 < len(kept) and _item_like(kept[i + 1])):
            j = i
            while j < len(kept) and _item_like(kept[j]) and not _BULLET.match(kept[j].text) \
                    and not _table_rows(kept, j):  # a table right after the list is a table
                out.append(f"- {kept[j].text}")
                kinds.append("ul")
                j += 1
            i = j
            continue
        else:
            out.append(line.text)
            kinds.append("")
        i += 1
    return tuple(out), tuple(kinds)


def _item_like(line: Line) -> bool:
    """A short line that is not a sentence: a list item when it follows "...:"."""
    return confidence(line.n) < 0.5 and not line.text.endswith((".", "!", "?", ":"))


def _list_item(text: str) -> str:
    """``• item`` → ``- item``; ``3) item`` → ``3. item``."""
    mark, rest = text.split(None, 1)
    number = mark.rstrip(".)")
    return f"{number}. {rest}" if number.isdigit() else f"- {rest}"


def _table_rows(kept: list[Line], i: int) -> list[Line]:
    """The table starting at kept[i]: 2+ consecutive lines with the same 2+ cell count."""
    width = len(kept[i].cells)
    if width < 2:
        return []
    j = i
    while j < len(kept) and len(kept[j].cells) == width:
        j += 1
    return kept[i:j] if j - i >= 2 else []


def _markdown_table(rows: list[tuple[str, ...]]) -> str:
    """Rows as a Markdown table, the first as its header; ``|`` in a cell is escaped."""
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    rule = "|" + "|".join("---" for _ in rows[0]) + "|"
    return "\n".join([row(rows[0]), rule, *(row(r) for r in rows[1:])])
