"""Results kept between builds (``site/incremental/memo.py``): reused only for equal input."""

from __future__ import annotations

from pathlib import Path

from test_incremental import assert_same_site, cold_build, inc_build, root  # noqa: F401

from news_digest.site.incremental.memo import MEMO_DIR, remembered


def counting() -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"answer": len(calls)}

    return calls, compute


def test_equal_input_is_answered_from_the_last_build(tmp_path: Path) -> None:
    calls, compute = counting()
    first = remembered(tmp_path, "code", "resolve", [("2020-01-01", [("person", "A")])], compute)
    again = remembered(tmp_path, "code", "resolve", [("2020-01-01", [("person", "A")])], compute)
    assert first == again == {"answer": 1}
    assert len(calls) == 1


def test_other_input_or_other_code_computes_again(tmp_path: Path) -> None:
    _, compute = counting()
    remembered(tmp_path, "code", "resolve", ["a"], compute)
    assert remembered(tmp_path, "code", "resolve", ["b"], compute) == {"answer": 2}
    assert remembered(tmp_path, "new code", "resolve", ["b"], compute) == {"answer": 3}
    # one entry per name: the last build's
    assert remembered(tmp_path, "new code", "resolve", ["b"], compute) == {"answer": 3}
    assert remembered(tmp_path, "code", "resolve", ["a"], compute) == {"answer": 4}


def test_a_damaged_entry_is_computed_again_and_replaced(tmp_path: Path) -> None:
    _, compute = counting()
    remembered(tmp_path, "code", "resolve", ["a"], compute)
    (tmp_path / "resolve.pickle").write_bytes(b"\x80\x04 not a pickle")
    assert remembered(tmp_path, "code", "resolve", ["a"], compute) == {"answer": 2}
    assert remembered(tmp_path, "code", "resolve", ["a"], compute) == {"answer": 2}


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path) -> None:
    calls, compute = counting()
    remembered(None, "code", "resolve", ["a"], compute)
    remembered(None, "code", "resolve", ["a"], compute)
    assert len(calls) == 2
    assert not list(tmp_path.iterdir())


def test_a_build_keeps_its_resolution_and_survives_a_damaged_one(
        root: Path, tmp_path: Path) -> None:  # noqa: F811
    memo = root / "cache" / MEMO_DIR / "resolve.pickle"
    assert memo.is_file()
    memo.write_bytes(b"garbage")
    out = inc_build(root)
    assert_same_site(out, cold_build(root, tmp_path))
    assert memo.read_bytes() != b"garbage"
