"""Read dates from datelines and seed paths, without a general date-guessing library.

Datelines in scraped news come in a handful of English shapes ("Friday, January 4, 2019",
"4 January 2019", "2019-01-04", "Jan. 4, 2019 4:08 pm EST", "December 18, 2014 | 11:38pm",
the time first as in "5:00PM GMT 31 Dec 2014", a machine stamp "2014-12-31 17:13:38.0").
A small explicit parser reads exactly those and says ``None`` to anything else, which is
what the date chain wants: a wrong date is worse than falling through to the next source
(path, mtime). Numeric day/month dates ("04/11/2014") are never read: which number is
the month is a guess. Every result is timezone-aware; a dateline without a zone is taken
as UTC.
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
_TIME = (r"(?:\s*[,|]?\s*(?:at\s+)?(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)"
         r"(?::(?P<second>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)?"
         r"(?:\s*(?P<zone>[A-Z]{1,5}\b|[+-]\d\d:?\d\d)(?![\w-]))?)?")
"""A time after the date: ", 4:08 pm EST", " at 18:30 GMT", " | 11:38pm"."""
_KNOWN_ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
_TIME_FIRST = (r"(?<![\w.:,])(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
               r"\s*(?P<ampm>[ap]\.?m\.?)?"
               rf"(?:\s*(?P<zone>(?:{_KNOWN_ZONE})\b|[+-]\d\d:?\d\d))?"
               r"(?:\s*,\s*|\s+)(?:on\s+)?")
"""A time before the date ("5:00PM GMT 31 Dec 2014", "17:00, Wednesday 31 December
2014"): only a zone from :data:`ZONES` or an offset may stand between the two, so an
unknown word there ("5:00PM London 31 Dec 2014") is not read across: that gives the day alone."""
_ISO_TIME = (r"(?:[T ](?P<hour>[012]\d):(?P<minute>[0-5]\d)"
             r"(?::(?P<second>[0-5]\d)(?:[.,]\d{1,9})?)?"
             rf"(?:\s?(?P<zone>Z|[+-]\d\d:?\d\d|(?:{_KNOWN_ZONE}))(?![\w:-]))?)?")
"""A time after an ISO date, as machines print it: "T02:00:00+00:00",
" 17:13:38.0", " 17:13:38.123 GMT"."""

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b{_TIME}",
        rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b{_TIME}",
        rf"{_TIME_FIRST}{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        rf"{_TIME_FIRST}{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
        rf"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d){_ISO_TIME}",
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
    found = _first_date(line)
    return found[1] if found is not None else None


def dateline_span(line: str) -> tuple[int, int] | None:
    """Where in ``line`` the date :func:`parse_dateline` reads starts and ends (with its
    weekday, time and zone), or ``None``: how a byline's finder cuts "By Jane Doe |
    November 4, 2014 09:00pm ET" into the byline and its date."""
    found = _first_date(line)
    return found[0].span() if found is not None else None


def _first_date(line: str) -> tuple[re.Match[str], datetime] | None:
    """The earliest date-shaped match in the line that is a real date, and that date."""
    text = line[:MAX_DATELINE_CHARS]
    found = [(m.start(), m) for p in _PATTERNS if (m := p.search(text))]
    for _, match in sorted(found, key=lambda item: item[0]):
        result = _build(match)
        if result is not None:
            return match, result
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


# --- dates a format or an index states ---------------------------------------------------

_EPOCH = re.compile(r"(?P<digits>\d{9,10}|\d{12,13})(?:\.\d+)?")
"""Unix time as digits: seconds (9–10 digits: 1973–2286) or milliseconds (12–13)."""
_NUMERIC = re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
                      r"(?:[ T,]+(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?")
"""A numeric day and month with a four-digit year ("27/01/2005", "01.27.2005 10:15")."""
NOT_A_DATE = "is not a date"
AMBIGUOUS = "is ambiguous (day or month first?)"


def epoch_date(value: float) -> datetime | None:
    """Unix seconds, or milliseconds when the number is too large to be seconds (10¹¹ s
    is the year 5138, 10¹¹ ms is 1973), as a UTC datetime; None for anything else (a
    number under 10⁸, before 1973, is a count or an id, not a news article's time)."""
    if not 1e8 <= abs(value) < 1e14:
        return None
    try:
        seconds = value / 1000 if abs(value) >= 1e11 else value
        date = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return date if 1970 <= date.year <= 2200 else None


def stated_date(text: str) -> tuple[datetime | None, str | None]:
    """A date a record's field or an ``index.tsv`` states, or why it cannot be read.

    What is stated as a date may be read more boldly than a line of text: ISO forms,
    the dateline shapes of :func:`parse_dateline`, Unix seconds or milliseconds written
    as digits, and a numeric day and month when only one order makes a date
    ("27/01/2005": there is no month 27; "05/05/2005" either way). "03/04/2005" is
    refused, as datelines' numeric dates are: which is the month is a guess. The second
    value is the reason when there is no date (:data:`AMBIGUOUS`, :data:`NOT_A_DATE`),
    for a warning that names the field and its value, so a curator can fix it.
    """
    text = text.strip()
    if _EPOCH.fullmatch(text) is not None:
        date = epoch_date(float(text))
        return (date, None) if date is not None else (None, NOT_A_DATE)
    try:
        iso = datetime.fromisoformat(text)
    except ValueError:
        iso = None
    if iso is not None:
        return (iso if iso.tzinfo else iso.replace(tzinfo=UTC)), None
    if (found := parse_dateline(text)) is not None:
        return found, None
    numeric = _NUMERIC.fullmatch(text)
    if numeric is None:
        return None, NOT_A_DATE
    a, b = int(numeric["a"]), int(numeric["b"])
    orders = {(day, month) for day, month in ((a, b), (b, a)) if 1 <= month <= 12}
    if len(orders) > 1:
        return None, AMBIGUOUS
    for day, month in orders:
        try:
            return datetime(int(numeric["year"]), month, day, int(numeric["hour"] or 0),
                            int(numeric["minute"] or 0), int(numeric["second"] or 0),
                            tzinfo=UTC), None
        except ValueError:
            break
    return None, NOT_A_DATE
