"""Make a sixth dump set for ``bench/clean_dumps.py`` from L3S-GN1, boilerpipe's news set.

The source is L3S-GN1 (Kohlschütter, Fankhauser and Nejdl, "Boilerplate Detection using
Shallow Text Features", WSDM 2010): 621 English news pages that Google News linked in
2008, each annotated by hand in a copy of the page whose text runs are wrapped in
``<span class="x-nc-selN">``: 1 headline, 2 full text, 3 supplemental (decks, captions),
4 related content, 5 user comments, 0 not content. It is mirrored, page and annotated copy
side by side, in https://github.com/j-szulc/html-cleaning-dataset-merged
(``page-signal-master/input/<uuid>.html`` and ``page-signal-master/GoldStandard/<uuid>.txt``);
the pages are © their publishers and nothing of them is committed here.

Each page becomes the corpora's dump by :func:`make_dumps.html_to_dump` (one dumper for
every set). The gold is the text the annotators marked "full text" (class 2), one block
per line with the dumper's own block rules, so gold and dump split text alike: the
headline, supplemental text, related links and comments are not article text here, as
in the other sets' gold (the cleaner keeps a caption apart from the body it is scored on).

The pages are split in two halves by the first hex digit of their id (0-7, 8-f), a split
fixed before any page was read: ``dumps-l3s-a`` may be read to find what the cleaner gets
wrong, ``dumps-l3s-b`` is for measuring only, so a change found on the first half is
confirmed on the second. Output (never commit it: ``bench/work/`` is gitignored)::

    bench/work/dumps-l3s-a/dump/l3s-<uuid8>.txt   (and gold/)
    bench/work/dumps-l3s-b/dump/l3s-<uuid8>.txt   (and gold/)

Run: ``.venv/bin/python bench/make_dumps_l3s.py SOURCE``, where SOURCE is a checkout or
bare git mirror of j-szulc/html-cleaning-dataset-merged; ``--out`` changes the output folder.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_dumps import BLOCK, DROPPED, ROOT, _Blocks, _Source, html_to_dump
from make_dumps_dragnet import decode_page

DEFAULT_OUT = ROOT / "bench" / "work"
HALVES = {"a": "01234567", "b": "89abcdef"}
"""The two halves, by the first hex digit of a page's id."""
FOLDER = "page-signal-master"
FULL_TEXT = "x-nc-sel2"
"""The annotators' class for the article's full text."""
_LABEL = re.compile(r"\bx-nc-sel\d\b")


def annotated_gold(html: str) -> str:
    """The full-text runs of an annotated page, one block a line, blank lines between.

    A run's label is its nearest labelled ancestor's; text outside any labelled span is
    not content, but still parts the words on either side of it (the annotators' spans
    often leave the space between a link and its sentence unlabelled). Walked without
    recursion, as the dumper walks (broken pages nest deep).
    """
    import lxml.html

    root = lxml.html.document_fromstring(html.encode("utf-8"),
                                         parser=lxml.html.HTMLParser(encoding="utf-8"))
    body = root.find("body")
    out = _Blocks()
    stack: list = [((body if body is not None else root), None)]
    while stack:
        el, label = stack.pop()
        if el is None:
            out.end()
            continue
        if isinstance(el, str):
            out.add(el if label == FULL_TEXT else " ")
            continue
        tag = el.tag
        if not isinstance(tag, str):  # comments: never annotated text
            if el.tail:
                out.add(el.tail if label == FULL_TEXT else " ")
            continue
        name = tag.rsplit("}", 1)[-1].lower()
        if name in DROPPED:
            if el.tail:
                out.add(el.tail if label == FULL_TEXT else " ")
            continue
        if name == "br":
            out.end()
            if el.tail:
                out.add(el.tail if label == FULL_TEXT else " ")
            continue
        own = _LABEL.search(el.get("class") or "")
        inner = own.group(0) if own else label
        if el.tail:
            stack.append((el.tail, label))
        if name in BLOCK:
            out.end()
            stack.append((None, None))
        if el.text:
            out.add(el.text if inner == FULL_TEXT else " ")
        stack.extend((child, inner) for child in reversed(el))
    out.end()
    return "\n\n".join(out.blocks) + "\n" if out.blocks else ""


def make(source_path: Path, out: Path) -> int:
    source = _Source(source_path)
    ids = [Path(name).stem for name in source.names(f"{FOLDER}/input") if name.endswith(".html")]
    for half in HALVES:
        for sub in ("dump", "gold"):
            (out / f"dumps-l3s-{half}" / sub).mkdir(parents=True, exist_ok=True)
            for old in (out / f"dumps-l3s-{half}" / sub).glob("l3s-*.txt"):
                old.unlink()
    written, empty, missing = 0, [], []
    for page_id in ids:
        html = source.maybe(f"{FOLDER}/input/{page_id}.html")
        annotated = source.maybe(f"{FOLDER}/GoldStandard/{page_id}.txt")
        if html is None or annotated is None:
            missing.append(page_id)
            continue
        gold = annotated_gold(decode_page(annotated))
        if not gold.strip():  # a page the annotators marked no full text on: nothing to score
            empty.append(page_id)
            continue
        name = f"l3s-{page_id[:8]}.txt"
        folder = out / next(f"dumps-l3s-{half}" for half, digits in HALVES.items()
                            if page_id[0].lower() in digits)
        (folder / "dump" / name).write_text(html_to_dump(decode_page(html)), encoding="utf-8")
        (folder / "gold" / name).write_text(gold, encoding="utf-8")
        written += 1
    print(f"wrote {written} dumps and gold texts to {out}"
          + (f"; {len(empty)} pages with no full text left out" if empty else "")
          + (f"; no page or annotation for {len(missing)}: {' '.join(missing[:10])}"
             if missing else ""))
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path,
                        help="checkout or bare git mirror of j-szulc/html-cleaning-dataset-merged")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"folder for the two sets (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    return make(args.source, args.out)


if __name__ == "__main__":
    sys.exit(main())
