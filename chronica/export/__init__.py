"""Export stored events: JSONL, CSV, Parquet (by year), PLOVER-style JSONL, GDELT- and
Phoenix-like TSV.

``export(store, fmt, out)`` writes every event (one row per report), or with ``groups=True`` one
row per event group (its representative report plus how often and where it was reported).
The column mappings are documented in docs/cli/export.md.
"""

from chronica.export.writers import FORMATS, ExportReport, export

__all__ = ["FORMATS", "ExportReport", "export"]
