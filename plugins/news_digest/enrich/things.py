"""Names the article itself calls a thing: "the Crew Dragon capsule", "written in Python".

spaCy's small model types a spacecraft, a telescope or a programming language it
rarely saw as a person or an organisation ("Crew Dragon", "James Webb" for the
telescope, "Python"), and it does so in most of the few articles that name them, so no
corpus vote fixes it. English news text says what such a name is, in the words right
after it ("the SpaceX Crew Dragon capsule", "NASA's James Webb space telescope") or
before it ("a script written in Python"). A mention with such a cue counts as a vote
for ``other`` (:data:`ner.OTHER`) instead of its label; canonicalisation drops a name
whose votes are mostly ``other`` (:func:`news_digest.enrich.canonical.canonicalize`).

:data:`THING_NOUNS` are generic English nouns for made things (vehicles, instruments,
software, works), not names. Nouns that also follow a company's name as its product
line ("the Google app", "Boeing aircraft") are left out where the company is the usual
reading ("vaccine", "rocket", "missile", "app"), and so are works ("a Taylor Swift
song" names the singer); a maker named once with its product ("the NASA rover") loses
only that one vote.
"""

from __future__ import annotations

import re

from news_digest.enrich import bodies, cues, filters, gazetteer, ner

__all__ = ["ADDRESS_NOUNS", "FEATURE_NOUNS", "KIND_NOUNS", "NAMED_FEATURE_NOUNS", "POLL_NOUNS",
           "SITE_NOUNS", "THING_MODIFIERS", "THING_NOUNS", "WORKS_AWARD_NOUNS",
           "WORKS_CAST_NOUNS", "WORKS_COMPETITION_HEADS", "WORKS_DEVICE_NOUNS",
           "WORKS_FIXTURE_NOUNS", "WORKS_LISTED_NOUNS", "WORKS_PART_NOUNS", "WORK_NOUNS",
           "called_a_feature", "called_a_thing", "cast_named", "competition_sense",
           "constituency_named", "counted_edition", "ends_in_address", "honour_named",
           "is_named_feature", "kind_before", "made_by", "named_feature", "performer_named",
           "polled_by", "said_to_be", "stated_bodies", "stated_places", "thing_votes",
           "used_as_common_noun", "work_part_named", "works_stated"]

THING_NOUNS: frozenset[str] = frozenset({
    "capsule", "spacecraft", "telescope", "rover", "lander", "probe", "satellite",
    "programming", "language", "compiler", "interpreter", "browser", "malware",
    "ransomware", "protocol", "algorithm", "automaton", "script", "codebase",
})
"""Head nouns of made things. A name right before one of them (with at most one
lower-case word between: "James Webb space telescope", "Python programming language")
is that thing's name, not a person's or an organisation's."""

WORK_NOUNS: frozenset[str] = frozenset({
    "film", "movie", "comedy", "drama", "sitcom", "soap", "thriller", "documentary",
    "biopic", "musical", "cartoon", "sequel", "blockbuster", "franchise", "tale", "novel",
    "album", "program", "software", "browser", "worm", "virus",
})
"""Generic English nouns for works (films, shows, books, records) and programs, read in
the two places where English puts them as the *kind* of the name that comes next:
right before it ("quirky comedy <Title>", "his album X", "the file-sharing
programs X, Y and Z") and in a list or an appositive :func:`said_to_be` reads ("movies
such as X", "browser software, like X"). Not right after a name: "a Mike Leigh film", "a
Taylor Swift song" name the maker. Left out are the nouns that are also verbs or
adjectives before a name ("show", "hit", "play", "single", "track": "figures show X",
"costs hit X", "they play X"), a sport's words ("series", "game": a team follows
them), "programme" (a government's or a broadcaster's programme is named after its
maker as often), and outlets ("newspaper", "channel":
:data:`SITE_NOUNS`, organisations by the site's convention). English can also drop a
relative pronoun ("the film Spielberg directed"); that reads the maker as the work, one
vote among the article's others."""

THING_MODIFIERS: frozenset[str] = frozenset({
    "space", "programming", "scripting", "web", "computer", "software", "research",
    "crewed", "cargo", "robotic", "lunar", "orbital",
})
"""Lower-case words that may stand between the name and its noun ("James Webb space
telescope", "Python programming language"); any other word ends the cue ("the Crew
Dragon capsule docked" is a cue, "Google said language" is not)."""

SITE_NOUNS: frozenset[str] = frozenset({
    "website", "site", "platform", "forum", "blog", "newspaper", "magazine", "tabloid",
    "broadcaster", "company", "firm", "startup", "charity", "nonprofit", "organisation",
    "organization", "agency",
})
"""Head nouns that say a name is an organisation: websites and platforms (the site's
convention counts a website as its organisation: "LiveLeak — a video-sharing
platform"), publishers and firms. "Network" is left out: a TV network is an
organisation, a "layered network" is software."""

FEATURE_NOUNS: frozenset[str] = frozenset({
    "continent", "island", "islands", "archipelago", "peninsula", "mountain", "mountains",
    "range", "ranges", "volcano", "glacier", "plateau", "river", "lake", "sea", "ocean",
    "coast", "coastline", "desert", "valley", "basin", "delta", "canyon", "forest", "jungle",
    "rainforest", "reef", "swamp", "marsh", "steppe", "tundra", "savanna",
})
"""Generic English nouns for natural features of the earth. A name right before one in
lower case ("the Antarctic continent", "Antarctic mountain ranges", "the Amazon river")
is a place's name used as a modifier, whatever NER's label; no organisation is written
that way. Settlements ("town", "city") and "region" are left out: a club or a bloc is
written before them too ("the Noosa town team", "the ECOWAS region")."""

POLL_NOUNS: frozenset[str] = frozenset({"poll", "survey"})
"""Nouns for what a pollster publishes. A name right before one ("the Monmouth poll", "a
Gallup survey") names who took it, a pollster, unless it is a place that can be polled
(:func:`polled_by`)."""

KIND_NOUNS: frozenset[str] = frozenset({
    "band", "group", "firm", "company", "giant", "retailer", "manufacturer", "bank",
    "label", "airline", "chain", "carrier", "consultancy", "insurer", "lender",
    "conglomerate", "supermarket",
})
"""Nouns for a kind of body that English writes right before the body's name, with a
word qualifying the kind before them ("Scottish rock band X", "telecoms giant X",
"consultancy group X", "record label X"): the name is an organisation's, whatever the
model's label. A closed class of generic nouns, not names. Left out are the nouns that
also stand before a person's name as their trade ("film maker", "veteran broadcaster",
"music publisher", "camera operator") and "club" and "team" (a club's town: "former
club Riverton", left to the team rule)."""

PERSON_APPOSED_BODY_NOUNS: frozenset[str] = (SITE_NOUNS | KIND_NOUNS) - {
    "broadcaster", "giant", "group", "band", "site", "platform", "forum"}
