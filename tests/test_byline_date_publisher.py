"""A date on the byline's line, a date under the byline, and the publisher read only from
a real copyright notice (QA round 2, HIGH 1 and 2). Fixtures are written for the tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_parts import split_byline
from news_digest.ingest.workers import publisher_from
from news_digest.model import Draft, Removed

ET = timezone(timedelta(hours=-5))
PROSE = [
    "Mars is the fourth planet from the sun, and the only one besides Earth that robots "
    "have driven across, looking for signs of water and of life.",
    "The planet is about half the size of Earth, and its thin air is mostly carbon "
    "dioxide, which is why it is so cold at the surface most of the year.",
    "Scientists think rivers once ran across its surface, and some of the water may "
    "still be frozen in the ground near the poles, where the probes have looked.",
    "Several missions are planned for the next ten years, and one of them will bring "
    "rock samples back to laboratories on Earth for the first time in history.",
]


def page(*head: str, middle: tuple[str, ...] = ()) -> str:
    body = [PROSE[0], PROSE[1], *middle, PROSE[2], PROSE[3]]
    return "\n\n".join(["Mars facts: life, water and robots | Example Science", *head, *body])


# --- a date that shares the byline's line --------------------------------------------------


def test_a_byline_with_a_date_gives_the_byline_and_the_date() -> None:
    line = "by Jane Q. Doe, Science Contributor | November 04, 2014 09:00pm ET"
    draft = clean_text(page("Science", line))
    assert draft.byline == "by Jane Q. Doe, Science Contributor"
    assert draft.dateline == "November 04, 2014 09:00pm ET"
    assert draft.date == datetime(2014, 11, 4, 21, tzinfo=ET)
    assert list(draft.paragraphs) == PROSE


@pytest.mark.parametrize(
    ("line", "byline", "date"),
    [
        ("By Jane Doe, Jan 4, 2019", "By Jane Doe", "Jan 4, 2019"),
        ("By Jane Doe on January 4, 2019", "By Jane Doe", "January 4, 2019"),
        ("By Jane Doe · 5:00PM GMT 31 Dec 2014", "By Jane Doe", "5:00PM GMT 31 Dec 2014"),
        ("By Jane Doe — 2014-12-31 17:13:38.0", "By Jane Doe", "2014-12-31 17:13:38.0"),
        ("By Jane Doe, Staff Writer, Tuesday, March 3, 2015.", "By Jane Doe, Staff Writer",
         "Tuesday, March 3, 2015"),
        ("By Jane Doe | Jan 4, 2019 | 3 comments", "By Jane Doe", "Jan 4, 2019"),
        # no separator before the date, or words after it: the line is left whole
        ("By Jane Doe Jan 4, 2019", "By Jane Doe Jan 4, 2019", None),
        ("By Jane Doe | Jan 4, 2019 in London", "By Jane Doe | Jan 4, 2019 in London", None),
        ("By Jane Doe", "By Jane Doe", None),
    ],
)
def test_split_byline(line: str, byline: str, date: str | None) -> None:
    assert split_byline(line) == (byline, date)


def test_a_dateline_near_the_body_still_comes_before_the_bylines_date() -> None:
    draft = clean_text(page("By Jane Doe | November 04, 2014", "Friday, November 7, 2014"))
    assert draft.byline == "By Jane Doe"
    assert draft.dateline == "Friday, November 7, 2014"
    assert draft.date == datetime(2014, 11, 7, tzinfo=UTC)


# --- a date line under the byline, past the head window ------------------------------------


def test_a_dateline_just_under_the_byline_below_the_standfirst() -> None:
    """Headline, a standfirst (the first prose line), page widgets, byline, then the
    time-first date: the date is past the window under the body's first line, but it is
    the byline's."""
    widgets = ("Opta Widget start Opta Widget end", "11317238",
               "remove the whitespace added before the end of the tag")
    text = "\n\n".join(["Search resumes: latest | Example News", "Search resumes: latest",
                        PROSE[0], *widgets, "By Jane Doe and John Roe",
                        "5:00PM GMT 31 Dec 2014", *PROSE[1:]])
    draft = clean_text(text)
    assert draft.byline == "By Jane Doe and John Roe"
    assert draft.dateline == "5:00PM GMT 31 Dec 2014"
    assert draft.date == datetime(2014, 12, 31, 17, tzinfo=UTC)
    assert PROSE[0] in draft.paragraphs  # the standfirst is not dropped as "above the date"


def test_a_date_in_the_body_is_not_the_dateline() -> None:
    dated = "17:00 GMT 31 Dec 2014"
    draft = clean_text(page(middle=(PROSE[0], PROSE[1], PROSE[2], dated)))
    assert draft.dateline is None and draft.date is None
    by = clean_text(page(middle=(PROSE[0], PROSE[1], PROSE[2], "By Jane Doe", dated)))
    assert by.date is None


# --- the publisher: only from a copyright notice -------------------------------------------


def removed(text: str, reason: str = "copyright") -> Draft:
    return Draft(title="", paragraphs=(), removed=(Removed(text, reason),))


@pytest.mark.parametrize(
    ("text", "reason", "owner"),
    [
        ("© Copyright 2015 NYP Holdings, Inc. All rights reserved", "copyright",
         "NYP Holdings"),
        ("Copyright 2015 NYP Holdings. All rights reserved.", "copyright", "NYP Holdings"),
        ("© 2010-2015 Example Media Group. All Rights Reserved.", "repeated across source",
         "Example Media Group"),
        ("This material may not be republished. ©2014 Example News Network, LLC. All "
         "rights reserved.", "copyright", "Example News Network"),
        ("© 2019 Example Holdings, Inc. All Rights Reserved | Terms of Use | Privacy",
         "script/css", "Example Holdings"),
        ("Copyright © 2014 All Rights Reserved.", "copyright", None),
        # the QA page: an analytics tag's comment, shown as text
        ("Begin comScore Tag End comScore Tag START OF SmartSource Data Collector TAG "
         "Copyright (c) 1996-2009 WebTrends Inc. All rights reserved. Version: 8.6.0 Tag "
         "Builder Version: 2.1.0 Created: 2/9/2009 17:21:12 END OF SmartSource Data "
         "Collector TAG", "not prose", None),
        ("START OF Data Collector TAG Copyright (c) 2009 Tracker Inc. All rights reserved.",
         "copyright", None),
        ("Copyright (c) 2009 Tracker Inc. All rights reserved. var tag = {id: 1};",
         "not prose", "Tracker"),
    ],
)
def test_publisher_only_from_a_notice(text: str, reason: str, owner: str | None) -> None:
    assert publisher_from(removed(text, reason)) == owner


def test_a_copyright_in_script_text_gives_no_publisher_through_the_cleaner() -> None:
    script = ("Begin comScore Tag End comScore Tag START OF SmartSource Data Collector TAG "
              "Copyright (c) 1996-2009 WebTrends Inc. All rights reserved. Version: 8.6.0 "
              "Tag Builder Version: 2.1.0 Created: 2/9/2009 17:21:12 END OF SmartSource "
              "Data Collector TAG Begin BlueKai Tag End BlueKai Tag")
    assert publisher_from(clean_text(page("By Jane Doe") + "\n\n" + script)) is None
    footer = "© Copyright 2015 NYP Holdings, Inc. All rights reserved"
    assert publisher_from(clean_text(page("By Jane Doe") + "\n\n" + footer)) == "NYP Holdings"
