"""Datelines and path dates: the shapes news uses, always timezone-aware, None otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from news_digest.frontmatter import load_front_matter, split_front_matter
from news_digest.ingest.dates import date_from_path, parse_dateline
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

EST = timezone(timedelta(hours=-5))
JAN4 = datetime(2019, 1, 4, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Friday, January 4, 2019", JAN4),
        ("January 4, 2019", JAN4),
        ("4 January 2019", JAN4),
        ("Friday 4th January 2019", JAN4),
        ("2019-01-04", JAN4),
        ("Jan 4 2019", JAN4),
        ("Jan. 4, 2019 4:08 pm EST", datetime(2019, 1, 4, 16, 8, tzinfo=EST)),
        ("December 29, 2014 4:08 pm EST", datetime(2014, 12, 29, 16, 8, tzinfo=EST)),
        ("Sept. 3, 2020, 9:15 a.m. PDT",
         datetime(2020, 9, 3, 9, 15, tzinfo=timezone(timedelta(hours=-7)))),
        ("Updated 12 March 2021 18:30 GMT", datetime(2021, 3, 12, 18, 30, tzinfo=UTC)),
        ("MUMBAI Tue Dec 30, 2014 4:33pm IST",
         datetime(2014, 12, 30, 16, 33, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
        ("2020-01-08T02:00:00+00:00", datetime(2020, 1, 8, 2, tzinfo=UTC)),
        ("2020-01-08T02:00:00-0500", datetime(2020, 1, 8, 2, tzinfo=EST)),
        ("Jan. 4, 2019 12:05 am", datetime(2019, 1, 4, 0, 5, tzinfo=UTC)),
    ],
)
def test_dateline_shapes(line: str, expected: datetime) -> None:
    parsed = parse_dateline(line)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "line",
    ["", "World", "Posted yesterday", "February 30, 2019", "2019-13-01", "May 2019",
     "13:45 EST", "Room 2019, floor 4", "Jan. 4, 2019 13:05 pm"],
)
def test_not_a_date(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the time first, with or without a zone (QA round 2: a live blog's dateline)
        ("5:00PM GMT 31 Dec 2014", datetime(2014, 12, 31, 17, tzinfo=UTC)),
        ("5:00PM EST 31 Dec 2014", datetime(2014, 12, 31, 17, tzinfo=EST)),
        ("17:00, Wednesday 31 December 2014", datetime(2014, 12, 31, 17, tzinfo=UTC)),
        ("9:15 a.m. ET, Dec. 31, 2014", datetime(2014, 12, 31, 9, 15, tzinfo=EST)),
        ("Updated 10.30 on 4 May 2014", datetime(2014, 5, 4, 10, 30, tzinfo=UTC)),
        # a machine stamp: ISO date, time, a fraction of a second, a zone after a space
        ("2014-12-31 17:13:38.0 EST", datetime(2014, 12, 31, 17, 13, 38, tzinfo=EST)),
        ("2014-12-31 17:13:38.123 +0100",
         datetime(2014, 12, 31, 17, 13, 38, tzinfo=timezone(timedelta(hours=1)))),
        # a time after the date, behind a bar
        ("December 18, 2014 | 11:38pm", datetime(2014, 12, 18, 23, 38, tzinfo=UTC)),
    ],
)
def test_time_first_and_machine_stamp_shapes(line: str, expected: datetime) -> None:
    parsed = parse_dateline(line)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "line",
    ["5:00PM GMT 31 Dec", "5:00 31/12/2014", "17:00 12/31/2014", "25:00 GMT 31 Foo 2014",
     "Score 5:00 31 points 2014", "17:13:38.0", "5:00PM GMT", "2014-12-32 17:13:38.0",
     "12:30 2014"],
)
def test_close_to_the_new_shapes_but_not_a_date(line: str) -> None:
    assert parse_dateline(line) is None


def test_every_result_is_timezone_aware() -> None:
    for line in ("January 4, 2019", "2019-01-04", "Jan 4, 2019 4:08 pm XYZ"):
        parsed = parse_dateline(line)
        assert parsed is not None and parsed.tzinfo is not None


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("2020-01-08/x.txt", datetime(2020, 1, 8, tzinfo=UTC)),
        ("2020/01/08/x.txt", datetime(2020, 1, 8, tzinfo=UTC)),
        ("2019-01-04_Title.txt", JAN4),
        ("news/20190104-story.html", JAN4),
        ("000_5e547131be4d3005.txt", None),
        ("2019-13-45/x.txt", None),
        ("x/12019-01-04.txt", None),
    ],
)
def test_date_from_path(rel: str, expected: datetime | None) -> None:
    assert date_from_path(rel) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_dateline(text)
    date_from_path(text)


def test_a_dateline_a_days_scrape_shares_dates_every_post(tmp_path: Path) -> None:
    """Three articles of one source scraped the same day share their dateline. A line
    repeated across a source's pages is learned as its chrome; the dateline must not be,
    or every post of that day is dated the day of the build."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    stories = {
        "one": ("Harbour bridge reopens", "The harbour bridge reopened to traffic after "
                "six weeks of repairs to its deck, the city council said."),
        "two": ("Ferry fares to rise", "Ferry fares will rise by a tenth from the spring, "
                "the operator said, blaming the price of fuel and wages."),
        "three": ("New library opens", "The new library opened its doors to readers, "
                  "with room for twice as many books as the old one had."),
    }
    for name, (title, body) in stories.items():
        (seeds / f"{name}.txt").write_text(
            f"{title}\n\nThursday, October 10, 2019\n\n{body} It was a busy day for the "
            f"town, and most people who spoke to reporters said that they were glad.\n",
            encoding="utf-8")
    s = Settings(seeds=seeds, content=tmp_path / "content",
                 data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    report = ingest(s)
    assert len(report.new) == 3
    for rel in report.new:
        head, _ = split_front_matter((s.content / rel).read_text(encoding="utf-8"))
        front = load_front_matter(head, rel)
        assert str(front["date"]).startswith("2019-10-10"), (rel, front["date"])
        assert front["date_source"] == "dateline"


def test_a_time_first_dateline_dates_the_post(tmp_path: Path) -> None:
    """A live blog prints its time before the date ("5:00PM EST 31 Dec 2014"): the post
    is dated by it, time and zone included, not by the file's mtime or the day alone."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "blog.txt").write_text(
        "Search resumes at dawn: latest\n\nBy Jane Doe\n\n5:00PM EST 31 Dec 2014\n\n"
        "Search teams are to resume looking for the missing aircraft at dawn, the rescue "
        "agency said, after bad weather stopped the work for most of the day.\n\n"
        "Ships and aircraft from four countries have joined the search, which covers an "
        "area of the sea about the size of a small country, officials said.\n",
        encoding="utf-8")
    s = Settings(seeds=seeds, content=tmp_path / "content",
                 data_dir=tmp_path / "data", ner_backend="rules", processes=1)
    report = ingest(s)
    assert len(report.new) == 1
    head, _ = split_front_matter((s.content / report.new[0]).read_text(encoding="utf-8"))
    front = load_front_matter(head, report.new[0])
    assert front["date_source"] == "dateline"
    assert str(front["date"]) == "2014-12-31T22:00:00+00:00", front["date"]
