"""A dump whose first line is the whole page's source (issue #12, round 17).

A page saved with its ``<title>`` never closed is read by an HTML parser as one title
running to the end of the file, so a text dumper writes the page's markup as line 1 and
nothing else. Ingest reads such a line as the HTML it is (``workers.to_draft``). The
page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

from pathlib import Path

from news_digest.ingest.extract import PAGE_IN_TITLE, page_in_title
from news_digest.ingest.workers import to_draft
from news_digest.model import RawSeed

ARTICLE = [
    "The harbour authority opened its new ferry terminal on Tuesday after two years of "
    "building work, and the first boats left for the islands an hour later than planned.",
    "Passengers said the waiting hall was bright and warm, though several complained that "
    "the signs to the car deck were hard to follow in the rain.",
    "The authority said the old terminal would be pulled down in the spring and the land "
    "given over to a park, as the town council asked when the plans were first shown.",
]


def _seed(name: str, text: str) -> RawSeed:
    return RawSeed(path=Path(name), rel=name, text=text, sha256="0" * 64, encoding="utf-8",
                   mtime=0.0)


def _page_in_title() -> str:
    """Line 1 of such a dump: the title's words, then the rest of the page as source."""
    menu = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in
                   ("Home", "News", "Sport", "Weather", "Business", "Travel", "Contact"))
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    footer = "".join(f"<div class='foot'><a href='/{i}'>Link {i}</a></div>" for i in range(8))
    return (f"New ferry terminal opens' + ad_query + '\"></script> </head> <body> "
            f"<div id='top'><ul>{menu}</ul></div> <div id='main'><h1>New ferry terminal "
            f"opens</h1> <div class='story'>{body}</div></div> <div id='footer'>{footer}"
            f"</div></body></html>")


def test_a_page_read_as_its_title_still_gives_its_article() -> None:
    draft = to_draft(_seed("ferry.txt", _page_in_title() + "\n"), frozenset())
    body = "\n".join(draft.paragraphs)
    for paragraph in ARTICLE:
        assert paragraph in body
    assert "<p>" not in body and "href" not in body
    assert "Link 3" not in body
    assert PAGE_IN_TITLE in draft.warnings


def test_a_title_that_quotes_a_tag_is_still_a_title() -> None:
    text = "Why <div> soup still breaks readers | Web Weekly\n\n" + "\n\n".join(ARTICLE) + "\n"
    draft = to_draft(_seed("soup.txt", text), frozenset())
    assert draft.title.startswith("Why <div> soup")
    assert PAGE_IN_TITLE not in draft.warnings
    assert ARTICLE[0] in draft.paragraphs


def test_a_10_mb_line_of_markup_stays_a_text_dump() -> None:
    """No page behind such a dump is megabytes long; a scraper's 10 MB line of minified
    markup is not handed to the HTML extractor (40 s and 800 MB for no article)."""
    unit = "<div class='x'><p>A line of a minified page.</p></div>"
    text = "Minified" + unit * (10 * 1024 * 1024 // len(unit))
    assert not page_in_title(text)
    assert page_in_title("Minified" + unit * 30)
