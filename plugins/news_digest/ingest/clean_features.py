"""Site-independent evidence that a line of a text dump is article prose.

One small scored model, used by :mod:`clean`: every line gets a *quality* ``q`` in
[-1, 1] from what it looks like on its own (function-word density, how it ends, how many
words are capitalised, whether it is link or address text), and a *length* ``n`` in
word-equivalents saying how far that look can be trusted. A short line's look says
little, so its decision leans on its context: the quality of the nearest lines long
enough to speak for themselves (jusText's insight, in continuous form). Nothing here
names a site, a page or a word seen in a benchmark; every weight is explained in
``docs/cleaning.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from news_digest.ingest.clean_lines import SENTENCE_END, without_links

CHARS_PER_WORD = 6.0
"""A line's length is counted in characters / 6 ("word-equivalents"): about one English
word plus its space, and it still measures lines of languages written without spaces."""
CONFIDENT = 20.0
"""A line this long (about 120 characters, one full sentence) is judged on its own look;
a shorter one is judged partly, a one-word line almost wholly, by its context."""
STOP_CENTRE = 0.31
STOP_SCALE = 0.10
"""Function-word share: jusText's published thresholds (0.30 near-good, 0.32 good) give
the centre; ±0.10 around it saturates (prose ~0.45, a list of names ~0.1)."""
LENGTH_LOW = 70
LENGTH_HIGH = 200
"""Without a stop list for the page's language (Thai, Chinese, Japanese: no list, or no
spaces to find words by), length stands in for function words, as in jusText's
language-independent mode (stop-word thresholds set to 0, so its published length
thresholds decide): a line under 70 characters is short (-1), one over 200 is a
paragraph (+1), linear in between."""
W_STOP = 0.5
W_END = 0.25
W_CAPS = 0.25
"""Half the quality comes from function words (the strongest general signal of running
text), a quarter each from ending like a sentence and from not capitalising every word."""
W_LINK = 1.0
"""A URL, an e-mail address or a breadcrumb trail is never article prose."""

_FIGURE = re.compile(r"\S*\d\S*")
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.]{2,}$", re.IGNORECASE)
_CRUMB = re.compile(r"\s[|»›>/]\s")
LINK_SHARE = 0.3
"""A line whose words are this much URLs or e-mail addresses, or that holds a breadcrumb
trail (two or more " | " / " » " separators in a short line), is link text."""


@dataclass(frozen=True, slots=True)
class Look:
    """What one line looks like, each part in [-1, 1] (+1: like prose)."""

    stop: float
    end: float
    caps: float
    link: float
    data: bool = False
    """A row of figures (two or more tokens with digits, or tab-separated cells)."""

    @property
    def quality(self) -> float:
        """The line's own prose evidence, in [-1, 1]."""
        q = W_STOP * self.stop + W_END * self.end + W_CAPS * self.caps + W_LINK * self.link
        if self.data:  # a results table or a list of figures is not prose, nor chrome
            q = max(q, 0.0)
        return max(-1.0, min(1.0, q))


def length(text: str) -> float:
    """Length in word-equivalents (characters / CHARS_PER_WORD)."""
    return len(text) / CHARS_PER_WORD


_UNSPACED_SCRIPT = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
"""Thai, Lao, Myanmar, Khmer, kana and CJK: scripts written without spaces between words."""
LONGEST_WORD = 40
"""Characters in the longest word of a language written with spaces, with room to spare
(the longest English dictionary words have about 30); a longer unbroken run is a token,
a hash or an encoded blob."""


def _written(sample: str) -> bool:
    """True when ``sample`` can be language: its words are spaced, or it is in a script
    written without spaces. Length stands in for function words only then: a base64 blob
    on one line is as long as a paragraph of Thai and has neither."""
    if _UNSPACED_SCRIPT.search(sample):
        return True
    return max((len(w) for w in without_links(sample).split()), default=0) <= LONGEST_WORD


def confidence(n: float) -> float:
    """How much a line of length ``n`` speaks for itself, from 0 to 1."""
    return min(n / CONFIDENT, 1.0)


def look(text: str, stops: float | None, cells: bool = False) -> Look:
    """The look of a line; ``stops`` is its function-word share, None for an unknown language
    (then its length in characters takes that term's place, LENGTH_LOW / LENGTH_HIGH);
    ``cells`` says the dump kept the line's table cells apart.

    Reads at most the first 4000 characters: a giant line costs no more than a long one.
    """
    sample = text[:4000]
    if stops is None and not _written(sample):
        stop = -1.0  # one unbroken run of Latin letters and digits: a blob, not language
    elif stops is None:  # no function words to count: length speaks instead (jusText)
        stop = _clip((2 * len(text) - LENGTH_LOW - LENGTH_HIGH) / (LENGTH_HIGH - LENGTH_LOW))
    else:
        stop = _clip((stops - STOP_CENTRE) / STOP_SCALE)
    words = without_links(sample)
    end = 1.0 if SENTENCE_END.search(words.rstrip()[-3:]) else -1.0
    link = -1.0 if linky(sample) else 0.0
    data = cells or len(_FIGURE.findall(words[:400])) >= 2
    return Look(stop=stop, end=end, caps=_caps(sample), link=link, data=data)


def decide(q: float, n: float, context: float) -> float:
    """A line's decision score in [-1, 1]: its own quality blended with its context's,
    in proportion to how much the line can speak for itself."""
    w = confidence(n)
    return w * q + (1.0 - w) * context


def linky(text: str) -> bool:
    """Mostly addresses, or a breadcrumb: "Home » News » World" (the ``link`` term)."""
    words = text.split()
    if len(words) <= 30 and len(_CRUMB.findall(text)) >= 2:
        return True
    return sum(bool(_ADDRESS.match(w.strip("()<>[],;."))) for w in words) >= LINK_SHARE * len(words)


def _caps(text: str) -> float:
    """+1 when no longer word is capitalised, -1 when all are (headlines, menus, names).

    Prose capitalises a few names; link text and headings capitalise nearly every word.
    Lines with fewer than two words of 4+ letters say nothing (0).
    """
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    if len(words) < 2:
        return 0.0
    upper = sum(w[:1].isupper() for w in words) / len(words)
    return 1.0 - 2.0 * upper


def _clip(x: float) -> float:
    return max(-1.0, min(1.0, x))
