"""Near-duplicate clusters (MinHash LSH) and event groups (one real-world event, many reports)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_event

from chronica.errors import SettingsError
from chronica.records import Document
from chronica.store import DedupSettings, Store
from chronica.store.dedup import EventKey, group_events, near_duplicate_clusters, signature

pytestmark = pytest.mark.issue(7)

STORIES = (
    "Border guards of the northern province reported on Tuesday that armed men crossed the "
    "river near the old customs post and fired at a patrol boat. Two officers were hurt. The "
    "governor called the attack a provocation and asked the capital for more helicopters, "
    "while local farmers said the shooting lasted for almost an hour before dawn.",
    "The finance ministers of the two neighbouring states met in a lakeside hotel to discuss "
    "a shared railway line and the tariffs on grain. After six hours of talks they signed a "
    "short memorandum and promised a second round in autumn. Exporters welcomed the news but "
    "warned that the port fees remain far too high for small companies.",
    "Thousands of nurses marched through the capital demanding higher wages and safer night "
    "shifts. Police closed the central bridge and the union said it would strike next week if "
    "the health minister refused to negotiate. Several clinics cancelled routine operations as "
    "a precaution, according to the hospital association.",
)
EDITS = (
    lambda t: t,
    lambda t: t.replace("Two", "2"),
    lambda t: "UPDATED. " + t,
    lambda t: t + " This report was updated at noon.",
    lambda t: t.replace("said", "stated"),
)
KINDS = (
    [
        ("ASSAULT", ("Gunmen",), ("Border guards",), "Riverton"),
        ("REQUEST", ("Governor",), ("Capital",), None),
    ],
    [
        ("CONSULT", ("Alphaland",), ("Betaland",), "Lakeside"),
        ("AGREE", ("Alphaland",), ("Betaland",), "Lakeside"),
    ],
    [
        ("PROTEST", ("Nurses",), ("Health ministry",), "Capital City"),
        ("THREATEN", ("Union",), ("Health ministry",), None),
    ],
)


def _save_copies(store: Store) -> None:
    for s, (story, kinds) in enumerate(zip(STORIES, KINDS, strict=True)):
        for c, edit in enumerate(EDITS):
            doc_id = f"story{s}-copy{c}"
            events = [
                make_event(
                    f"{doc_id}-e{k}",
                    doc_id,
                    plover,
                    actors,
                    recipients,
                    date(2024, 4, 1 + c),
                    place,
                )
                for k, (plover, actors, recipients, place) in enumerate(kinds)
            ]
            store.save(Document(doc_id, edit(story), source=f"outlet{c % 3}"), events)


def test_dedup_five_edited_copies_count_each_event_once() -> None:
    with Store.open(":memory:") as store:
        _save_copies(store)
        counts = store.deduplicate()
        assert counts.events == 30
        assert counts.event_groups == 6
        assert counts.duplicate_clusters == 3
        assert counts.clustered_documents == 15
        assert store.cluster_of("story1-copy3") == [f"story1-copy{c}" for c in range(5)]
        groups = list(store.groups())
        assert sorted(g.reports for g in groups) == [5] * 6
        assert all(g.outlets == 3 and g.documents == 5 for g in groups)
        assert {g.first_report for g in groups} == {None}
        assert len(set(store.group_of().values())) == 6


def test_dedup_distinct_stories_stay_apart() -> None:
    settings = DedupSettings()
    sigs = [(f"s{i}", signature(text, settings)) for i, text in enumerate(STORIES)]
    clusters = near_duplicate_clusters(sigs, settings)
    assert sorted(clusters.values()) == ["s0", "s1", "s2"]


def test_dedup_threshold_is_configurable() -> None:
    strict = DedupSettings(threshold=0.9)
    edited = (STORIES[0], EDITS[4](EDITS[1](STORIES[0])))
    sigs = [(f"c{i}", signature(t, strict)) for i, t in enumerate(edited)]
    assert len(set(near_duplicate_clusters(sigs, strict).values())) == 2
    loose = DedupSettings(threshold=0.5)
    sigs = [(f"c{i}", signature(t, loose)) for i, t in enumerate(edited)]
    assert len(set(near_duplicate_clusters(sigs, loose).values())) == 1


def _key(
    event_id: str,
    doc_id: str,
    cluster: str,
    place: str | None,
    day: int | None,
    parties: tuple[str, ...] = ("a",),
) -> EventKey:
    start = date(2024, 1, day) if day else None
    return EventKey(event_id, doc_id, cluster, "ASSAULT", parties, parties, place, start)


@pytest.mark.parametrize(
    ("keys", "expected_groups"),
    [
        # across clusters: same kind, place and dates within the window -> one event
        ([_key("e1", "d1", "d1", "kyiv", 1), _key("e2", "d2", "d2", "kyiv", 3)], 1),
        # ... dates too far apart -> two events
        ([_key("e1", "d1", "d1", "kyiv", 1), _key("e2", "d2", "d2", "kyiv", 9)], 2),
        # ... no place -> never merged across clusters
        ([_key("e1", "d1", "d1", None, 1), _key("e2", "d2", "d2", None, 1)], 2),
        # ... no actors at all -> never merged across clusters
        ([_key("e1", "d1", "d1", "kyiv", 1, ()), _key("e2", "d2", "d2", "kyiv", 1, ())], 2),
        # same cluster, no place, no date -> merged (copies of one story)
        ([_key("e1", "d1", "c", None, None), _key("e2", "d2", "c", None, None)], 1),
        # two such events in one copy stay two events; the copies' k-th events pair up
        (
            [
                _key("e1", "d1", "c", None, None),
                _key("e2", "d1", "c", None, None),
                _key("f1", "d2", "c", None, None),
                _key("f2", "d2", "c", None, None),
            ],
            2,
        ),
    ],
)
def test_dedup_group_events_rules(keys: list[EventKey], expected_groups: int) -> None:
    assert len(set(group_events(keys, DedupSettings()).values())) == expected_groups


@pytest.mark.parametrize(
    "bad",
    [
        {"threshold": 0.0},
        {"threshold": 1.5},
        {"threshold": 0.999},
        {"num_perm": 4},
        {"shingle": 0},
        {"window_days": -1},
    ],
)
def test_dedup_settings_validate(bad: dict[str, float]) -> None:
    with pytest.raises(SettingsError):
        DedupSettings(**bad)  # type: ignore[arg-type]


def test_dedup_changed_document_is_reclustered() -> None:
    with Store.open(":memory:") as store:
        _save_copies(store)
        store.deduplicate()
        store.save(Document("story0-copy1", "An unrelated note about the weather."), [])
        assert store.groups_are_stale()
        store.deduplicate()
        assert store.cluster_of("story0-copy1") == ["story0-copy1"]
        assert len(store.cluster_of("story0-copy0")) == 4
