"""Output: how rows and documents reach a person or a program.

cells (a value as text), views (what a terminal shows of each listing: columns, title, notes),
formats (the piped formats and the table, by name), table (the terminal table), document
(`show`, `about`), terminal (the one place that decides "terminal or not", colour and width),
pager. It may import `facts` (types only: `facts.model`, or anything under TYPE_CHECKING),
`errors`, `vocab` and `safe_text`; it never computes a fact.
"""