"""The body nouns that make a name a body's even when the model typed it a person, in
an appositive or a list :func:`said_to_be` reads ("Zarvotel, a reinsurance company",
"airlines such as Zarvotel"). Left out are those English also gives a person as praise
or trade ("Jan Roe, a giant of the stage", "Jan Roe, a veteran broadcaster") and the
collectives whose lists name their members ("a group including Jan Roe", "a band
including Jan Roe"), and the website nouns that also name a place or a meeting ("a site
called Quorin Cave", "an oil platform", "a forum"), which the model may type a person
as readily."""

_KIND_BEFORE = re.compile(
    r"(?<![\w'’-])(?!(?i:the|a|an|his|her|its|their|this|that|these|those|our|my|your|"
    r"which|whose|and|or|of|to|by|for|with|from|in|on|at|as)[ \t])"
    r"[A-Za-z][\w'’-]*[ \t]+([a-z]+)[ \t]+$")

_MODIFIER = r"[a-z][a-z'’-]*"
_HEAD_END = (r"(?=\s*(?:[,.;:)—–]|$)|\s+(?:in|of|on|that|which|who|where|for|with|based|"
             r"founded|run|owned|from|near|used|designed|known|devised|created)\b)")
_APPOSITIVE = re.compile(
    rf"\s*(?:,|—|–|-|\()\s*(?:an?|the)\s+(?:{_MODIFIER}\s+){{0,3}}?([a-z]+){_HEAD_END}")
_KNOWN_AS = re.compile(r"\b([a-z]+)\s+(?:known\s+as|called|named|dubbed)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w.-]*['’]s\s+)?$")
_SUCH_AS = re.compile(r"\b([a-z]+),?\s+(?:including|such\s+as|like)\s+")
_LIST_SO_FAR = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*")


def said_to_be(text: str, mention: ner.Mention) -> str | None:
    """The head noun the sentence uses to say what ``mention`` is, if any: an appositive
    after it ("Tor, a layered network", "LiveLeak — a video-sharing platform", "Conway's
    Game of Life, a cellular automaton"), "<noun> known as/called <name>" before it, or a
    list it is in ("websites including YouTube, LiveLeak and Vimeo"). Plural heads are
    read as singular."""
    end = mention.start + len(mention.text)
    after = _APPOSITIVE.match(text, end)
    if after:
        return _singular(after.group(1))
    before = text[max(0, mention.start - 60):mention.start]
    known = _KNOWN_AS.search(before)
    if known:
        return _singular(known.group(1))
    window = text[max(0, mention.start - 120):mention.start]
    for cue in reversed(list(_SUCH_AS.finditer(window))):
        if _LIST_SO_FAR.fullmatch(window[cue.end():]):
            return _singular(cue.group(1))
        break
    return None


def _singular(noun: str) -> str:
    """"websites" → "website", "companies" → "company"; "press" stays."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?:[ \t]+([a-z]+)\b)?")
_WRITTEN_IN = re.compile(r"\b(?:written|coded|programmed|implemented|scripted)\s+in\s+$")


def called_a_thing(text: str, mention: ner.Mention, noun: str | None = None) -> bool:
    """The words around ``mention`` (at its offset in ``text``) call it a made thing;
    ``noun``: what :func:`said_to_be` found, when the caller has asked it already."""
    end = mention.start + len(mention.text)
    after = _AFTER.match(text, end)
    if after and (after.group(1) in THING_NOUNS or (
            after.group(1) in THING_MODIFIERS and after.group(2) in THING_NOUNS)):
        return True
    if _WRITTEN_IN.search(text[max(0, mention.start - 30):mention.start]):
        return True
    if work_named_after(text, mention):
        return True
    if (honour_named(text, mention) or competition_sense(text, mention)
            or work_part_named(text, mention) or cast_named(text, mention)
            or made_by(text, mention)):
        return True
    noun = noun if noun is not None else said_to_be(text, mention)
    return noun is not None and (noun in THING_NOUNS or _names_a_work(noun))


def _names_a_work(noun: str) -> bool:
    """``noun`` (what :func:`said_to_be` found) is a work's: a work noun, or a noun of
    the lists English heads with one ("hits such as X", :data:`WORKS_LISTED_NOUNS`)."""
    return is_work_noun(noun) or bool({noun, f"{noun}s"} & WORKS_LISTED_NOUNS)


_WORKS_POSSESSIVE = re.compile(r"['’]s?\b")


def works_stated(text: str, mentions: list[ner.Mention]) -> set[str]:
    """The names of ``mentions`` (people, organisations, places) that a works cue in
    ``text`` calls a work, a program or an honour: a work noun before the name or its
    list ("the film X", "the file-sharing programs X, Y and Z", :func:`work_named_after`),
    a work noun heading an appositive or a list it is in ("hits such as X", "X, a
    sitcom", :func:`said_to_be`), a work's part or maker after or before it ("the X
    creator", "an episode of X", :func:`work_part_named`), a cast noun and a name after
    it (:func:`cast_named`), an award noun after it (:func:`honour_named`), a maker's
    possessive and a device noun (:func:`made_by`) or a program's definition
    (:func:`media_defined`).

    These cues name what a work *is*; a body, a place or a person is never written so.
    The thing nouns after a name ("the Zorbly browser") are left out, as are the
    competition, edition and venue cues: a maker, a league's body and a town are
    written before them too. The answer is the corpus's evidence
    (:func:`news_digest.enrich.resolve.resolve_corpus`, ``works``) that the name is a
    work in every article, as the article writes the cue once and the bare name
    elsewhere. Not a name written with a possessive, in the model's span or after it:
    it is the maker of what follows ("shows such as Zorb TV's quiz"), or the model cut
    a longer title ("the sitcom Quorin's Corner"), and the cut name may be a person's."""
    out = set()
    for m in mentions:
        end = m.start + len(m.text)
        if m.type not in ("person", "organization", "place") or not ner.at_its_offset(text, m) \
                or m.text.endswith(("'s", "’s")) or _WORKS_POSSESSIVE.match(text, end):
            continue  # "the sitcom [Quorin]'s Corner", "shows such as [Zorb TV's] quiz"
        noun = said_to_be(text, m) or ""
        if (work_named_after(text, m) or work_part_named(text, m) or cast_named(text, m)
                or honour_named(text, m) or made_by(text, m) or media_defined(text, m)
                or (noun and _names_a_work(noun))):
            out.add(m.text)
    return out


def is_work_noun(word: str) -> bool:
    """``word`` is one of :data:`WORK_NOUNS`, singular or plural ("comedies", "movies"),
    or :func:`_singular`'s "movy" for "movies" (what :func:`said_to_be` returns)."""
    return any(form in WORK_NOUNS for form in (
        word, _singular(word), word[:-1], word[:-1] + "ie" if word.endswith("y") else word))


_WORK_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+)[ \t]+$")
_WORKS_BEFORE = re.compile(
    r"(?<![\w'’-])([a-z]+)[ \t]+"
    r"(?:[A-Za-z]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*[ \t]*"
    r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))+$")


