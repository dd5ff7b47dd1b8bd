"""The cleaner: the original seed comes out whole, each kind of chrome goes with its
reason, the parts kept apart are found, and no input text makes it raise."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from news_digest.ingest.clean import clean, clean_text, learn_junk
from news_digest.ingest.extract import extract_html, html_meta, strip_tags
from news_digest.model import Draft, RawSeed

SEED_TEXT = "\n".join([
    (
        "Pentagon confirms Iran launched a 'revenge operation' of 'more than dozen "
        "ballistic missiles' at US troops in Iraq"
    ),
    "",
    (
        "Pentagon confirms Iran launched a 'revenge operation' of 'more than dozen "
        "ballistic missiles' at US troops in Iraq"
    ),
    (
        'President Donald J. Trump participates in a bilateral meeting with Iraqi '
        'President Barham Salih Tuesday, September 24, 2019, at the Lotte New York Palace'
        ' in New York City. (Official White House Photo by Shealah Craighead)'
    ),
    'World',
    "",
    (
        'Iran state TV announced that the regime has launched missiles at U.S. troops are'
        ' stationed in Iraq, the Associated Press reported Tuesday night. The Pentagon '
        'later confirmed the attack.'
    ),
    "",
    "",
    (
        'The report described the attack as explicit retaliation after President Donald '
        'Trump ordered the killing of Qassim Suleidmani, a top military leader in Iran. '
        "Many experts had warned that, despite the Trump administration's claims that it "
        'was "deescalating" with Iran, the regime would inevitably seek revenge.'
    ),
    "",
    (
        'And according to the AP: "State TV described it early Wednesday as Tehran’s '
        'revenge operation over the killing of Revolutionary Guard Gen. Qassem '
        'Soleimani."'
    ),
    "",
    (
        'A U.S. Defense Department spokesman confirmed that Iran launched "more than '
        'dozen ballistic missiles against U.S. military and coalition forces in Iraq." '
        'They targeted "at least two Iraqi military bases" at Al-Assad and Irbil.'
    ),
    "",
    (
        'The Pentagon was still evaluating the damage when the statement was released. It'
        ' said it "will take all necessary measures to protect and defend U.S. personnel,'
        ' partners, and allies in the region."'
    ),
    "",
    (
        'Trump threatened disproportionate retaliation against Iran if it sought revenge '
        "for Suleimani's killing. He even said he would attack sites of cultural "
        'importance to Iran, which is a war crime, but he backed down after even his own '
        'Defense secretary said that would be illegal.'
    ),
    "",
    'The Iranian Revolution Guard Corps put out the following statement:',
    "",
    (
        "The brave soldiers of IRGC's aerospace unit have launched a successful attack "
        'with tens of ballistic missiles on Al Assad military base in the name of martyr '
        'Gen.Qasem Soleimani.'
    ),
    "",
    (
        '"Iran is violating Iraqi sovereignty by launching air strikes tonight," said '
        'Martin Huth, the European Union ambassador to Iraq. After Iraq complained about '
        'breach of its sovereignty on 3 January by US. Iraq does not deserve to be victim'
        ' of proxy war!"'
    ),
    "",
    (
        '"There are casualties among the Iraqis at Ain al-Asad airbase following the '
        'attack early Wednesday local time, an Iraqi security source tells CNN," CNN '
        'correspondent Dianne Gallagher said. "At this stage it is unknown whether those '
        'causalities are wounded or killed; also unknown are the numbers of casualties."'
    ),
    "",
    (
        'At least one Iranian official tweeted out an image of the Iranian flag, '
        "apparently echoing Trump's tweet of an American flag after news broke of "
        "Suleimani's killing:"
    ),
    "",
    '{{ post.roar_specific_data.api_data.analytics }}',
    (
        '@2025 - AlterNet Media Inc. All Rights Reserved. - "Poynter" fonts provided by '
        'fontsempire.com.'
    ),
])


def seed(text: str, fmt: str = "text", rel: str = "a.txt") -> RawSeed:
    return RawSeed(path=Path(rel), rel=rel, text=text, sha256="0" * 64, encoding="utf-8",
                   mtime=0.0, format=fmt)


def reasons(draft: Draft) -> dict[str, str]:
    return {removed.text: removed.reason for removed in draft.removed}


PROSE = [
    "The city council voted on Tuesday to approve the new budget, which includes more money "
    "for schools and for the repair of roads that have been neglected for years.",
    "Officials said the plan would be paid for by a small increase in the property tax, and "
    "that most families would see their bills rise by less than ten dollars a month.",
    "Several residents spoke against the measure at the meeting, saying that the council had "
    "not done enough to explain where the money would go and who would decide.",
    "The mayor is expected to sign the budget later this week, and the new spending would "
    "begin in July, when the city's fiscal year starts.",
]


def page(*middle: str, head: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    """A dump: title, head chrome, article paragraphs with ``middle`` after the second one."""
    body = [PROSE[0], PROSE[1], *middle, PROSE[2], PROSE[3]]
    return "\n\n".join(["Council approves budget | The Daily Example", *head, *body, *tail])


# --- the original seed ----------------------------------------------------------------------


def test_seed_title_once_caption_apart_section_world() -> None:
    draft = clean(seed(SEED_TEXT))
    title = ("Pentagon confirms Iran launched a 'revenge operation' of 'more than dozen "
             "ballistic missiles' at US troops in Iraq")
    assert draft.title == title
    assert title not in draft.paragraphs
    assert reasons(draft)[title] == "duplicate title"
    assert draft.caption is not None
    assert draft.caption.startswith("President Donald J. Trump participates")
    assert draft.caption.endswith("(Official White House Photo by Shealah Craighead)")
    assert draft.section == "World"
    assert not draft.warnings


def test_seed_keeps_every_body_paragraph_and_drops_the_footer() -> None:
    draft = clean(seed(SEED_TEXT))
    body = [line for line in SEED_TEXT.split("\n")[6:] if line.strip()][:-2]
    assert list(draft.paragraphs) == body
    assert "The Iranian Revolution Guard Corps put out the following statement:" in body
    assert any(p.startswith("The brave soldiers of IRGC") for p in draft.paragraphs)
    assert not any("{{" in p or "All Rights Reserved" in p for p in draft.paragraphs)
    found = reasons(draft)
    assert found["{{ post.roar_specific_data.api_data.analytics }}"] == "template placeholder"
    assert any(r == "copyright" and "All Rights Reserved" in t for t, r in found.items())


# --- chrome, each with its reason -----------------------------------------------------------


def test_placeholder_lines_go_and_inline_placeholders_are_cut() -> None:
    mixed = PROSE[1].replace("Officials said", "Officials {{ user.name }} said")
    draft = clean_text(page("{% include 'ad.html' %}", "${tracking.id}")
                       .replace(PROSE[1], mixed))
    found = reasons(draft)
    assert found["{% include 'ad.html' %}"] == "template placeholder"
    assert found["${tracking.id}"] == "template placeholder"
    assert PROSE[1] in draft.paragraphs
    assert not any("{" in p for p in draft.paragraphs)


def test_copyright_share_newsletter_cookie_lines_are_dropped() -> None:
    tail = ("Share on Facebook", "Tweet", "Follow us on Twitter",
            "Sign up for our newsletter to get the best stories in your inbox every day.",
            "We use cookies to improve your experience on our site.",
            "Advertisement",
            "© 2024 Example Media Group. All rights reserved.")
    draft = clean_text(page("Advertisement", tail=tail))
    found = reasons(draft)
    assert found["Share on Facebook"] == "share/follow"
    assert found["Tweet"] == "share/follow"
    assert found["Follow us on Twitter"] == "share/follow"
    assert found[tail[3]] == "newsletter/cookie/ad"
    assert found[tail[4]] == "newsletter/cookie/ad"
    assert found["Advertisement"] == "share/follow"
    assert found[tail[6]] == "copyright"
    assert list(draft.paragraphs) == PROSE


def test_menu_runs_and_related_blocks_are_dropped() -> None:
    menu = ("Home", "World", "Business", "Sport", "Culture", "Opinion")
    related = ("Related stories", "Mayor unveils plan for new stadium",
               "Schools brace for cuts as state aid falls", "Read more")
    draft = clean_text(page(head=menu, tail=related))
    found = reasons(draft)
    assert all(found[item] == "menu" for item in menu)
    assert found["Related stories"] == "related links"
    assert found["Mayor unveils plan for new stadium"] == "related links"
    assert list(draft.paragraphs) == PROSE


def test_script_and_css_lines_are_dropped() -> None:
    script = "var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-0000']); window.ads = {};"
    css = ".article-body p { margin: 0 0 1em; font-size: 18px; }"
    draft = clean_text(page(head=(script, css)))
    found = reasons(draft)
    assert found[script] == "script/css"
    assert found[css] == "script/css"
    assert list(draft.paragraphs) == PROSE


def test_a_paragraph_repeated_on_the_page_is_kept_once() -> None:
    draft = clean_text(page(tail=(PROSE[0],)))
    assert draft.paragraphs.count(PROSE[0]) == 1
    assert "repeated on page" in {r.reason for r in draft.removed}


def test_short_lines_inside_the_article_stay() -> None:
    draft = clean_text(page("He put it this way:", "“We will not wait.”"))
    assert "He put it this way:" in draft.paragraphs
    assert "“We will not wait.”" in draft.paragraphs


def test_site_name_suffix_is_cut_from_the_title_by_general_rules() -> None:
    assert clean_text(page()).title == "Council approves budget"
    text = "Storm hits the coast - News Site\n\n" + "\n\n".join(PROSE)
    assert clean_text(text).title == "Storm hits the coast"
    text = "Storm hits the coast, and the town - a small one - floods\n\n" + "\n\n".join(PROSE)
    assert clean_text(text).title == "Storm hits the coast, and the town - a small one - floods"


def test_headline_repeated_under_the_page_title_gives_the_title() -> None:
    text = ("Council approves budget, with a twist | Daily Example | Local\n\nHome\n\n"
            "Council approves budget, with a twist\n\n" + "\n\n".join(PROSE))
    draft = clean_text(text)
    assert draft.title == "Council approves budget, with a twist"
    assert reasons(draft)["Council approves budget, with a twist"] == "duplicate title"


# --- parts kept apart -----------------------------------------------------------------------


def test_caption_section_byline_dateline() -> None:
    head = ("A council member speaks during the vote on Tuesday. (Photo: Jane Roe/Getty Images)",
            "Politics", "By Jane Doe and John Roe", "Friday, January 4, 2019")
    draft = clean_text(page(head=head))
    assert draft.caption == head[0]
    assert draft.section == "Politics"
    assert draft.byline == "By Jane Doe and John Roe"
    assert draft.dateline == "Friday, January 4, 2019"
    assert draft.date == datetime(2019, 1, 4, tzinfo=UTC)
    assert list(draft.paragraphs) == PROSE
    assert not set(head) & set(reasons(draft))


def test_dateline_with_time_and_zone() -> None:
    draft = clean_text(page(head=("December 29, 2014 4:08 pm EST",)))
    assert draft.dateline == "December 29, 2014 4:08 pm EST"
    assert draft.date == datetime(2014, 12, 29, 16, 8, tzinfo=timezone(timedelta(hours=-5)))


def test_editors_notes_between_headline_and_dateline_are_not_the_story() -> None:
    """A wiki's review notice printed above the date was the post's lead and summary."""
    notes = ("This article requires review by an editor who did not help write it, "
             "before it is published on the front page of the site.",
             "Last amended: Mar 5 at 12:05 UTC (history). Please check the talk page "
             "history before reviewing this article for publication.")
    draft = clean_text(page(head=(*notes, "Tuesday, November 17, 2020")))
    assert draft.dateline == "Tuesday, November 17, 2020"
    assert list(draft.paragraphs) == PROSE
    assert reasons(draft)[notes[0]] == "above the dateline"
    # without a dateline nothing marks where the story starts: the lines are judged
    # as prose, as before
    kept = clean_text(page(head=notes))
    assert kept.paragraphs[0] == notes[0]


def test_prose_beginning_with_by_is_not_a_byline() -> None:
    text = "Title here\n\nBy now the plan was clear.\n\n" + "\n\n".join(PROSE)
    assert clean_text(text).byline is None


def test_a_menu_word_is_not_a_section() -> None:
    draft = clean_text(page(head=("Home", "World", "Business", "Sport")))
    assert draft.section is None


# --- per-source learning --------------------------------------------------------------------


def test_learn_junk_finds_lines_repeated_across_a_sources_pages() -> None:
    footer = "Example Daily is published by Example Media, a family business since 1901."
    texts = [f"Story {i}\n\n{PROSE[i]}\n\n{footer}\n\n{footer}" for i in range(4)]
    junk = learn_junk(texts, min_count=3)
    assert footer in junk
    assert PROSE[0] not in junk
    assert learn_junk(texts[:2], min_count=3) == frozenset()
    draft = clean_text(page(tail=(footer,)), known_junk=junk)
    assert reasons(draft)[footer] == "repeated across source"
    assert list(draft.paragraphs) == PROSE


# --- HTML seeds -----------------------------------------------------------------------------

HTML = """<!doctype html>
<html><head><title>Council approves budget - The Daily Example</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-01-04T10:00:00Z">
<meta property="og:site_name" content="The Daily Example">
<script>var tracking = {id: 1};</script><style>p { color: red; }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Council approves budget</h1>
""" + "".join(f"<p>{p}</p>\n" for p in PROSE) + """<p>Follow us on Twitter</p></article>
<footer><p>© 2019 The Daily Example. All rights reserved.</p></footer></body></html>"""


def test_extract_html_reads_text_and_metadata() -> None:
    draft = extract_html(seed(HTML, "html", "a.html"))
    assert draft.title == "Council approves budget"
    assert list(draft.paragraphs) == PROSE
    assert draft.byline == "By Jane Doe"
    assert not any("tracking" in p or "color" in p for p in draft.paragraphs)
    meta = html_meta(seed(HTML, "html", "a.html"))
    assert meta["date"] == "2019-01-04T10:00:00Z"  # the page's time, not trafilatura's day only
    assert meta["publisher"] == "The Daily Example"


def test_extract_html_is_deterministic() -> None:
    raw = seed(HTML, "html", "a.html")
    assert extract_html(raw) == extract_html(raw)


def test_extract_html_falls_back_with_a_warning() -> None:
    draft = extract_html(seed("<<<>>> <p", "html", "a.html"))
    assert draft.warnings
    assert isinstance(draft, Draft)


def test_strip_tags_keeps_blocks_and_drops_scripts() -> None:
    text = strip_tags("<p>One &amp; two</p><script>alert(1)</script><div>Three</div>")
    assert [line for line in text.split("\n") if line] == ["One & two", "Three"]
    assert "alert" not in strip_tags("<script>alert(1)")


# --- robustness -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_never_raises(text: str) -> None:
    draft = clean(seed(text))
    assert isinstance(draft, Draft)
    assert all(isinstance(p, str) and p for p in draft.paragraphs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "{{", "}}", "©", "By", "World", "Share", "\t",
                                  PROSE[0], "January 4, 2019", "(Photo: X)", "a|b - c"]),
                max_size=40))
def test_clean_never_raises_on_chrome_shaped_lines(parts: list[str]) -> None:
    assert isinstance(clean_text("\n".join(parts)), Draft)


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_extract_html_never_raises(text: str) -> None:
    assert isinstance(extract_html(seed(text, "html", "a.html")), Draft)


def test_empty_and_blank_text_warn() -> None:
    for text in ("", "   \n\t\n  "):
        draft = clean_text(text)
        assert draft.paragraphs == ()
        assert draft.warnings == ("no body text found",)


def test_huge_inputs_stay_linear() -> None:
    start = time.perf_counter()
    clean_text("word " * 400_000)
    clean_text("{{" * 500_000)
    clean_text("ab\n" * 50_000)
    assert time.perf_counter() - start < 10


def test_prose_that_quotes_markup_is_kept() -> None:
    """A story about web security may quote a tag; the line is prose, not page code."""
    from news_digest.ingest.clean import clean_text

    sentence = ("LONDON, Friday, January 4, 2019 — The mayor said the <script>alert(3)</script> "
                "trick found by researchers would not stop the plan, which would go ahead as "
                "announced after a vote of the council in the spring.")
    draft = clean_text(f"Mayor keeps plan\n\n{sentence}\n\nA second paragraph of the "
                       "story explains what the council decided and why it matters to readers.\n")
    assert any("alert(3)" in p for p in draft.paragraphs)


# --- short-line articles, lists and tables (issue #12) --------------------------------------

NAV = ("Home", "News", "Sport", "Business", "Weather", "Sign in", "Search")
FOOTER = ("About us", "Contact", "Careers", "Accessibility", "Site map")


def test_results_table_of_short_lines_inside_the_article_is_kept() -> None:
    results = ("Arsenal 2 Chelsea 1", "Everton 0 Fulham 0", "Leeds 3 Wolves 2",
               "Burnley 1 Spurs 4", "Brighton 2 Luton 2", "Newcastle 5 Sheffield Utd 0")
    draft = clean_text(page("Saturday's results:", *results, head=NAV, tail=FOOTER))
    assert [f"- {row}" for row in results] == [p for p in draft.paragraphs if p[:2] == "- "]
    assert "Saturday's results:" in draft.paragraphs
    assert [p for p in draft.paragraphs if p in PROSE] == PROSE
    assert not set(NAV + FOOTER) & set(draft.paragraphs)


def test_wire_brief_of_one_line_paragraphs_is_kept() -> None:
    brief = ["WASHINGTON (AP) — The Senate passed the bill on Tuesday.",
             "The vote was 61 to 38.",
             "It now goes to the House, where leaders said they would take it up soon.",
             "The White House said the president would sign it.",
             "Opponents said it cost too much."]
    text = "\n\n".join(["Senate passes spending bill | Wire", *NAV, *brief, *FOOTER])
    draft = clean_text(text)
    assert list(draft.paragraphs) == brief
    assert not draft.warnings


def test_menu_nav_and_footer_lines_around_an_article_are_dropped() -> None:
    footer = (*FOOTER, "Terms and conditions", "Privacy", "Follow us",
              "Our newsletters", "Mobile apps")
    draft = clean_text(page(head=(*NAV, *NAV), tail=footer))
    assert list(draft.paragraphs) == PROSE
    found = reasons(draft)
    assert all(item in found for item in (*NAV, *footer))


def test_a_list_inside_the_article_is_kept_as_a_markdown_list() -> None:
    items = ("a new roof for the library", "two more buses", "longer pool hours")
    draft = clean_text(page("The budget pays for three things:", *items))
    assert [f"- {item}" for item in items] == [p for p in draft.paragraphs if p.startswith("- ")]
    bulleted = clean_text(page(*(f"• {item}" for item in items)))
    assert [f"- {item}" for item in items] == [p for p in bulleted.paragraphs if p[:2] == "- "]
    numbered = clean_text(page(*(f"{n}) {item}" for n, item in enumerate(items, 1))))
    assert "2. two more buses" in numbered.paragraphs


def test_a_tab_separated_table_inside_the_article_becomes_a_markdown_table() -> None:
    rows = ("Team\tPlayed\tPoints", "Arsenal\t10\t25", "Chelsea\t10\t21")
    draft = clean_text(page(*rows))
    table = ("| Team | Played | Points |\n|---|---|---|\n"
             "| Arsenal | 10 | 25 |\n| Chelsea | 10 | 21 |")
    assert table in draft.paragraphs
    assert [p for p in draft.paragraphs if p in PROSE] == PROSE


def test_only_a_page_without_any_prose_comes_out_empty() -> None:
    assert clean_text("\n\n".join(["Menu | Site", *NAV, *FOOTER])).paragraphs == ()
    one = "The council approved the budget on Tuesday after a long debate."
    assert clean_text("\n\n".join(["Budget | Site", *NAV, one, *FOOTER])).paragraphs == (one,)


# --- nothing lost (issue #12, second half) ---------------------------------------------------


def test_a_lone_sentence_among_chrome_is_kept_with_a_warning_not_lost() -> None:
    """The model alone drops it (page edges and menus all around), so the fallback keeps
    what reads as prose and says so; the menu items stay out."""
    one = "The mayor resigned on Tuesday after a long row with the council."
    draft = clean_text("\n".join(["Mayor quits", "Home", "News", one, "Share", "Tweet"]))
    assert draft.paragraphs == (one,)
    assert draft.warnings[0].startswith("cleaning found little text: kept 1 line(s)")
    assert not set(NAV) & set(draft.paragraphs)


def test_menus_alone_are_still_no_article() -> None:
    draft = clean_text("\n".join(["Mayor quits", *NAV, *FOOTER, "The mayor resigned"]))
    assert draft.paragraphs == ()
    assert draft.warnings == ("no body text found",)


def test_a_short_body_is_flagged_for_the_curator_and_a_full_one_is_not() -> None:
    brief = ["The Senate passed the bill on Tuesday.", "The vote was 61 to 38."]
    short = clean_text("\n\n".join(["Senate passes bill", *NAV, *brief, *FOOTER]))
    assert list(short.paragraphs) == brief
    [warning] = short.warnings
    assert warning.startswith("cleaning found little text") and "words)" in warning
    assert clean_text(page()).warnings == ()


def test_lists_and_tables_are_marked_for_the_writer() -> None:
    items = ("a new roof for the library", "two more buses")
    draft = clean_text(page("The budget pays for two things:", *items,
                            "Team\tPlayed\tPoints", "Arsenal\t10\t25", "Chelsea\t10\t21"))
    kinds = dict(zip(draft.paragraphs, draft.kinds, strict=True))
    assert [kinds[f"- {item}"] for item in items] == ["ul", "ul"]
    assert [k for p, k in kinds.items() if p.startswith("| Team")] == ["table"]
    assert {kinds[p] for p in PROSE} == {""}
    numbered = clean_text(page(*(f"{n}) {item}" for n, item in enumerate(items, 1))))
    assert numbered.kinds[numbered.paragraphs.index("2. two more buses")] == "ol"
    assert clean_text(page()).kinds == ()  # plain prose: nothing to mark
