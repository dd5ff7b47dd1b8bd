"""Round 14 of the cleaner (docs/cleaning.md, "Round 14"): a seed that starts with its
story (no title line), a seed of one sentence, picture furniture in a body. Every page
here is written for the test; real ingests into temp folders where a user would look at
the post."""

from __future__ import annotations

from pathlib import Path

import pytest

from news_digest import frontmatter
from news_digest.ingest.clean import NO_TITLE, clean_text
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

SENTENCE = ("A bomb went off on Friday night at a bank branch in the harbour town, "
            "wounding two of the staff who were locking up, the police said.")
SECOND = ("The branch had closed an hour earlier and no customers were inside, a "
          "spokesman for the bank said on Saturday.")


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir()
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)


def post_of(site: Settings) -> tuple[dict, str]:
    posts = sorted(site.content.rglob("*.md"))
    assert len(posts) == 1, posts
    yaml_text, body = frontmatter.split_front_matter(posts[0].read_text(encoding="utf-8"))
    assert yaml_text is not None
    return frontmatter.load_front_matter(yaml_text, str(posts[0])), body


# --- "nothing lost": a seed of one line ---------------------------------------------------


def test_a_seed_of_megabytes_of_prose_is_a_post_with_its_body_capped(site: Settings) -> None:
    """One sentence repeated over 2 MB on one line is prose, so it is written; a 2 MB
    article page (and feed item) would be no article a reader scrolls: the body stops at
    clean.BODY_MAX_CHARS, at a sentence's end, and the post says so."""
    from news_digest.ingest.clean import BODY_MAX_CHARS

    (site.seeds / "dump.txt").write_text(
        "Harbour council vote\n" + f"{SECOND} " * 20_000, encoding="utf-8")
    report = ingest(site)
    assert report.skipped == [] and len(report.new) == 1
    front, body = post_of(site)
    assert BODY_MAX_CHARS - len(SECOND) <= len(body.strip()) <= BODY_MAX_CHARS
    assert body.strip().endswith("said on Saturday.")
    assert any(w.startswith("the body was cut at 100,000 characters") for w in front["warnings"])