def work_named_after(text: str, mention: ner.Mention) -> bool:
    """A work noun (:data:`WORK_NOUNS`) in lower case right before ``mention``, on the
    same line ("quirky comedy <Title>", "his album <Title>"), or a plural one before a
    list that ``mention`` ends ("the file-sharing programs <A>, <B> and <C>")."""
    before = text[max(0, mention.start - 120):mention.start]
    one = _WORK_BEFORE.search(before)
    if one and is_work_noun(one.group(1)):
        return True
    listed = _WORKS_BEFORE.search(before)
    return bool(listed and listed.group(1).endswith("s") and is_work_noun(listed.group(1)))


WORKS_LISTED_NOUNS: frozenset[str] = frozenset({
    "hit", "show", "series", "game", "title", "programme", "single", "track", "play",
})
"""Nouns for works that :data:`WORK_NOUNS` leaves out because they are also verbs or a
sport's words before a name ("costs hit X", "figures show X", "the game Riverton won").
Where :func:`said_to_be` finds them they can only be nouns: the head of an appositive
("X, a hit") or of a list ("reality shows, such as X", "hits such as A, B and C",
"titles such as X"), so there they name the kind of what follows, as the work nouns
do."""

WORKS_AWARD_NOUNS: frozenset[str] = frozenset({
    "award", "awards", "nominations", "statuette", "statuettes",
})
"""Nouns that only an honour's name stands before in lower case ("the Zorby awards",
"two Zorby nominations"): the name is the prize's, not a person's or a body's. Left
out: "nomination" and "nominee" in the singular (a party's: "the Democratic Party
nomination", "the Reform Party nominee"; a film collects nominations in the plural),
"ceremony" (any place or body holds one: "a White House ceremony"), "winner" (a
team's goal: "the Riverton winner") and "prize" (it closes a name already,
:data:`filters.EVENT_TAILS`). "Awards" is also a verb ("the party awards delegates"):
it counts only where its noun phrase ends (:func:`honour_named`)."""

_WORKS_HONOURED = re.compile(r"-(?:winning|nominated)\b")
_WORKS_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
_WORKS_CONJOINED = re.compile(
    rf"(?:[ \t]*,[ \t]*{_WORKS_NAME})*[ \t]*,?[ \t]+(?:and|or)[ \t]+{_WORKS_NAME}")
"""The rest of a list of names ``mention`` opens ("Zorby and Quell nominations"): the
noun after the list is each name's."""

WORKS_COMPETITION_HEADS: frozenset[str] = frozenset({
    "League", "Premiership", "Conference", "Division",
})
"""Last words of names that are both a sports competition and the body that runs it
("Premier League", "Eastern Conference"), or a party or an alliance ("the Arab League"):
the name alone does not say which, so only the words around it do
(:func:`competition_sense`). CoNLL-2003 types the competitions MISC ("National League",
"American League") and a league's body ORG ("Football League")."""

WORKS_FIXTURE_NOUNS: frozenset[str] = frozenset({
    "tie", "ties", "fixture", "fixtures", "match", "matches", "final", "finals",
    "semi-final", "semi-finals", "quarter-final", "quarter-finals", "game", "games",
    "title", "titles", "season", "clash", "football", "rugby", "round", "leg", "table",
    "debut", "goal", "goals",
})
"""Nouns for what is played in a competition, written right after its name ("the Zorby
League tie", "Zorby League fixtures", "his first Zorby League goal"): a body runs no
match, so the name there is the competition's."""

_WORKS_AFTER = re.compile(r"[ \t]+([a-z][a-z-]*[a-z])\b")
_WORKS_PLAYED_IN = re.compile(
    r"\b(?:win|wins|won|winning|reach|reaches|reached|reaching|"
    r"(?:qualify|qualifies|qualified|qualifying)\s+for|"
    r"(?:play|plays|played|playing)\s+in|"
    r"(?:top|bottom|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth)\s+(?:in|of))\s+the\s+$")


def competition_sense(text: str, mention: ner.Mention) -> bool:
    """A name ending in a competition's head (:data:`WORKS_COMPETITION_HEADS`) written as
    the competition: a fixture noun right after it (:data:`WORKS_FIXTURE_NOUNS`:
    "Zorby League tie"), or "win/reach/qualify for/play in the" or a table position
    ("sixth in the", "top of the") right before it. English says a team wins, reaches
    or stands in a competition; nobody wins a body or stands sixth in one."""
    if mention.text.split()[-1] not in WORKS_COMPETITION_HEADS:
        return False
    after = _WORKS_AFTER.match(text, mention.start + len(mention.text))
    if after and after.group(1) in WORKS_FIXTURE_NOUNS:
        return True
    before = text[max(0, mention.start - 40):mention.start]
    if re.match(r"[Tt]he\s", mention.text):  # the model's span took the article in
        before += "the "
    return bool(_WORKS_PLAYED_IN.search(before))


WORKS_PART_NOUNS: frozenset[str] = frozenset({
    "creator", "creators", "co-creator", "episode", "episodes", "sequel", "prequel",
    "spin-off", "remake",
})
"""Nouns for who made a work or what came of it, which English writes right after the
work's title ("the Zorby Quell creator", "a Quellers spin-off", "the Zorby episode") or
before it with "of" or "to" (:data:`_WORKS_PART_OF`: "the creator of Zorby Quell",
"the sequel to Quellers"). A body has founders and a place natives; only a show, a
book or a game has a creator, episodes or a sequel. "Star", "director" and "writer"
are left out: a club, a country and a firm have them too ("Riverton star", "BBC
director")."""

_WORKS_PART_OF = re.compile(
    r"\b(?:creators?|co-creator|author|remake|sequel|prequel|episodes?)\s+(?:of|to)\s+"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"(?:[A-Z0-9][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$")
"""The noun and "of"/"to" before a title, or before a list of titles the mention is in
("new episodes of Zorby, Quell Town and Brant")."""


def work_part_named(text: str, mention: ner.Mention) -> bool:
    """A work-part noun (:data:`WORKS_PART_NOUNS`) in lower case right after
    ``mention``, or one of them with "of"/"to" before it ("the creator of [Zorby]",
    "author of the best-selling [Quell Code]"). A name followed by "'s" there is the
    maker's ("a remake of Jane Zorby's novel"), and is left alone."""
    end = mention.start + len(mention.text)
    after = _WORKS_AFTER.match(text, end)
    if after and after.group(1) in WORKS_PART_NOUNS:
        return True
    return bool(_WORKS_PART_OF.search(text[max(0, mention.start - 60):mention.start])
                and not _works_maker(text, mention))


def _works_maker(text: str, mention: ner.Mention) -> bool:
    """``mention`` names the maker of what follows it: a possessive ("Ann Brant's
    novel", as written or inside the model's span) or a work noun right after it ("the
    sequel to Ann Brant comedy Zorby", :func:`is_work_noun`)."""
    end = mention.start + len(mention.text)
    after = _AFTER.match(text, end)
    return (mention.text.endswith(("'s", "’s")) or bool(re.match(r"['’]s?\b", text[end:]))
            or bool(after and is_work_noun(after.group(1))))


