"""Pure functions over the fact base that answer the commands' questions, one module a family.

Each returns rows (a Listing) or, for `show` and `about`, a plain document, and raises
UsageProblem for a bad argument and NoMatch when nothing matched. It may import `facts`,
`errors` and `vocab`; it never reads files and knows nothing of terminals or output formats.
"""
