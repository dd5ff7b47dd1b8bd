"""Make a fourth dump set for ``bench/clean_dumps.py`` from the Dragnet benchmark data.

The source is Moz's Dragnet data, https://github.com/seomoz/dragnet_data (collected in
2012 by Kurtis Bohrnstedt for "Content Extraction Using Diverse Feature Sets", WWW 2013;
the data is under the AGPLv3, the pages themselves © their publishers): 1,381 news and
blog pages as HTML, and for each a hand-corrected text, ``Corrected/<id>.html.corrected.txt``,
in which the line ``!@#$%^&*()  COMMENTS`` separates the article from its comments.
``test.txt`` names the 414 pages of the authors' test split; only those are made by
default, so the set is the one the Dragnet paper reports on.

The repository keeps the HTML in ``dragnet_HTML.tar.gz``, a file too large for some
snapshots; the same pages are mirrored one file each in
https://github.com/j-szulc/html-cleaning-dataset-merged (``dragnet_data/input/<id>.html``;
its ``GoldStandard/<id>.txt`` files are byte-identical to ``Corrected/``), so ``--html``
may point there. Each page becomes the corpora's dump by
:func:`make_dumps.html_to_dump` (one dumper for every set); pages from 2012 come in
several encodings, so the bytes are decoded first (:func:`decode_page`). The gold is the
article part of the corrected text (before the comments marker), one paragraph per line.
Output (never commit it: ``bench/work/`` is gitignored)::

    bench/work/dumps-dragnet/dump/dn-<id>.txt
    bench/work/dumps-dragnet/gold/dn-<id>.txt

Run: ``.venv/bin/python bench/make_dumps_dragnet.py SOURCE [--html HTML] [--split all]``,
where SOURCE is a checkout or bare git mirror of seomoz/dragnet_data (``Corrected/``
extracted, or the ``dragnet_Corrected.tar.gz`` it ships) and HTML one of that
repository with ``HTML/`` extracted or of the merged mirror above (default: SOURCE).
"""

from __future__ import annotations

import argparse
import codecs
import io
import re
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_dumps import ROOT, _Source, gold_text, html_to_dump

DEFAULT_OUT = ROOT / "bench" / "work" / "dumps-dragnet"
COMMENTS_MARK = "!@#$%^&*()  COMMENTS"
"""Where the Dragnet data's corrected text passes from the article to its comments."""
COMMENTS_LINE = re.compile(r"^[^\w\n]*[!@#$%^&*][^\w\n]*COMMN?ENTS[ \t]*$", re.MULTILINE)
"""The marker as the hand-corrected files really print it: 22 of the 1,381 (16 of the
training split, 6 of the test split) have a slip ("!@ $%^&*() COMMENTS", "!@#$%^&*
COMMENTS", one space), and one of the training split misspells the word ("COMMNENTS");
any line of symbols then "COMMENTS" is the marker."""
HTML_PLACES = ("HTML/{id}.html", "dragnet_data/input/{id}.html")
"""Where a page's HTML is, in seomoz/dragnet_data (extracted) and in the merged mirror."""
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of a file of unknown encoding: a byte-order mark wins, then strict UTF-8, then
    the declared charset, then Windows-1252 (what 2012 pages that say nothing were)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:  # a charset name Python does not know
            pass
    return data.decode("cp1252", errors="replace")


def decode_page(html: bytes) -> str:
    """A page's text, by the charset its first ``<meta>`` declares when it is not UTF-8."""
    found = _CHARSET.search(html[:4096])
    return decode_bytes(html, found.group(1).decode("ascii") if found else None)


def article_gold(corrected: bytes) -> str:
    """The article part of a corrected text, in the gold format of the other sets."""
    text = decode_bytes(corrected).replace("\r\n", "\n").replace("\r", "\n")
    return gold_text(COMMENTS_LINE.split(text, 1)[0])


def _corrected(source: _Source) -> dict[str, bytes]:
    """Every corrected text by page id, from ``Corrected/`` or the archive that holds it."""
    folder = source.path / "Corrected"
    if source.tree and folder.is_dir():
        return {path.name.removesuffix(".html.corrected.txt"): path.read_bytes()
                for path in folder.glob("*.html.corrected.txt")}
    archive = source.maybe("dragnet_Corrected.tar.gz")
    if archive is None:
        raise SystemExit(f"{source.path}: no dragnet_Corrected.tar.gz")
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if member.isfile() and name.endswith(".html.corrected.txt"):
                handle = tar.extractfile(member)
                if handle is not None:
                    found[name.removesuffix(".html.corrected.txt")] = handle.read()
    return found


def make(source_path: Path, html_path: Path, out: Path, split: str) -> int:
    source, pages = _Source(source_path), _Source(html_path)
    corrected = _corrected(source)
    ids = sorted(corrected) if split == "all" else source.read(f"{split}.txt").decode().split()
    for sub in ("dump", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).glob("dn-*.txt"):
            old.unlink()
    missing = []
    for page_id in ids:
        html = next((data for place in HTML_PLACES
                     if (data := pages.maybe(place.format(id=page_id))) is not None), None)
        if html is None or page_id not in corrected:
            missing.append(page_id)
            continue
        name = f"dn-{page_id}.txt"
        (out / "dump" / name).write_text(html_to_dump(decode_page(html)), encoding="utf-8")
        (out / "gold" / name).write_text(article_gold(corrected[page_id]), encoding="utf-8")
    print(f"wrote {len(ids) - len(missing)} dumps and gold texts to {out}"
          + (f"; no HTML or gold for {len(missing)}: {' '.join(missing[:10])}" if missing else ""))
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path,
                        help="checkout or bare git mirror of seomoz/dragnet_data")
    parser.add_argument("--html", type=Path,
                        help="where the pages are, when SOURCE lacks them: a checkout or git "
                        "mirror of j-szulc/html-cleaning-dataset-merged (default: SOURCE)")
    parser.add_argument("--split", choices=("test", "training", "all"), default="test",
                        help="Dragnet's split to make (default: test, 414 pages)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    return make(args.source, args.html or args.source, args.out, args.split)


if __name__ == "__main__":
    sys.exit(main())
