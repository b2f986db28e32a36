"""Issue 8: no view over about 40 lines; parsing and context-building go into helpers."""

import ast
from pathlib import Path

import jobbro

LIMIT = 40


def test_no_view_function_is_over_40_lines():
    long = []
    paths = sorted(Path(jobbro.__file__).parent.glob("*/views*.py"))  # views_sessions.py too
    assert len(paths) > 20
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                length = node.end_lineno - start + 1  # decorators, docstring and all
                if length > LIMIT:
                    long.append(
                        f"{path.parent.name}/{path.name}:{node.lineno} {node.name} {length}"
                    )
    assert long == []