WORKS_CAST_NOUNS: frozenset[str] = frozenset({
    "star", "co-star", "actor", "actress",
})
"""Nouns for who plays in a work, written between its title and the player's name
("Zorby Quell star Jane Roe", "Quellers actress Ann Brant")."""

_WORKS_CAST = re.compile(r"[ \t]+([a-z][a-z-]*[a-z])[ \t]+[A-Z]")


def cast_named(text: str, mention: ner.Mention) -> bool:
    """A cast noun (:data:`WORKS_CAST_NOUNS`) and a capitalised name right after a
    ``mention`` the model typed a person or a place, which is no gazetteer place, no
    country and no nationality word: "[Zorby Quell] star Jane Roe". A person is never
    the modifier of someone's trade, and a real place is ("Riverton star", "US actor"),
    but the gazetteer lists those; what stays is a title typed a person or a place.
    Names typed organisations are left alone: a club, a band or a network has stars
    too ("Riverton Rovers star", "Zorbly TV actress")."""
    if mention.type not in ("person", "place"):
        return False
    after = _WORKS_CAST.match(text, mention.start + len(mention.text))
    name = mention.text
    return bool(after and after.group(1) in WORKS_CAST_NOUNS and not gazetteer.is_place(name)
                and filters.any_country(name) is None
                and not bodies.nationality(name))


WORKS_DEVICE_NOUNS: frozenset[str] = frozenset({
    "console", "consoles", "handheld", "handset", "phone", "player", "computer", "device",
    "software", "chip", "program", "browser",
})
"""Nouns for made devices and programs. After a name alone they may name its maker
("a Zorbly console"), so they count only with a maker's possessive before the name
(:func:`made_by`). "System", "network" and "service" are left out: a country's health
service or a firm's network is written so too ("the UK's Zorb system")."""

_WORKS_MAKERS = re.compile(r"(?<![\w'’-])[A-Z][\w.&-]*['’]s?\s+$")
_WORKS_DEVICE_AFTER = re.compile(r"[ \t]+(?:[a-z][a-z-]*[ \t]+)?([a-z]+)\b")


def made_by(text: str, mention: ner.Mention) -> bool:
    """A maker's possessive right before ``mention`` and a device noun right after it,
    with at most one lower-case word between (:data:`WORKS_DEVICE_NOUNS`): "Zorbly's
    [Quell Advance] handheld", "Zorbly's [Quellbox] games console". The possessive says
    who made it, the noun what it is: the name is the product's, not a second body's."""
    after = _WORKS_DEVICE_AFTER.match(text, mention.start + len(mention.text))
    return bool(after and after.group(1) in WORKS_DEVICE_NOUNS
                and _WORKS_MAKERS.search(text[max(0, mention.start - 40):mention.start]))


def honour_named(text: str, mention: ner.Mention) -> bool:
    """An award noun in lower case right after ``mention``, or after the list it opens
    (:data:`WORKS_AWARD_NOUNS`: "Zorby nominations", "the Zorbies ceremony", "Zorby and
    Quell nominations"), or "-winning"/"-nominated" hyphened
    onto it ("Zorby-winning actor"): the name is an honour's."""
    end = mention.start + len(mention.text)
    end = (joined.end() if (joined := _WORKS_CONJOINED.match(text, end)) else end)
    after = _AFTER.match(text, end)
    if after and after.group(1) == "awards":
        return bool(_NOUN_PHRASE_ENDS.match(text, after.end(1))
                    or re.match(r"\s+[A-Z0-9]", text[after.end(1):]))
    return bool((after and after.group(1) in WORKS_AWARD_NOUNS)
                or _WORKS_HONOURED.match(text, end))


_WORKS_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                  r"eleventh|twelfth|\d+(?:st|nd|rd|th))")
_WORKS_EDITION = re.compile(
    r"(?:\b(?:his|her|its|their|my|our|your)\s+" + _WORKS_ORDINAL + r"|"
    r"\b(?:this|last|next)\s+(?:year|season|month|week|weekend)['’]s)\s+$")


def counted_edition(text: str, mention: ner.Mention) -> bool:
    """``mention`` counted as one of a series of things: an ordinal after a possessive
    ("his ninth Zorby", "their 12th Zorby") or a time's possessive ("this year's Zorbies",
    "last season's Zorby") right before it, with the name ending its noun phrase. One
    counts the editions of an event, a prize or a document, and the copies of a
    product; no one has a ninth of a person or a body, and "this year's" names an
    edition. A noun after the name ("his 50th Norland cap", "last season's Riverton
    side") makes the name a modifier of that noun, and is left alone."""
    end = mention.start + len(mention.text)
    return bool(_WORKS_EDITION.search(text[max(0, mention.start - 40):mention.start])
                and _NOUN_PHRASE_ENDS.match(text, end))


_COUNTED = re.compile(r"(?:^|[\s(\"“])(?:[Aa]n?|more|additional|extra|less|much|enough|"
                      r"further)\s+$")
_NOUN_PHRASE_ENDS = re.compile(
    r"\s*(?:[,.;:!?)\"”]|$|(?:of|in|on|at|to|for|with|from|that|which|who|there|here|is|"
    r"was|and|or|but|as|than|like)\b)")


def used_as_common_noun(text: str, mention: ner.Mention) -> bool:
    """An organisation-typed ``mention`` written as a common noun: an indefinite article
    or a quantity word right before it ("somewhat like an SAT, in fifth grade", "if you
    put a Solar System there", "additional CCTV and patrols") and its noun phrase ending
    with it. English gives one body's name neither: "an Apple spokesperson", "more NASA
    missions" are a spokesperson and missions (the name is a modifier, a noun follows),
    so only a name that ends its noun phrase counts."""
    end = mention.start + len(mention.text)
    return bool(_COUNTED.search(text[max(0, mention.start - 12):mention.start])
                and _NOUN_PHRASE_ENDS.match(text, end))


NAMED_FEATURE_NOUNS: frozenset[str] = FEATURE_NOUNS & frozenset({
    "river", "rainforest", "basin", "delta", "desert", "valley", "canyon"})
"""The :data:`FEATURE_NOUNS` that, written after a name, make a feature of its own: the Amazon
rainforest is not the company, the Colorado river not the state, the Ohio valley not
Ohio. The name is kept with its noun ("Amazon rainforest"), so the feature is not
merged with a namesake of another type; after a continent, a coast or mountains the
noun only says where ("the Antarctic continent" is Antarctica's), and the name stays
alone."""


def is_named_feature(name: str) -> bool:
    """``name`` is a name and its feature noun, as :func:`named_feature` writes it."""
    words = name.split()
    return len(words) >= 2 and words[-1] in NAMED_FEATURE_NOUNS


def named_feature(text: str, mention: ner.Mention) -> ner.Mention | None:
    """``mention`` widened to its natural-feature noun ("Amazon" → "Amazon rainforest",
    a place) when one of :data:`NAMED_FEATURE_NOUNS` follows it in lower case."""
    after = _AFTER.match(text, mention.start + len(mention.text))
    if not after or after.group(1) not in NAMED_FEATURE_NOUNS:
        return None
    return ner.Mention(text[mention.start:after.end(1)], "place", mention.start,
                       mention.tentative)


