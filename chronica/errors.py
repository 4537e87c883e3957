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
