"""CI floors: minimum scores per set (``floors.yaml``) and the check against a report."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from chronica.errors import DictionaryError
from chronica.evaluation.runner import EvalReport


@dataclass(frozen=True, slots=True)
class Floor:
    set_name: str
    metric: str
    minimum: float


@dataclass(frozen=True, slots=True)
class Floors:
    limit: int
    floors: tuple[Floor, ...]

    def for_set(self, set_name: str) -> tuple[Floor, ...]:
        return tuple(f for f in self.floors if f.set_name == set_name)


def parse_floors(text: str, where: str = "floors.yaml") -> Floors:
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise DictionaryError("expected 'limit' and a 'sets' mapping", where)
    limit = data.get("limit", 150)
    if not isinstance(limit, int) or limit < 1:
        raise DictionaryError(f"limit must be a positive integer, got {limit!r}", where)
    floors = []
    for set_name, metrics in data["sets"].items():
        if not isinstance(metrics, dict):
            raise DictionaryError(f"set {set_name!r} must map metric names to minimums", where)
        for metric, minimum in metrics.items():
            if not isinstance(minimum, int | float) or not 0.0 <= minimum <= 1.0:
                raise DictionaryError(f"{set_name}.{metric}: minimum must be in [0, 1]", where)
            floors.append(Floor(str(set_name), str(metric), float(minimum)))
    return Floors(limit, tuple(floors))


@lru_cache(maxsize=1)
def load_floors() -> Floors:
    """The packaged floors (chronica/evaluation/floors.yaml)."""
    path = resources.files("chronica.evaluation").joinpath("floors.yaml")
    return parse_floors(path.read_text(encoding="utf-8"), str(path))


def check_floors(report: EvalReport, floors: Floors) -> list[str]:
    """Messages for every floor of the report's set that the report falls below."""
    failures = []
    for floor in floors.for_set(report.set_name):
        metric = report.metric(floor.metric)
        value = metric.value if metric is not None else None
        if value is None:
            failures.append(f"{report.set_name}.{floor.metric}: not measured")
        elif value < floor.minimum:
            failures.append(
                f"{report.set_name}.{floor.metric}: {value:.3f} below floor {floor.minimum:.3f}"
            )
    return failures
