"""Exports: the fact base in other programs' formats (SQLite, JSON, ICS, BibTeX, Mermaid), the
plain-text year chart, and the HTML briefing page.

They may import `facts`, `queries`, `output`, `files`, `errors`, `vocab` and `safe_text`.
"""
