"""Deterministic ids, shared by the pipeline (records) and the graph (nodes).

A plan is keyed by its title (punctuation, dashes and width folded), else by its document number,
so that a parent plan cited by a child (《title》 and often a 文号) and the same plan extracted later
from its own text get the same id and MERGE onto one node: the title is what both sides always
have, while a plan printed without its notice wrapper carries no 文号.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional

_PUNCT = re.compile(r"[\s《》〈〉“”\"'（）()〔〕\[\]【】—–\-－·、，,。:：]")


def _digest(text: str, n: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def _fold(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


def plan_id(title: Optional[str], doc_number: Optional[str]) -> str:
    """``plan:<hash>`` from the title (punctuation and width folded), else from the 文号."""
    if title and _fold(title):
        return "plan:" + _digest("title:" + _fold(title))
    return "plan:" + _digest("no:" + _fold(doc_number or ""))


def bureau_id(canonical: str) -> str:
    """One Bureau node per canonical name, shared across documents."""
    return "bureau:" + _fold(canonical)


def record_id(kind: str, doc_id: str, *parts: object) -> str:
    """``<kind>:<doc_id>:<hash of parts>`` for sections, actions, targets and milestones."""
    return f"{kind}:{doc_id}:" + _digest("\x1f".join(str(p) for p in parts), 10)
