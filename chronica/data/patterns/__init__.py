"""Event pattern files (YAML), read by :mod:`chronica.events.patterns`."""
