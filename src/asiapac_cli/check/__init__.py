"""`asiapac check`: fact-check a text against the fact base.

It may import `facts`, `queries`, `errors` and `vocab`; never `output` or `cli`.
"""
