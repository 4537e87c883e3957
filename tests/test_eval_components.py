"""TimeBank and GeoWebNews readers and scorers on hand-made files and stand-in stages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from chronica.errors import GoldError
from chronica.evaluation.components import (
    Timex,
    Toponym,
    format_at,
    gold_granularity,
    parse_gwn_line,
    read_tml,
    score_geowebnews,
    score_timex,
    score_toponym,
    timex_value,
)
from chronica.evaluation.metrics import aggregate
from chronica.records import DateSpan

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-09">May 9</TIMEX3></DCT>
<TEXT>
The council met <TIMEX3 tid="t1" type="DATE" value="2001-05-08">yesterday</TIMEX3> for
<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> and will vote in
<TIMEX3 tid="t3" type="DATE" value="2001-06">June</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2001-05-08", "day"),
        ("2001-05-08T10:00", "day"),
        ("2001-05", "month"),
        ("2001", "year"),
        ("200", "decade"),
        ("2001-W19", "week"),
        ("2001-Q3", "quarter"),
        ("2001-SU", None),
        ("PRESENT_REF", None),
        ("XXXX-05-08", None),
    ],
)
def test_gold_granularity(value: str, granularity: str | None) -> None:
    assert gold_granularity(value) == granularity


@pytest.mark.parametrize(
    ("granularity", "text"),
    [("day", "2001-05-08"), ("month", "2001-05"), ("year", "2001"), ("decade", "200")],
)
def test_format_at(granularity: str, text: str) -> None:
    assert format_at(date(2001, 5, 8), granularity) == text


def test_read_tml_keeps_dates_and_the_dct(tmp_path: Path) -> None:
    path = tmp_path / "X1.tml"
    path.write_text(TML, encoding="utf-8")
    timexes = read_tml(path)
    assert [(t.text, t.value) for t in timexes] == [
        ("yesterday", "2001-05-08"),
        ("June", "2001-06"),
    ]
    assert all(t.reference == date(2001, 5, 9) for t in timexes)


def test_read_tml_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>no dct</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(GoldError):
        read_tml(path)


def test_score_timex() -> None:
    month = Timex("X1", "June", "2001-06", "DATE", date(2001, 5, 9))
    right = DateSpan(date(2001, 6, 1), date(2001, 6, 30), "month", "text", "June")
    wrong = DateSpan(date(2002, 6, 1), date(2002, 6, 30), "month", "text", "June")
    metrics, _ = aggregate(
        [score_timex(month, right), score_timex(month, wrong), score_timex(month, None)]
    )
    by_name = {m.name: (m.hits, m.total) for m in metrics}
    assert by_name == {"normalised": (2, 3), "value_accuracy": (1, 3), "granularity_match": (2, 2)}
    unscored = Timex("X1", "this summer", "2001-SU", "DATE", date(2001, 5, 9))
    assert score_timex(unscored, right).outcomes == ()


@pytest.mark.parametrize(
    ("value", "span", "right"),
    [
        ("2001-W19", DateSpan(date(2001, 5, 7), date(2001, 5, 13), "week"), True),
        ("2001-W19", DateSpan(date(2001, 5, 8), date(2001, 5, 8), "day"), False),
        ("2001-Q3", DateSpan(date(2001, 7, 1), date(2001, 9, 30), "month"), True),
        ("2001-Q3", DateSpan(date(2001, 7, 1), date(2001, 7, 31), "month"), False),
    ],
)
def test_score_timex_weeks_and_quarters(value: str, span: DateSpan, right: bool) -> None:
    outcomes = {
        o.metric: o.hit
        for o in score_timex(Timex("X1", "x", value, "DATE", date(2001, 5, 9)), span).outcomes
    }
    assert outcomes["value_accuracy"] is right


@pytest.mark.parametrize(
    ("span", "value"),
    [
        (DateSpan(date(2022, 6, 8), date(2022, 6, 8), "day"), "2022-06-08"),
        (DateSpan(date(2022, 6, 1), date(2022, 6, 30), "month"), "2022-06"),
        (DateSpan(date(2022, 1, 1), date(2022, 12, 31), "year"), "2022"),
        (DateSpan(date(1980, 1, 1), date(1989, 12, 31), "decade"), "198"),
        (DateSpan(date(2022, 4, 1), date(2022, 6, 30), "month"), "2022-Q2"),
        (DateSpan(date(2022, 6, 6), date(2022, 6, 12), "week"), "2022-W23"),
        (DateSpan(None, date(2022, 6, 8), "day"), None),
        (DateSpan(date(2022, 6, 3), date(2022, 6, 8), "day"), None),
    ],
)
def test_timex_value(span: DateSpan, value: str | None) -> None:
    assert timex_value(span) == value


def test_parse_gwn_line() -> None:
    line = "Lyon,,Lyon,,45.75,,4.85,,10,,14||French Republic,,French,,46.0,,2.0,,30,,36||\n"
    toponyms = parse_gwn_line(line, "gwn-1")
    assert [(t.name, t.mention, t.lat) for t in toponyms] == [
        ("Lyon", "Lyon", 45.75),
        ("French Republic", "French", 46.0),
    ]
    with pytest.raises(GoldError):
        parse_gwn_line("Lyon,,Lyon,,north,,4.85,,10,,14", "gwn-2")


@pytest.mark.parametrize(
    ("predicted", "right"), [((45.76, 4.84), True), ((48.85, 2.35), False), (None, False)]
)
def test_score_toponym(predicted: tuple[float, float] | None, right: bool) -> None:
    outcomes = {
        o.metric: o.hit
        for o in score_toponym(Toponym("g", "Lyon", "Lyon", 45.75, 4.85), predicted).outcomes
    }
    assert outcomes["toponym_within_161km"] is right
    assert outcomes["resolved"] is (predicted is not None)


def test_score_geowebnews_resolves_an_article_together() -> None:
    article = [
        Toponym("g", "Paris", "Paris", 33.66, -95.56),
        Toponym("g", "Texas", "Texas", 31.0, -100.0),
        Toponym("g", "Atlantis", "Atlantis", 0.0, 0.0),
    ]
    seen: list[list[str]] = []

    def resolve(names: Sequence[str]) -> list[tuple[float, float] | None]:
        seen.append(list(names))
        in_texas = "Texas" in names
        points = {"Paris": (33.66, -95.55) if in_texas else (48.85, 2.35), "Texas": (31.2, -99.9)}
        return [points.get(name) for name in names]

    metrics, _ = aggregate([*score_geowebnews(article, resolve)])
    by_name = {m.name: (m.hits, m.total) for m in metrics}
    assert seen == [["Paris", "Texas", "Atlantis"]]
    assert by_name == {"resolved": (2, 3), "toponym_within_161km": (2, 3)}


def test_score_geowebnews_rejects_a_short_answer() -> None:
    with pytest.raises(GoldError):
        score_geowebnews([Toponym("g", "Lyon", "Lyon", 45.75, 4.85)], lambda names: [])
