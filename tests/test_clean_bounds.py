"""Where the cleaner says an article starts and ends (issue #12, second round): a table
or formula laid out one cell per line does not cut an article in two, page chrome
between an article and its comments ends it, and a reference list is not article text.

Each page here is written for the test; nothing is taken from the benchmark corpora.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text
from news_digest.model import Draft

NAV = ("Home", "News", "Sport", "Business", "Weather", "Sign in", "Search")
FOOTER = ("About us", "Contact", "Careers", "Accessibility", "Site map")

BEFORE = [
    "The regional council published its yearly count of river birds on Monday, and the "
    "figures show that most species have recovered since the floods of three years ago.",
    "Volunteers walked every stretch of the two main rivers in spring, counting nests and "
    "noting how far each one was from the water, as they have done since the count began.",
    "This year the count also recorded which nests were used a second time, because the "
    "council wants to know whether the birds that came back after the floods are staying.",
]
AFTER = [
    "The council said the recovery was strongest where farmers had fenced the banks, and "
    "that it would pay for more fencing next year if the money is approved in June.",
    "Not every species did as well. The number of nesting terns fell again, and the count's "
    "organisers said they did not yet know why the birds were leaving the lower river.",
    "A fuller report, with the counts for each stretch of river, will be published in the "
    "autumn, after the volunteers have checked their notes against last year's maps.",
]
COMMENTS = [
    "Great to see this. I walk along the river most mornings and there are definitely more "
    "birds than there were when I moved here, especially near the old mill where they nest.",
    "I would like to know why the terns are leaving. Has anyone asked the people who fish "
    "on the lower river whether something changed there? They see the water every day.",
    "The fencing has made a real difference on our farm, but it was expensive and the grant "
    "only covered half of it, so I hope the council keeps paying for it as they promised.",
    "This is the kind of story I wish we saw more often: volunteers doing careful work for "
    "years, and the results being published so that everyone can see what has changed.",
]


def table_rows() -> list[str]:
    """A results table the dump shows one cell per line: species, count, change."""
    species = ("Dipper", "Grey wagtail", "Kingfisher", "Sand martin", "Common sandpiper",
               "Goosander", "Little grebe", "Moorhen", "Coot", "Grey heron", "Mute swan",
               "Mallard", "Teal", "Common tern")
    rows: list[str] = ["Species", "Nests", "Change"]
    for i, name in enumerate(species):
        rows += [name, str(40 + 7 * i), f"+{i % 5}" if i % 3 else f"-{i % 4}"]
    return rows


def body(draft: Draft) -> set[str]:
    return set(draft.paragraphs)


def test_an_article_split_by_a_table_of_one_cell_per_line_is_kept_whole() -> None:
    """42 short lines in a row cost the article more than the paragraphs after them gain,
    but no page chrome lies between: the text after the table is the same article."""
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *table_rows(),
                        *AFTER, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(NAV + FOOTER) & body(draft)


def test_comments_after_a_share_bar_and_comment_form_are_not_the_article() -> None:
    """Reader comments are prose; the share bar and the comment form before them are named
    chrome, and named chrome counts against the article whatever prose surrounds it."""
    share = [f"Click to share on {site} (Opens in new window)"
             for site in ("Twitter", "Facebook", "Reddit", "Pocket", "Telegram")]
    form = ["Leave a Reply", "Comment", "Share", "Follow us on Twitter"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER, *share,
                        *form, *COMMENTS, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(COMMENTS) & body(draft)
    assert not set(share) & body(draft)
    assert {removed.reason for removed in draft.removed if removed.text in share} == {
        "share/follow"}


def test_a_reference_list_after_the_article_is_dropped_with_its_reason() -> None:
    references = [
        "^ Smith, J.; Jones, K. (2019). \"River birds after the floods\". Journal of Bird "
        "Counts. 12 (3): 45-67. doi:10.1000/jbc.2019.12. Retrieved 3 May 2020.",
        "^ Brown, A., et al. (2017). Counting nests on lowland rivers (PDF). Example "
        "University Press. p. 41. ISBN 978-0-00-000000-0.",
        "^ \"Regional bird count 2020\". Example Regional Council. Archived from the "
        "original on 4 June 2020. Retrieved 9 June 2020.",
    ]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER,
                        "References", *references, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(references) & body(draft)
    assert {removed.reason for removed in draft.removed if removed.text in references} == {
        "references"}


def test_a_sentence_citing_a_year_and_a_page_is_still_prose() -> None:
    """One bibliography mark in a sentence is how articles cite; two make a list entry."""
    cited = ("The first count, in 1998, found fewer than half as many nests, according to "
             "the council's own history of the survey (p. 12 of last year's report).")
    draft = clean_text("\n\n".join(["River birds recover | Example News", *NAV, BEFORE[0],
                                    cited, BEFORE[1], *AFTER, *FOOTER]))
    assert cited in body(draft)


def test_a_share_word_starting_a_table_cell_is_not_a_share_button() -> None:
    """"More than 5%" is a legend or a table cell, not a "More" link."""
    legend = ["Share of nests within 10 m of the water:", "Less than 5%", "More than 5%",
              "More than 10%", "More than 20%"]
    draft = clean_text("\n\n".join(["River birds recover | Example News", *NAV, *BEFORE,
                                    *legend, *AFTER, *FOOTER]))
    assert "share/follow" not in {removed.reason for removed in draft.removed
                                  if removed.text in legend}


FORM = ["Your name *", "Email (required)", "Comentario (*):", "Website"]
"""A comment form's fields, with the required-field marks forms use in any language."""


