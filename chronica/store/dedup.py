"""De-duplication: near-duplicate document clusters and event groups.

Documents are compared by MinHash signatures of their word shingles (datasketch); candidate
pairs come from MinHash LSH and are kept when the estimated Jaccard similarity reaches the
threshold. Connected pairs form a cluster (syndicated copies, light edits, republications).

Events are then merged into *event groups*, one per real-world event, keeping every report:

* inside a cluster, the k-th event with the same type, actors, recipients and place in one copy
  is the same event as the k-th such event in every other copy;
* across clusters, events with the same type, actors, recipients and known place whose start
  dates lie within ``window_days`` of each other are the same event (at least one actor or
  recipient is required, so that two unattributed attacks in one city stay apart).

These functions are pure; :class:`chronica.store.Store` loads their inputs and saves results.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from chronica.errors import SettingsError

_WORD = re.compile(r"\w+", re.UNICODE)
# datasketch's 32-bit permutation scheme; signatures are stored as little-endian uint32.
_SCHEME = "affine32"
_DTYPE = "<u4"
# LSH banding weights (false positives, false negatives): candidates are verified by their
# estimated Jaccard similarity, so missing a pair costs more than checking an extra one.
_WEIGHTS = (0.1, 0.9)


@dataclass(frozen=True)
class DedupSettings:
    # Estimated Jaccard similarity of word shingles at which two documents are near-duplicates.
    threshold: float = 0.6
    # MinHash permutations (signature length); more is more precise and slower.
    num_perm: int = 128
    # Words per shingle.
    shingle: int = 3
    # Events in different clusters whose start dates are this many days apart may be merged.
    window_days: int = 3

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise SettingsError(f"dedup threshold must be in (0, 1], got {self.threshold}")
        if not 16 <= self.num_perm <= 1024:
            raise SettingsError(f"num_perm must be between 16 and 1024, got {self.num_perm}")
        if not 1 <= self.shingle <= 20:
            raise SettingsError(f"shingle must be between 1 and 20 words, got {self.shingle}")
        if not 0 <= self.window_days <= 365:
            raise SettingsError(f"window_days must be between 0 and 365, got {self.window_days}")
        try:
            MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, weights=_WEIGHTS)
        except ValueError as exc:
            raise SettingsError(
                f"no LSH banding fits threshold {self.threshold} with {self.num_perm} "
                f"permutations ({exc}); lower the threshold or raise num_perm"
            ) from exc


def shingles(text: str, size: int) -> set[bytes]:
    """Lower-cased word n-grams of the text (the whole text when it is shorter than one)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, settings: DedupSettings) -> bytes:
    """The MinHash signature of a text as little-endian uint32 bytes."""
    minhash = MinHash(num_perm=settings.num_perm, scheme=_SCHEME)
    minhash.update_batch(list(shingles(text, settings.shingle)))
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


class _UnionFind:
    """Disjoint sets over string keys; each set is named by its smallest key."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            parent = self.find(parent)
            self.parent[key] = parent
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low

    def groups(self) -> dict[str, str]:
        return {key: self.find(key) for key in self.parent}


def near_duplicate_clusters(
    signatures: Iterable[tuple[str, bytes]], settings: DedupSettings
) -> dict[str, str]:
    """Map every document id to its cluster id (the smallest document id in the cluster).

    Signatures made with another ``num_perm`` are left out (each such document stays alone).
    """
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm, weights=_WEIGHTS)
    ids: list[str] = []
    rows: list[np.ndarray] = []
    with lsh.insertion_session() as session:
        for doc_id, raw in signatures:
            values = np.frombuffer(raw, dtype=_DTYPE)
            if len(values) != settings.num_perm:
                continue
            minhash = LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)
            session.insert(len(ids), minhash, check_duplication=False)
            ids.append(doc_id)
            rows.append(values)
    found = _UnionFind()
    if not rows:
        return found.groups()
    matrix = np.stack(rows)
    for row, doc_id in enumerate(ids):
        found.find(doc_id)
        query = LeanMinHash(seed=1, hashvalues=matrix[row], scheme=_SCHEME)
        candidates = np.array([c for c in lsh.query(query) if c > row], dtype=np.int64)
        if len(candidates) == 0:
            continue
        # estimated Jaccard similarity: the share of equal MinHash values, all candidates at once
        similar = (matrix[candidates] == matrix[row]).mean(axis=1) >= settings.threshold
        for other in candidates[similar]:
            found.union(doc_id, ids[int(other)])
    return found.groups()


@dataclass(frozen=True)
class EventKey:
    """What grouping needs to know about one stored event: entity keys of its actors and
    recipients (sorted, distinct) and its place key (None when it has no place)."""

    event_id: str
    doc_id: str
    cluster_id: str
    plover: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    start: date | None


def group_events(keys: Sequence[EventKey], settings: DedupSettings) -> dict[str, str]:
    """Map every event id to its group id (the smallest event id in the group).

    ``keys`` must list each document's events in document order.
    """
    found = _UnionFind()
    same_story: dict[tuple[object, ...], str] = {}
    occurrence: dict[tuple[object, ...], int] = defaultdict(int)
    by_kind: dict[tuple[object, ...], list[tuple[date, str, str]]] = defaultdict(list)
    for key in keys:
        found.find(key.event_id)
        kind = (key.plover, key.actors, key.recipients, key.place)
        nth = occurrence[(key.doc_id, *kind)]
        occurrence[(key.doc_id, *kind)] += 1
        first = same_story.setdefault((key.cluster_id, nth, *kind), key.event_id)
        found.union(first, key.event_id)
        if key.place is not None and key.start is not None and (key.actors or key.recipients):
            by_kind[kind].append((key.start, key.event_id, key.doc_id))
    window = settings.window_days
    for dated in by_kind.values():
        dated.sort()
        for (start_a, id_a, doc_a), (start_b, id_b, doc_b) in pairwise(dated):
            if (start_b - start_a).days <= window and doc_a != doc_b:
                found.union(id_a, id_b)
    return found.groups()
