"""Answers drawn from the model: the responsibility matrix, plan comparisons, metric similarity,
counterpart bureaus. Never imports ``graph.render``.

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others.
"""
from __future__ import annotations

from schemas.lazy import lazy_exports

_EXPORTS = {
    "TidyTable": "tables",
    "corpus_tables": "tables",
    "Matrix": "matrix",
    "Table": "matrix_views",
    "matrix_from_rows": "matrix",
    "responsibility_matrix": "matrix",
    "views": "matrix_views",
    "add_comparison": "compare",
    "compare_plans": "compare",
    "find_parent_pairs": "compare",
    "pair_score": "compare",
    "target_ref": "compare",
    "find_counterparts": "counterparts",
    "level_of": "counterparts",
    "name_core": "counterparts",
    "content_similarity": "similarity",
    "metric_similarity": "similarity",
    "normalize_metric": "similarity",
}

__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
