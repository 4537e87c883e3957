"""The ingest stage: read files and streams into :class:`~chronica.records.Document` values.

``read_inputs(paths)`` yields one :class:`ReadResult` per document (or per unreadable input) so
that one bad document never stops the others.
"""

from chronica.ingest.readers import ReadResult, iter_input_files, read_inputs, read_path

__all__ = ["ReadResult", "iter_input_files", "read_inputs", "read_path"]
