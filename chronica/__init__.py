"""chronica: political event data from text, with evidence, time, place and attribution."""

__version__ = "0.1.0"
