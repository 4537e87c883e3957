"""The event record: JSON mapping, schema, flat rows and round trips."""

from __future__ import annotations

from datetime import date

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronica.records import (
    CERTAINTIES,
    GRANULARITIES,
    MODALITIES,
    PLOVER_TYPES,
    Attribution,
    DateSpan,
    Entity,
    Event,
    EventType,
    Evidence,
    Place,
    Reasons,
)
from chronica.serialize import (
    ROW_COLUMNS,
    event_from_dict,
    event_schema,
    event_to_dict,
    event_to_row,
)


def sample_event(**over: object) -> Event:
    base: dict[str, object] = {
        "id": "abc",
        "doc_id": "d1",
        "event": EventType("ASSAULT", "explosives", "183", 4, -10.0, "bombed"),
        "actor": (Entity("the group", "Example Front", "IRN", "REB", "chronica:example"),),
        "recipient": (Entity("U.S. citizens", None, "USA", "CVL", None),),
        "date": DateSpan(date(1975, 1, 1), date(1975, 12, 31), "year", "text", "in 1975"),
        "location": Place("Tehran", "Tehran", "IRN", "Tehran", 35.69, 51.42, 112931, "city"),
        "attribution": Attribution(
            "alleged", Entity("officials", None, "IRN", "GOV", None), "accused", False, "actual"
        ),
        "evidence": Evidence(3, "The group bombed ...", 100, 120),
        "confidence": 0.8,
        "reasons": Reasons("dictionary", "pattern bomb", "'in 1975'", "'in Tehran'", "cue accused"),
    }
    base.update(over)
    return Event(**base)  # type: ignore[arg-type]


def test_event_dict_validates_against_schema() -> None:
    jsonschema.validate(event_to_dict(sample_event()), event_schema())


def test_event_with_nulls_validates() -> None:
    ev = sample_event(
        location=None, date=DateSpan(), actor=(), recipient=(), attribution=Attribution()
    )
    jsonschema.validate(event_to_dict(ev), event_schema())


def test_schema_rejects_wrong_plover_type() -> None:
    bad = event_to_dict(sample_event())
    bad["event"]["plover"] = "FIGHT"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, event_schema())


def test_row_has_every_column_in_order() -> None:
    assert tuple(event_to_row(sample_event())) == ROW_COLUMNS


entities = st.builds(
    Entity,
    text=st.text(max_size=20),
    name=st.none() | st.text(max_size=20),
    country=st.none() | st.sampled_from(["IRN", "USA", "FRA", "IGO"]),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "REB"]),
    id=st.none() | st.text(max_size=10),
)
dates = st.none() | st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 1, 1))


@given(
    plover=st.sampled_from(PLOVER_TYPES),
    actors=st.lists(entities, max_size=3),
    start=dates,
    certainty=st.sampled_from(CERTAINTIES),
    modality=st.sampled_from(MODALITIES),
    granularity=st.sampled_from(GRANULARITIES),
    claimant=st.none() | entities,
    conf=st.floats(min_value=0, max_value=1),
)
def test_event_dict_round_trips(
    plover, actors, start, certainty, modality, granularity, claimant, conf
):  # type: ignore[no-untyped-def]
    ev = sample_event(
        event=EventType(plover, None, "18", 4, -9.0, "x"),
        actor=tuple(actors),
        date=DateSpan(start, start, granularity, "text", None),
        attribution=Attribution(certainty, claimant, None, True, modality),
        confidence=conf,
    )
    d = event_to_dict(ev)
    assert event_from_dict(d) == ev
