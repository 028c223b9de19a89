"""The import rule: the data flow the tree shows (files -> facts -> queries -> output) is the one
the code follows. Each package's docstring says what it may import; this test reads every
module's `asiapac_cli` imports (at module level, inside functions, and under TYPE_CHECKING) and
fails when a layer imports one above it, or when the modules' run-time imports form a cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "asiapac_cli"

LEAVES = {"errors", "vocab", "safe_text", "root"}  # any layer may import them
# What each layer may import besides the leaves and its own modules. `output` may use the fact
# base's types (facts.model, or anything under TYPE_CHECKING), never compute with it.
MAY_IMPORT = {
    "root": set(),
    "errors": set(),
    "vocab": {"errors"},
    "safe_text": set(),
    "files": set(),
    "facts": {"files"},
    "queries": {"files", "facts"},
    "check": {"files", "facts", "queries"},
    "output": {"facts.model"},
    "exports": {"files", "facts", "queries", "output"},
    "cli": {"files", "facts", "queries", "check", "output", "exports"},
}


class Import:
    def __init__(self, importer: str, imported: str, line: int, type_only: bool) -> None:
        self.importer = importer
        self.imported = imported
        self.line = line
        self.type_only = type_only

    def __repr__(self) -> str:
        where = f"{self.importer} (line {self.line})"
        return f"{where} imports {self.imported}" + (" under TYPE_CHECKING" if self.type_only else "")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def layer(module: str) -> str:
    """'asiapac_cli.facts.load' -> 'facts'; the package itself (its version) is a leaf."""
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path) -> list[Import]:
    """Every import of a module of the package, with whether it runs only under TYPE_CHECKING."""
    importer = module_name(path)
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, type_only: bool) -> None:
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_only)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "asiapac_cli":
                    found.append(Import(importer, alias.name, node.lineno, type_only))
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] == "asiapac_cli":
                for alias in node.names:
                    candidate = f"{source}.{alias.name}"
                    name = candidate if is_module(candidate) else source
                    found.append(Import(importer, name, node.lineno, type_only))
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def all_imports() -> list[Import]:
    return [found for path in sorted(PACKAGE.rglob("*.py")) for found in imports_of(path)]


def allowed(found: Import) -> bool:
    mine, theirs = layer(found.importer), layer(found.imported)
    if theirs == mine or theirs in LEAVES:
        return mine not in LEAVES or theirs in LEAVES  # a leaf imports only leaves
    permitted = MAY_IMPORT[mine]
    if theirs in permitted:
        return True
    if mine == "output" and theirs == "facts":
        return found.type_only or found.imported in ("asiapac_cli.facts.model",)
    return False


def test_the_reader_sees_every_module() -> None:
    # A guard for the test itself: it must see imports at every depth, else it passes on nothing.
    seen = {(f.importer, f.imported) for f in all_imports()}
    assert ("asiapac_cli.facts.load", "asiapac_cli.files") in seen  # module level
    assert ("asiapac_cli.cli.app", "asiapac_cli.safe_text") in seen  # inside a function
    assert ("asiapac_cli.facts.names", "asiapac_cli.facts.base") in seen  # under TYPE_CHECKING
    assert {layer(m) for m, _ in seen} >= set(MAY_IMPORT) - {"root", "errors", "safe_text"}


def test_no_layer_imports_one_above_it() -> None:
    wrong = [repr(found) for found in all_imports() if not allowed(found)]
    assert wrong == []


def test_run_time_imports_form_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for found in all_imports():
        if not found.type_only and found.imported != found.importer:
            graph.setdefault(found.importer, set()).add(found.imported)
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` as the path that closes it, or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state:
                cycle = walk(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = walk(start)
            if cycle:
                return cycle
    return None


@pytest.mark.parametrize(
    ("importer", "imported", "type_only", "expected"),
    [
        ("asiapac_cli.facts.load", "asiapac_cli.output.cells", False, False),
        ("asiapac_cli.output.table", "asiapac_cli.queries.rows", False, False),
        ("asiapac_cli.output.table", "asiapac_cli.facts.base", False, False),
        ("asiapac_cli.output.table", "asiapac_cli.facts.base", True, True),
        ("asiapac_cli.output.table", "asiapac_cli.facts.model", False, True),
        ("asiapac_cli.queries.show", "asiapac_cli.check.checker", False, False),
        ("asiapac_cli.check.checker", "asiapac_cli.output.table", False, False),
        ("asiapac_cli.exports.ics", "asiapac_cli.cli.emit", False, False),
        ("asiapac_cli.vocab", "asiapac_cli.facts.model", False, False),
        ("asiapac_cli.exports.ics", "asiapac_cli.output.cells", False, True),
        ("asiapac_cli.cli.app", "asiapac_cli.check.checker", False, True),
    ],
)
def test_the_rule_itself(importer: str, imported: str, type_only: bool, expected: bool) -> None:
    assert allowed(Import(importer, imported, 1, type_only)) is expected


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_the_design_table_names_every_folder_and_module() -> None:
    page = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    design = page.split("## Layers", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z_/]+?)(?:\.py|/)?`", design))
    expected = {path.stem for path in PACKAGE.glob("*.py") if path.stem not in ("__init__", "__main__")}
    expected |= {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    for folder in ("facts", "queries", "output", "exports", "cli", "check"):
        expected |= {p.stem for p in (PACKAGE / folder).glob("*.py") if p.stem != "__init__"}
    assert expected - named == set()
