"""Reading seeds: encodings, normalisation, discovery order, refusals with reasons."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from news_digest.ingest.formats import read_all
from news_digest.ingest.seeds import (
    SeedError,
    Skipped,
    discover,
    load_index,
    read_seed,
)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café Zürich\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Café Zürich\n".encode(), "utf-8-sig"),
        ("Café Zürich\n".encode("utf-16"), "utf-16"),
        ("Café Zürich\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ],
)
def test_decodes_utf8_and_boms(tmp_path: Path, data: bytes, encoding: str) -> None:
    seed = read_seed(write(tmp_path / "a.txt", data), tmp_path)
    assert seed.text == "Café Zürich\n"
    assert seed.encoding == encoding
    assert seed.warnings == ()
    assert seed.sha256 == hashlib.sha256(data).hexdigest()


def test_cp1252_fallback_warns(tmp_path: Path) -> None:
    seed = read_seed(write(tmp_path / "a.txt", "Café “quoted”\n".encode("cp1252")), tmp_path)
    assert seed.text == "Café “quoted”\n"
    assert seed.encoding == "cp1252"
    assert "cp1252" in seed.warnings[0]


def test_normalises_line_endings_nfc_and_zero_width(tmp_path: Path) -> None:
    raw = "Cafe\u0301\r\nzero\u200bwidth\rsoft\u00adhyphen\r\n".encode()
    seed = read_seed(write(tmp_path / "a.txt", raw), tmp_path)
    assert seed.text == "Café\nzerowidth\nsofthyphen\n"


def test_keeps_emoji_joiners(tmp_path: Path) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    seed = read_seed(write(tmp_path / "a.txt", f"Title {family}\n".encode()), tmp_path)
    assert family in seed.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"abc\x00\x01\x02def", "NUL"),
        (b"\xff\xfe" + b"\x00\xd8", "invalid utf-16"),
    ],
)
def test_refuses_unusable_files_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(SeedError, match=reason):
        read_seed(write(tmp_path / "a.txt", data), tmp_path)


def test_discovery_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.html", ".hidden.txt", ".git/x.txt", "notes.md"):
        write(tmp_path / name, b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a/b/c.html", "a/z.txt", "b.txt"]


def test_discovery_lists_many_article_files_and_reports_unknown_kinds(tmp_path: Path) -> None:
    for name in ("a.json", "b.jsonl", "c.xml", "d.rss", "e.atom", "f.bin", "g.md",
                 "index.tsv", ".swp.bin", "sub/h.pdf"):
        write(tmp_path / name, b"x")
    unknown: list[Path] = []
    found = [p.name for p in discover(tmp_path, unknown)]
    assert found == ["a.json", "b.jsonl", "c.xml", "d.rss", "e.atom"]
    # index.tsv is metadata and hidden files are skipped quietly; the rest is named
    assert [p.relative_to(tmp_path).as_posix() for p in unknown] == ["f.bin", "g.md",
                                                                      "sub/h.pdf"]


def test_a_many_article_file_is_not_read_as_one_text(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="one seed per record"):
        read_seed(write(tmp_path / "a.jsonl", b'{"text": "x"}\n'), tmp_path)


def test_read_all_gives_one_seed_per_record(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", b'{"title": "One", "text": "Body one.", "url": "https://x.org/1"}\n'
          b'{"title": "No text"}\n{"title": "Two", "text": "Body two."}\n')
    results = list(read_all(tmp_path))
    seeds = [r for r in results if not isinstance(r, Skipped)]
    skips = [r for r in results if isinstance(r, Skipped)]
    assert [s.text for s in seeds] == ["Body one.", "Body two."]
    assert [str(s.path) for s in skips] == [f"{tmp_path / 'a.jsonl'}:2"]
    assert "no article text" in skips[0].reason


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "d/a.txt", b"Title\n\nBody text here.\n")
    (tmp_path / "d/loop").symlink_to(tmp_path / "d", target_is_directory=True)
    assert [p.name for p in discover(tmp_path)] == ["a.txt"]


def test_read_all_yields_skips_and_seeds_in_order(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", b"Title\n\nBody.\n")
    write(tmp_path / "2.txt", b"\x00\x00")
    results = list(read_all(tmp_path))
    assert results[0].rel == "1.txt"  # type: ignore[union-attr]
    assert "NUL" in results[1].reason  # type: ignore[union-attr]


def test_index_tsv(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "index.tsv",
          b"file\tdate\turl\na.txt\t2020-01-08\thttps://example.org/a\nbad\tline\tx\ty\n")
    index = load_index(tmp_path)
    assert index == {"a.txt": {"date": "2020-01-08", "url": "https://example.org/a"}}
    assert "index.tsv:3" in caplog.text
