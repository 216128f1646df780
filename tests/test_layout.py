"""Architecture checks: no import cycles between the modules of claims/ (lazy imports inside functions
count too: a cycle is a cycle), and the model plumbing has one home."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "claims"


def _module(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PKG.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
                for c in candidates:
                    if c in modules and c != name:
                        graph[name].add(c)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if m.startswith(n + ".") or n.startswith(m + "."):
                continue  # a package and its own submodules
            if state.get(m) == 1:
                found.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return found


def test_no_import_cycles_between_modules():
    graph = import_graph()
    # the package root re-exports the public API and cli wires the commands: both sit on top of everything
    for top in ("claims", "claims.cli", "claims.__main__"):
        graph.pop(top, None)
        for deps in graph.values():
            deps.discard(top)
    assert _cycles(graph) == []


def test_model_plumbing_has_one_home():
    from claims import modeling
    from claims.embed import Embedder
    from claims.score import NLIScorer

    assert isinstance(NLIScorer(), modeling.Scorer) and isinstance(Embedder(), modeling.Embedder)
    for name in ("score.py", "embed.py"):
        text = (PKG / name).read_text(encoding="utf-8")
        assert "torch.full(" not in text, f"{name} pads batches itself; use claims.modeling.padded_batches"


def test_no_function_in_claims_over_80_lines():
    long = []
    for path in sorted(PKG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80:
                long.append(f"{path.relative_to(PKG.parent)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
