"""The fact base: record shapes, the schema, the strict loader, the cache, and name resolution.

files -> facts -> queries -> output. This package may import the standard library,
`asiapac_cli.errors`, `asiapac_cli.vocab` and `asiapac_cli.files` (and PyYAML, lazily, to
parse); nothing from queries, check, output, exports or cli.
"""
