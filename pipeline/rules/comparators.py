"""Comparator words of a target (不低于 → ge), longest first: the one list the grammar reads."""
from __future__ import annotations

# Verbs and comparators, longest first.
CMP_WORDS: tuple[tuple[str, str], ...] = (
    ("不得低于", "ge"), ("不得少于", "ge"), ("不得超过", "le"), ("不得高于", "le"), ("不得多于", "le"),
    ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"), ("不超过", "le"), ("不高于", "le"),
    ("控制在", "le"), ("低于", "lt"), ("少于", "lt"), ("突破", "gt"), ("超过", "gt"),
    ("高于", "gt"), ("大于", "gt"), ("超", "gt"), ("过", "gt"),
)
