"""A small grammar of English time expressions: find them in text, normalise them to DateSpans.

Patterns are plain regular expressions (case-insensitive, so upper-case wire copy works). Each
pattern has a handler that turns its match into a :class:`DateSpan` given :class:`Refs`: the
reference (publication) date for relative expressions and the narrative context date for
"that year" / "two years later". Spans never end before they start and a year never gets a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from chronica.records import DateSpan, Granularity

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "a couple of": 2, "a few": 3, "few": 3,
    "several": 3,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
# Nouns that name a stretch of time, not an event: "after the night" is no anchor.
TIME_NOUNS = frozenset(
    [
        "night",
        "day",
        "morning",
        "evening",
        "afternoon",
        "weekend",
        "week",
        "month",
        "year",
        "decade",
        "period",
        "time",
        "moment",
        "end",
        "start",
        "beginning",
        "middle",
        "past",
        "future",
        "same",
        "following",
        "next",
        "previous",
    ]
)

_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MON = rf"(?:{_FULL}|{_ABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y4 = r"(?:1[5-9]\d\d|20\d\d)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = (
    r"(?:\d{1,3}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|fifty|several|few)"
)
_UNIT = r"(?:day|week|month|year|decade)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Words after a bare year that show it is a count ("2000 people"), not a date.
_COUNT_NOUNS = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "soldiers",
        "troops",
        "members",
        "civilians",
        "protesters",
        "police",
        "officers",
        "fighters",
        "residents",
        "workers",
        "students",
        "families",
        "homes",
        "houses",
        "votes",
        "dollars",
        "euros",
        "pounds",
        "tons",
        "tonnes",
        "meters",
        "metres",
        "feet",
        "miles",
        "kilometers",
        "kilometres",
        "km",
        "hours",
        "minutes",
        "rounds",
        "rockets",
        "missiles",
        "shells",
        "prisoners",
        "refugees",
        "deaths",
        "casualties",
        "units",
        "times",
        "pages",
        "cases",
        "copies",
        "delegates",
        "voters",
        "gmt",
        "utc",
        "hrs",
        "local",
    ]
)
_YEAR_PREP = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|during|before|after|of|to|through|circa|c\.|around|"
    r"early|late|mid|year|and|or|between|spring|summer|autumn|fall|winter)\s*-?\s*|[,(]\s*)$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"[a-z-]+")
# Letters that IGNORECASE matches to ASCII letters but str.lower() does not lower to them.
_UNFOLDED = ("\u0130", "\u0131", "\u017f")
_MONTH_PREP = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|of|to|through|early|late|mid|last|"
    r"next|this|and|or|between|on)\s*-?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Refs:
    """What relative expressions are resolved against: the publication date and the date of
    the narrative context (the last dated sentence before)."""

    reference: date | None = None
    context: DateSpan | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    span: DateSpan | None
    note: str  # why it is unresolved, or how it was resolved ("relative to 2022-06-08")


@dataclass(frozen=True, slots=True)
class Found:
    """One time expression in a text: char offsets, its class and the regex match."""

    start: int
    end: int
    text: str
    kind: str  # absolute | relative | interval | open | anchor | context
    pattern: str
    match: re.Match[str]

    @property
    def anchor(self) -> str | None:
        """The anchor noun of a fuzzy anchor ("after the war" -> "war")."""
        if self.kind != "anchor":
            return None
        return self.match.group("noun").lower()


Handler = Callable[[re.Match[str], Refs], Resolution]


@dataclass(frozen=True, slots=True)
class Gate:
    """A cheap necessary condition for a pattern to match, tested before its regex runs: each
    group has a word that occurs in the lower-cased text (:data:`DIGIT` stands for any
    digit). A gate may let through texts the regex then rejects, never the reverse. Groups
    are bit masks over the gate words (see :func:`_gate_bits`)."""

    masks: tuple[int, ...]

    def opens(self, view: TextView) -> bool:
        for mask in self.masks:
            if not view.present & mask:
                return view.unfolded
        return True


@dataclass(frozen=True, slots=True)
class TextView:
    """The gate words a text contains (a bit mask), computed once per text. ``unfolded``
    marks letters that case-insensitive regexes match to ASCII but ``str.lower`` does not
    lower to it (every gate is open then)."""

    present: int
    unfolded: bool

    @classmethod
    def of(cls, text: str) -> TextView:
        # Gate words are runs of [a-z-], so each occurrence lies inside one such run.
        present = 0
        for run in _RUN.findall(text.lower()):
            present |= _gate_bits_in(run)
        if _DIGIT.search(text) is not None:
            present |= _gate_bits()[DIGIT]
        return cls(present, any(c in text for c in _UNFOLDED))


@lru_cache(maxsize=1)
def _gate_bits() -> dict[str, int]:
    """One bit per gate word."""
    words = sorted({w for groups in _GATE_SOURCES.values() for group in groups for w in group})
    return {word: 1 << i for i, word in enumerate(words)}


@lru_cache(maxsize=65536)
def _gate_bits_in(run: str) -> int:
    bits = 0
    for word, bit in _gate_bits().items():
        if word != DIGIT and word in run:
            bits |= bit
    return bits


def _gate(groups: tuple[tuple[str, ...], ...]) -> Gate:
    bits = _gate_bits()
    return Gate(tuple(sum(bits[w] for w in set(group)) for group in groups))


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    handler: Handler
    gate: Gate
    accept: Callable[[str, re.Match[str]], bool] | None = None


# --------------------------------------------------------------------------- span helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def day_span(d: date, text: str | None = None) -> DateSpan:
    return DateSpan(d, d, "day", "text", text)


def month_span(y: int, m: int, text: str | None = None) -> DateSpan:
    return DateSpan(date(y, m, 1), _month_end(y, m), "month", "text", text)


def year_span(y: int, text: str | None = None) -> DateSpan:
    return DateSpan(date(y, 1, 1), date(y, 12, 31), "year", "text", text)


def make_span(
    start: date | None, end: date | None, granularity: Granularity, text: str | None = None
) -> DateSpan:
    """A span whose end never precedes its start (the bounds are swapped if they would)."""
    if start is not None and end is not None and end < start:
        start, end = end, start
    return DateSpan(start, end, granularity, "text", text)


def _ok(span: DateSpan, note: str = "") -> Resolution:
    return Resolution(span, note)


def _fail(note: str) -> Resolution:
    return Resolution(None, note)


def _number(text: str) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else NUMBERS[text]


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _two_digit_year(yy: int, reference: date | None) -> int:
    """'90' -> 1990: the latest year with these last two digits not after reference + 1."""
    if reference is None:
        return 2000 + yy if yy <= 30 else 1900 + yy
    year = reference.year // 100 * 100 + yy
    return year - 100 if year > reference.year + 1 else year


def _year_of(text: str, reference: date | None) -> int:
    text = text.lstrip("'")
    return int(text) if len(text) == 4 else _two_digit_year(int(text), reference)


def _past_year_for(month: int, day: int, reference: date | None) -> int | None:
    """Year of a month/day without a year: the occurrence nearest the reference, a future
    one counting double (news mostly reports the past: "30 December" in a story of 3 January
    is last year's)."""
    if reference is None:
        return None
    best: tuple[int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if d is None:
            continue
        delta = (d - reference).days
        cost = 2 * delta if delta > 0 else -delta
        if best is None or cost < best[0]:
            best = (cost, year)
    return None if best is None else best[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- handlers


def _h_dmy(m: re.Match[str], refs: Refs) -> Resolution:
    y = _year_of(m.group("y"), refs.reference)
    d = _safe_date(y, _month(m.group("m")), _day(m.group("d")))
    return _ok(day_span(d)) if d else _fail("no such day")


def _h_iso(m: re.Match[str], refs: Refs) -> Resolution:
    d = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    return _ok(day_span(d)) if d else _fail("no such day")


def _h_dm(m: re.Match[str], refs: Refs) -> Resolution:
    month, day = _month(m.group("m")), _day(m.group("d"))
    year = _past_year_for(month, day, refs.reference)
    note = f"year from publication date {refs.reference}"
    if year is None:
        year = _context_year_for(month, day, refs.context)
        note = "year from the narrative's last date"
    if year is None:
        return _fail("day and month without a year, and no publication date")
    d = _safe_date(year, month, day)
    return _ok(day_span(d), note) if d else _fail("bad")


def _context_year_for(month: int, day: int, context: DateSpan | None) -> int | None:
    """Year of a month/day without a year and without a publication date: the year of the
    narrative's last date (the occurrence nearest it when that date has a month)."""
    if context is None or context.granularity in {"decade", "unknown"}:
        return None
    anchor = context.start or context.end
    if anchor is None:
        return None
    return anchor.year if context.granularity == "year" else _past_year_for(month, day, anchor)


def _h_my(m: re.Match[str], refs: Refs) -> Resolution:
    return _ok(month_span(int(m.group("y")), _month(m.group("m"))))


def _h_month(m: re.Match[str], refs: Refs) -> Resolution:
    month = _month(m.group("m"))
    ref = refs.reference
    mod = (m.group("mod") or "").lower()
    if ref is None:
        if refs.context is not None and refs.context.start is not None:
            return _ok(month_span(refs.context.start.year, month), "year from context")
        return _fail("month without a year, and no publication date")
    year = ref.year
    if mod == "next":
        year = year + 1 if month <= ref.month else year
    elif mod == "last":
        year = year - 1 if month >= ref.month else year
    elif mod != "this":
        year = _past_year_for(month, 15, ref) or year
    return _ok(month_span(year, month), f"year from publication date {ref}")


def _h_season(m: re.Match[str], refs: Refs) -> Resolution:
    y = int(m.group("y"))
    first, last = SEASONS[m.group("s").lower()]
    if first > last:  # winter: December of the year to February of the next
        return _ok(DateSpan(date(y, 12, 1), _month_end(y + 1, last), "month", "text"))
    return _ok(DateSpan(date(y, first, 1), _month_end(y, last), "month", "text"))


def _h_year(m: re.Match[str], refs: Refs) -> Resolution:
    return _ok(year_span(int(m.group("y"))))


def _h_decade(m: re.Match[str], refs: Refs) -> Resolution:
    start = int(m.group("dec"))
    part = (m.group("q") or "").lower()
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part, (0, 9))
    return _ok(DateSpan(date(start + lo, 1, 1), date(start + hi, 12, 31), "decade", "text"))


def _need_ref(refs: Refs) -> date | None:
    return refs.reference


def _h_today(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    return _ok(day_span(ref), f"publication date {ref}") if ref else _fail("no publication date")


def _h_yesterday(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("relative date without a publication date")
    back = 2 if "before" in m.group(0).lower() else 1
    return _ok(day_span(ref - timedelta(days=back)), f"relative to publication date {ref}")


def _h_tomorrow(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("relative date without a publication date")
    return _ok(day_span(ref + timedelta(days=1)), f"relative to publication date {ref}")


def _h_weekday(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("weekday without a publication date")
    target = WEEKDAYS.index(m.group("wd").lower())
    mod = (m.group("mod") or "").lower()
    if mod == "next":
        ahead = (target - ref.weekday()) % 7 or 7
        return _ok(day_span(ref + timedelta(days=ahead)), f"next weekday after {ref}")
    back = (ref.weekday() - target) % 7
    if mod in {"last", "past"} and back < 2:
        back += 7
    if back == 0:  # "on Wednesday" in a Wednesday paper: that day
        return _ok(day_span(ref), f"the publication day {ref} is a {m.group('wd')}")
    return _ok(day_span(ref - timedelta(days=back)), f"most recent weekday before {ref}")


def _shift(d: date, unit: str, n: int) -> date:
    """d moved by n units (negative = back); months and years clamp the day."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    total = d.year * 12 + d.month - 1 + months
    y, mo = divmod(total, 12)
    return date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _unit_span(d: date, unit: str, text: str | None = None) -> DateSpan:
    """The calendar unit around d: its day, week (Mon-Sun), month, year or decade."""
    if unit == "day":
        return day_span(d, text)
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return DateSpan(monday, monday + timedelta(days=6), "day", "text", text)
    if unit == "month":
        return month_span(d.year, d.month, text)
    if unit == "year":
        return year_span(d.year, text)
    first = d.year // 10 * 10
    return DateSpan(date(first, 1, 1), date(first + 9, 12, 31), "decade", "text", text)


def _h_ago(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("'ago' without a publication date")
    unit, n = m.group("u").lower(), _number(m.group("n"))
    d = _shift(ref, unit, -n)
    if unit in {"day", "week"}:
        return _ok(day_span(d), f"relative to publication date {ref}")
    return _ok(_unit_span(d, unit), f"relative to publication date {ref}")


def _h_last_unit(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("relative date without a publication date")
    mod = " ".join(m.group("mod").lower().split())
    unit = m.group("u").lower()
    if unit == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7 or 7)
        if mod in {"next", "coming", "this"} and ref.weekday() < 5:
            saturday += timedelta(days=7)
        return _ok(make_span(saturday, saturday + timedelta(days=1), "day"), "relative weekend")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if "last" in mod and mod != "last":  # "late last year"
        step = -1
    span = _unit_span(_shift(ref, unit, step), unit)
    if mod.startswith(("earlier", "early")) and step == 0:
        span = make_span(span.start, ref, span.granularity)
    elif mod.startswith("later") and step == 0:
        span = make_span(ref, span.end, span.granularity)
    return _ok(span, f"relative to publication date {ref}")


def _h_past_n(m: re.Match[str], refs: Refs) -> Resolution:
    ref = _need_ref(refs)
    if ref is None:
        return _fail("relative period without a publication date")
    unit, n = m.group("u").lower(), _number(m.group("n"))
    gran: Granularity = "day" if unit in {"day", "week"} else "month" if unit == "month" else "year"
    return _ok(make_span(_shift(ref, unit, -n), ref, gran), f"up to publication date {ref}")


def _h_quarter(m: re.Match[str], refs: Refs) -> Resolution:
    q = ORDINALS[m.group("q").lower()]
    if m.group("y"):
        year = int(m.group("y"))
    elif refs.reference is not None:
        year = refs.reference.year
        if date(year, 3 * q - 2, 1) > refs.reference:
            year -= 1
    else:
        return _fail("quarter without a year")
    return _ok(DateSpan(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "month", "text"))


# --------------------------------------------------------------------------- patterns


def _unnamed(src: str) -> str:
    return re.sub(r"\?P<\w+>", "?:", src)


def _year_ok(text: str, m: re.Match[str]) -> bool:
    """A bare year is a date when a preposition/month/comma stands before it, or when it is
    not followed by a count noun ("2000 people")."""
    if _YEAR_PREP.search(text[max(0, m.start() - 12) : m.start()]):
        return True
    if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$£€.:/"):
        return False
    after = re.match(r"\s*([A-Za-z]+)", text[m.end() : m.end() + 30])
    if after is None:
        return not re.match(r"\s*[-%.,]?\d", text[m.end() : m.end() + 4])
    word = after.group(1).lower()
    return word not in _COUNT_NOUNS and not (word.endswith("s") and not word.endswith("ss"))


def _month_ok(text: str, m: re.Match[str]) -> bool:
    """A lone month name is a date after a preposition or time modifier; "may"/"march" need
    one, other full month names stand alone only when capitalised."""
    if m.group("mod") or m.group("part"):
        return True
    word = m.group("m")
    if _MONTH_PREP.search(text[max(0, m.start() - 12) : m.start()]):
        return word.lower() not in {"may", "march"} or not word.islower()
    return word.lower() not in {"may", "march"} and word[0].isupper() and not word.isupper()


_DMY = (
    rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON}),?\s+"
    rf"(?P<y>{_Y4}|'?\d\d)(?!\d)"
)
_MDY = rf"(?:{_WD},?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>{_Y4})(?!\d)"
_ISO = rf"(?P<y>{_Y4})-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?!\d)"
_DM = rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})(?![a-z])"
_MD = rf"(?:{_WD},?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY})(?![\d:])"
_MY = rf"(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_Y4})(?!\d)"
_SEASON = rf"(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_Y4})(?!\d)"
_DECADE = r"(?:the\s+)?(?:(?P<q>early|mid|late)[\s-]*)?(?P<dec>1[0-9]\d0|20\d0)'?s(?![a-z])"
_YEAR = rf"(?P<y>{_Y4})(?![\d,.]\d|\s*%)"
_LMONTH = (
    rf"(?:(?P<mod>last|next|this)\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<m>{_FULL})(?![a-z])"
)
_TODAY = r"today|tonight|this\s+(?:morning|afternoon|evening)"
_YESTERDAY = rf"(?:the\s+day\s+before\s+)?yesterday{_PART}|last\s+night"
_TOMORROW = rf"tomorrow{_PART}"
_WEEKDAY = rf"(?:(?P<mod>last|this|next|past|on)\s+)?(?P<wd>{_WD}){_PART}(?![a-z])"
_AGO = rf"(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\s+ago"
_LASTUNIT = (
    r"(?P<mod>last|past|previous|this|next|coming|earlier\s+this|later\s+this|early\s+this|"
    r"late\s+last|early\s+last|late\s+this)\s+(?P<u>week|weekend|month|year|decade)(?![a-z])"
)
_PASTN = rf"(?:the\s+)?(?:past|last)\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})s"
_QUARTER = (
    r"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    rf"(?:\s+of\s+(?P<y>{_Y4}))?"
)
_CONTEXT = (
    rf"(?:(?:that|the\s+same)\s+(?P<u>year|month|day|week))(?![a-z])|"
    rf"(?:the\s+(?:following|next|previous)\s+(?P<u2>year|month|day|week))(?![a-z])|"
    rf"(?:(?P<n>{_NUM})\s+(?P<u3>{_UNIT})s?\s+(?:later|earlier|afterwards|before))"
)

_POINT_SOURCES: tuple[tuple[str, str, str, Handler], ...] = (
    ("dmy", "absolute", _DMY, _h_dmy),
    ("mdy", "absolute", _MDY, _h_dmy),
    ("iso", "absolute", _ISO, _h_iso),
    ("season", "absolute", _SEASON, _h_season),
    ("my", "absolute", _MY, _h_my),
    ("dm", "relative", _DM, _h_dm),
    ("md", "relative", _MD, _h_dm),
    ("decade", "absolute", _DECADE, _h_decade),
    ("quarter", "relative", _QUARTER, _h_quarter),
    ("year", "absolute", _YEAR, _h_year),
    ("month", "relative", _LMONTH, _h_month),
    ("today", "relative", _TODAY, _h_today),
    ("yesterday", "relative", _YESTERDAY, _h_yesterday),
    ("tomorrow", "relative", _TOMORROW, _h_tomorrow),
    ("weekday", "relative", _WEEKDAY, _h_weekday),
    ("ago", "relative", _AGO, _h_ago),
    ("pastn", "relative", _PASTN, _h_past_n),
    ("lastunit", "relative", _LASTUNIT, _h_last_unit),
)
_ACCEPT: dict[str, Callable[[str, re.Match[str]], bool]] = {"year": _year_ok, "month": _month_ok}
_POINT = "|".join(f"(?:{_unnamed(src)})" for _, _, src, _ in _POINT_SOURCES)


def _compile(src: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{src})", re.IGNORECASE)


def _h_context(m: re.Match[str], refs: Refs) -> Resolution:
    ctx = refs.context
    if ctx is None or ctx.start is None:
        return _fail("refers to an earlier date, but none is known")
    unit = (m.group("u") or m.group("u2") or m.group("u3")).lower()
    text = m.group(0).lower()
    n = _number(m.group("n")) if m.group("n") else 1
    if "same" in text or text.startswith("that"):
        n = 0
    elif any(w in text for w in ("earlier", "before", "previous")):
        n = -n
    base = ctx.start if n <= 0 else (ctx.end or ctx.start)
    span = _unit_span(_shift(base, unit, n), unit)
    return _ok(replace(span, basis="context"), f"relative to the context date {base}")


def point(text: str, refs: Refs) -> Resolution | None:
    """Resolve a text that is exactly one point expression (used inside intervals)."""
    text = text.strip()
    for _name, _kind, regex, handler in _POINTS:
        m = regex.fullmatch(text)
        if m is not None:
            return handler(m, refs)
    return None


def _bound(text: str, refs: Refs) -> DateSpan | None:
    res = point(text, refs)
    return None if res is None else res.span


def _h_range(a_text: str, b_text: str, refs: Refs) -> Resolution:
    """Both ends of "from A to B"; A may borrow its month or year from B ("5 to 8 June")."""
    b = _bound(b_text, refs)
    if b is None or b.start is None:
        return _fail(f"could not resolve {b_text!r}")
    a_text = a_text.strip()
    a: DateSpan | None
    if re.fullmatch(_DAY, a_text, re.IGNORECASE) and b.granularity == "day":
        d = _safe_date(b.start.year, b.start.month, _day(a_text))
        a = day_span(d) if d else None
    elif re.search(_Y4, a_text) is None:
        a = _bound(f"{a_text} {b.start.year}", refs) or _bound(a_text, refs)
    else:
        a = _bound(a_text, refs)
    if a is None:
        return _fail(f"could not resolve {a_text!r}")
    return _ok(make_span(a.start, b.end, _coarser(a.granularity, b.granularity)))


def _h_range_any(m: re.Match[str], refs: Refs) -> Resolution:
    if m.group("a2") is not None:
        return _h_range(m.group("a2"), m.group("b2"), refs)
    return _h_range(m.group("a"), m.group("b"), refs)


def _coarser(a: Granularity, b: Granularity) -> Granularity:
    order = ("day", "month", "year", "decade", "unknown")
    return a if order.index(a) >= order.index(b) else b


def _h_year_range(m: re.Match[str], refs: Refs) -> Resolution:
    a = int(m.group("a"))
    b_text = m.group("b")
    b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
    if b < a:
        return _fail("range ends before it starts")
    return _ok(make_span(date(a, 1, 1), date(b, 12, 31), "year"))


def _h_open_end(m: re.Match[str], refs: Refs) -> Resolution:
    b = _bound(m.group("b"), refs)
    if b is None or b.start is None:
        return _fail(f"could not resolve {m.group('b')!r}")
    if m.group("rel").lower() == "before" or m.group("rel").lower() == "prior to":
        return _ok(DateSpan(None, b.start - timedelta(days=1), b.granularity, "text"))
    return _ok(DateSpan(None, b.end, b.granularity, "text"))


def _h_open_start(m: re.Match[str], refs: Refs) -> Resolution:
    a = _bound(m.group("a"), refs)
    if a is None or a.start is None or a.end is None:
        return _fail(f"could not resolve {m.group('a')!r}")
    rel = m.group("rel").lower()
    start = a.end + timedelta(days=1) if rel.startswith(("after", "following")) else a.start
    end = refs.reference if refs.reference is not None and refs.reference >= start else None
    return _ok(DateSpan(start, end, a.granularity, "text"))


def _h_anchor(m: re.Match[str], refs: Refs) -> Resolution:
    return _fail(f"anchor 'the {m.group('noun').lower()}' is not dated earlier in the text")


_POINTS: tuple[tuple[str, str, re.Pattern[str], Handler], ...] = tuple(
    (name, kind, re.compile(src, re.IGNORECASE), handler)
    for name, kind, src, handler in _POINT_SOURCES
)

_RANGE = (
    rf"(?:from|between)\s+(?P<a>{_POINT}|{_MON}|{_DAY})\s*(?:to|until|till|through|and|-|–|—)"
    rf"\s*(?P<b>{_POINT})"
    rf"|(?P<a2>{_MON}\s+{_DAY}|{_DAY}\s+{_MON}|{_FULL})\s*(?:-|–|to|through|until)\s*(?P<b2>{_POINT})"
)
_YEAR_RANGE = rf"(?P<a>{_Y4})\s*(?:-|–|—|/|to)\s*(?P<b>{_Y4}|\d\d)(?![\d%])"
_OPEN_END = (
    rf"(?P<rel>up\s+until|up\s+till|up\s+to|until|till|through|by|before|prior\s+to)\s+"
    rf"(?:the\s+(?:end|middle)\s+of\s+)?(?P<b>{_POINT})"
)
_OPEN_START = (
    rf"(?P<rel>since|after|following|from|as\s+of|starting\s+(?:in|on|from)|beginning\s+(?:in|on))"
    rf"\s+(?P<a>{_POINT})"
)
_ANCHOR = (
    r"(?P<rel>after|before|since|until|following|during|prior\s+to|"
    r"in\s+the\s+(?:years|months|weeks|days|decades|run-up|lead-up)\s+(?:leading\s+up\s+to|"
    r"before|after|following|preceding|to)|in\s+the\s+(?:aftermath|wake)\s+of|"
    r"at\s+the\s+(?:time|end|start|beginning)\s+of)\s+the\s+(?P<noun>[a-z][a-z'-]+)"
)


_INTERVALS: tuple[tuple[str, str, str, Handler], ...] = (
    ("range", "interval", _RANGE, _h_range_any),
    ("year_range", "interval", _YEAR_RANGE, _h_year_range),
    ("open_end", "open", _OPEN_END, _h_open_end),
    ("open_start", "open", _OPEN_START, _h_open_start),
    ("anchor", "anchor", _ANCHOR, _h_anchor),
    ("context", "context", _CONTEXT, _h_context),
)


# The words each pattern cannot match without (see Gate). A point expression needs a digit,
# a month, a time unit or a part of the day ("yesterday", "Monday" and "today" end in "day").
DIGIT = "<digit>"
_UNITS = ("day", "week", "month", "year", "decade")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_POINT_WORDS = (DIGIT, *_MONTH_WORDS, "quarter", "night", "morning", "afternoon", "evening",
                "tomorrow", *_UNITS)  # fmt: skip
_RANGE_WORDS = ("from", "between", *_MONTH_WORDS)
_OPEN_END_WORDS = ("up", "until", "till", "through", "by", "before", "prior")
_OPEN_START_WORDS = ("since", "after", "following", "from", "as", "starting", "beginning")
_ANCHOR_WORDS = ("after", "before", "since", "until", "following", "during", "prior",
                 "run-up", "lead-up", "aftermath", "wake", "time", "end", "start", "begin",
                 *_UNITS)  # fmt: skip
_CONTEXT_WORDS = ("that", "same", "following", "next", "previous", "later", "earlier",
                  "afterwards", "before")  # fmt: skip
_MODIFIER_WORDS = ("last", "past", "previous", "this", "next", "coming", "earlier", "later",
                   "early", "late")  # fmt: skip
_GATE_SOURCES: dict[str, tuple[tuple[str, ...], ...]] = {
    "range": (_POINT_WORDS, _RANGE_WORDS),
    "year_range": ((DIGIT,),),
    "open_end": (_POINT_WORDS, _OPEN_END_WORDS),
    "open_start": (_POINT_WORDS, _OPEN_START_WORDS),
    "anchor": (("the",), _ANCHOR_WORDS),
    "context": (_UNITS, _CONTEXT_WORDS),
    "dmy": ((DIGIT,), _MONTH_WORDS),
    "mdy": ((DIGIT,), _MONTH_WORDS),
    "iso": ((DIGIT,),),
    "season": ((DIGIT,), tuple(SEASONS)),
    "my": ((DIGIT,), _MONTH_WORDS),
    "dm": ((DIGIT,), _MONTH_WORDS),
    "md": ((DIGIT,), _MONTH_WORDS),
    "decade": ((DIGIT,),),
    "quarter": (("quarter",),),
    "year": ((DIGIT,),),
    "month": (tuple(_FULL[3:-1].split("|")),),
    "today": (("today", "tonight", "morning", "afternoon", "evening"),),
    "yesterday": (("yesterday", "night"),),
    "tomorrow": (("tomorrow",),),
    "weekday": (WEEKDAYS,),
    "ago": (("ago",), _UNITS),
    "pastn": (("past", "last"), _UNITS),
    "lastunit": (_UNITS[1:], _MODIFIER_WORDS),
}


def _patterns() -> tuple[Pattern, ...]:
    out = [
        Pattern(
            name,
            kind,
            _compile(src),
            handler,
            _gate(_GATE_SOURCES[name]),
            _ACCEPT.get(name),
        )
        for name, kind, src, handler in (*_INTERVALS, *_POINT_SOURCES)
    ]
    return tuple(out)


PATTERNS = _patterns()
_PRIORITY = {p.name: i for i, p in enumerate(PATTERNS)}
_HANDLERS = {p.name: p.handler for p in PATTERNS}


def scan(text: str) -> list[Found]:
    """Every time expression in the text, longest first where they overlap, in text order.
    Patterns whose gate is closed are not run."""
    found: list[Found] = []
    view = TextView.of(text)
    for pattern in PATTERNS:
        if not pattern.gate.opens(view):
            continue
        for m in pattern.regex.finditer(text):
            if m.end() == m.start():
                continue
            if pattern.accept is not None and not pattern.accept(text, m):
                continue
            if pattern.name == "anchor" and m.group("noun").lower() in TIME_NOUNS:
                continue
            found.append(Found(m.start(), m.end(), m.group(0), pattern.kind, pattern.name, m))
    found.sort(key=lambda f: (f.start, -(f.end - f.start), _PRIORITY[f.pattern]))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def resolve_found(found: Found, refs: Refs) -> Resolution:
    """Normalise one found expression; the span keeps the expression's text."""
    handler = _HANDLERS[found.pattern]
    try:
        res = handler(found.match, refs)
    except (ValueError, OverflowError, KeyError) as exc:
        return _fail(f"cannot normalise {found.text!r}: {exc}")
    if res.span is None:
        return res
    span = res.span
    if span.start is not None and span.end is not None and span.end < span.start:
        span = replace(span, start=span.end, end=span.start)
    return Resolution(replace(span, text=found.text), res.note)


def iter_resolved(text: str, refs: Refs) -> Iterator[tuple[Found, Resolution]]:
    for f in scan(text):
        yield f, resolve_found(f, refs)


def normalize(text: str, reference: date | None = None) -> DateSpan | None:
    """Normalise one time expression (e.g. a TIMEX3 string) against a reference date.

    Returns the span of the first expression found in ``text`` (basis "text"), or None.
    """
    for _found, res in iter_resolved(text, Refs(reference)):
        if res.span is not None:
            return res.span
    return None
