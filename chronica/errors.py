"""Named exceptions. Library code raises these; the CLI maps them to messages and exit codes."""

from __future__ import annotations


class ChronicaError(Exception):
    """Base class of every error chronica raises on purpose."""

    exit_code = 1


class SettingsError(ChronicaError, ValueError):
    """A setting has a value outside what it allows (raised when Settings is built)."""

    exit_code = 2


class ModelNotFoundError(ChronicaError):
    """The spaCy pipeline named by --model is not installed."""

    exit_code = 3


class InputError(ChronicaError):
    """An input file or one document in it cannot be read.

    Carries the path and, for JSONL/CSV, the 1-based line so that messages name where the
    problem is.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class DictionaryError(ChronicaError):
    """A data file (actor dictionary, pattern file, ontology table) is malformed."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or "<dictionary>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class StoreError(ChronicaError):
    """The event database cannot be opened, migrated or queried."""


class NotFoundError(ChronicaError):
    """A requested actor, event or document does not exist."""

    exit_code = 4


class BadParameterError(ChronicaError, ValueError):
    """A query parameter (web page or API) has a value outside what it allows; ``param`` names
    it. The web layer answers 422 with the message."""

    exit_code = 2

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.reason = message
        super().__init__(f"{param}: {message}")


class AnalysisError(ChronicaError):
    """An analysis option has a value outside what it allows (window, frequency, certainty)."""

    exit_code = 2


class QueryError(StoreError, ValueError):
    """An event query has an invalid value (bad limit, order, cursor or date range)."""

    exit_code = 2


class UnknownCameoCodeError(ChronicaError, KeyError):
    """A CAMEO code that is not in the table (nor is any of its parent codes)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown CAMEO code {code!r}")

    def __str__(self) -> str:
        return str(self.args[0])


class NoPloverTypeError(ChronicaError, LookupError):
    """A CAMEO code without a PLOVER type (root 01, statements) used without an explicit type."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"CAMEO code {code!r} has no PLOVER type (root 01, statements); "
            "pass plover= explicitly or use another code"
        )


class GoldError(ChronicaError, ValueError):
    """An evaluation gold file (or one record in it) is missing or malformed."""


class CodingError(ChronicaError):
    """An unexpected failure while coding one document (a bug in a stage, not bad input).

    Batch runs record it against the document and go on with the others; the original
    exception is kept as ``__cause__``.
    """

    def __init__(self, doc_id: str, exc: BaseException) -> None:
        self.doc_id = doc_id
        super().__init__(f"internal error while coding {doc_id!r}: {type(exc).__name__}: {exc}")
