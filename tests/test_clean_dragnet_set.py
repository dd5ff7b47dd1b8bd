"""The fourth measuring set's reader (``bench/make_dumps_dragnet.py``), on made-up files.

Nothing here comes from the Dragnet data: each page and corrected text is written for
the test, in the layout of a seomoz/dragnet_data checkout (``HTML/``, ``Corrected/``,
``test.txt``).
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import make_dumps_dragnet as dn  # noqa: E402


def test_pages_of_2012_decode_by_mark_then_utf8_then_declared_charset() -> None:
    assert dn.decode_bytes("café".encode("utf-16")) == "café"
    assert dn.decode_bytes("café".encode()) == "café"
    assert dn.decode_bytes("caf\xe9 \u2019".encode("cp1252")) == "caf\xe9 \u2019"
    page = '<meta charset="koi8-r"><p>мир</p>'.encode("koi8-r")
    assert "мир" in dn.decode_page(page)
    assert dn.decode_bytes(b"caf\xe9", declared="no-such-codec") == "caf\xe9"


def test_the_gold_is_the_article_before_the_comments_marker() -> None:
    corrected = ("Headline\r\n\r\nFirst  paragraph.\r\n"
                 f"{dn.COMMENTS_MARK}\r\nA reader wrote this.\r\n").encode()
    assert dn.article_gold(corrected) == "Headline\n\nFirst paragraph.\n"


def test_a_marker_with_a_slip_still_ends_the_article() -> None:
    """Some hand-corrected files print the marker with a typo or one space."""
    for mark in ("!@ $%^&*() COMMENTS", "!@#$%^&* COMMENTS", "!#@$%^&*() COMMENTS"):
        corrected = f"Headline\n\nFirst paragraph.\n{mark}\nA reader wrote this.\n"
        assert dn.article_gold(corrected.encode()) == "Headline\n\nFirst paragraph.\n"


def test_make_writes_one_dump_and_gold_per_page_of_the_split(tmp_path: Path) -> None:
    source = tmp_path / "dragnet_data"
    (source / "HTML").mkdir(parents=True)
    (source / "Corrected").mkdir()
    for page_id in ("7", "R9"):
        (source / "HTML" / f"{page_id}.html").write_text(
            f"<html><head><title>Page {page_id}</title></head>"
            f"<body><div>Menu</div><p>Story {page_id} text.</p></body></html>")
        (source / "Corrected" / f"{page_id}.html.corrected.txt").write_text(
            f"Story {page_id} text.\n{dn.COMMENTS_MARK}\nNice post!\n")
    (source / "test.txt").write_text("R9\n")
    out = tmp_path / "out"
    assert dn.make(source, source, out, "test") == 0
    assert sorted(p.name for p in (out / "dump").iterdir()) == ["dn-R9.txt"]
    assert (out / "dump" / "dn-R9.txt").read_text() == "Page R9\n\nMenu\n\nStory R9 text.\n"
    assert (out / "gold" / "dn-R9.txt").read_text() == "Story R9 text.\n"
    assert dn.make(source, source, out, "all") == 0
    assert len(list((out / "gold").iterdir())) == 2
