"""The model: records → the one networkx graph. Imports only ``schemas``.

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "build_graph": "build",
    "add_bureau": "build",
    "BureauIds": "bureaus",
    "unit_region": "bureaus",
    "same_plan": "versions",
    "latest_versions": "versions",
    "plan_chunks": "versions",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)


def __dir__() -> list[str]:
    return __all__
