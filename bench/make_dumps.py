"""Make a third dump set for ``bench/clean_dumps.py`` from a public extraction benchmark.

The source is Zyte's (Scrapinghub's) article extraction benchmark,
https://github.com/scrapinghub/article-extraction-benchmark (MIT licence for the
repository; the pages themselves are © their publishers): 181 news and blog pages as
gzipped HTML in ``html/<id>.html.gz`` and a hand-checked article body per page in
``ground-truth.json`` (``{"<id>": {"articleBody": ..., "url": ...}}``).

Each page becomes the same naive "copy all visible text" dump as the development
corpora (``../shared/corpus/dumps-dev*``): the page's ``<title>`` on line 1, then every
text block of the page's body in document order, a blank line between blocks. A
block-level element (``p``, ``div``, ``li``, ``h1``-``h6``, ``td``, ``pre``, ...) or a
``<br>`` ends a block; text inside inline elements (``a``, ``span``, ``b``, ``address``,
``time``, ``hr``, ``select``/``option``, MathML, ...) runs on; all whitespace (``&nbsp;``
and the newlines of a ``<pre>`` too) collapses to one space. ``script``, ``style``,
``noscript``, ``template`` and ``svg`` are dropped (and ``iframe``, ``object``, media
fallbacks). Menus, share buttons, captions, comments and footers stay in. Two habits of
the corpora's dumper are copied because they change what a cleaner sees: the text of
HTML comments in the body runs on as text (``<!-- Google Tag Manager -->``), and
hidden elements (``display:none``, ``hidden``) are kept: the dumps are made from the
HTML, not from a rendered page.

These rules were checked against the corpora, not guessed: from the Mozilla
Readability test pages behind ``dumps-dev2`` and the three newspaper4k test pages behind
``dumps-dev`` whose HTML there is still the same page, :func:`html_to_dump` writes the
corpus's dump byte for byte (47 of 47; ``--check READABILITY_GIT_DIR`` re-runs the dumps-dev2 part).

The gold is the benchmark's ``articleBody``, one paragraph per line of it, a blank
line between paragraphs. Output (never commit it: ``bench/work/`` is gitignored)::

    bench/work/dumps-ext/dump/aeb-<site>-<id8>.txt
    bench/work/dumps-ext/gold/aeb-<site>-<id8>.txt

Run: ``.venv/bin/python bench/make_dumps.py PATH``, where PATH is a checkout of the
benchmark (a work tree holding ``ground-truth.json`` and ``html/``) or its bare git
mirror (read with ``git show``); ``--out`` changes the output folder. Only the
standard library and lxml (already installed: trafilatura depends on it) are used.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "work" / "dumps-ext"

BLOCK = frozenset({
    "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html",
    "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "ul", "xmp"
})
"""Elements that end a block: browser block elements and table cells, as the corpora's
dumper had them (not ``address`` or ``hr``, which it ran on as inline)."""
DROPPED = frozenset({
    "script", "style", "noscript", "template", "head", "meta", "link", "base", "svg",
    "iframe", "object", "embed", "canvas", "video", "audio", "source", "track", "map"
})
"""Elements whose content the corpora's dumper left out (script, style, noscript,
template and svg checked against them; the rest are never visible text)."""
_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Whitespace (``\\xa0`` and other Unicode spaces too) as single spaces."""
    return _SPACE.sub(" ", text).strip()


class _Blocks:
    """Text collected into blocks: inline text runs on, a block boundary ends a block."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def end(self) -> None:
        block = collapse("".join(self._parts))
        self._parts = []
        if block:
            self.blocks.append(block)


def _walk(top, out: _Blocks, comments: bool) -> None:  # top: an lxml element
    """Every text of ``top``'s subtree into ``out``, in document order (no recursion:
    broken pages nest thousands of unclosed tags)."""
    stack: list = [top]  # elements to open; a str is text (a tail); None ends a block
    while stack:
        el = stack.pop()
        if el is None:
            out.end()
            continue
        if isinstance(el, str):
            out.add(el)
            continue
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            if comments and callable(tag) and tag.__name__ == "Comment":
                out.add(el.text)
            out.add(el.tail)
            continue
        name = tag.rsplit("}", 1)[-1].lower()
        if name in DROPPED:
            out.add(el.tail)
            continue
        if name == "br":
            out.end()
            out.add(el.tail)
            continue
        if el.tail:
            stack.append(el.tail)
        if name in BLOCK:
            out.end()
            stack.append(None)
        out.add(el.text)
        stack.extend(reversed(el))


def html_to_dump(html: bytes | str, comments: bool = True) -> str:
    """A naive "copy all visible text" dump of one page, in the corpora's format."""
    import lxml.html

    if isinstance(html, str):
        html = html.encode("utf-8")
    root = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    title = root.find(".//title")  # the first one, in <head> or not
    title_text = collapse(title.text_content()) if title is not None else ""
    out = _Blocks()
    body = root.find("body")
    _walk(body if body is not None else root, out, comments)
    out.end()
    # no <title>: the dump starts with the first block, as the corpora's do
    return "\n\n".join(block for block in (title_text, *out.blocks) if block) + "\n"


