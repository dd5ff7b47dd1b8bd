"""Read dates from datelines and seed paths, without a general date-guessing library.

Datelines in scraped news come in a handful of English shapes ("Friday, January 4, 2019",
"4 January 2019", "2019-01-04", "Jan. 4, 2019 4:08 pm EST"). A small explicit parser
reads exactly those and says ``None`` to anything else, which is what the date chain
wants: a wrong date is worse than falling through to the next source (path, mtime).
Every result is timezone-aware; a dateline without a zone is taken as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
"""Month names by their first three (or four, "Sept") letters."""

ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "ET": -5, "CST": -6, "CDT": -5, "CT": -6, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "PT": -8, "AKST": -9, "AKDT": -8, "HST": -10,
}
"""Zone abbreviations seen in English datelines, as hours from UTC. Ambiguous ones take
their most common news meaning: IST is India, CST is US Central."""

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (r"(?:,?\s*(?:at\s+)?(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
         r"\s*(?P<ampm>[ap]\.?m\.?)?"
         r"(?:\s*(?P<zone>[A-Z]{1,5}\b|[+-]\d\d:?\d\d)(?![\w-]))?)?")

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b{_TIME}",
        rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b{_TIME}",
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
        r"(?:[T ](?P<hour>[012]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
        r"(?P<zone>Z|[+-]\d\d:?\d\d)?)?",
    )
)

_PATH_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_/.]?)(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)"
)

MAX_DATELINE_CHARS = 300
"""Longer input is not a dateline; cutting it keeps a pathological line cheap."""


def parse_dateline(line: str) -> datetime | None:
    """Return the first dateline-shaped date in ``line`` (timezone-aware), or ``None``.

    The date may sit inside other words ("MUMBAI Tue Dec 30, 2014 4:33pm IST"); deciding
    whether a line *is* a dateline is the cleaner's job, not this parser's.
    """
    text = line[:MAX_DATELINE_CHARS]
    found = [(m.start(), m) for p in _PATTERNS if (m := p.search(text))]
    for _, match in sorted(found, key=lambda item: item[0]):
        result = _build(match)
        if result is not None:
            return result
    return None


def date_from_path(rel: str) -> datetime | None:
    """Return a date written in a seed's relative path ("2020/01/08/x.txt"), at UTC midnight."""
    for match in _PATH_DATE.finditer(rel):
        try:
            return datetime(int(match["year"]), int(match["month"]), int(match["day"]), tzinfo=UTC)
        except ValueError:
            continue
    return None


def _build(match: re.Match[str]) -> datetime | None:
    """Turn a regex match into an aware datetime; ``None`` when the parts are impossible."""
    parts = match.groupdict()
    month_text = parts["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text[:4], 0) \
        or MONTHS.get(month_text[:3], 0)
    hour, minute = int(parts.get("hour") or 0), int(parts.get("minute") or 0)
    second = int(parts.get("second") or 0)
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    tz = _zone(parts.get("zone"))
    if tz is None:
        return None
    try:
        return datetime(int(parts["year"]), month, int(parts["day"]), hour, minute, second,
                        tzinfo=tz)
    except ValueError:
        return None


def _zone(name: str | None) -> timezone | None:
    """A fixed-offset zone for an abbreviation or ``+hh:mm``; UTC when absent or unknown.

    An unknown capitalised word after the time (a place, a word of the next sentence)
    is not a zone we can trust, so it counts as "no zone" rather than failing the date.
    """
    if not name:
        return UTC
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset >= timedelta(hours=15):
            return None
        return timezone(-offset if name[0] == "-" else offset)
    hours = ZONES.get(name.upper())
    if hours is None:
        return UTC
    return UTC if hours == 0 else timezone(timedelta(hours=hours))
