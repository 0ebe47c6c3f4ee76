"""The vendored vis-network build (``graph/render/templates/vendor/``, pinned by
``tools/report-vendor``) served as a file, and the CSP hashes of the stylesheets it injects.

Why hashes: the standalone build adds its CSS as ``<style>`` elements (first empty, then with
its text). A strict ``style-src 'self'`` refuses them; rather than allow any inline style, the
CSP names exactly these stylesheets by their SHA-256, read from the pinned file itself, so an
updated build brings its own hashes and nothing else is admitted.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from graph.render.report import VENDOR

# The build's injector is called with each stylesheet as one string literal: A(".vis-overlay{…}").
_CSS_CALL = re.compile(r"""\bA\((?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\)""")


def vis_network_file() -> Path:
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    return VENDOR / manifest["vis-network"]["file"]


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@lru_cache(maxsize=1)
def style_hashes() -> tuple[str, ...]:
    """CSP sources for the empty <style> the build inserts first and each stylesheet it fills in."""
    js = vis_network_file().read_text(encoding="utf-8")
    sheets = [d or s for d, s in _CSS_CALL.findall(js)]
    return tuple(dict.fromkeys([_hash(""), *(_hash(css) for css in sheets if "{" in css and css.endswith("}"))]))
