"""Extractive summaries: lead sentences, boilerplate skipped, length cap, sentence splits."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from news_digest.enrich.pipeline import EnrichContext
from news_digest.enrich.summary import (
    quoted_share,
    split_sentences,
    summarize,
    summary_step,
    truncate,
)
from news_digest.model import Article, Draft, Source
from news_digest.settings import Settings

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5e547131be4d3005.txt"


def make(*paragraphs: str, title: str = "A headline", **draft: str) -> Article:
    return Article(draft=Draft(title=title, paragraphs=paragraphs, **draft),
                   source=Source(seed="x.txt", sha256="0" * 64),
                   date=datetime(2020, 1, 8, tzinfo=UTC), date_source="path", slug="x")


@pytest.mark.parametrize(("text", "expected"), [
    ("Gen. Qassem Soleimani was killed. The U.S. confirmed it.",
     ["Gen. Qassem Soleimani was killed.", "The U.S. confirmed it."]),
    ("Mr. Smith ran 7.96 seconds on Jan. 3 in London. He won.",
     ["Mr. Smith ran 7.96 seconds on Jan. 3 in London.", "He won."]),
    ('She said "it is over." Then she left.', ['She said "it is over."', "Then she left."]),
    ("President Donald J. Trump spoke. It was late.",
     ["President Donald J. Trump spoke.", "It was late."]),
    ("Troops stayed in the U.S. The war went on.", ["Troops stayed in the U.S.",
                                                     "The war went on."]),
    ("U.S. President Joe Biden met Dr. Jill Stein at 5 p.m. on Friday.",
     ["U.S. President Joe Biden met Dr. Jill Stein at 5 p.m. on Friday."]),
    ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
])
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_seed_summary_starts_with_the_lead() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    # A naive draft straight from the dump: headline repeat, caption and section label
    # are still among the paragraphs, and the summary must step over them.
    draft = Draft(title=lines[0], paragraphs=tuple(ln for ln in lines[1:] if ln.strip()))
    summary = summarize(draft, 300)
    assert summary is not None
    assert summary.startswith("Iran state TV announced that the regime has launched missiles "
                              "at U.S. troops")
    assert len(summary) <= 300


def test_skips_caption_dateline_byline_and_quote_only() -> None:
    article = make(
        "Friday, January 4, 2019",
        "By Jane Doe and John Roe",
        "The minister speaks in Paris on Monday. (Photo by Jean Dupont/Getty Images)",
        "World",
        '"We will never give up on this, whatever it costs us," the minister said.',
        "WASHINGTON (AP) — The Senate approved the budget bill on Thursday after a long "
        "debate over military spending.",
        "The vote was 52 to 48.",
        caption="Officials gather outside the building in the rain.",
    )
    [done] = summary_step([article], EnrichContext(Settings()))
    assert done.summary == ("The Senate approved the budget bill on Thursday after a long "
                            "debate over military spending.")


def test_second_sentence_added_only_when_it_fits() -> None:
    first = "The council approved the new bridge across the river after a two-year debate."
    second = "Work starts in the spring and should take eighteen months to complete."
    assert summarize(Draft(title="t", paragraphs=(f"{first} {second}",)), 300) == \
        f"{first} {second}"
    assert summarize(Draft(title="t", paragraphs=(f"{first} {second}",)), 100) == first


def test_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    sentence = ("The committee, which met for eleven hours behind closed doors, "
                "finally agreed on a sweeping package of reforms ") * 5 + "today."
    summary = summarize(Draft(title="t", paragraphs=(sentence,)), 120)
    assert summary is not None and summary.endswith("…")
    assert len(summary) <= 120
    body = summary[:-1]
    assert sentence.startswith(body)
    assert sentence[len(body)] == " "  # the cut falls between words


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
       st.integers(min_value=10, max_value=400))
def test_truncate_never_exceeds_the_limit(text: str, limit: int) -> None:
    out = truncate(text, limit)
    assert len(out) <= limit
    assert out == text or out.endswith("…")


def test_quote_share() -> None:
    assert quoted_share('"This is all a quote from someone," he said.') > 0.6
    assert quoted_share("Nothing quoted in this sentence at all.") == 0.0


def test_no_body_no_summary_and_existing_summary_kept() -> None:
    assert summarize(Draft(title="t", paragraphs=()), 300) is None
    article = make("A perfectly good opening sentence for the story goes here.")
    kept = summary_step([Article(**{**article.__dict__, "summary": "Curated."})],
                        EnrichContext(Settings()))
    assert kept[0].summary == "Curated."


def test_a_standfirst_without_a_full_stop_is_not_run_into_the_next_sentence() -> None:
    standfirst = ("Harbour towns are making more money from ferry tickets than from the "
                  "cargo trade itself")
    body = ("Cargo is heavily taxed in the region, driving the ports to look for other "
            "trade. The ferry market is set to grow this year.")
    assert summarize(Draft(title="t", paragraphs=(standfirst, body)), 300) == standfirst
    ended = standfirst + "."  # with its full stop, the next sentence may follow
    assert summarize(Draft(title="t", paragraphs=(ended, body)), 300).startswith(
        ended + " Cargo is heavily taxed")


def test_a_quote_spanning_sentences_is_not_read_as_the_reporters_words() -> None:
    """A judge's three-sentence quote, kept one sentence per line: its middle sentence has
    no quotation mark of its own, but it is the judge speaking, and a summary that
    printed it as narration would put his words in the outlet's mouth."""
    article = make(
        "A judge sentenced the gunman to multiple life terms on Saturday for the courthouse "
        "shootings.",
        '"I am not going to express outrage or any feeling I might have this morning.',
        "The jury has spoken and I respect the decision of the jury completely.",
        'I think the jury did everything it could to reach a unanimous sentence."',
        "The gunman was convicted of killing four people during his escape in 2005.",
    )
    [done] = summary_step([article], EnrichContext(Settings()))
    assert done.summary == (
        "A judge sentenced the gunman to multiple life terms on Saturday for the courthouse "
        "shootings. The gunman was convicted of killing four people during his escape in 2005.")
    assert "jury has spoken" not in done.summary


def test_a_stray_quotation_mark_does_not_silence_the_article() -> None:
    """An unclosed mark that nothing closes is a typo, not a quote: the next sentence
    still leads."""
    article = make(
        '"The council met on Monday.',
        "The council approved the new bridge across the river after a two-year debate.",
    )
    [done] = summary_step([article], EnrichContext(Settings()))
    assert done.summary == ("The council approved the new bridge across the river after a "
                            "two-year debate.")