def test_a_seed_of_one_sentence_is_written_with_warnings(site: Settings) -> None:
    (site.seeds / "bomb.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    report = ingest(site)
    assert report.skipped == [] and len(report.new) == 1
    front, body = post_of(site)
    assert body.strip() == SENTENCE
    # longer than a headline: its first twelve words make the title
    assert front["title"] == " ".join(SENTENCE.split()[:12]) + "…"
    assert NO_TITLE in front["warnings"]
    assert any(w.startswith("cleaning found little text") for w in front["warnings"])
    again = ingest(site)
    assert again.skipped == [] and again.unchanged == 1


def test_a_seed_of_one_line_of_two_sentences_keeps_both(site: Settings) -> None:
    (site.seeds / "bomb.txt").write_text(f"{SENTENCE} {SECOND}", encoding="utf-8")
    ingest(site)
    front, body = post_of(site)
    assert body.strip() == f"{SENTENCE} {SECOND}"
    assert front["title"] == " ".join(SENTENCE.split()[:12]) + "…"
    assert NO_TITLE in front["warnings"]


def test_a_headline_length_first_sentence_is_the_title() -> None:
    short = "Two men were hurt when a crane fell on a house in the old town on Monday."
    draft = clean_text(f"{short} {SECOND}")
    assert draft.title == short
    assert draft.paragraphs == (f"{short} {SECOND}",)


def test_a_long_first_sentence_gives_a_shortened_title() -> None:
    long = ("After three days of talks in the capital that ran late into every night, "
            "the two unions and the rail company agreed on Sunday to a pay deal that "
            "ends the strike, the minister said.")
    draft = clean_text(long)
    assert draft.paragraphs == (long,)
    assert draft.title == " ".join(long.split()[:12]) + "…"


def test_a_story_without_a_title_line_keeps_its_first_paragraph() -> None:
    draft = clean_text(f"{SENTENCE}\n{SECOND}\n")
    assert draft.paragraphs[0] == SENTENCE and SECOND in draft.paragraphs
    assert NO_TITLE in draft.warnings


@pytest.mark.parametrize("line", [
    "Bomb explodes at bank branch in harbour town",
    "Is this the end of the high street as we have known it for fifty years?",
    "Minecraft 1.8 - The Bountiful Update - Minecraft Update News",
])
def test_a_seed_of_only_a_headline_is_still_skipped(site: Settings, line: str) -> None:
    (site.seeds / "head.txt").write_text(line + "\n", encoding="utf-8")
    report = ingest(site)
    assert [reason for _, reason in report.skipped] == [
        "no article text found (only boilerplate or a title)"]
    assert not list(site.content.rglob("*.md"))


def test_a_page_title_above_the_story_is_still_the_title() -> None:
    draft = clean_text(f"Bomb wounds two at harbour bank | The Coast Times\n{SENTENCE}\n"
                       f"{SECOND}\n")
    assert draft.title == "Bomb wounds two at harbour bank"
    assert draft.paragraphs == (SENTENCE, SECOND)
    assert NO_TITLE not in draft.warnings


# --- chrome let through between paragraphs (designed on dumps-dev2) -----------------------

PARAS = [
    "The town council met on Tuesday evening to discuss the plan for the new bridge, "
    "which has been delayed for more than two years by a dispute over its cost.",
    "Several residents told the meeting that the old bridge was no longer safe, and that "
    "they were tired of waiting for the work to begin on the river crossing.",
    "The mayor said that the council would vote on the final budget next month, and "
    "that she expected the work to start in the spring if the vote passed.",
    "A spokesman for the builders said that the company was ready to begin as soon as "
    "the money was approved, and that the bridge would take a year to build.",
]


def page(*middle: str, foot: tuple[str, ...] = ()) -> str:
    """A page: title, two paragraphs, the lines under test, two paragraphs, a footer."""
    return "\n".join(["Council to vote on bridge | The Town Paper", *PARAS[:2], *middle,
                      *PARAS[2:], "Share", "Comments", *foot]) + "\n"


def test_teaser_cards_between_paragraphs_are_dropped() -> None:
    cards = ("Have you ever wondered why the shops put the milk at the back of the store? "
             "As it turns out… Read more Read more",
             "Saving for a rainy day is harder than it looks, but a few small habits can "
             "make it... Continue reading")
    draft = clean_text(page(*cards))
    assert draft.paragraphs == tuple(PARAS)
    assert [r.reason for r in draft.removed if r.text in cards] == ["teaser", "teaser"]


def test_a_sentence_that_trails_off_or_asks_to_read_more_is_kept() -> None:
    kept = ("He said he would read more about it before the vote, and then... he paused.",
            "Residents who want to know more can read more on the council's notice board.")
    draft = clean_text(page(*kept))
    assert draft.paragraphs == (*PARAS[:2], *kept, *PARAS[2:])


def test_a_link_printed_three_times_is_dropped() -> None:
    card = "How to Cut Your Energy Bill How to Cut Your Energy Bill How to Cut Your Energy Bill"
    draft = clean_text(page(card))
    assert draft.paragraphs == tuple(PARAS)
    assert ("repeated phrase" in [r.reason for r in draft.removed if r.text == card])


def test_a_line_that_repeats_a_short_word_is_kept() -> None:
    chant = "They chanted: \"No more, no more, no more\" as the council filed into the hall."
    draft = clean_text(page(chant))
    assert chant in draft.paragraphs


@pytest.mark.parametrize("notice", [
    "This website and all documents on it are licensed under a Creative Commons "
    "Attribution 3.0 License.",
    "Except where otherwise noted, content on this site is licensed under the MIT license.",
])
def test_a_sites_licence_notice_is_dropped(notice: str) -> None:
    draft = clean_text(page(foot=(notice,)))
    assert draft.paragraphs == tuple(PARAS)
    assert ("copyright", notice) in [(r.reason, r.text) for r in draft.removed]


def test_a_sentence_about_a_licence_is_kept() -> None:
    sentence = ("The bridge's design software is licensed under the GNU General Public "
                "License, so other towns may use the plans for free, the engineer said.")
    draft = clean_text(page(sentence))
    assert sentence in draft.paragraphs


def test_later_pictures_credited_the_same_way_leave_the_body() -> None:
    steps = ["Dig a small hole in the soil. (Jane Roe)", "Set the plant in the hole. (Jane Roe)",
             "Water the plant well. (Jane Roe)"]
    draft = clean_text(page(*steps))
    assert draft.paragraphs == tuple(PARAS)
    assert {r.reason for r in draft.removed if r.text in steps} == {"caption"}


def test_a_name_in_brackets_once_or_twice_is_kept() -> None:
    asides = ["The vote was close, said one member of the council (Ann Lee).",
              "Another member disagreed with her view of the bridge (Tom Hart)."]
    draft = clean_text(page(*asides))
    assert draft.paragraphs == (*PARAS[:2], *asides, *PARAS[2:])



# --- a marked list is one unit ------------------------------------------------------------

CHANGES = ["+ Added a new kind of stone block, with a smooth version for building walls",
           "+ Added rabbits",
           "+ Added banners",
           "+ Villagers will now harvest their crops and plant new ones in the fields",
           "* Buttons can now be placed on the ceiling",
           "- Removed the old launcher",
           "+ Worlds can now have a border that players cannot cross without a command",
           "+ Doors and fences now come in all of the wood types that the game has to offer",
           "* The game now runs faster on older computers, and it loads the world sooner"]


def test_a_changelog_keeps_its_short_items() -> None:
    draft = clean_text("\n".join(["The Big Update | Game News", "The Big Update", *CHANGES,
                                  "Older posts", "Share", "Follow us"]) + "\n")
    assert "+ Added rabbits" in draft.paragraphs and "+ Added banners" in draft.paragraphs
    assert "- Removed the old launcher" in "\n".join(draft.paragraphs)
    assert len(draft.paragraphs) == len(CHANGES)


def test_a_share_button_in_a_marked_list_stays_out() -> None:
    draft = clean_text("\n".join(["The Big Update | Game News", *CHANGES, "- Share",
                                  "- Tweet"]) + "\n")
    assert not any("Share" in p or "Tweet" in p for p in draft.paragraphs)


def test_a_title_case_headline_with_a_full_stop_is_still_the_title() -> None:
    head = "She Was Tired Of Waiting For The Bus, So Here Is What She Did About It."
    draft = clean_text(f"{head}\n{SENTENCE}\n{SECOND}\n")
    assert draft.title == head and head not in draft.paragraphs
    assert NO_TITLE not in draft.warnings
