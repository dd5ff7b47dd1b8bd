"""A sentence that carries a web address is still a sentence (issue #12, round 8).

An embedded post ("… says the council http://t.co/… pic.twitter.com/…") or a line ending
"… more at www.example.org/report" used to be read with its addresses as words: their
pieces ("http", "t", "co", "Ab12Cd34") diluted its function words, their digits made it a
"data" line, and the address at its end hid the sentence's end, so a quoted post between
two paragraphs was dropped. Addresses are now left out of those three measures (a line
made mostly of addresses is still link text). Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import without_links

NAV = ["Home", "News", "Local", "Sport", "Weather", "Sign in"]
BEFORE = [
    "The old road to the harbour was closed for most of the winter after the storm in "
    "January washed away part of the bank below the bridge, and buses took a long detour.",
    "Engineers from the county spent six weeks rebuilding the bank with stone from the "
    "quarry above the town, working at night so that the fishing boats could still land.",
]
POST = ("Harbour bridge reopened to traffic this morning after six weeks of repairs, "
        "says @CityCouncil http://t.co/Ab12Cd34Ef pic.twitter.com/Xy9Zw8Qr1")
AFTER = [
    "Shop owners on the harbour front said the reopening came just in time for the spring "
    "markets, when most of their customers arrive by car from the villages along the coast.",
    "The council said the last of the repairs, new railings along the footpath, would be "
    "finished by the end of the month, and that the road would stay open while they are.",
]
FOOTER = ["About us", "Contact", "Careers", "Site map"]


def test_a_quoted_post_with_links_between_paragraphs_is_kept() -> None:
    page = "\n\n".join(["Harbour road reopens | Example News", *NAV, *BEFORE, POST,
                        "— City Council (@citycouncil) March 3, 2021", *AFTER, *FOOTER])
    paragraphs = clean_text(page).paragraphs
    assert POST in paragraphs
    assert all(p in paragraphs for p in [*BEFORE, *AFTER])
    assert not any(item in paragraphs for item in [*NAV, *FOOTER])


def test_a_line_of_addresses_is_link_text_not_data() -> None:
    """Only the measures of a sentence ignore its addresses: a line that is mostly
    addresses is link text. (Before, the digits in its addresses made it a "data" line,
    which follows its context, so between two paragraphs it was kept.)"""
    links = "Sources: http://example.org/a1 http://example.org/b2 http://example.org/c3"
    page = "\n\n".join(["Harbour road reopens | Example News", *NAV, *BEFORE, links,
                        *AFTER, *FOOTER])
    assert links not in clean_text(page).paragraphs


def test_without_links_keeps_the_words_and_drops_the_addresses() -> None:
    assert without_links("Read it at www.example.org/report today.") == "Read it at today."
    assert without_links("says the council http://t.co/Ab12 pic.twitter.com/Xy9") == \
        "says the council"
    assert without_links("a ratio of 3/4 and 1/2") == "a ratio of 3/4 and 1/2"
