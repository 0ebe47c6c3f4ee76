"""The model: records → the one networkx graph. Imports only ``schemas``.

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others.
"""
from __future__ import annotations

from schemas.lazy import lazy_exports

_EXPORTS = {
    "build_graph": "build",
    "add_bureau": "build",
    "BureauIds": "bureaus",
    "unit_region": "bureaus",
    "same_plan": "versions",
    "latest_versions": "versions",
    "plan_chunks": "versions",
}

__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