def test_form_field_labels_are_dropped_with_their_reason_and_emphasis_is_not() -> None:
    emphasis = "*Awkward polite laughter*"
    draft = clean_text("\n\n".join(["River birds recover | Example News", *NAV, *BEFORE,
                                    emphasis, *AFTER, *FORM, *FOOTER]))
    reasons = {removed.text: removed.reason for removed in draft.removed}
    assert [reasons.get(field) for field in FORM[:3]] == ["form field"] * 3
    assert reasons.get(emphasis) != "form field"
    assert set(BEFORE + AFTER) <= body(draft)


def test_comments_beyond_a_wall_of_named_chrome_are_not_the_article() -> None:
    """Comments pay for the gap between them and the article; three named lines with no text
    between them (a "Comments" link, then the form's required fields) end the article
    however much prose follows."""
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER,
                        "Comments (4)", *FORM, "Anonymous", *COMMENTS, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(COMMENTS) & body(draft)


def test_two_named_lines_inside_an_article_do_not_end_it() -> None:
    """A lone "Email" / "Print" pair between paragraphs is not a wall."""
    draft = clean_text("\n\n".join(["River birds recover | Example News", *NAV, *BEFORE,
                                    "Email", "Print", *AFTER, *FOOTER]))
    assert set(BEFORE + AFTER) <= body(draft)


def test_a_sentence_full_of_figures_inside_the_article_is_kept() -> None:
    """Its numbers count as words and drown its function words, so on its own look it is
    neither prose nor chrome; it ends like a sentence, so it follows the article."""
    figures = ("The index gained 0.03 percent at 27,403.54 points, while the broader index "
               "ended 0.02 percent higher at 8,248.25 points.")
    stats = "Nests 1,204 | Pairs 602 | Sites 41 | Rivers 2 | Volunteers 130 | Years 22"
    draft = clean_text("\n\n".join(["River birds recover | Example News", *NAV, *BEFORE,
                                    figures, *AFTER, *FOOTER, stats]))
    assert figures in body(draft)
    assert set(BEFORE + AFTER) <= body(draft)
    assert stats not in body(draft)


THREAD = [
    ("Marta Lind · 3 May 2021 at 7:42 am", COMMENTS[0]),
    ("Owen Price · 3 May 2021 at 9:15 am", COMMENTS[1]),
    ("Sam Okafor · 4 May 2021 at 11:03 pm", COMMENTS[2]),
]
"""Comments framed as most comment systems frame them: author and time stamp, the
comment, a reply button."""


def test_comments_with_stamps_and_reply_buttons_end_the_article_without_chrome_before() -> None:
    """No share bar or comment form separates these comments from the article, and they
    read as well as its paragraphs; their repeated frame (a time stamp, a "Reply" button)
    is what says they are comments."""
    thread = [line for stamp, comment in THREAD for line in (stamp, comment, "Reply")]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER,
                        "3 comments", *thread, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(COMMENTS) & body(draft)
    assert "3 comments" not in body(draft)
    reasons = {removed.text: removed.reason for removed in draft.removed}
    assert [reasons.get(line) for line in ("3 comments", THREAD[0][1], THREAD[2][1])] == [
        "comments"] * 3


def test_quotes_a_live_blog_and_a_post_footer_are_not_a_comment_section() -> None:
    """"… wrote:" without stamps, stamps without reply buttons (a live blog), and one stamp
    with one "Leave a reply" (a post's own footer) stay article text."""
    quoted = ["One volunteer wrote:", COMMENTS[0], "Another wrote:", COMMENTS[1]]
    live = ["9:15 am", AFTER[0], "9:40 am", AFTER[1], "10:05 am", AFTER[2]]
    footer = ["Posted by the river desk at 10:30 AM", "Leave a reply"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *quoted, *live,
                        *footer, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER + COMMENTS[:2]) <= body(draft)