def called_a_feature(text: str, mention: ner.Mention) -> bool:
    """The word right after ``mention`` (at its offset in ``text``) is a natural feature
    noun in lower case (:data:`FEATURE_NOUNS`): the name is a place's."""
    after = _AFTER.match(text, mention.start + len(mention.text))
    return bool(after and after.group(1) in FEATURE_NOUNS)


def polled_by(text: str, mention: ner.Mention) -> bool:
    """The place-typed ``mention`` is the name of a poll's taker: the word right after it
    is a poll noun in lower case (:data:`POLL_NOUNS`, singular or plural: "the Monmouth
    poll", "Quinnipiac polls"), and the name is no country and no place of the gazetteer.
    "A Florida poll", "the Iowa poll" are polls *of* a state's or a city's people, and
    stay places; a name the model alone calls a place that is written where a pollster's
    is written is the pollster (a university's or a firm's short name), an organisation."""
    after = _AFTER.match(text, mention.start + len(mention.text))
    return bool(after and _singular(after.group(1)) in POLL_NOUNS
                and not filters.country_of(mention.text) and not gazetteer.is_place(mention.text))


VENUE_EVENT_NOUNS: frozenset[str] = frozenset({
    "match", "matches", "game", "games", "final", "finals", "semi-final", "semi-finals",
    "quarter-final", "quarter-finals", "clash", "fixture", "rubber", "race", "meeting",
    "tournament", "championship", "championships", "concert", "ceremony", "premiere",
    "festival", "summit", "talks",
})
"""Nouns for a contest or a gathering: things that happen at a place, so "at" or "in"
right after one introduces where ("the final in [Ostburg]", "the match at [Kestrel
Park]", "a ceremony in [Ostburg]"). A closed class of English's event words."""

VENUE_RESULT_NOUNS: frozenset[str] = frozenset({"victory", "win", "defeat", "draw"})
"""Nouns for a match's result. Right before "at" they name the home team as often as
the ground ("a 2-1 win at Riverton"), so they count only once the opponent is named
between ("a victory over Norland at [Kestrel Park]"): then "at" says where."""

VENUE_TRAVEL_NOUNS: frozenset[str] = frozenset({"trip", "journey", "visit"})
"""Nouns for going somewhere: "to" right after one introduces where ("the trip to
[Kestrel Park]"). "to" after a result is its opponent ("a defeat to Riverton")."""

_VENUE_BEFORE = re.compile(
    r"(?<![\w-])([a-z]+(?:-[a-z]+)?)"
    r"((?:[ \t]+(?:over|against)(?:[ \t]+[\w'’-]+){1,3})?)[ \t]+(at|in|to)[ \t]+"
    r"(?:the[ \t]+)?$")


def venue_of_event(text: str, mention: ner.Mention) -> bool:
    """True when an organisation-typed ``mention`` is where something happened: after
    "at" or "in" right after a contest's or a gathering's noun
    (:data:`VENUE_EVENT_NOUNS`: "the final in [Ostburg]"), after "at" or "in" that
    follows a result noun and its opponent (:data:`VENUE_RESULT_NOUNS`: "a victory
    over Norland at [Kestrel Park]"), or after "to" right after a travel noun
    (:data:`VENUE_TRAVEL_NOUNS`: "the trip to [Kestrel Park]"). The name is a place,
    whatever the model typed: it calls grounds and cities it has not seen
    organisations. An adjective's "final" ("the final minutes at Riverton") has words
    between and does not count."""
    if mention.type != "organization":
        return False
    found = _VENUE_BEFORE.search(text, max(0, mention.start - 80), mention.start)
    if found is None:
        return False
    noun, opponent, link = found.groups()
    if link == "to":
        return not opponent and noun in VENUE_TRAVEL_NOUNS
    return noun in (VENUE_RESULT_NOUNS if opponent else VENUE_EVENT_NOUNS)


_CONSTITUENCY_BEFORE = re.compile(
    r"(?<![\w-])(?:MPs?|MSPs?|MEPs?|AMs?|TDs?|MLAs?|Parliament) for $")
_CONSTITUENCY_AFTER = re.compile(r" (?:constituency|riding|electorate)\b")


def constituency_named(text: str, mention: ner.Mention) -> bool:
    """True when ``mention`` is an electoral district: after an elected member's
    abbreviation and "for" ("the MP for [Riverton North]", "entered Parliament for
    [Riverton North]"), or right before "constituency", "riding" or "electorate". A
    district is a place (its voters live there); the model, seeing a town's name with a
    compass or a suburb's word after it, calls it an organisation. "seat" is left out:
    "a safe Labour seat" names a party."""
    end = mention.start + len(mention.text)
    return bool(_CONSTITUENCY_BEFORE.search(text, max(0, mention.start - 20), mention.start)
                or _CONSTITUENCY_AFTER.match(text, end))


def kind_before(text: str, mention: ner.Mention) -> bool:
    """True when a qualified kind-of-body noun (:data:`KIND_NOUNS`) stands right before
    the name, on its line: "the Scottish rock band [Kestrel Lane]", "telecoms giant
    [ZX]". The qualifier is what keeps a relative clause out: "the company [Jane Roe]
    founded", "a firm [Mr Roe] ran" name a person after a determiner, not a kind; so
    is a capitalised determiner, at a sentence's start ("The company [Jane Roe] ran")."""
    before = _KIND_BEFORE.search(text[max(0, mention.start - 50):mention.start])
    return bool(before and before.group(1) in KIND_NOUNS)


