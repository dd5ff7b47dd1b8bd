"""The story benchmarks' own arithmetic: the figures docs/stories.md quotes come from it.

``bench/stories_ecb.py`` (ROC AUC within a topic, the summary over orders),
``bench/stories_variants.py`` (the incremental replay of other join rules) and
``bench/stories_frames.py`` (event frames from spaCy's parse, and the frame conflict)
are checked on small hand-made inputs, without the corpus.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import stories_ecb  # noqa: E402
import stories_variants  # noqa: E402


def test_roc_auc_counts_pairs_ranked_right_and_ties_as_half() -> None:
    assert stories_ecb.roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert stories_ecb.roc_auc([0.1], [0.9]) == 0.0
    # 0.5 beats 0.4, ties 0.5 (half), loses to 0.6: (1 + 0.5 + 0) / 3
    assert stories_ecb.roc_auc([0.5], [0.4, 0.5, 0.6]) == pytest.approx(0.5)


def test_the_summary_reports_the_worst_order_not_only_the_mean() -> None:
    line = stories_ecb.summarise([(1.0, 0.5, 0.667), (0.8, 0.5, 0.615), (0.95, 0.4, 0.563)])
    assert "3 orders" in line
    assert "precision mean 0.917 (worst 0.800; >= 0.92 in 2)" in line
    assert "F1 mean 0.615 (worst 0.563)" in line


SIM = {frozenset(p): s for p, s in {
    ("a", "b"): 0.6, ("a", "c"): 0.5, ("b", "c"): 0.3,   # one event: a, b, c
    ("a", "x"): 0.1, ("b", "x"): 0.5, ("c", "x"): 0.1,   # x: a look-alike close to b only
}.items()}


def sim(a: str, b: str) -> float:
    return SIM[frozenset((a, b))]


def test_replay_is_incremental_and_average_linkage_keeps_out_a_one_member_look_alike() -> None:
    average = stories_variants.average(0.40)
    ids = stories_variants.assign(["a", "b", "c", "x"], average, sim, sim)
    assert ids["a"] == ids["b"] == ids["c"] == "a"  # the first article's story
    assert ids["x"] == "x"  # 0.5 to b, but (0.1 + 0.5 + 0.1) / 3 on average
    nearest = stories_variants.top(1, 0.45)
    assert stories_variants.assign(["a", "b", "c", "x"], nearest, sim, sim)["x"] == "a"
    # order matters, and nothing assigned is moved: c first starts its own story
    later = stories_variants.assign(["c", "x", "a", "b"], average, sim, sim)
    assert later["c"] == "c" and later["x"] == "x"


@lru_cache(maxsize=1)
def parser() -> Any:
    from news_digest.enrich.ner import model_dir

    path = model_dir()
    if path is None:
        pytest.skip("spaCy's English model is not installed")
    import spacy

    return spacy.load(path, exclude=["senter"])


def frames_of(text: str) -> list[Any]:
    import stories_frames

    return stories_frames.frames(parser()(text).sents)


def words(text: str) -> set[str]:
    return {w.strip(".,").lower() for w in text.split()}


def test_a_frame_holds_who_did_what_and_where_but_not_who_said_it() -> None:
    found = frames_of("Tara Reid checked into Promises Treatment Center, her publicist said.")
    verbs = {f.verb: f for f in found}
    assert "say" not in verbs  # the source, not the event
    check = verbs["check"]
    assert "reid" in check.roles["S"]
    assert "promises" in check.roles["Pinto"] or "center" in check.roles["Pinto"]


def test_frame_conflict_flags_another_doer_of_the_same_act_only() -> None:
    import stories_frames

    angels = "The Angels offered Teixeira an eight-year contract."
    red_sox = "The Red Sox offered Teixeira an eight-year contract."
    again = "The Angels offered Teixeira a contract worth $160 million."
    assert stories_frames.conflict(frames_of(angels), frames_of(red_sox),
                                   words(angels), words(red_sox))
    assert not stories_frames.conflict(frames_of(angels), frames_of(again),
                                       words(angels), words(again))