def test_comments_framed_by_a_repeated_vote_line_end_the_article() -> None:
    """No "Reply" button here: each comment is framed by a name, a "… ago" stamp and the
    same vote line with only its count changed. That repeated frame ends the article."""
    votes = ["Rating: 12 Votes", "Rating: 7 Votes", "Rating: 3 Votes", "Rating: 1 Votes"]
    names = ["riverwatcher", "terns4ever", "farmer_jo", "Kestrel"]
    thread = [line for name, stamp, comment, vote in zip(
        names, ("2 days ago", "2 days ago", "1 day ago", "5 hours ago"), COMMENTS, votes,
        strict=True) for line in (name, stamp, comment, vote)]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER,
                        "Top Rated Comments", *thread, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(COMMENTS + votes + names) & body(draft)


def test_a_feed_of_dated_teasers_after_the_article_is_not_the_article() -> None:
    """Other stories' headline, date, summary and "Continue reading", one after another, follow
    the article with only its tags in between: the frame that ends it is the same. (A
    footer an explicit rule names, such as "Read more" or "Share", is not counted: a live
    blog may end each entry with a share button.)"""
    teasers = [
        ("Heron numbers double on the upper river",
         "The colony above the weir has grown every year since the council stopped the "
         "spring dredging, and volunteers now count more than forty nests on the island."),
        ("Mill pond to be restored after 30 years",
         "The old mill pond, silted up since the eighties, will be dug out next summer with "
         "money from a heritage grant and the help of the angling club and the river trust."),
        ("Flood defences get the go-ahead",
         "Work on the new embankment will start in March and is expected to last two years, "
         "during which the riverside path will be closed between the bridge and the mill."),
    ]
    feed = [line for k, (headline, summary) in enumerate(teasers)
            for line in (headline, f"November {18 - k}, 2019 at {k + 2}:01 pm", summary,
                         "Continue reading")]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER,
                        "Tags:", "Wildlife", "More in Wildlife", *feed, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not {summary for _, summary in teasers} & body(draft)


def test_comments_stamped_in_spanish_end_the_article() -> None:
    """"Hace 5 minutos" is a comment's stamp as "5 minutes ago" is."""
    article = [
        "El ayuntamiento publicó el lunes el recuento anual de aves del río, y las cifras "
        "muestran que la mayoría de las especies se han recuperado desde las inundaciones.",
        "Los voluntarios recorrieron en primavera los dos ríos principales, contando los nidos "
        "y anotando la distancia de cada uno al agua, como hacen desde que empezó el recuento.",
        "El ayuntamiento dijo que la recuperación fue mayor donde los agricultores habían "
        "vallado las orillas, y que pagará más vallas el año que viene si se aprueba el dinero.",
    ]
    comments = [
        "Me alegra mucho leer esto. Paseo por el río casi todas las mañanas y hay muchas más "
        "aves que cuando llegué al barrio, sobre todo cerca del viejo molino donde anidan.",
        "Me gustaría saber por qué se van los charranes. ¿Alguien ha preguntado a los que "
        "pescan en la parte baja del río si algo ha cambiado allí? Ellos ven el agua cada día.",
        "Las vallas han cambiado mucho nuestra finca, pero fueron caras y la ayuda solo cubrió "
        "la mitad, así que espero que el ayuntamiento siga pagando como prometió en su día.",
    ]
    thread = [line for name, stamp, comment, vote in zip(
        ("Alcaraván", "Pepa", "Jaime"), ("Hace 5 minutos", "Hace 37 minutos", "Hace una hora"),
        comments, ("Valoración: 3", "Valoración: 1", "Valoración: 2"), strict=True)
        for line in (name, stamp, comment, vote)]
    text = "\n\n".join(["Las aves del río se recuperan | Noticias", "Inicio", "Local",
                        "Deportes", *article, "Comentarios", *thread, "Aviso legal"])
    draft = clean_text(text)
    assert set(article) <= body(draft)
    assert not set(comments) & body(draft)