def thing_votes(text: str, mentions: list[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with those :func:`called_a_thing` turned into ``other`` votes, those
    the sentence calls a website, publisher or firm (:data:`SITE_NOUNS`) into
    organisation votes, those written before a natural feature's noun into place votes
    (with the noun, for a feature of its own: :func:`named_feature`; else the name alone:
    :func:`called_a_feature`); a place written where a pollster's name is
    (:func:`polled_by`) or a person an appositive calls a body
    (:data:`PERSON_APPOSED_BODY_NOUNS`) into an organisation vote; a person or a place
    written after a qualified kind-of-body noun ("Scottish rock band X", "telecoms giant
    X", :func:`kind_before`) or before a body's role noun and a person's name ("X spokesman
    Jan Roe", :func:`cues.staffed_body`) into an organisation vote."""
    out = []
    for m in mentions:
        if m.type not in (None, ner.OTHER) and ner.at_its_offset(text, m):
            noun = said_to_be(text, m) or ""  # asked once: both tests read it
            if called_a_thing(text, m, noun) or counted_edition(text, m) or (
                    m.type == "organization" and used_as_common_noun(text, m)):
                m = ner.Mention(m.text, ner.OTHER, m.start, m.tentative)
            elif ((m.type == "place" and (noun in SITE_NOUNS or polled_by(text, m)))
                  or (m.type == "person" and noun in PERSON_APPOSED_BODY_NOUNS)
                  or (m.type in ("person", "place") and kind_before(text, m))
                  or cues.staffed_body(text, m)):
                m = ner.Mention(m.text, "organization", m.start, m.tentative)
            elif (feature := named_feature(text, m)) is not None:
                m = feature
            elif m.type != "place" and (called_a_feature(text, m)
                                        or venue_of_event(text, m)
                                        or media_sky_body(text, m)
                                        or constituency_named(text, m)
                                        or (m.type == "person" and ends_in_address(m.text))):
                m = ner.Mention(m.text, "place", m.start, m.tentative)
        out.append(m)
    return out


ADDRESS_NOUNS: frozenset[str] = frozenset({
    "Square", "Avenue", "Boulevard", "Plaza", "Airport", "Airbase", "Strait", "Canal",
    "Peninsula", "Ocean", "Gulf",
})
"""Last words of built places and waters that are no English surname: a name the model
labelled a person that ends in one ("Karl Marx Avenue", "Quill Square") is the place. The
nouns that are also surnames ("Street", "Bridge", "Lake", "Park") are left out: a person
called "Wayne Bridge" keeps the model's label."""


def ends_in_address(name: str) -> bool:
    """True for a name of two words or more ending in one of :data:`ADDRESS_NOUNS`."""
    words = name.split()
    return len(words) >= 2 and words[-1] in ADDRESS_NOUNS


def cued_bodies(mentions: list[ner.Mention], voted: list[ner.Mention]) -> set[str]:
    """The names :func:`thing_votes` turned from a person or a place into an
    organisation (``voted`` is its answer for ``mentions``): each had a close cue in its
    own sentence ("telecoms giant X", "X, the internet firm", "X spokesman Jan Roe").
    Not a name the filters drop as an organisation's (two capitals, "ZQ": a transcript's
    speaker mark), which the article's other mentions keep under their own type."""
    return {v.text for m, v in zip(mentions, voted, strict=True)
            if v.type == "organization" and m.type in ("person", "place")
            and filters.rejected(v.text, "organization") is None}


def as_cued_body(mention: ner.Mention, cued: set[str]) -> ner.Mention:
    """``mention`` as an organisation when a close cue elsewhere in the article said its
    name is one (:func:`cued_bodies`), else unchanged.

    An article names one thing by one name throughout, and the cue is written once, at
    the first mention ("Scottish rock band X"), while the model labels the later bare
    mentions by the name's shape (a first name and a surname: a person; a city's name in
    the gazetteer: a place). Counted as one vote among the article's, the cue lost to
    them; said by the sentence, it is the article's answer."""
    if mention.type in ("person", "place") and mention.text in cued:
        return ner.Mention(mention.text, "organization", mention.start, mention.tentative)
    return mention


MEDIA_SKY_BODIES: frozenset[str] = frozenset({"Sun", "Moon", "Earth", "Solar System"})
"""The bodies of the sky English writes with "the" and a capital ("the Sun", "the
Moon", "the Earth", "the Solar System"): a closed class of the language, each one
thing. After "the" they name no person and no organisation; the model, which rarely
saw them, types them either. They are places, as the planets are (the planets take no
"the" and name firms and people bare, "Mars" the confectioner, so they are left out).
A newspaper of the same name is told apart by the press's own cues
(:func:`_media_press_sense`)."""

_MEDIA_THE_BEFORE = re.compile(r"(?<![\w'’-])the\s+$")
_MEDIA_IN_TITLE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\s+of\s+(?:the|The)\s+$")
_MEDIA_TITLE_THE = re.compile(r"^The\s+")
_MEDIA_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*)$")
_MEDIA_PRESS_AFTER = re.compile(
    r"['’]?s?\s+(?:newspaper|tabloid|paper|daily|reported|reports|revealed|claimed|"
    r"said|says|quoted|columnist|editor|journalist|reporter|website)\b")
_MEDIA_PRESS_BEFORE = re.compile(
    r"\b(?:told|wrote\s+in|writing\s+in|quoted\s+in|quoted\s+by|interview\s+with|"
    r"according\s+to)\s+$")


def media_sky_body(text: str, mention: ner.Mention) -> bool:
    """``mention`` is the Sun, the Moon, the Earth or the Solar System
    (:data:`MEDIA_SKY_BODIES`) written after "the" (in the model's span or before it),
    and nothing says it is a newspaper of that name (:func:`_media_press_sense`). After
    a capitalised word and "of the" it ends a work's title ("Empire of the Sun"), as a
    place does in :func:`cues.place_in_title`, and is left alone."""
    name = _MEDIA_TITLE_THE.sub("", re.sub(r"^the\s+", "", mention.text))
    if name not in MEDIA_SKY_BODIES:
        return False
    before = text[max(0, mention.start - 40):mention.start]
    if name == mention.text and not _MEDIA_THE_BEFORE.search(before):
        return False
    if _MEDIA_IN_TITLE.search(before if name == mention.text else before + "the "):
        return False  # a work's title: "Shape of the Moon", "Empire of the Sun"
    return not _media_press_sense(text, mention)


def _media_press_sense(text: str, mention: ner.Mention) -> bool:
    """The words around ``mention`` make it a newspaper's title: "The" in capitals
    inside a sentence ("he told The Zorb"), a press noun or a reporting verb right after
    it ("the Zorb newspaper", "the Zorb reported"), or a verb of being told or quoted
    right before it ("told the Zorb", "writing in the Zorb"). The star neither reports
    nor is told anything."""
    start = mention.start
    if not mention.text.startswith("The "):
        start -= 4  # the "the " before the span
    before = text[max(0, start - 40):max(0, start)]
    title_case = text[start:start + 4] == "The "
    if title_case and not _MEDIA_SENTENCE_START.search(before):
        return True
    return bool(_MEDIA_PRESS_AFTER.match(text, mention.start + len(mention.text))
                or _MEDIA_PRESS_BEFORE.search(before))


MEDIA_SOFTWARE_HEADS: tuple[str, ...] = (
    "operating system", "search engine", "software", "app", "protocol", "browser",
    "encyclopedia", "encyclopaedia", "wiki", "distro",
)
"""Head nouns for programs and the works a program serves: operating systems, apps,
protocols, browsers, online encyclopedias. Where the article says with them what a
name is ("Zorb, an operating system", "the messaging app Zorb", "Zorb — Quell's paid
operating system") the name is a product's, not an organisation's or a person's, and
the article calls it by that name throughout. Generic nouns of English, not names.
Left out: "website", "site" and "platform" (the site's convention counts a website as
its company, :data:`SITE_NOUNS`), "application" (a visa's or a job's), "system" and
"network" alone (a health service's or a broadcaster's)."""

_MEDIA_HEADS = "|".join(h.replace(" ", r"\s+") for h in MEDIA_SOFTWARE_HEADS)
_MEDIA_MODIFIER = (r"(?!(?:of|for|with|by|and|or|in|on|to|at|from|that|which|who|whose|"
                   r"is|was|are|were|has|had)\b)[\w/'’.-]+\s+")
_MEDIA_APPOSED = re.compile(
    r"(?:\s*\([A-Z][\w.&-]*\))?\s*(?:,|—|–|\s-|\()\s*"
    r"(?:an?|the|its|their|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s)\s+"
    rf"(?:{_MEDIA_MODIFIER}){{0,6}}?(?:{_MEDIA_HEADS})s?{_HEAD_END}")
_MEDIA_NAMED_AFTER = re.compile(
    r"(?<![\w'’-])(?:an?|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,3}?"
    rf"(?:{_MEDIA_HEADS}),?\s+(?:called\s+|named\s+|known\s+as\s+)?$")
_MEDIA_SPEECH_AFTER = re.compile(
    r",?\s+(?:said|says|told|tells|added|adds|wrote|writes|explained|asked)\b")


def media_defined(text: str, mention: ner.Mention) -> bool:
    """The sentence defines ``mention`` as a program or an online work
    (:data:`MEDIA_SOFTWARE_HEADS`): an appositive after it, with its acronym in brackets
    between if any, headed by an article or a maker's possessive ("Zorb (ZB) — Quell's
    paid operating system", "Zorb, a free online encyclopedia"), or the noun right before
    it ("a new operating system, Zorb", "the messaging app Zorb"). A name the noun comes
    before and that then speaks ("a new app, Jan Roe said") is the speaker's."""
    end = mention.start + len(mention.text)
    if _MEDIA_APPOSED.match(text, end):
        return True
    return bool(_MEDIA_NAMED_AFTER.search(text[max(0, mention.start - 80):mention.start])
                and not _MEDIA_SPEECH_AFTER.match(text, end))


def media_things(text: str, mentions: list[ner.Mention]) -> set[str]:
    """The names of ``mentions`` (people and organisations) that :func:`media_defined`
    calls a program or an online work in ``text``."""
    return {m.text for m in mentions
            if m.type in ("person", "organization")
            and ner.at_its_offset(text, m)
            and media_defined(text, m)}


def as_media_thing(mention: ner.Mention, defined: set[str]) -> ner.Mention:
    """``mention`` as an ``other`` vote when the article defined its name as a program
    or an online work (:func:`media_things`), else unchanged.

    The definition is written once, at the first mention ("Zorb, an operating system"),
    and the article then writes the bare name many times, which the model types an
    organisation (or a person: a first name and a word); one ``other`` vote among them
    lost, as a cued body's did (:func:`as_cued_body`)."""
    if mention.type in ("person", "organization") and mention.text in defined:
        return ner.Mention(mention.text, ner.OTHER, mention.start, mention.tentative)
    return mention


KINDS_PERFORMER_ROLES: frozenset[str] = frozenset({
    "frontman", "frontwoman", "singer", "guitarist", "drummer", "bassist", "vocalist",
})
"""The role nouns of :data:`cues.STAFF_NOUNS` for someone who performs. English writes a
place's or a genre's name before them as often as a band's ("Riverton singer Jan Roe",
"soul singer Jan Roe": where the singer comes from, what they sing), so they are no
evidence for the corpus vote (:func:`stated_bodies`); the article's own vote keeps
reading them (:func:`cues.staffed_body`)."""

_KINDS_NAME_GOES_ON = re.compile(r"['’]s[ \t]+[A-Z]")
_KINDS_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


def stated_bodies(text: str, mentions: list[ner.Mention]) -> set[str]:
    """The names a close cue in ``text`` calls a body, whatever the model labelled that
    mention: a qualified kind-of-body noun right before the name ("Japanese electronics
    firm X", :func:`kind_before`), a body noun in an appositive or a list
    (:data:`PERSON_APPOSED_BODY_NOUNS`: "X, a reinsurance company"), or, for a name the
    model did not call a place, a body's role noun and a person's full name right
    after it ("X chief executive Jan Roe", :func:`_staffed`). Not a name that goes on
    with a possessive and a capital ("singing group [Quorin]'s Child"): the model cut
    a longer name, and the cue is the longer name's.

    :func:`cued_bodies` reads the same cues for the article's own vote, only where the
    model said person or place; this set is the cue's evidence for the corpus vote
    (:func:`news_digest.enrich.resolve.resolve_corpus`), which every article's label
    reaches, so a mention the model already called an organisation is evidence too."""
    out = set()
    for m in mentions:
        end = m.start + len(m.text)
        if m.type not in ("person", "place", "organization") \
                or not ner.at_its_offset(text, m) or _KINDS_NAME_GOES_ON.match(text, end):
            continue  # "singing group [Quorin]'s Child": the model cut the name short
        if (kind_before(text, m) or said_to_be(text, m) in PERSON_APPOSED_BODY_NOUNS
                or (m.type != "place" and _staffed(text, m))):
            out.add(m.text)
    return out


def stated_places(text: str, mentions: list[ner.Mention]) -> set[str]:
    """The names ``text`` calls an electoral district (:func:`constituency_named`: "the
    MP for X", "X constituency"), whatever the model labelled that mention: the corpus
    vote's evidence that the name is a place, as :func:`stated_bodies` is a body's. A
    district's name is a compass word or a suburb's after a town's ("Riverton North"),
    which the model calls an organisation in the articles that list results."""
    return {m.text for m in mentions if m.type in ("person", "place", "organization")
            and ner.at_its_offset(text, m)
            and constituency_named(text, m)}


KINDS_PERFORMER_NOUNS: frozenset[str] = frozenset({
    "rapper", "singer", "songwriter", "singer-songwriter", "vocalist", "star",
    "guitarist", "pianist", "drummer", "bassist", "comedian", "actor", "actress",
})
"""Nouns for a person who performs, written right before the performer's name ("R&B
star X", "rapper X"). A closed class of trades; the name after one is the performer's,
one person's: a band or a cast is named after a collective's noun ("band", "group"),
not after these. Not "producer", "director", "host" (a firm or a show follows them:
"record producer Quorin Records")."""

GLUED_TRADE_NOUNS: frozenset[str] = KINDS_PERFORMER_NOUNS | cues.TEAM_ROLES
"""Trade nouns English writes right before a person's name as a description, never as
part of it ("rapper Ana Vell", "striker Ana Vell"): the performer's nouns
(:data:`KINDS_PERFORMER_NOUNS`) and a team's players and staff (:data:`cues.TEAM_ROLES`).
A sentence or a headline capitalises the noun ("Rapper Ana Vell is to play"), and the
model takes it into the span."""


def glued_without_trade(name: str) -> str:
    """A person's name without a trade noun the span opened with ("Striker Ana Vell" →
    "Ana Vell", "Rapper Quorin" → "Quorin": :data:`GLUED_TRADE_NOUNS`); unchanged when
    the noun is the whole span or written in lower case (a surname "Singer" stands
    last, a title "Captain" is :data:`ner.TITLES`'s)."""
    words = name.split()
    if len(words) >= 2 and words[0][:1].isupper() and words[0].lower() in GLUED_TRADE_NOUNS:
        return " ".join(words[1:])
    return name


GLUED_TITLE_WORK_NOUNS: frozenset[str] = WORK_NOUNS | {
    "programme", "book", "song", "adaptation", "remake"}
"""Nouns for a work written right before or right after a capitalised title ("the
<Title> programme", "an adaptation of <Title>"): :data:`WORK_NOUNS`, "programme", which
it leaves out because it also follows a maker or a body ("a BBC programme": here that
stands beside the whole capitalised run, never beside a longer run the span is a piece
of), and the nouns for a written work or a new version of one. Not the nouns that are
also verbs before a name or a sport's words ("show", "play", "series": "pictures show
<Name> in <Town>", "the <Country> and <Country> series")."""
GLUED_TITLE_PLACE_LINKS: frozenset[str] = frozenset({"in", "at", "from"})
"""Prepositions of place inside a work's title ("<Title> in Ostburg"). Not "of", which
also links a body to its place ("the Bank of Ostburg programme"), nor "and"."""
GLUED_TITLE_LINKS: frozenset[str] = frozenset({
    "of", "in", "at", "from", "with", "and", "the", "on", "for", "to", "a"})
"""Lower-case function words a title keeps between its capitalised words ("Breakfast
with Quorin", "Fear in the City"): the prepositions, "and" and the articles."""
_GLUED_TITLE_TOKEN = re.compile(r"[A-Za-z](?:[\w'’&-]|\.(?=\w))*")


def _glued_title_run(text: str, mention: ner.Mention) -> tuple[int, int, str, str]:
    """The capitalised run around ``mention`` (start, end, the word before it, the word
    after it): capitalised words and, between two of them, :data:`GLUED_TITLE_LINKS`. A
    possessive ends the run on its left ("the BBC's <Title>": the owner's name)."""
    tokens = [(t.start(), t.end(), t.group()) for t in _GLUED_TITLE_TOKEN.finditer(text)]
    end = mention.start + len(mention.text)
    inside = [i for i, (a, b, _) in enumerate(tokens) if a >= mention.start and b <= end]
    if not inside:
        return mention.start, end, "", ""
    first, last = inside[0], inside[-1]

    def capital(i: int) -> bool:  # not a capitalised link word ("The", "In")
        return (0 <= i < len(tokens) and tokens[i][2][:1].isupper()
                and tokens[i][2].lower() not in GLUED_TITLE_LINKS | {"an"})

    def joined(i: int, j: int) -> bool:  # only blanks between tokens i and j
        return text[tokens[i][1]:tokens[j][0]].strip(" \t") == ""

    while True:
        step = 1 if capital(first - 1) else 2 if (
            first >= 2 and tokens[first - 1][2] in GLUED_TITLE_LINKS and capital(first - 2)) else 0
        if not step or not all(joined(first - k, first - k + 1) for k in range(1, step + 1)) \
                or re.search(r"['’]s?$", tokens[first - step][2]):
            break
        first -= step
    while True:
        step = 1 if capital(last + 1) else 2 if (
            last + 2 < len(tokens) and tokens[last + 1][2] in GLUED_TITLE_LINKS
            and capital(last + 2)) else 0
        if not step or not all(joined(last + k - 1, last + k) for k in range(1, step + 1)):
            break
        last += step
    before = tokens[first - 1][2] if first > 0 and joined(first - 1, first) else ""
    after = tokens[last + 1][2] if last + 1 < len(tokens) and joined(last, last + 1) else ""
    if before.endswith(("of", "Of")) and first > 1 and joined(first - 2, first - 1):
        before = tokens[first - 2][2]  # "an adaptation of <Title>"
    return tokens[first][0], tokens[last][1], before, after


def glued_title_piece(text: str, mention: ner.Mention) -> bool:
    """True when the span is a piece of a work's title the text marks as one: a
    capitalised run (:func:`_glued_title_run`) longer than the span, with a work's noun
    (:data:`GLUED_TITLE_WORK_NOUNS`) right before or after it ("the <Breakfast with
    Quorin> programme", "an adaptation of <Fear in Ostburg>"), and the span either one
    English common word written in title case and not read as a person ("Breakfast",
    "Digital": :func:`filters.glued_common_word`; "Breakfast with [Frost]" names its
    host, "The [US] movie" is an acronym after a sentence's first word) or a
    place after a preposition of place inside the title (:data:`GLUED_TITLE_PLACE_LINKS`:
    "in <Ostburg>"). English writes such a
    noun beside the whole title, so the span names the work's word, not a body or a
    town; a name that is the whole run ("the BBC programme") is left alone."""
    lead = re.match(r"(?:[a-z]+[ \t]+)+", mention.text)
    if lead:  # "the [Ostburg]": the run is read from the name's first capital
        mention = ner.Mention(mention.text[lead.end():], mention.type, mention.start + lead.end())
    start, end, before, after = _glued_title_run(text, mention)
    if start >= mention.start and end <= mention.start + len(mention.text):
        return False
    if not (is_glued_work(before) or is_glued_work(after)):
        return False
    if (mention.type != "person" and mention.text.istitle() and " " not in mention.text
            and filters.glued_common_word(mention.text)):
        return True
    link = re.search(r"(\w+)[ \t]+$", text[start:mention.start])
    return (mention.type == "place" and link is not None
            and link.group(1) in GLUED_TITLE_PLACE_LINKS)


def is_glued_work(word: str) -> bool:
    """``word`` is a work's noun of :data:`GLUED_TITLE_WORK_NOUNS`, singular or plural."""
    low = word.lower()
    return word.islower() and (low in GLUED_TITLE_WORK_NOUNS or is_work_noun(low)
                               or low.rstrip("s") in GLUED_TITLE_WORK_NOUNS)


_KINDS_PERFORMER_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]*)[ \t]+$")


