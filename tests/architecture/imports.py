"""The import graph of `icanal_desktop`, read from the source with `ast` (nothing imported)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "icanal_desktop"
ROOT = Path(__file__).resolve().parents[2] / PACKAGE


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module, dotted (a submodule where `from X import Y` names one)
    line: int
    type_only: bool  # under `if TYPE_CHECKING:`: never imported when the app runs


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[Import] = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for inner in child.body:
                    visit_one(inner, True)
                for inner in child.orelse:
                    visit_one(inner, type_only)
                continue
            visit_one(child, type_only)

    def visit_one(child: ast.AST, type_only: bool) -> None:
        if isinstance(child, ast.Import):
            for alias in child.names:
                found.append(Import(name, alias.name, child.lineno, type_only))
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                anchor = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in child.names:
                sub = f"{base}.{alias.name}"
                found.append(Import(name, sub if sub in known else base, child.lineno, type_only))
        visit(child, type_only)

    visit(tree, False)
    return found


def graph() -> list[Import]:
    mods = modules()
    known = set(mods)
    return [i for name, path in mods.items() for i in imports_of(name, path, known)]


def within(target: str, *prefixes: str) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes)
