"""Analysis functions on small hand-made event tables (no store, no NLP)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronica.analysis import (
    EventFilter,
    actor_ref,
    actor_timeline,
    build_dossier,
    claims_ledger,
    dyad_csv,
    dyad_series,
    focal_changes,
    focal_relations,
    network_series,
    network_to_json,
    render_html,
    render_markdown,
    resolve_actor,
    write_graphml,
)
from chronica.analysis.network import make_windows, parse_window
from chronica.analysis.select import date_label, parse_bound, to_units
from chronica.errors import AnalysisError
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

GROUP_A = Entity("the Front", "Front", "XYZ", "REB", "Q1")
GROUP_B = Entity("the Ministry", "Ministry", "XYZ", "GOV", "Q2")
GROUP_C = Entity("the League", "League", "ABC", "GOV", "Q3")
GROUP_D = Entity("the Union", "Union", "DEF", "OPP", None)
TYPES = {
    "ASSAULT": ("190", 4, -10.0),
    "ACCUSE": ("112", 3, -2.0),
    "AGREE": ("057", 1, 8.0),
    "AID": ("070", 2, 7.0),
}


def ev(
    eid: str,
    actor: Entity | tuple[Entity, ...],
    recipient: Entity | tuple[Entity, ...] = (),
    day: date | None = date(2020, 1, 1),
    plover: str = "ASSAULT",
    granularity: str = "day",
    certainty: Certainty = "asserted",
    claimant: Entity | None = None,
    place: Place | None = None,
    doc: str = "doc1",
    sentence: str = "Something happened.",
    negated: bool = False,
    confidence: float = 0.8,
) -> Event:
    """A hand-made event: ``plover`` picks CAMEO code, quad class and Goldstein from TYPES."""
    cameo, quad, goldstein = TYPES[plover]
    return Event(
        id=eid,
        doc_id=doc,
        event=EventType(plover, None, cameo, quad, goldstein, "did"),
        actor=actor if isinstance(actor, tuple) else (actor,),
        recipient=recipient if isinstance(recipient, tuple) else (recipient,),
        date=DateSpan(day, day, granularity if day else "unknown", "text"),  # type: ignore[arg-type]
        location=place,
        attribution=Attribution(certainty, claimant, "said" if claimant else None, negated),
        evidence=Evidence(0, sentence, 0, len(sentence)),
        confidence=confidence,
        reasons=Reasons(),
    )


FRONT = actor_ref("Front", GROUP_A)
MINISTRY = actor_ref("Ministry", GROUP_B)


# --------------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (GROUP_A, True),
        (Entity("FRONT"), True),  # no id: name match, case-insensitive
        (Entity("Front", "Front", id="Q9"), False),  # different id
        (GROUP_B, False),
    ],
)
def test_analysis_actor_ref_matches_by_id_then_name(entity: Entity, expected: bool) -> None:
    assert FRONT.matches(entity) is expected


def test_analysis_country_query_matches_state_organs_only() -> None:
    country = actor_ref("Xyzland", Entity("Xyzland", "Xyzland", "XYZ", None, None))
    assert country.matches(GROUP_B)  # government of XYZ
    assert not country.matches(GROUP_A)  # rebels of XYZ


def test_analysis_resolve_actor_uses_lookup_and_falls_back() -> None:
    class Lookup:
        def lookup(self, text: str) -> Entity | None:
            return GROUP_A if text == "TF" else None

    assert resolve_actor("TF", Lookup()).entity_id == "Q1"
    unresolved = resolve_actor("Nobody", Lookup())
    assert unresolved.entity_id is None and unresolved.matches(Entity("nobody"))
    with pytest.raises(AnalysisError):
        resolve_actor("  ", Lookup())


@pytest.mark.parametrize(
    ("level", "kept"),
    [
        ("asserted", {"a"}),
        ("reported", {"a", "r"}),
        ("alleged", {"a", "r", "c", "al"}),
        ("possible", {"a", "r", "c", "al", "s", "p"}),
    ],
)
def test_analysis_min_certainty_orders_levels(level: str, kept: set[str]) -> None:
    levels = {"a": "asserted", "r": "reported", "c": "claimed", "al": "alleged", "s": "suspected"}
    levels |= {"p": "possible", "d": "denied"}
    events = [ev(k, GROUP_A, GROUP_B, certainty=v) for k, v in levels.items()]  # type: ignore[arg-type]
    flt = EventFilter.from_options(min_certainty=level)
    assert {e.id for e in events if flt.keep(e)} == kept


def test_analysis_denied_and_negated_only_when_asked() -> None:
    denied = ev("d", GROUP_A, GROUP_B, certainty="denied")
    negated = ev("n", GROUP_A, GROUP_B, negated=True)
    assert not EventFilter().keep(denied) and not EventFilter().keep(negated)
    assert EventFilter(include_denied=True).keep(denied)
    assert EventFilter.from_options(asserted_only=True).min_certainty == "asserted"


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2019", False, date(2019, 1, 1)),
        ("2019", True, date(2019, 12, 31)),
        ("2020-02", True, date(2020, 2, 29)),
        ("2019-12", True, date(2019, 12, 31)),
        ("2019-03-04", False, date(2019, 3, 4)),
        (None, True, None),
    ],
)
def test_analysis_parse_bound(text: str | None, end: bool, expected: date | None) -> None:
    assert parse_bound(text, end) == expected


@pytest.mark.parametrize("text", ["20x", "2019-13", "1-2-3-4"])
def test_analysis_parse_bound_rejects(text: str) -> None:
    with pytest.raises(AnalysisError):
        parse_bound(text, end=False)


def test_analysis_date_filter_drops_undated_and_out_of_range() -> None:
    flt = EventFilter.from_options(date_from="2019", date_to="2019")
    assert flt.keep(ev("in", GROUP_A, day=date(2019, 6, 1)))
    assert not flt.keep(ev("out", GROUP_A, day=date(2020, 6, 1)))
    assert not flt.keep(ev("undated", GROUP_A, day=None))


def test_analysis_units_collapse_groups_and_pick_most_certain() -> None:
    events = [
        ev("r1", GROUP_A, GROUP_B, certainty="alleged", confidence=0.99),
        ev("r2", GROUP_A, GROUP_B, certainty="asserted", confidence=0.5),
        ev("r3", GROUP_A, GROUP_B),
    ]
    groups = {"r1": "g1", "r2": "g1"}
    units = to_units(events, groups, "groups")
    assert [(u.id, u.report_ids) for u in units] == [("r2", ("r2", "r1")), ("r3", ("r3",))]
    assert len(to_units(events, groups, "reports")) == 3


@pytest.mark.parametrize(
    ("span", "label"),
    [
        (DateSpan(date(2019, 3, 4), None, "day"), "2019-03-04"),
        (DateSpan(date(2019, 3, 1), None, "month"), "2019-03"),
        (DateSpan(date(2019, 1, 1), None, "year"), "2019"),
        (DateSpan(date(2010, 1, 1), None, "decade"), "2010s"),
        (DateSpan(), "undated"),
    ],
)
def test_analysis_date_label_shows_granularity(span: DateSpan, label: str) -> None:
    assert date_label(span) == label


# --------------------------------------------------------------------------- timeline


def test_analysis_timeline_orders_by_event_date_not_publication() -> None:
    events = [
        ev("late", GROUP_A, GROUP_B, day=date(2021, 5, 1), doc="a-first-published"),
        ev("early", GROUP_B, GROUP_A, day=date(1999, 1, 1), granularity="year", doc="z"),
        ev("undated", GROUP_A, GROUP_C, day=None, doc="a"),
        ev("mid", GROUP_C, GROUP_D, day=date(2005, 1, 1), claimant=GROUP_A, certainty="claimed"),
        ev("other", GROUP_C, GROUP_D, day=date(2000, 1, 1)),
    ]
    tl = actor_timeline(events, FRONT)
    assert [e.event.id for e in tl.entries] == ["early", "mid", "late", "undated"]
    assert [e.roles for e in tl.entries] == [("recipient",), ("claimant",), ("actor",), ("actor",)]
    assert tl.undated == 1
    assert tl.count == "reports"


def test_analysis_timeline_yearly_summary_numbers() -> None:
    events = [
        ev("1", GROUP_A, GROUP_B, day=date(2019, 1, 5), plover="ASSAULT"),
        ev("2", GROUP_A, GROUP_B, day=date(2019, 7, 5), plover="ACCUSE"),
        ev("3", GROUP_A, GROUP_C, day=date(2019, 8, 5), plover="AGREE"),
        ev("4", GROUP_B, GROUP_A, day=date(2020, 2, 5), plover="AID"),
    ]
    tl = actor_timeline(events, FRONT)
    y2019, y2020 = tl.years
    assert (y2019.year, y2019.quad_counts, y2019.total) == (2019, (1, 0, 1, 1), 3)
    assert y2019.goldstein_mean == pytest.approx((-10 - 2 + 8) / 3, abs=1e-3)
    assert y2019.quad_ids[3] == ("1",)
    assert (y2020.quad_counts, y2020.goldstein_mean) == ((0, 1, 0, 0), 7.0)
    assert [(r.label, r.count) for r in tl.top_counterparts] == [("Ministry", 3), ("League", 1)]


def test_analysis_timeline_counts_groups_once_and_says_so() -> None:
    events = [
        ev("r1", GROUP_A, GROUP_B, doc="d1"),
        ev("r2", GROUP_A, GROUP_B, doc="d2"),
        ev("r3", GROUP_A, GROUP_B, day=date(2020, 3, 1), doc="d3"),
    ]
    groups = {"r1": "g", "r2": "g"}
    grouped = actor_timeline(events, FRONT, groups)
    assert grouped.count == "groups" and grouped.years[0].total == 2
    raw = actor_timeline(events, FRONT, groups, count="reports")
    assert raw.count == "reports" and raw.years[0].total == 3


def test_analysis_timeline_top_places_and_claimants() -> None:
    town = Place("Town", "Town", "XYZ", lat=10.0, lon=20.0)
    events = [
        ev("1", GROUP_A, GROUP_B, place=town, claimant=GROUP_D, certainty="claimed"),
        ev("2", GROUP_A, GROUP_B, place=town),
    ]
    tl = actor_timeline(events, FRONT)
    assert [(r.label, r.count, r.event_ids) for r in tl.top_places] == [("Town", 2, ("1", "2"))]
    assert [r.label for r in tl.top_claimants] == ["Union"]


# --------------------------------------------------------------------------- dyads


def dyad_events() -> list[Event]:
    return [
        ev("1", GROUP_A, GROUP_B, day=date(2018, 1, 1), plover="ASSAULT"),
        ev("2", GROUP_B, GROUP_A, day=date(2018, 2, 1), plover="ASSAULT"),
        ev("3", GROUP_A, GROUP_B, day=date(2019, 1, 1), plover="ACCUSE"),
        ev("4", GROUP_A, GROUP_B, day=date(2020, 3, 1), plover="AGREE"),
        ev("5", GROUP_B, GROUP_A, day=date(2020, 4, 1), plover="AID"),
        ev("6", GROUP_A, GROUP_C, day=date(2020, 4, 1), plover="ASSAULT"),
        ev("7", GROUP_B, GROUP_A, day=None, plover="ACCUSE"),
    ]


def test_analysis_dyad_counts_both_directions() -> None:
    series = dyad_series(dyad_events(), FRONT, MINISTRY)
    assert [p.period for p in series.periods] == ["2018", "2019", "2020"]
    p2018 = series.periods[0]
    assert p2018.a_to_b.quad_counts == (0, 0, 0, 1) and p2018.b_to_a.quad_counts == (0, 0, 0, 1)
    assert p2018.both.goldstein_sum == -20.0 and p2018.both.goldstein_mean == -10.0
    p2020 = series.periods[2]
    assert (p2020.a_to_b.event_ids, p2020.b_to_a.event_ids) == (("4",), ("5",))
    assert series.undated == 1


def test_analysis_dyad_change_point_when_relation_turns() -> None:
    series = dyad_series(dyad_events(), FRONT, MINISTRY)
    assert [(c.before, c.after) for c in series.change_points] == [("2019", "2020")]
    turn = series.change_points[0]
    assert turn.class_before == 3 and turn.class_after in (1, 2)
    assert "Goldstein" in turn.reason and "dominant class" in turn.reason


def test_analysis_dyad_monthly_and_csv() -> None:
    series = dyad_series(dyad_events(), FRONT, MINISTRY, freq="month")
    assert [p.period for p in series.periods][:2] == ["2018-01", "2018-02"]
    lines = dyad_csv(series).splitlines()
    assert lines[0].startswith("period,direction,source,target")
    assert lines[1].split(",")[:4] == ["2018-01", "a_to_b", "Front", "Ministry"]
    assert lines[1].endswith(",reports")
    assert len(lines) == 1 + 3 * len(series.periods)
    with pytest.raises(AnalysisError):
        dyad_series(dyad_events(), FRONT, MINISTRY, freq="week")


# --------------------------------------------------------------------------- networks


def network_events() -> list[Event]:
    return [
        ev("1", GROUP_A, GROUP_B, day=date(2010, 1, 1), plover="ASSAULT"),
        ev("2", GROUP_B, GROUP_A, day=date(2011, 1, 1), plover="ASSAULT"),
        ev("3", GROUP_A, GROUP_C, day=date(2012, 1, 1), plover="AGREE"),
        ev("4", GROUP_A, GROUP_B, day=date(2016, 1, 1), plover="AGREE"),
        ev("5", GROUP_C, GROUP_A, day=date(2017, 1, 1), plover="ACCUSE"),
        ev("6", GROUP_A, GROUP_D, day=date(2017, 6, 1), plover="AID"),
    ]


def test_analysis_network_signs_and_weights() -> None:
    series = network_series(network_events(), window="5y")
    assert [nw.window.label for nw in series.windows] == [
        "2010-01-01 – 2014-12-31",
        "2015-01-01 – 2019-12-31",
    ]
    g = series.windows[0].graph
    assert g.edges["Q1", "Q2"]["weight"] == 2
    assert g.edges["Q1", "Q2"]["goldstein_sum"] == -20.0 and g.edges["Q1", "Q2"]["sign"] == -1
    assert g.edges["Q1", "Q3"]["sign"] == 1 and g.edges["Q1", "Q3"]["cooperation"] == 1


def test_analysis_network_focal_changes_between_windows() -> None:
    series = network_series(network_events(), window="5y")
    windows = focal_relations(series, FRONT)
    assert [r.label for r in windows[0].allies] == ["League"]
    assert [r.label for r in windows[0].adversaries] == ["Ministry"]
    (change,) = focal_changes(windows)
    assert change.turned_friendly == ("Ministry",)
    assert change.turned_hostile == ("League",)
    assert change.new_allies == ("Union",)


def test_analysis_network_focal_counts_each_event_once() -> None:
    country = Entity("Xyzland", "Xyzland", "XYZ", None, "Q9")
    army = Entity("Xyz army", "Xyz army", "XYZ", "MIL", "Q10")
    events = [
        ev("1", (country, army), GROUP_C, plover="ASSAULT"),
        ev("2", country, GROUP_C, day=date(2020, 2, 1), plover="AGREE"),
    ]
    (window,) = focal_relations(network_series(events, window="all"), actor_ref("Xyzland", country))
    (league,) = window.adversaries
    assert (league.weight, league.goldstein_sum) == (2, -2.0)
    assert (league.cooperation_ids, league.conflict_ids) == (("2",), ("1",))


def test_analysis_network_exports(tmp_path: Path) -> None:
    series = network_series(network_events(), window="5y")
    doc = json.loads(network_to_json(series, FRONT))
    assert doc["count"] == "reports" and len(doc["windows"]) == 2
    assert doc["focal"]["changes"][0]["turned_friendly"] == ["Ministry"]
    paths = write_graphml(series, tmp_path / "net.graphml")
    assert [p.name for p in paths] == [
        "net_2010-01-01_2014-12-31.graphml",
        "net_2015-01-01_2019-12-31.graphml",
    ]
    back = nx.read_graphml(paths[0])
    assert back.edges["Q1", "Q2"]["events"] == "1 2"


@pytest.mark.parametrize("spec", ["5", "y", "0y", "5w"])
def test_analysis_network_window_spec_rejected(spec: str) -> None:
    with pytest.raises(AnalysisError):
        parse_window(spec)


def test_analysis_network_month_windows() -> None:
    windows = make_windows(date(2020, 11, 15), date(2021, 2, 1), "2m")
    assert [(w.start, w.end) for w in windows] == [
        (date(2020, 11, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2021, 2, 28)),
    ]


# --------------------------------------------------------------------------- claims


def test_analysis_claims_ledger_separates_asserted_from_attributed() -> None:
    events = [
        ev("fact", GROUP_A, GROUP_B),
        ev("claim", GROUP_A, GROUP_B, certainty="claimed", claimant=GROUP_C),
        ev("alleg", GROUP_B, GROUP_A, day=date(2021, 1, 1), certainty="alleged", claimant=GROUP_C),
        ev("susp", GROUP_A, GROUP_B, certainty="suspected"),
        ev("elsewhere", GROUP_C, GROUP_D, certainty="claimed", claimant=GROUP_A),
    ]
    ledger = claims_ledger(events, about=FRONT)
    assert [e.event.id for e in ledger.asserted] == ["fact"]
    assert [(e.claimant_label, e.certainty) for e in ledger.attributed] == [
        ("(unnamed source)", "suspected"),
        ("League", "claimed"),
        ("League", "alleged"),
    ]
    league = ledger.claimants[0]
    assert league.label == "League" and league.total == 2
    assert league.counts[:4] == (0, 0, 1, 1)
    assert len(claims_ledger(events).attributed) == 4  # no --about: every event


def test_analysis_claims_group_keeps_each_claimant() -> None:
    events = [
        ev("r1", GROUP_A, GROUP_B, certainty="claimed", claimant=GROUP_C, doc="d1"),
        ev("r2", GROUP_A, GROUP_B, certainty="claimed", claimant=GROUP_C, doc="d2"),
        ev("r3", GROUP_A, GROUP_B, certainty="alleged", claimant=GROUP_D, doc="d3"),
    ]
    ledger = claims_ledger(events, FRONT, groups={"r1": "g", "r2": "g", "r3": "g"})
    assert ledger.count == "groups"
    assert sorted(e.unit.report_ids for e in ledger.attributed) == [("r1", "r2"), ("r3",)]


# --------------------------------------------------------------------------- report


HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


def report_events() -> list[Event]:
    town = Place("Town", "Town", "XYZ", lat=33.3, lon=44.4)
    return [
        *network_events(),
        ev("s", GROUP_A, GROUP_B, day=date(2018, 1, 1), sentence=HOSTILE, place=town),
        ev("c", GROUP_B, GROUP_A, day=date(2018, 2, 1), certainty="alleged", claimant=GROUP_C),
        ev("u", GROUP_A, Entity(HOSTILE), day=None),
    ]


def test_analysis_report_html_is_escaped_and_self_contained() -> None:
    html = render_html(build_dossier(report_events(), FRONT))
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(" in html
    for bad in ('src="http', "src='http", 'href="http', "href='http", "@import", "url(http"):
        assert bad not in html
    assert "<link" not in html
    assert html.count("<svg") >= 4  # yearly, dyads, network, map
    assert 'id="ev-s"' in html and 'href="#ev-s"' in html
    assert "Counting <strong>reports</strong>" in html


def test_analysis_report_links_every_set_to_the_appendix() -> None:
    html = render_html(build_dossier(report_events(), FRONT))
    targets = set()
    for part in html.split('href="#')[1:]:
        targets.add(part.split('"', 1)[0])
    missing = [t for t in targets if f'id="{t}"' not in html]
    assert not missing


def test_analysis_report_markdown() -> None:
    md = render_markdown(build_dossier(report_events(), FRONT))
    assert md.startswith("# Dossier: Front")
    assert "Counting: **reports**" in md
    assert "&lt;script&gt;" in md and "<script" not in md
    assert "## Claims ledger" in md and "## Timeline" in md
    assert '<a id="ev-s"></a>' in md


def test_analysis_report_empty_actor_renders() -> None:
    nobody = actor_ref("Nobody", None)
    assert "No events." in render_html(build_dossier(report_events(), nobody))
    assert "## Timeline" in render_markdown(build_dossier([], nobody))


@pytest.mark.parametrize(
    "label", ["$\\frac{1}{$", "a\x08b\nc", "<script>x</script>", "\U0001f600 ☭"]
)
def test_analysis_charts_take_any_label(label: str) -> None:
    other = Entity(label, label, "XYZ", "GOV", None)
    town = Place(label, label, lat=1.0, lon=2.0)
    events = [ev("1", GROUP_A, other, place=town), ev("2", other, GROUP_A, date(2021, 1, 1))]
    html = render_html(build_dossier(events, FRONT))
    assert "<script>x" not in html
    assert html.count("<svg") >= 4


@pytest.mark.slow
@settings(deadline=None, max_examples=15)
@given(st.text(max_size=60))
def test_analysis_report_never_crashes_on_any_text(text: str) -> None:
    events = [ev("x", GROUP_A, Entity(text or "?"), sentence=text)]
    html = render_html(build_dossier(events, FRONT))
    assert "<script" not in html.lower()
