"""Pure helpers of the web layer (issue 9): filter parsing, evidence highlighting, plots, links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronica.errors import BadParameterError
from chronica.records import Attribution, DateSpan, Document, Entity, Evidence, Place
from chronica.web.filters import EventFilters, parse_filters
from chronica.web.highlight import highlight, mark_sentence
from chronica.web.plots import MAP_HEIGHT, MAP_WIDTH, bar_groups, map_points, project, star_plot
from chronica.web.sample import SampleSpec, sample_corpus
from chronica.web.templating import safe_link

pytestmark = pytest.mark.issue(9)

EVENT = next(iter(sample_corpus(SampleSpec(1, events_per_document=1))))[1][0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, EventFilters()),
        ({"actor": "  ", "text": ""}, EventFilters()),
        ({"plover": "assault"}, EventFilters(plover="ASSAULT")),
        ({"quad_class": "2", "country": "fra"}, EventFilters(quad_class=2, country="FRA")),
        ({"date_from": "2020", "date_to": "2020"},
         EventFilters(date_from=date(2020, 1, 1), date_to=date(2020, 12, 31))),
        ({"date_from": "2020-02", "date_to": "2020-02"},
         EventFilters(date_from=date(2020, 2, 1), date_to=date(2020, 2, 29))),
        ({"certainty": ["alleged,claimed", "alleged"]},
         EventFilters(certainty=("alleged", "claimed"))),
        ({"limit": "500", "order": "confidence", "role": "Recipient"},
         EventFilters(limit=500, order="confidence", role="recipient")),
    ],
)  # fmt: skip
def test_parse_filters(raw: dict[str, object], expected: EventFilters) -> None:
    assert parse_filters(**raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "param"),
    [
        ({"plover": "HUG"}, "plover"),
        ({"quad_class": "0"}, "quad_class"),
        ({"quad_class": "two"}, "quad_class"),
        ({"country": "F1A"}, "country"),
        ({"date_from": "2020-1-1"}, "date_from"),
        ({"date_to": "2020-13"}, "date_to"),
        ({"date_from": "2021", "date_to": "2020"}, "date_to"),
        ({"certainty": ["sure"]}, "certainty"),
        ({"limit": "501"}, "limit"),
        ({"order": "goldstein"}, "order"),
        ({"actor": "x" * 501}, "actor"),
    ],
)
def test_parse_filters_rejects(raw: dict[str, object], param: str) -> None:
    with pytest.raises(BadParameterError) as info:
        parse_filters(**raw)  # type: ignore[arg-type]
    assert info.value.param == param


@given(st.dictionaries(st.sampled_from(["actor", "plover", "quad_class", "country", "date_from",
                                        "date_to", "text", "limit", "order", "role"]),
                       st.text(max_size=20)))  # fmt: skip
def test_parse_filters_never_crashes(raw: dict[str, str]) -> None:
    try:
        parse_filters(**raw)  # type: ignore[arg-type]
    except BadParameterError as exc:
        assert exc.param in raw


def test_highlight_marks_parts_at_the_evidence_offsets() -> None:
    text = "Headline.\n\n" + EVENT.evidence.sentence + " More text."
    start = text.index(EVENT.evidence.sentence)
    event = replace(
        EVENT,
        evidence=replace(EVENT.evidence, start=start, end=start + len(EVENT.evidence.sentence)),
    )
    hl = highlight(Document("d", text), event)
    assert hl.located and hl.before == "Headline.\n\n" and hl.after == " More text."
    assert "".join(s.text for s in hl.sentence) == EVENT.evidence.sentence
    roles = {s.role: s.text for s in hl.sentence if s.role}
    assert roles["actor"] == EVENT.actor[0].text
    assert roles["recipient"] == EVENT.recipient[0].text
    assert roles["date"] == EVENT.date.text
    assert roles["place"] == EVENT.location.text  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("start", "end", "text", "located"),
    [
        (500, 600, "prefix {s}", True),  # offsets out of range: found by search
        (0, 5, "prefix {s}", True),  # offsets point elsewhere: found by search
        (0, 5, "an unrelated text", False),  # not in the document: shown on its own
    ],
)
def test_highlight_falls_back_when_offsets_are_wrong(
    start: int, end: int, text: str, located: bool
) -> None:
    sentence = EVENT.evidence.sentence
    event = replace(EVENT, evidence=Evidence(0, sentence, start, end))
    hl = highlight(Document("d", text.format(s=sentence)), event)
    assert hl.located is located
    assert "".join(s.text for s in hl.sentence) == sentence


def test_mark_sentence_skips_overlaps_and_keeps_all_text() -> None:
    sentence = "Kenya Airways praised Kenya in Nairobi."
    parts = [("actor", "Kenya Airways"), ("recipient", "Kenya"), ("place", "Nairobi"),
             ("date", "missing")]  # fmt: skip
    segments = mark_sentence(sentence, parts)
    assert "".join(s.text for s in segments) == sentence
    assert [(s.role, s.text) for s in segments if s.role] == [
        ("actor", "Kenya Airways"), ("recipient", "Kenya"), ("place", "Nairobi"),
    ]  # fmt: skip


@given(st.text(max_size=60), st.lists(st.tuples(st.sampled_from(["a", "b"]), st.text(max_size=8))))
def test_mark_sentence_never_loses_text(sentence: str, parts: list[tuple[str, str]]) -> None:
    segments = mark_sentence(sentence, parts)
    assert "".join(s.text for s in segments) == sentence


@pytest.mark.parametrize(
    ("lat", "lon", "xy"),
    [(90.0, -180.0, (0.0, 0.0)), (-90.0, 180.0, (MAP_WIDTH, MAP_HEIGHT)),
     (0.0, 0.0, (MAP_WIDTH / 2, MAP_HEIGHT / 2))],
)  # fmt: skip
def test_project(lat: float, lon: float, xy: tuple[float, float]) -> None:
    assert project(lat, lon) == pytest.approx(xy)


def test_map_points_group_places_and_skip_unlocated() -> None:
    paris = Place("Paris", "Paris", "FRA", None, 48.85, 2.35)
    bad = Place("Nowhere", lat=123.0, lon=5.0)
    events = [replace(EVENT, id=str(i), location=paris) for i in range(3)]
    events += [replace(EVENT, id="x", location=None), replace(EVENT, id="y", location=bad)]
    points = map_points(events)
    assert [(p.label, p.count, p.event_id) for p in points] == [("Paris", 3, "0")]


def test_bar_groups_scale_to_the_largest_value() -> None:
    chart = bar_groups(["2020", "2021"], [("cooperation", [1.0, 4.0]), ("conflict", [2.0, 0.0])])
    assert len(chart.bars) == 4 and chart.maximum == 4.0
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.value == 4.0 and tallest.y == pytest.approx(12.0)
    assert bar_groups([], []).bars == ()


def test_star_plot_widths_follow_weights() -> None:
    plot = star_plot([("A", 4, 1, "/actors/A"), ("B", 1, -1, "/actors/B"), ("C", 2, 0, "/c")])
    assert [s.kind for s in plot.spokes] == ["coop", "conflict", "mixed"]
    assert plot.spokes[0].width > plot.spokes[1].width


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example", False),
     ("https:///nohost", False), ("", False), (None, False)],
)  # fmt: skip
def test_safe_link(url: str | None, ok: bool) -> None:
    assert safe_link(url) is ok


def test_sample_events_point_at_their_sentence() -> None:
    for document, events in sample_corpus(SampleSpec(5)):
        for ev in events:
            assert document.text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
            assert ev.attribution == Attribution() or ev.attribution.claimant is not None
            assert ev.date == DateSpan(ev.date.start, ev.date.start, "day", "text", ev.date.text)
            assert isinstance(ev.actor[0], Entity)
