"""TimeBank and GeoWebNews readers and scorers on hand-made files and stand-in stages."""

from __future__ import annotations

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
    score_timex,
    score_toponym,
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
        ("2001-W19", None),
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
    unscored = Timex("X1", "this week", "2001-W19", "DATE", date(2001, 5, 9))
    assert score_timex(unscored, right).outcomes == ()


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
