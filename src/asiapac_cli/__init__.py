"""asiapac: look up the facts of NATO's partnerships in the Indo-Pacific."""

__version__ = "0.1.0"
