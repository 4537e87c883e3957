"""The time grammar: each expression class normalised against a reference date, incl. pitfalls."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronica.evaluation.components import timex_value
from chronica.records import DateSpan
from chronica.time import normalize
from chronica.time.grammar import Refs, iter_resolved, scan

REF = date(2022, 6, 8)  # a Wednesday


def D(y: int, m: int, d: int) -> date:
    return date(y, m, d)


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        # absolute
        ("8 June 2022", D(2022, 6, 8), D(2022, 6, 8), "day"),
        ("June 8, 2022", D(2022, 6, 8), D(2022, 6, 8), "day"),
        ("Wednesday, 8 June 2022", D(2022, 6, 8), D(2022, 6, 8), "day"),
        ("2019-03-04", D(2019, 3, 4), D(2019, 3, 4), "day"),
        ("12 JAN 90", D(1990, 1, 12), D(1990, 1, 12), "day"),
        ("ON 5 FEBRUARY 1991", D(1991, 2, 5), D(1991, 2, 5), "day"),
        ("June 2012", D(2012, 6, 1), D(2012, 6, 30), "month"),
        ("in February 2020", D(2020, 2, 1), D(2020, 2, 29), "month"),
        ("summer 2012", D(2012, 6, 1), D(2012, 8, 31), "month"),
        ("in 1986", D(1986, 1, 1), D(1986, 12, 31), "year"),
        ("1965", D(1965, 1, 1), D(1965, 12, 31), "year"),
        ("IN 1979 THE", D(1979, 1, 1), D(1979, 12, 31), "year"),
        ("the 1980s", D(1980, 1, 1), D(1989, 12, 31), "decade"),
        ("the early 1990s", D(1990, 1, 1), D(1993, 12, 31), "decade"),
        # relative to the reference
        ("yesterday", D(2022, 6, 7), D(2022, 6, 7), "day"),
        ("today", REF, REF, "day"),
        ("the day before yesterday", D(2022, 6, 6), D(2022, 6, 6), "day"),
        ("last night", D(2022, 6, 7), D(2022, 6, 7), "day"),
        ("on Monday", D(2022, 6, 6), D(2022, 6, 6), "day"),
        ("on Thursday", D(2022, 6, 2), D(2022, 6, 2), "day"),
        ("next Friday", D(2022, 6, 10), D(2022, 6, 10), "day"),
        ("two days ago", D(2022, 6, 6), D(2022, 6, 6), "day"),
        ("three years ago", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("last week", D(2022, 5, 30), D(2022, 6, 5), "day"),
        ("last month", D(2022, 5, 1), D(2022, 5, 31), "month"),
        ("last year", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("earlier this month", D(2022, 6, 1), REF, "month"),
        ("the past three months", D(2022, 3, 8), REF, "month"),
        ("in May", D(2022, 5, 1), D(2022, 5, 31), "month"),
        ("in December", D(2021, 12, 1), D(2021, 12, 31), "month"),
        ("on 30 May", D(2022, 5, 30), D(2022, 5, 30), "day"),
        ("the third quarter", D(2021, 7, 1), D(2021, 9, 30), "month"),
        # intervals and open intervals
        ("from 1986 to 2003", D(1986, 1, 1), D(2003, 12, 31), "year"),
        ("between 1986 and 2003", D(1986, 1, 1), D(2003, 12, 31), "year"),
        ("1986-2003", D(1986, 1, 1), D(2003, 12, 31), "year"),
        ("from 5 to 8 June 2021", D(2021, 6, 5), D(2021, 6, 8), "day"),
        ("June to August 2012", D(2012, 6, 1), D(2012, 8, 31), "month"),
        ("until 2012", None, D(2012, 12, 31), "year"),
        ("up until 2003", None, D(2003, 12, 31), "year"),
        ("before 1979", None, D(1978, 12, 31), "year"),
        ("since 2015", D(2015, 1, 1), REF, "year"),
        ("after 2003", D(2004, 1, 1), REF, "year"),
    ],
)
def test_time_normalize_expression_classes(
    text: str, start: date | None, end: date | None, granularity: str
) -> None:
    span = normalize(text, REF)
    assert span is not None
    assert (span.start, span.end, span.granularity) == (start, end, granularity)
    assert span.basis == "text"


@pytest.mark.parametrize("text", ["in 1986", "1965", "the year 2001", "IN 1990"])
def test_time_year_never_gets_a_day(text: str) -> None:
    span = normalize(text, REF)
    assert span is not None and span.start is not None and span.end is not None
    assert span.granularity == "year"
    assert (span.start.month, span.start.day, span.end.month, span.end.day) == (1, 1, 12, 31)


@pytest.mark.parametrize("text", ["until 2012", "up until 2012", "till 2012", "by 2012"])
def test_time_until_does_not_start_in_that_year(text: str) -> None:
    span = normalize(text, REF)
    assert span is not None
    assert span.start is None
    assert span.end == D(2012, 12, 31)


@pytest.mark.parametrize("weekday", ["Monday", "Tuesday", "Thursday", "Friday", "Sunday"])
def test_time_weekday_before_publication_is_in_the_past(weekday: str) -> None:
    span = normalize(f"on {weekday}", REF)
    assert span is not None and span.start is not None
    assert 0 < (REF - span.start).days < 7


def test_time_same_weekday_as_publication_is_that_day() -> None:
    assert normalize("on Wednesday", REF) == DateSpan(REF, REF, "day", "text", "on Wednesday")


def test_time_day_without_year_resolves_to_the_past_across_new_year() -> None:
    span = normalize("ON 30 DECEMBER", date(1990, 1, 3))
    assert span is not None and span.start == D(1989, 12, 30)


@pytest.mark.parametrize(
    "text",
    [
        "the army may attack",
        "now",
        "the UN said",
        "2000 people marched",
        "1330 GMT",
        "a march through the city",
        "he will march",
        "",
    ],
)
def test_time_no_false_hits(text: str) -> None:
    assert normalize(text, REF) is None


@pytest.mark.parametrize(
    "text", ["yesterday", "on Friday", "two days ago", "last week", "in May", "30 December"]
)
def test_time_relative_without_reference_is_unresolved(text: str) -> None:
    assert normalize(text, None) is None


@pytest.mark.parametrize("text", ["after the war", "in the years leading up to the revolution"])
def test_time_fuzzy_anchor_is_found_but_unresolved_alone(text: str) -> None:
    found = scan(text)
    assert [f.kind for f in found] == ["anchor"]
    assert normalize(text, REF) is None


@pytest.mark.parametrize(
    ("span", "value"),
    [
        (DateSpan(D(2022, 6, 8), D(2022, 6, 8), "day"), "2022-06-08"),
        (DateSpan(D(2022, 6, 1), D(2022, 6, 30), "month"), "2022-06"),
        (DateSpan(D(2022, 1, 1), D(2022, 12, 31), "year"), "2022"),
        (DateSpan(D(1980, 1, 1), D(1989, 12, 31), "decade"), "198"),
        (DateSpan(D(2021, 7, 1), D(2021, 9, 30), "month"), "2021-Q3"),
        (DateSpan(None, D(2012, 12, 31), "year"), None),
    ],
)
def test_time_timex_value(span: DateSpan, value: str | None) -> None:
    assert timex_value(span) == value


_WORDS = [
    "in",
    "on",
    "since",
    "until",
    "from",
    "to",
    "the",
    "last",
    "next",
    "ago",
    "year",
    "years",
    "June",
    "May",
    "December",
    "1986",
    "2003",
    "1999",
    "90",
    "31",
    "5",
    "Monday",
    "yesterday",
    "decade",
    "1980s",
    "between",
    "and",
    "of",
    "-",
    ",",
    ".",
    "early",
    "late",
    "mid",
    "two",
    "after",
    "before",
    "war",
    "quarter",
    "third",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))),
)
def test_time_normalize_never_raises_and_never_ends_before_start(
    text: str, reference: date | None
) -> None:
    span = normalize(text, reference)
    if span is not None and span.start is not None and span.end is not None:
        assert span.end >= span.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_time_normalize_never_raises_on_any_text(text: str) -> None:
    span = normalize(text, REF)
    if span is not None and span.start is not None and span.end is not None:
        assert span.end >= span.start


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (DateSpan(D(1986, 1, 1), D(1986, 12, 31), "year"), D(1986, 2, 24)),
        (DateSpan(D(1990, 1, 3), D(1990, 1, 3), "day"), D(1990, 2, 24)),
        (DateSpan(D(1980, 1, 1), D(1989, 12, 31), "decade"), None),
        (None, None),
    ],
)
def test_time_day_without_year_or_publication_takes_narrative_year(
    context: DateSpan | None, expected: date | None
) -> None:
    ((_found, res),) = list(iter_resolved("on 24 February", Refs(None, context)))
    assert (res.span.start if res.span else None) == expected
