"""The layers of the house, checked on the source's imports (tests/architecture/imports.py):
no import circle, a core without Qt, lower layers that never reach up, and the sandbox
started only by the app's `--demo`."""

from __future__ import annotations

from collections import defaultdict

from .imports import Import, graph, within

P = "icanal_desktop"
# Pure Python: no Qt, so the CLI and the sync run without a display and tests need no app.
CORE = (f"{P}.core", f"{P}.cli")
GUI = (f"{P}.gui",)
DOWN = (f"{P}.core.api", f"{P}.core.cache", f"{P}.core.sync", f"{P}.core.actions")
# Who may not import whom (runtime imports and type-only ones alike).
NEVER = {
    f"{P}.core": (*GUI, f"{P}.cli", f"{P}.app"),
    f"{P}.core.errors": (f"{P}.core",),
    f"{P}.core.domain": (*DOWN, f"{P}.core.accounts", f"{P}.core.credentials"),
    f"{P}.core.api": (f"{P}.core.cache", f"{P}.core.sync", f"{P}.core.actions"),
    f"{P}.core.cache": (f"{P}.core.api", f"{P}.core.sync", f"{P}.core.actions"),
    f"{P}.core.sync": (f"{P}.core.actions",),
    f"{P}.gui.models": (f"{P}.gui.views", f"{P}.gui.session", f"{P}.gui.tasks", *DOWN),
}
# Views that still import the API client, the cache or sync when the app runs. DESIGN's
# rule is that none does (a view goes through the session and its operations); this list
# may only shrink, and the test fails when a file on it stops (strike it off) or another
# one starts.
VIEWS_STILL_REACHING_DOWN = frozenset(
    f"{P}.gui.views.billing.{name}" for name in ("bills_exports", "bills_tab", "pay_bill_dialog")
)
# The bills model reads the cache's row layout (its column positions); to move into the domain.
MODELS_STILL_READING_CACHE_ROWS = {(f"{P}.gui.models.bills_model", f"{P}.core.cache.store")}
IMPORTS = graph()


def _where(found: list[Import]) -> list[str]:
    return sorted(f"{i.source} (line {i.line}) -> {i.target}" for i in found)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circle() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in IMPORTS:
        # A submodule importing from its own package is how packages are built, not a circle.
        if i.type_only or not within(i.target, P) or i.source.startswith(i.target + "."):
            continue
        edges[i.source].add(i.target)
    assert _cycles(edges) == []


def test_the_core_has_no_qt() -> None:
    qt = [
        i for i in IMPORTS if within(i.source, *CORE) and within(i.target, "PySide6", "shiboken6")
    ]
    assert _where(qt) == []


def test_lower_layers_never_import_upper_ones() -> None:
    wrong = [
        i
        for i in IMPORTS
        for layer, forbidden in NEVER.items()
        if within(i.source, layer)
        and within(i.target, *forbidden)
        and (i.source, i.target) not in MODELS_STILL_READING_CACHE_ROWS
    ]
    assert _where(wrong) == []


def test_only_the_demo_starts_the_sandbox() -> None:
    sandbox = [i for i in IMPORTS if within(i.target, "icanal_sandbox")]
    assert {i.source for i in sandbox} <= {f"{P}.app"}, _where(sandbox)


def test_views_reaching_the_transport_are_only_those_left_to_move() -> None:
    reaching = {
        i.source
        for i in IMPORTS
        if within(i.source, f"{P}.gui.views")
        and not i.type_only
        and within(i.target, *DOWN, f"{P}.core.errors")
    }
    assert sorted(reaching - VIEWS_STILL_REACHING_DOWN) == [], "a view went below the session"
    assert sorted(VIEWS_STILL_REACHING_DOWN - reaching) == [], "strike these off the list"
