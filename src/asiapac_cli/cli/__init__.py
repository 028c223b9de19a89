"""The command line: the Typer app, shared options, and thin commands.

It may import every other part of the package; nothing imports it.
"""
