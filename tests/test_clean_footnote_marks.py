"""Footnote marks are prose, not code (issue #12, round 9).

An encyclopaedia-style paragraph cites its sources with marks such as "[12]" after
almost every clause. Each mark's two brackets counted as code punctuation, so a
paragraph dense with them was named "script/css" and dropped from the middle of the
article. The marks ("[12]", "[a]", "[citation needed]") are now left out of the code
count; real code keeps its brackets. Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import read_lines
from news_digest.ingest.clean_rules import mark_rules

NAV = ["Main page", "Contents", "Random article", "Log in"]
CITED = ("The bridge opened in 1932[4] after six years of work[5][6] and was for a time "
         "the longest of its kind in the region.[7][8][9] Its designer later said that "
         "the budget[10] had been cut twice[11] and that the towers were lower than "
         "planned.[12][13][14][15][citation needed]")
STORY = [
    "The bridge carries a road and a railway across the estuary and is one of the best "
    "known buildings of the town, which grew up around the old ferry crossing.",
    CITED,
    "In the years after the war the deck was strengthened so that heavier lorries could "
    "use it, and the railway was moved onto a new track on the western side.",
]
FOOTER = ["Privacy", "About", "Disclaimers", "Contact"]


def test_a_paragraph_dense_with_footnote_marks_is_kept() -> None:
    text = "\n\n".join(["Old bridge - Example Encyclopedia", *NAV, *STORY, *FOOTER])
    assert list(clean_text(text).paragraphs) == STORY


def test_code_with_brackets_is_still_code() -> None:
    lines = read_lines("\n".join(["items[0] = items[1] + values[2]; total[3] = sum[4];",
                                  "var x = [1, 2, 3]; y[0] = x[2];"]))
    mark_rules(lines, frozenset())
    assert [line.reason for line in lines] == ["script/css", "script/css"]