def gold_text(article_body: str) -> str:
    """The benchmark's article body, one paragraph per line of it, a blank line between."""
    paragraphs = [collapse(line) for line in article_body.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def page_name(page_id: str, url: str) -> str:
    site = urlparse(url).netloc.lower().removeprefix("www.") or "page"
    return f"aeb-{re.sub(r'[^a-z0-9.-]', '_', site)}-{page_id[:8]}"


class _Source:
    """A repository's files, from a work tree or from a bare git mirror."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # a bare mirror holds HEAD and objects/ at its top; anything else is a work tree
        self.tree = not ((path / "HEAD").is_file() and (path / "objects").is_dir())
        if not self.tree and not self._git("rev-parse", "--git-dir", check=False):
            raise SystemExit(f"{path}: neither a checkout nor a git repository")

    def _git(self, *args: str, check: bool = True) -> bytes:
        git = shutil.which("git") or "git"
        done = subprocess.run([git, f"--git-dir={self.path}", *args],
                              capture_output=True, check=False)
        if check and done.returncode:
            raise SystemExit(f"git {' '.join(args)}: {done.stderr.decode(errors='replace')}")
        return done.stdout if done.returncode == 0 else b""

    def read(self, rel: str) -> bytes:
        if self.tree:
            return (self.path / rel).read_bytes()
        return self._git("show", f"HEAD:{rel}")

    def names(self, folder: str) -> list[str]:
        """The names of the files directly in ``folder`` (a path inside the repository)."""
        if self.tree:
            return sorted(p.name for p in (self.path / folder).iterdir() if p.is_file())
        listing = self._git("ls-tree", "--name-only", f"HEAD:{folder}").decode()
        return sorted(listing.split("\n")[:-1])

    def maybe(self, rel: str) -> bytes | None:
        """The file's bytes, or None when the repository does not hold it (a snapshot
        may lack its largest files)."""
        if self.tree:
            return (self.path / rel).read_bytes() if (self.path / rel).is_file() else None
        if not self._git("cat-file", "-t", f"HEAD:{rel}", check=False):
            return None
        return self._git("show", f"HEAD:{rel}")

    def pages(self) -> Iterator[tuple[str, str, str, bytes]]:
        """(id, url, article body, html bytes) per page of ground-truth.json."""
        truth = json.loads(self.read("ground-truth.json"))
        for page_id, item in sorted(truth.items()):
            html = gzip.decompress(self.read(f"html/{page_id}.html.gz"))
            yield page_id, item.get("url", ""), item["articleBody"], html


def make(source: Path, out: Path, comments: bool = True) -> int:
    pages = list(_Source(source).pages())
    for sub in ("dump", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).glob("aeb-*.txt"):
            old.unlink()
    for page_id, url, body, html in pages:
        name = page_name(page_id, url)
        (out / "dump" / f"{name}.txt").write_text(html_to_dump(html, comments), encoding="utf-8")
        (out / "gold" / f"{name}.txt").write_text(gold_text(body), encoding="utf-8")
    print(f"wrote {len(pages)} dumps and gold texts to {out}")
    return 0


def check(readability: Path, corpus: Path) -> int:
    """Dump Mozilla Readability's test pages behind ``dumps-dev2`` and compare each with the
    corpus's dump, byte for byte: how faithful :func:`html_to_dump` is to the corpora."""
    source = _Source(readability)
    dumps = sorted((corpus / "dumps-dev2" / "dump").glob("rp-*.txt"))
    if not dumps:
        print(f"no dumps-dev2 dumps under {corpus}")
        return 2
    differ = [path.stem for path in dumps if html_to_dump(
        source.read(f"test/test-pages/{path.stem[3:]}/source.html")
    ) != path.read_text(encoding="utf-8")]
    print(f"{len(dumps) - len(differ)} of {len(dumps)} dumps-dev2 dumps written byte for byte"
          + (f"; differ: {' '.join(differ)}" if differ else ""))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path,
                        help="checkout or bare git mirror of "
                        "scrapinghub/article-extraction-benchmark")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    parser.add_argument("--no-comments", action="store_true",
                        help="leave HTML comments out of the dumps (the corpora keep them)")
    parser.add_argument("--check", type=Path, metavar="READABILITY",
                        help="instead: compare with dumps-dev2, given a checkout or git mirror "
                        "of mozilla/readability")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                        help="the corpora, for --check (default: ../shared/corpus)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.check, args.corpus)
    if args.source is None:
        parser.print_usage()
        print("give the path of a checkout or git mirror of "
              "https://github.com/scrapinghub/article-extraction-benchmark", file=sys.stderr)
        return 2
    return make(args.source, args.out, comments=not args.no_comments)


if __name__ == "__main__":
    sys.exit(main())
