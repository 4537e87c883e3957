"""Scorers of chronica.evaluation.metrics on hand-made gold records and events."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronica.evaluation.gold import (
    AcledGold,
    CopedGold,
    GoldActor,
    MucGold,
    MucTemplate,
    Petr2Gold,
    Petr2GoldEvent,
    PloverGold,
)
from chronica.evaluation.metrics import (
    Outcome,
    RecordScore,
    aggregate,
    event_class,
    haversine_km,
    main_event,
    mode_matches,
    normalise_span,
    score_acled,
    score_coped,
    score_muc4,
    score_petr2_gsr,
    score_plover_gsr,
    spans_overlap,
)
from chronica.records import (
    Attribution,
    Certainty,
    DateSpan,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)


def ev(
    plover: str = "ASSAULT",
    cameo: str = "190",
    *,
    quad: int = 4,
    mode: str | None = None,
    confidence: float = 0.5,
    sentence: int = 0,
    start: int = 0,
    actors: tuple[Entity, ...] = (),
    recipients: tuple[Entity, ...] = (),
    when: date | None = None,
    place: Place | None = None,
    certainty: Certainty = "asserted",
) -> Event:
    return Event(
        id=f"{plover}-{cameo}-{sentence}-{start}",
        doc_id="d",
        event=EventType(plover, mode, cameo, quad, -5.0, "did"),
        actor=actors,
        recipient=recipients,
        date=DateSpan(when, when, "day" if when else "unknown"),
        location=place,
        attribution=Attribution(certainty=certainty),
        evidence=Evidence(sentence, "A sentence.", start, start + 11),
        confidence=confidence,
        reasons=Reasons(),
    )


def hits(score: RecordScore) -> dict[str, bool]:
    return {o.metric: o.hit for o in score.outcomes}


# --------------------------------------------------------------------------- shared rules


def test_main_event_prefers_confidence_then_earliest() -> None:
    low, high = ev(confidence=0.4), ev("PROTEST", "141", confidence=0.9, sentence=3)
    assert main_event([low, high]) is high
    early, late = ev("AID", "070", sentence=0, start=5), ev("AID", "071", sentence=0, start=9)
    assert main_event([late, early]) is early
    assert main_event([]) is None


@pytest.mark.parametrize(
    ("cameo", "quad", "expected"),
    [("010", 1, 0), ("0213", 1, 1), ("061", 2, 2), ("112", 3, 3), ("145", 4, 4)],
)
def test_event_class(cameo: str, quad: int, expected: int) -> None:
    assert event_class(ev(cameo=cameo, quad=quad)) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "overlap"),
    [
        ("the U . K", "U.K.", True),
        ("Senior Hungarian officials", "Hungarian officials", True),
        ("business leaders", "US", False),
        ("Israeli officials", "Palestinian officials", False),
        ("", "anything", False),
    ],
)
def test_spans_overlap(gold: str, pred: str, overlap: bool) -> None:
    assert spans_overlap(gold, pred) is overlap


def test_normalise_span_drops_articles_and_punctuation() -> None:
    assert normalise_span("The  United-States ,") == "united states"


@pytest.mark.parametrize(
    ("points", "km"), [((0.0, 0.0, 0.0, 1.0), 111.19), ((51.5, -0.12, 48.86, 2.35), 343.0)]
)
def test_haversine(points: tuple[float, float, float, float], km: float) -> None:
    assert haversine_km(*points) == pytest.approx(km, rel=0.01)


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("demo-org", "demo", True),
        ("strike-hun", "hunger", True),
        ("host", "visit", True),
        ("heavy-weapons", "heavy-weapons", True),
        ("riot-spon", "demo", False),
        ("visit", None, False),
    ],
)
def test_mode_matches(gold: str, pred: str | None, ok: bool) -> None:
    assert mode_matches(gold, pred) is ok


def test_aggregate_counts_and_confusion() -> None:
    scores = [
        RecordScore((Outcome("a", True), Outcome("b", False)), (("X", "X"),)),
        RecordScore((Outcome("a", False),), (("X", "NONE"), ("X", "X"))),
    ]
    metrics, cells = aggregate(scores)
    by_name = {m.name: m for m in metrics}
    assert (by_name["a"].hits, by_name["a"].total, by_name["a"].value) == (1, 2, 0.5)
    assert by_name["b"].value == 0.0
    assert {(c.gold, c.predicted, c.count) for c in cells} == {("X", "NONE", 1), ("X", "X", 2)}
    assert aggregate([]) == ((), ())


# --------------------------------------------------------------------------- plover_gsr

GOLD_PLOVER = PloverGold(
    "ASSAULT",
    "firearms",
    (GoldActor("Freedonian troops", "FRE", "MIL"),),
    (GoldActor("villagers", "SYL", "CVL"),),
    ("SYL",),
)


def test_plover_gsr_right_main_event() -> None:
    main = ev(
        mode="firearms",
        confidence=0.9,
        actors=(Entity("Freedonian troops", country="FRE", sector="MIL"),),
        recipients=(Entity("villagers", country="SYL", sector="CVL"),),
        place=Place("Eastville", country="SYL"),
    )
    score = score_plover_gsr(GOLD_PLOVER, [ev("ACCUSE", "112", quad=3), main])
    assert all(hits(score).values())
    assert set(hits(score)) >= {
        "type_accuracy",
        "mode_accuracy_found",
        "source_country",
        "source_sector",
        "target_country",
        "location_country",
    }
    assert score.pairs == (("ASSAULT", "ASSAULT"),)


def test_plover_gsr_wrong_and_missing() -> None:
    wrong = score_plover_gsr(
        GOLD_PLOVER, [ev("PROTEST", "141", confidence=0.9), ev(confidence=0.1)]
    )
    assert hits(wrong)["type_accuracy"] is False and hits(wrong)["type_any"] is True
    assert hits(wrong)["source_country"] is False
    none = score_plover_gsr(GOLD_PLOVER, [])
    assert hits(none) == {"coverage": False, "type_accuracy": False, "type_any": False}
    assert none.pairs == (("ASSAULT", "NONE"),)


# --------------------------------------------------------------------------- petr2_gsr


def test_petr2_gsr_agreement() -> None:
    gold = Petr2Gold((Petr2GoldEvent("042", "CONSULT", "FRE", "SYL"),), False)
    found = ev("CONSULT", "043", quad=1, actors=(Entity("Freedonia", country="FRE"),))
    score = hits(score_petr2_gsr(gold, [found, ev("ASSAULT", "190")]))
    assert score["code_recall"] is False and score["root_recall"] is True
    assert score["plover_recall"] is True and score["source_country"] is True
    assert score["target_country"] is False
    precision = [
        o.hit for o in score_petr2_gsr(gold, [found, ev()]).outcomes if o.metric == "root_precision"
    ]
    assert precision == [True, False]


def test_petr2_gsr_expects_no_events() -> None:
    gold = Petr2Gold((), True)
    assert hits(score_petr2_gsr(gold, []))["no_event_when_none_expected"] is True
    assert hits(score_petr2_gsr(gold, [ev()]))["no_event_when_none_expected"] is False


# --------------------------------------------------------------------------- coped


@pytest.mark.parametrize(
    ("penta", "events", "right"),
    [(4, [ev(quad=4)], True), (3, [ev(quad=4)], False), (0, [], True), (1, [], False)],
)
def test_coped_class(penta: int, events: list[Event], right: bool) -> None:
    gold = CopedGold(penta, (), (), ())
    assert hits(score_coped(gold, events))["class_accuracy"] is right


def test_coped_spans() -> None:
    gold = CopedGold(4, ("the Freedonian army",), (), ("Sylvanian police",))
    events = [ev(actors=(Entity("Freedonian army"),), recipients=(Entity("Sylvanian police"),))]
    score = hits(score_coped(gold, events))
    assert score["source_span_found"] is True and score["target_span_found"] is True
    miss = hits(score_coped(gold, [ev(actors=(Entity("Ruritania"),))]))
    assert miss["source_span_found"] is False and miss["target_span_found"] is False


# --------------------------------------------------------------------------- acled

ACLED = AcledGold(
    "Battles", date(2022, 3, 1), "Military Forces of Freedonia", "FRE", "FRE", 10.0, 20.0
)


def test_acled_matched_event_fields() -> None:
    near = Place("Town", country="FRE", lat=10.1, lon=20.0)
    match = ev(actors=(Entity("army", country="FRE"),), when=date(2022, 3, 1), place=near)
    score = hits(score_acled(ACLED, [ev("PROTEST", "141"), match]))
    assert score["type_found"] and score["actor_country"] and score["date_exact"]
    assert score["location_country"] and score["within_25km"] and score["within_161km"]


def test_acled_far_location_and_wrong_type() -> None:
    far = Place("City", country="FRE", lat=11.0, lon=20.0)
    score = hits(score_acled(ACLED, [ev(place=far)]))
    assert score["within_25km"] is False and score["within_161km"] is True
    assert hits(score_acled(ACLED, [ev("PROTEST", "141")]))["type_found"] is False


@pytest.mark.parametrize(
    ("event_type", "plover", "found"),
    [
        ("Riots", "PROTEST", True),
        ("Riots", "ASSAULT", True),
        ("Protests", "ASSAULT", False),
        ("Violence against civilians", "COERCE", True),
    ],
)
def test_acled_type_compatibility(event_type: str, plover: str, found: bool) -> None:
    gold = AcledGold(event_type, None, None, None, None, None, None)
    assert hits(score_acled(gold, [ev(plover)]))["type_found"] is found


def test_acled_strategic_developments_not_scored() -> None:
    gold = AcledGold("Strategic developments", None, None, None, None, None, None)
    assert set(hits(score_acled(gold, [ev()]))) == {"any_event"}


# --------------------------------------------------------------------------- muc4

TEMPLATE = MucTemplate(
    ("BOMBING",), ((date(1989, 12, 1), date(1989, 12, 3)),), ("SLV",), ("CLAIMED OR ADMITTED",)
)


def test_muc4_template_scored_against_best_compatible_event() -> None:
    bomb = ev(
        mode="explosives",
        cameo="183",
        when=date(1989, 12, 2),
        place=Place("San Salvador", country="SLV"),
        certainty="claimed",
    )
    score = hits(score_muc4(MucGold(True, (TEMPLATE,)), [bomb]))
    assert all(score.values())
    assert set(score) == {
        "incident_recall",
        "incident_recall_strict",
        "date_in_interval",
        "location_country",
        "certainty_accuracy",
    }


def test_muc4_strict_needs_mode_and_dates_outside() -> None:
    shot = ev(mode="firearms", cameo="193", when=date(1990, 1, 5), certainty="asserted")
    score = hits(score_muc4(MucGold(True, (TEMPLATE,)), [shot]))
    assert score["incident_recall"] is True and score["incident_recall_strict"] is False
    assert score["date_in_interval"] is False and score["certainty_accuracy"] is False


def test_muc4_irrelevant_article() -> None:
    gold = MucGold(False, ())
    assert hits(score_muc4(gold, [ev("PROTEST", "141")])) == {"no_assault_when_irrelevant": True}
    assert hits(score_muc4(gold, [ev()])) == {"no_assault_when_irrelevant": False}


@given(st.text(max_size=40), st.text(max_size=40))
def test_spans_overlap_is_symmetric_and_never_crashes(a: str, b: str) -> None:
    assert spans_overlap(a, b) == spans_overlap(b, a)


@given(
    st.integers(min_value=0, max_value=4),
    st.lists(st.sampled_from(["010", "042", "061", "112", "183"]), max_size=4),
    st.lists(st.text(max_size=20), max_size=3),
)
def test_coped_scorer_never_crashes(penta: int, codes: list[str], spans: list[str]) -> None:
    events = [ev(cameo=c, quad=1, actors=tuple(Entity(s) for s in spans)) for c in codes]
    score = score_coped(CopedGold(penta, tuple(spans), (), ()), events)
    assert {o.metric for o in score.outcomes} >= {"class_accuracy", "coverage"}
