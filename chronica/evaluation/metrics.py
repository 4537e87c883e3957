"""Pure scoring functions: (gold record, predicted events) -> RecordScore.

Every scorer returns the outcomes of one gold record: named hits/misses that
:func:`aggregate` sums into metrics, plus (gold, predicted) label pairs for a confusion matrix.
No scorer reads files or runs the pipeline, so each is tested on hand-made records.

Rules shared by the sets:

- **Main event** of a document: the event with the highest confidence; ties go to the earliest
  sentence, then the earliest evidence offset, then output order (:func:`main_event`).
- **Class of an event** (coped): 0 for CAMEO root 01 (statement), else its quad class.
- **Distances** are great-circle (haversine) kilometres on a 6371 km sphere.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

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
from chronica.records import Entity, Event

NO_EVENT = "NONE"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One scored item: ``metric`` names what was checked, ``hit`` whether it was right."""

    metric: str
    hit: bool


@dataclass(frozen=True, slots=True)
class RecordScore:
    outcomes: tuple[Outcome, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # (gold label, predicted label)


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    hits: int
    total: int
    description: str = ""

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class ConfusionCell:
    gold: str
    predicted: str
    count: int


# --------------------------------------------------------------------------- shared helpers


def main_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event; ties: earliest sentence, earliest offset, output order."""
    if not events:
        return None
    return ranked(events)[0]


def ranked(events: Iterable[Event]) -> list[Event]:
    """Events in main-event order (see :func:`main_event`)."""
    listed = list(events)
    keyed = [
        ((-ev.confidence, ev.evidence.sentence_index, ev.evidence.start, i), ev)
        for i, ev in enumerate(listed)
    ]
    return [ev for _, ev in sorted(keyed, key=lambda pair: pair[0])]


def event_class(event: Event) -> int:
    """Five-way class: 0 for a statement (CAMEO root 01), else the quad class (1-4)."""
    return 0 if event.event.cameo.startswith("01") else event.event.quad_class


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_WORD = re.compile(r"[^\W_]+")
_LEADING = frozenset({"the", "a", "an"})


def normalise_span(text: str) -> str:
    """Lower-case words joined by single spaces; punctuation and leading articles dropped
    ("the U . K" and "U.K." both become "u k")."""
    words = _WORD.findall(text.lower())
    while words and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def spans_overlap(gold: str, predicted: str) -> bool:
    """True when one normalised span contains the other at word boundaries."""
    g, p = normalise_span(gold), normalise_span(predicted)
    if not g or not p:
        return False
    return f" {g} " in f" {p} " or f" {p} " in f" {g} "


def _countries(entities: Iterable[Entity]) -> set[str]:
    return {e.country for e in entities if e.country}


def _sectors(entities: Iterable[Entity]) -> set[str]:
    return {e.sector for e in entities if e.sector}


def _actor_outcomes(
    metric: str, gold: Sequence[GoldActor], predicted: Sequence[Entity]
) -> list[Outcome]:
    out = []
    gold_countries = {a.country for a in gold if a.country}
    if gold_countries:
        out.append(Outcome(f"{metric}_country", bool(gold_countries & _countries(predicted))))
    gold_sectors = {a.sector for a in gold if a.sector}
    if gold_sectors:
        out.append(Outcome(f"{metric}_sector", bool(gold_sectors & _sectors(predicted))))
    return out


# --------------------------------------------------------------------------- plover_gsr

# GSR (PLOVER 0.5) modes written as their current PLOVER mode; other GSR modes compare as is,
# and "x-y" compares by its stem "x".
GSR_MODES: Mapping[str, str] = MappingProxyType(
    {
        "strike-hun": "hunger",
        "strike-gen": "strike",
        "host": "visit",
        "confiscate": "seize",
        "detain": "arrest",
    }
)


def mode_matches(gold: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    wanted = GSR_MODES.get(gold, gold)
    return predicted in (wanted, wanted.split("-")[0]) or predicted.split("-")[0] == wanted


def score_plover_gsr(gold: PloverGold, events: Sequence[Event]) -> RecordScore:
    """Main-event type (and mode, actors, location) against one GSR sentence."""
    main = main_event(events)
    out = [Outcome("coverage", main is not None), Outcome("type_accuracy",
           main is not None and main.event.plover == gold.plover),
           Outcome("type_any", any(ev.event.plover == gold.plover for ev in events))]  # fmt: skip
    pairs = ((gold.plover, main.event.plover if main else NO_EVENT),)
    if main is None:
        return RecordScore(tuple(out), pairs)
    out.append(Outcome("type_accuracy_found", main.event.plover == gold.plover))
    if gold.mode:
        out.append(Outcome("mode_accuracy_found", mode_matches(gold.mode, main.event.mode)))
    out += _actor_outcomes("source", gold.sources, main.actor)
    out += _actor_outcomes("target", gold.targets, main.recipient)
    if gold.location_countries:
        country = main.location.country if main.location else None
        out.append(Outcome("location_country", country in gold.location_countries))
    return RecordScore(tuple(out), pairs)


# --------------------------------------------------------------------------- petr2_gsr


def _best_match(gold: Petr2GoldEvent, events: Sequence[Event]) -> Event | None:
    """The predicted event agreeing best with a gold event: same code, else root, else type."""
    for test in (
        lambda ev: ev.event.cameo == gold.cameo,
        lambda ev: ev.event.cameo[:2] == gold.cameo[:2],
        lambda ev: gold.plover is not None and ev.event.plover == gold.plover,
    ):
        found = [ev for ev in ranked(events) if test(ev)]
        if found:
            return found[0]
    return None


def score_petr2_gsr(gold: Petr2Gold, events: Sequence[Event]) -> RecordScore:
    """Agreement with (corrected) PETRARCH-2 codings by code, root and PLOVER type."""
    out: list[Outcome] = []
    if gold.expect_no_events or not gold.events:
        out.append(Outcome("no_event_when_none_expected", not events))
    gold_roots = {g.root for g in gold.events}
    out += [Outcome("root_precision", ev.event.cameo[:2] in gold_roots) for ev in events]
    pairs = []
    for g in gold.events:
        out.append(Outcome("code_recall", any(ev.event.cameo == g.cameo for ev in events)))
        out.append(Outcome("root_recall", any(ev.event.cameo[:2] == g.root for ev in events)))
        if g.plover:
            out.append(Outcome("plover_recall", any(ev.event.plover == g.plover for ev in events)))
        match = _best_match(g, events)
        pairs.append((g.root, match.event.cameo[:2] if match else NO_EVENT))
        if match is None:
            continue
        if g.source_country:
            out.append(Outcome("source_country", g.source_country in _countries(match.actor)))
        if g.target_country:
            out.append(Outcome("target_country", g.target_country in _countries(match.recipient)))
    return RecordScore(tuple(out), tuple(pairs))


# --------------------------------------------------------------------------- coped


def score_coped(gold: CopedGold, events: Sequence[Event]) -> RecordScore:
    """Five-way class of the main event and whether the gold source/target spans were found.

    ``class_accuracy`` treats a sentence without events as class 0 (statement: chronica codes
    no statements); ``class_accuracy_found`` scores only sentences with an event.
    """
    main = main_event(events)
    predicted = event_class(main) if main else 0
    out = [
        Outcome("class_accuracy", predicted == gold.penta_class),
        Outcome("coverage", bool(events)),
    ]
    if main is not None:
        out.append(Outcome("class_accuracy_found", predicted == gold.penta_class))
    actors = [e.text for ev in events for e in ev.actor]
    recipients = [e.text for ev in events for e in ev.recipient]
    sources = gold.source_spans + gold.reciprocal_spans
    targets = gold.target_spans + gold.reciprocal_spans
    if sources:
        hit = any(spans_overlap(g, p) for g in sources for p in actors)
        out.append(Outcome("source_span_found", hit))
    if targets:
        hit = any(spans_overlap(g, p) for g in targets for p in recipients)
        out.append(Outcome("target_span_found", hit))
    label = str(predicted) if main else f"{predicted} (no event)"
    return RecordScore(tuple(out), ((str(gold.penta_class), label),))


# --------------------------------------------------------------------------- acled

ACLED_TYPES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "Protests": frozenset({"PROTEST"}),
        "Riots": frozenset({"PROTEST", "ASSAULT"}),
        "Battles": frozenset({"ASSAULT"}),
        "Explosions/Remote violence": frozenset({"ASSAULT"}),
        "Violence against civilians": frozenset({"ASSAULT", "COERCE"}),
    }
)  # "Strategic developments" has no fixed type and is not scored.


def score_acled(gold: AcledGold, events: Sequence[Event]) -> RecordScore:
    """A type-compatible event, then its actor country, date and location."""
    allowed = ACLED_TYPES.get(gold.event_type)
    out = [Outcome("any_event", bool(events))]
    if allowed is None:
        return RecordScore(tuple(out))
    compatible = [ev for ev in ranked(events) if ev.event.plover in allowed]
    out.append(Outcome("type_found", bool(compatible)))
    main = main_event(events)
    pairs = ((gold.event_type, main.event.plover if main else NO_EVENT),)
    if not compatible:
        return RecordScore(tuple(out), pairs)
    match = compatible[0]
    if gold.actor_country:
        out.append(Outcome("actor_country", gold.actor_country in _countries(match.actor)))
    if gold.event_date:
        out.append(Outcome("date_exact", match.date.start == gold.event_date))
    place = match.location
    if gold.country:
        out.append(Outcome("location_country", place is not None and place.country == gold.country))
    if gold.lat is not None and gold.lon is not None:
        has_coords = place is not None and place.lat is not None and place.lon is not None
        out.append(Outcome("location_coords", has_coords))
        if place is not None and place.lat is not None and place.lon is not None:
            km = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
            out.append(Outcome("within_25km", km <= 25.0))
            out.append(Outcome("within_161km", km <= 161.0))
    return RecordScore(tuple(out), pairs)


# --------------------------------------------------------------------------- muc4

MUC_TYPES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "ATTACK": frozenset({"ASSAULT"}),
        "BOMBING": frozenset({"ASSAULT"}),
        "KIDNAPPING": frozenset({"ASSAULT"}),
        "ARSON": frozenset({"ASSAULT", "COERCE"}),
        "ROBBERY": frozenset({"COERCE", "ASSAULT"}),
        "FORCED WORK STOPPAGE": frozenset({"PROTEST", "COERCE"}),
    }
)

MUC_CERTAINTY: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "REPORTED AS FACT": frozenset({"asserted", "reported"}),
        "CLAIMED OR ADMITTED": frozenset({"claimed"}),
        "SUSPECTED OR ACCUSED": frozenset({"alleged", "suspected"}),
        "SUSPECTED OR ACCUSED BY AUTHORITIES": frozenset({"alleged", "suspected"}),
        "POSSIBLE": frozenset({"possible", "suspected"}),
    }
)  # ACQUITTED is not scored.


def muc_compatible(incident: str, event: Event) -> bool:
    """The event's PLOVER type fits the MUC incident type."""
    return event.event.plover in MUC_TYPES.get(incident, frozenset())


def muc_strict(incident: str, event: Event) -> bool:
    """Type and, for bombings and kidnappings, mode or CAMEO code fit too."""
    if not muc_compatible(incident, event):
        return False
    et = event.event
    if incident == "BOMBING":
        return et.mode in ("explosives", "suicide-attack") or et.cameo.startswith(("183", "195"))
    if incident == "KIDNAPPING":
        return et.mode == "abduct" or et.cameo.startswith("181")
    return True


def _in_intervals(day: date | None, intervals: Sequence[tuple[date, date]]) -> bool:
    return day is not None and any(start <= day <= end for start, end in intervals)


def _fill_overlap(fills: Sequence[str], entities: Iterable[Entity]) -> bool:
    return any(spans_overlap(f, e.text) or (e.name is not None and spans_overlap(f, e.name))
               for f in fills for e in entities)  # fmt: skip


def certainty_match(template: MucTemplate, compatible: Sequence[Event]) -> Event:
    """The event whose perpetrator confidence is scored: among the type-compatible events (in
    main-event order), the first whose actor overlaps a perpetrator fill, else the first whose
    recipient overlaps a target fill, else the first ASSAULT event, else the first one."""
    return next(
        (ev for ev in compatible if _fill_overlap(template.perpetrators, ev.actor)),
        next(
            (ev for ev in compatible if _fill_overlap(template.targets, ev.recipient)),
            next((ev for ev in compatible if ev.event.plover == "ASSAULT"), compatible[0]),
        ),
    )


def _score_template(template: MucTemplate, events: Sequence[Event]) -> list[Outcome]:
    compatible = [ev for ev in ranked(events)
                  if any(muc_compatible(t, ev) for t in template.incident_types)]  # fmt: skip
    out = [
        Outcome("incident_recall", bool(compatible)),
        Outcome("incident_recall_strict",
                any(muc_strict(t, ev) for t in template.incident_types for ev in events)),
    ]  # fmt: skip
    if not compatible:
        return out
    match = compatible[0]
    if template.intervals:
        out.append(Outcome("date_in_interval", _in_intervals(match.date.start, template.intervals)))
    if template.countries:
        country = match.location.country if match.location else None
        out.append(Outcome("location_country", country in template.countries))
    allowed = set().union(*(MUC_CERTAINTY.get(c, frozenset()) for c in template.perp_confidence))
    if allowed:
        certain = certainty_match(template, compatible).attribution.certainty
        out.append(Outcome("certainty_accuracy", certain in allowed))
    return out


def score_muc4(gold: MucGold, events: Sequence[Event]) -> RecordScore:
    """Per template: a compatible event, its date, country and certainty; irrelevant articles
    should have no ASSAULT event."""
    if not gold.relevant or not gold.templates:
        clean = not any(ev.event.plover == "ASSAULT" for ev in events)
        return RecordScore((Outcome("no_assault_when_irrelevant", clean),))
    out: list[Outcome] = []
    for template in gold.templates:
        out += _score_template(template, events)
    return RecordScore(tuple(out))


# --------------------------------------------------------------------------- aggregation


def aggregate(
    scores: Iterable[RecordScore], descriptions: Mapping[str, str] | None = None
) -> tuple[tuple[Metric, ...], tuple[ConfusionCell, ...]]:
    """Sum outcomes into metrics (in first-seen order) and label pairs into confusion cells."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for score in scores:
        for o in score.outcomes:
            totals[o.metric] += 1
            hits[o.metric] += int(o.hit)
        pairs.update(score.pairs)
    desc = descriptions or DESCRIPTIONS
    metrics = tuple(Metric(m, hits[m], totals[m], desc.get(m, "")) for m in totals)
    cells = tuple(ConfusionCell(g, p, n) for (g, p), n in sorted(pairs.items()))
    return metrics, cells


DESCRIPTIONS: Mapping[str, str] = MappingProxyType(
    {
        "coverage": "documents with at least one event",
        "type_accuracy": "main event's PLOVER type = gold (no event counts as wrong)",
        "type_accuracy_found": "main event's PLOVER type = gold, documents with an event",
        "type_any": "some event has the gold PLOVER type",
        "mode_accuracy_found": "main event's mode = gold mode (GSR modes mapped), gold has a mode",
        "source_country": "a gold source country among the (main/matched) event's actors",
        "source_sector": "a gold source sector among the main event's actors",
        "target_country": "a gold target country among the event's recipients",
        "target_sector": "a gold target sector among the main event's recipients",
        "location_country": "event location country = gold country",
        "no_event_when_none_expected": "no event where gold expects none",
        "root_precision": "predicted events whose CAMEO root is among the gold roots",
        "code_recall": "gold events with a predicted event of the same CAMEO code",
        "root_recall": "gold events with a predicted event of the same CAMEO root",
        "plover_recall": "gold events with a predicted event of the same PLOVER type",
        "class_accuracy": "five-way class of the main event (no event = 0, statement)",
        "class_accuracy_found": "five-way class of the main event, sentences with an event",
        "source_span_found": "a gold source/reciprocal span overlaps a predicted actor text",
        "target_span_found": "a gold target/reciprocal span overlaps a predicted recipient text",
        "any_event": "notes with at least one event",
        "type_found": "a type-compatible event (Strategic developments excluded)",
        "actor_country": "gold actor1 country among the matched event's actors",
        "date_exact": "matched event date.start = gold event_date",
        "location_coords": "matched event has coordinates (gold has coordinates)",
        "within_25km": "matched event location within 25 km of gold",
        "within_161km": "matched event location within 161 km of gold",
        "incident_recall": "templates with a type-compatible event in the article",
        "incident_recall_strict": "templates with a compatible event, bombing/kidnapping mode too",
        "date_in_interval": "matched event date.start inside a gold date interval",
        "certainty_accuracy": "matched event certainty fits the gold perpetrator confidence",
        "no_assault_when_irrelevant": "articles without templates that have no ASSAULT event",
        "value_accuracy": "normalised date = gold TIMEX3 value at its granularity",
        "normalised": "TIMEX3 expressions the time stage normalised at all",
        "granularity_match": "normalised granularity = gold granularity",
        "resolved": "toponyms the gazetteer resolved",
        "toponym_within_161km": "resolved toponym within 161 km of gold (unresolved = wrong)",
    }
)
