"""Answers and the model written out: the HTML report, matrix formats (XLSX, HTML, CSV, Markdown),
comparison reports, graph exports (GraphML, JSON, CSV, Cypher script).

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others (openpyxl and jinja2 load only for the formats that need them).
"""
from __future__ import annotations

from schemas.lazy import lazy_exports

_EXPORTS = {
    "write_tables": "tables",
    "write_workbook": "tables",
    "generate_cypher": "export",
    "generate_graphml": "export",
    "generate_json": "export",
    "node_link": "export",
    "write_csv": "export",
    "write_cypher": "export",
    "write_export": "export",
    "write_graphml": "export",
    "write_json": "export",
    "generate_report": "report",
    "write_report": "report",
    "write_comparison": "compare_report",
    "write_matrix": "matrix_formats",
    "Span": "highlight",
    "highlight": "highlight",
    "locate": "highlight",
    "valid_spans": "highlight",
    "PathOrFile": "writers",
    "text_writer": "writers",
}

__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