def test_a_dated_table_and_repeated_navigation_are_not_a_comment_section() -> None:
    """A table of films with their years (one of them titled "12:01 PM"), an article under
    a "Published … / Updated …" pair with "Next post" above and below it, and a live blog
    whose entries end with a share button repeat short lines near stamps, but never a
    stamp followed by the same unnamed footer twice."""
    films = ["Film", "Year", "Summary", "12:01 PM", "1990",
             "A man relives the same hour of his day over and over again until he finds out "
             "what went wrong, and how he can stop it from happening.",
             "Groundhog Day", "1993",
             "A weatherman who dislikes his job is forced to live the same winter day in a "
             "small town again and again, until he learns to care for the people in it."]
    live = ["9:15 am", AFTER[0], "Share this entry", "9:40 am", AFTER[1], "Share this entry",
            "10:05 am", AFTER[2], "Share this entry"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, "Next post",
                        "Published 10:02 am", "Updated 3:45 pm", *BEFORE, *films, *live,
                        "Next post", "Previous post", *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not {removed.reason for removed in draft.removed} & {"comments"}


def test_a_table_of_contents_is_dropped_and_the_lead_and_body_around_it_kept() -> None:
    """A contents list repeats the article's subheads with their section numbers; a
    numbered list without sub-sections (ingredients, counts) is article text."""
    toc = ["1 Background", "2 The count", "2.1 Methods", "2.2 Results", "3 Outlook"]
    counts = ["1 dipper nest by the mill", "2 heron nests on the island",
              "3 kingfisher nests below the weir"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, BEFORE[0], "Contents",
                        *toc, BEFORE[1], BEFORE[2], *counts, *AFTER, *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(toc) & body(draft)
    assert {removed.reason for removed in draft.removed if removed.text in toc} == {
        "contents"}
    assert set(counts) <= body(draft)


def test_two_embedded_posts_inside_an_article_do_not_end_it() -> None:
    """Quoted social posts carry a stamp and a reply button too; the article goes on after
    them, so they are not its comment section."""
    posts = ["River Trust @rivertrust · 9:15 AM · May 3, 2021",
             "Our volunteers counted more nests than ever this spring. Thank you all!",
             "Reply", "Repost",
             "Bird Count @birdcount · 10:02 AM · May 3, 2021",
             "The terns are the one worry in this year's figures.", "Reply", "Repost"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *posts, *AFTER,
                        *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)


def test_the_language_of_a_text_is_picked_the_same_way_for_one_seed_and_for_many(
        monkeypatch) -> None:
    """One seed scores each stop list directly; a large ingest builds a word index
    first. A reader must get the same cleaning either way, so the pick must match."""
    from news_digest.ingest import clean_lines

    french = clean_lines.read_lines(
        "Le gouvernement a annoncé mardi une nouvelle loi sur le logement.\n"
        "Les députés de la majorité ont voté pour, mais les élus de l'opposition "
        "ont dénoncé un texte qui ne répond pas à la crise dans les grandes villes.\n")
    english = clean_lines.read_lines(
        "The council said on Tuesday that it would close the bridge for repairs.\n"
        "Drivers have been told to use the ring road while the work is carried out, "
        "and the buses will take a longer route until the end of the month.\n")
    picks = []
    for index_after in (10**9, 0):
        monkeypatch.setattr(clean_lines, "INDEX_AFTER", index_after)
        picks.append((clean_lines.pick_stoplist(french), clean_lines.pick_stoplist(english)))
    assert picks[0] == picks[1]
    fr, en = picks[0]
    assert fr is not None and {"les", "une", "dans"} <= fr
    assert en is not None and {"the", "would", "while"} <= en and "dans" not in en


EVENTS = [
    "Mar. 3-4: Upper river count, Mill Bridge car park, 40",
    "Mar. 10-11: Lower river count, Ferry Lane slipway, 35",
    "Mar. 17: Nest box repairs, Old Mill barn, 12",
    "Mar. 24-25: Tern colony survey, Harbour Road hide, 20",
    "Apr. 7: Results evening, Council chamber, 150",
    "Apr. 14-15: Kingfisher watch, Weir Cottage garden, 8",
    "Apr. 21: Fence planting, Long Meadow gate, 60",
]


def test_a_list_the_article_announces_with_a_colon_is_kept() -> None:
    """A data line ("Mar. 3-4: …, 40") says nothing on its own and costs the run; a list of
    them after the last paragraph used to end the article at the paragraph. A sentence
    ending with a colon announces what follows: the list is the article's, up to the
    share button (and is written as a Markdown list)."""
    intro = ("Here is the count's calendar for the spring, with the meeting place for each "
             "day and the number of volunteers the organisers expect:")
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, intro, *EVENTS,
                        "Share on Facebook", "Share on Twitter", *FOOTER])
    draft = clean_text(text)
    assert set([*BEFORE, intro, *(f"- {event}" for event in EVENTS)]) <= body(draft)
    assert not set(NAV + FOOTER) & body(draft)


def test_a_label_ending_with_a_colon_announces_no_list() -> None:
    """"Tags:" is a label, not a sentence: the tags after it are not the article's."""
    tags = ["Tags:", "River birds", "Volunteers", "Council news", "Wildlife"]
    text = "\n\n".join(["River birds recover | Example News", *NAV, *BEFORE, *AFTER, *tags,
                        "Share on Facebook", *FOOTER])
    draft = clean_text(text)
    assert set(BEFORE + AFTER) <= body(draft)
    assert not set(tags[1:]) & body(draft)