def performer_named(text: str, mention: ner.Mention) -> bool:
    """True when a one-word name stands right after a performer's noun
    (:data:`KINDS_PERFORMER_NOUNS`): "R&B star [Quorin]", "the rapper [Quorin]". The
    small model types a stage name it has not seen by its shape, often an organisation;
    the noun says it is a person. Not a name that goes on with a possessive and a
    capital ("star [Quorin]'s Revenge": a work's or a longer name), nor a gazetteer
    place or a country ("Hollywood" is written after "film star" only as a modifier
    of what follows)."""
    end = mention.start + len(mention.text)
    if (" " in mention.text or not ner.at_its_offset(text, mention)
            or _KINDS_NAME_GOES_ON.match(text, end)
            or gazetteer.is_place(mention.text) or filters.country_of(mention.text)):
        return False
    before = _KINDS_PERFORMER_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return bool(before and before.group(1) in KINDS_PERFORMER_NOUNS)


def _staffed(text: str, mention: ner.Mention) -> bool:
    """:func:`cues.staffed_body` read for the corpus vote, whatever the mention's label,
    but not before a performer's noun (:data:`KINDS_PERFORMER_ROLES`). The caller
    leaves out a name the model called a place: a town's name before "boss" is its
    club's."""
    after = _KINDS_NEXT_WORD.match(text, mention.start + len(mention.text))
    return (cues.staffed_body(text, ner.Mention(mention.text, "person", mention.start))
            and not (after and after.group(1) in KINDS_PERFORMER_ROLES))
