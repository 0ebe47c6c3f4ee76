"""One home per convention: a regex pattern written as a literal lives in ``pipeline/rules/``.

Scans (ast) every module of pipeline/, graph/ and schemas/ for a call of a ``re`` function whose
pattern is a string literal, an f-string or a concatenation (``re.compile(r"…")``,
``re.search(r"…", s)``), outside the rule modules. A pattern built from rule constants at the call
(``re.compile(A.X.pattern + …)``) is a literal too: name it in the rules instead.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "graph", "schemas")
RULES = ROOT / "pipeline" / "rules"
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}

#: Modules allowed literal patterns, with how many and why. Each entry is a debt with its reason;
#: the count may only go down (the test fails when it grows, and when it can shrink).
ALLOWED: dict[str, tuple[int, str]] = {
    "pipeline/normalize.py": (1, "the suspect-character class extended with the document's own rare characters"),
    "pipeline/unitlists.py": (1, "a character class built from the separators a caller passes (cached)"),
    # graph/ may not import pipeline/ (tests/test_layers.py): its patterns are its own, until a
    # shared home in schemas/ takes the ones that are conventions (title folding, organ endings).
    "graph/answers/counterparts.py": (1, "organ endings of a bureau's name"),
    "graph/answers/similarity.py": (2, "a paying organ opening a metric; punctuation folded"),
    "graph/model/bureaus.py": (2, "a place name before an organ, built from the level's place suffix"),
    "graph/render/compare_report.py": (1, "Markdown's special characters (a format, not a convention)"),
    "graph/render/export.py": (2, "Cypher string escapes and plain names (a format)"),
    "graph/render/matrix_xlsx.py": (1, "wide (CJK) characters, for column widths (a format)"),
    "graph/store/queries.py": (2, "Cypher tokens: strings, comments, parameters, a header's defaults (a format)"),
    "graph/store/store.py": (1, "the database's error codes (not document text)"),
    "graph/render/writers.py": (1, "characters XML 1.0 cannot hold (a format)"),
    "graph/store/check.py": (1, "the embedded database's file names (not document text)"),
    "graph/store/load.py": (1, "Cypher keywords cut out of a database message (a format)"),
    "graph/store/uri.py": (3, "URI user-info, secret parameters and control characters (not document text)"),
    "pipeline/formats.py": (1, "a PDF page's layout gaps next to Chinese characters (a file format)"),
    "schemas/ids.py": (2, "a plan title's punctuation and period suffix, folded for its id and its citations (schemas imports pydantic only)"),
    "schemas/paths.py": (1, "control characters escaped in a shown path (not document text)"),
}


def _literal_patterns(path: Path) -> list[int]:
    """Line numbers of ``re.<function>(<literal pattern>, …)`` calls in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS and node.args
                and isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.BinOp))):
            lines.append(node.lineno)
    return sorted(lines)


def found() -> dict[str, list[int]]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if RULES in path.parents:
                continue
            hits = _literal_patterns(path)
            if hits:
                out[path.relative_to(ROOT).as_posix()] = hits
    return out


def test_regex_literals_live_in_the_rule_modules() -> None:
    hits = found()
    unexpected = {name: lines for name, lines in hits.items() if name not in ALLOWED}
    assert not unexpected, f"regex literals outside pipeline/rules/ (name them there): {unexpected}"
    grown = {name: (len(lines), ALLOWED[name][0]) for name, lines in hits.items()
             if len(lines) > ALLOWED[name][0]}
    assert not grown, f"more regex literals than allowed (found, allowed): {grown}"
    shrunk = {name: (len(hits.get(name, [])), count) for name, (count, _) in ALLOWED.items()
              if len(hits.get(name, [])) < count}
    assert not shrunk, f"fewer regex literals than allowed: lower ALLOWED (found, allowed): {shrunk}"


def test_the_scan_sees_a_literal(tmp_path: Path) -> None:
    """The scan finds the shapes it promises to find (a scan that finds nothing passes anything)."""
    module = tmp_path / "m.py"
    module.write_text('import re\nA = re.compile(r"x")\ndef f(s):\n    return re.search(f"{s}y", s)\n'
                      'B = re.compile(A.pattern + "z")\nC = re.compile(A)\n', encoding="utf-8")
    assert _literal_patterns(module) == [2, 4, 5]
