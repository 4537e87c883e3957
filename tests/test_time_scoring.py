"""Scoring the time grammar on TimeML files (a tiny hand-written one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronica.errors import InputError
from chronica.time.scoring import read_timebank, score_timebank

TML = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Markets fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> and
<TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3>, for
<TIMEX3 tid="t3" type="DURATION" value="P1W">a week</TIMEX3>, as
<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3> and on
<TIMEX3 tid="t5" type="DATE" value="1998-01-02">Friday</TIMEX3> and in
<TIMEX3 tid="t6" type="DATE" value="1997-12">the fall</TIMEX3>.</TEXT>
</TimeML>
"""


def test_time_score_timebank_counts_exact_values(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    timexes = list(read_timebank(tmp_path))
    assert [t.text for t in timexes] == ["yesterday", "last year", "Friday", "the fall"]
    score = score_timebank(tmp_path)
    assert (score.total, score.found, score.correct) == (4, 3, 3)
    assert score.accuracy == pytest.approx(0.75)


def test_time_score_timebank_needs_files(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        score_timebank(tmp_path)
