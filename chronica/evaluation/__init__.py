"""Evaluation against the development gold sets (``chronica eval``).

Public interface: :func:`evaluate` (or one ``evaluate_<set>`` function per set) with an
:class:`EvalRequest`, giving an :class:`EvalReport`; :func:`report_to_dict` /
:func:`write_report_json` for JSON; :func:`load_floors` / :func:`check_floors` for CI floors.
Scorers in :mod:`chronica.evaluation.metrics` and :mod:`chronica.evaluation.components` are
pure functions over (gold record, predicted events).
"""

from chronica.evaluation.floors import Floor, Floors, check_floors, load_floors
from chronica.evaluation.runner import (
    SETS,
    EvalReport,
    EvalRequest,
    canonical_set,
    evaluate,
    evaluate_acled,
    evaluate_coped,
    evaluate_geowebnews,
    evaluate_muc4,
    evaluate_petr2_gsr,
    evaluate_plover_gsr,
    evaluate_timebank,
    report_to_dict,
    write_report_json,
)

__all__ = [
    "SETS",
    "EvalReport",
    "EvalRequest",
    "Floor",
    "Floors",
    "canonical_set",
    "check_floors",
    "evaluate",
    "evaluate_acled",
    "evaluate_coped",
    "evaluate_geowebnews",
    "evaluate_muc4",
    "evaluate_petr2_gsr",
    "evaluate_plover_gsr",
    "evaluate_timebank",
    "load_floors",
    "report_to_dict",
    "write_report_json",
]
