"""The error catalogue (schemas/errors.py): one home, a unique stable code and a docstring each."""
from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from graph.render.export import cypher_name
from pipeline.batch import extract_many
from schemas import errors
from schemas.errors import ArgumentError, ExportError, InputError, PolicykgError, describe

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("schemas", "pipeline", "graph", "policykg")


def _error_classes() -> list[type[PolicykgError]]:
    return [obj for _, obj in inspect.getmembers(errors, inspect.isclass)
            if issubclass(obj, PolicykgError) and obj.__module__ == errors.__name__]


def test_errors_every_class_has_its_own_unique_code_and_a_docstring():
    classes = _error_classes()
    assert len(classes) >= 14
    codes = [cls.code for cls in classes]
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes), codes
    assert len(set(codes)) == len(codes), sorted(codes)
    for cls in classes:
        assert "code" in vars(cls), f"{cls.__name__} inherits its code"
        assert cls.__doc__ and cls.__doc__.strip(), f"{cls.__name__} has no docstring"


def _exception_classes(path: Path) -> list[str]:
    """Classes defined in ``path`` whose bases look like exceptions (a name ending in Error,
    Exception, Warning, or one of the catalogue's classes)."""
    names = {cls.__name__ for cls in _error_classes()}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            bases = [b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                     for b in node.bases]
            if any(b in names or b.endswith(("Error", "Exception", "Warning")) for b in bases):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    return found


def test_errors_no_module_outside_the_catalogue_defines_an_exception():
    modules = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(modules) > 40
    defined = [hit for p in modules if p != ROOT / "schemas" / "errors.py" for hit in _exception_classes(p)]
    assert defined == []
    assert len(_exception_classes(ROOT / "schemas" / "errors.py")) == len(_error_classes())  # the scan sees them


def test_errors_describe_puts_the_code_first():
    assert describe(InputError("a.txt: no such file")) == "[E001] a.txt: no such file"
    assert describe(ExportError()) == "[E033] The graph holds something the export format cannot express " \
                                      "(a NUL in a Cypher name)."


def test_errors_former_value_errors_are_library_errors():
    with pytest.raises(ExportError, match="NUL"):
        cypher_name("a\x00b")
    with pytest.raises(ArgumentError, match="one output file per document"):
        list(extract_many([Path("a.txt"), Path("b.txt")], workers=1, outputs=[Path("a.json")]))
