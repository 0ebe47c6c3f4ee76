"""Lazy re-exports for a package's ``__init__`` (PEP 562): importing one module of a layer does not
import the others (``python -m graph.store.embedded`` must not load the driver, nor every command
openpyxl and jinja2). One helper for the four graph layers."""
from __future__ import annotations

import importlib
from typing import Any, Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, str]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``(__getattr__, __dir__, __all__)`` for ``package``: each name in ``exports`` is loaded from
    its module (``exports[name]``, relative to the package) when first used."""
    names = sorted(exports)

    def getattr_(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{exports[name]}"), name)

    def dir_() -> list[str]:
        return names

    return getattr_, dir_, names
