"""Deterministic ids, shared by the pipeline (records) and the graph (nodes).

**Plans.** A plan is keyed by its region and its title: ``plan:<hash of region | folded title>``.

- The folded title drops punctuation, dashes and width, and keeps every digit, so the period as
  written in the title (``（2024—2026年）``) is part of the key: two versions of a plan for two
  periods are two plans. A period read only from the body is not part of the key, because a
  citation (``《title》（文号）`` in a child's preamble) could not carry it.
- The region is the place the title names, else the place of the issuer (the one the pipeline
  reads into ``Plan.region``). Ten districts' ``关于加快发展现代服务业的实施方案`` are ten plans;
  a title that names its place gives the same key whoever cites it. A citation whose title names
  no place and whose issuer is not written keeps an empty region: it is the same node as a plan
  read without a known region, and the 文号 (below) links it to the plan when both carry one.
- The 文号 is the alternative key: a document with no title is keyed by its 文号; a cited plan
  and an in-corpus plan with the same 文号 are one plan (the loader and the model move a
  placeholder's edges onto the plan that carries the same 文号).
- A citation names a plan (``cites``) when their 文号 agree, or when their titles agree once the
  period suffix (``（2024—2026年）``) is dropped from either and their regions, where both are
  known, agree: a child's preamble often cites its parent without the period. The model and the
  comparisons use this one rule; the id itself stays exact.
- Same key, different plans: two documents with the same key whose 文号, issuer or period
  (each when both give one) differ are different plans; the later one takes
  ``distinct_plan_id`` (the key plus those values), so they never replace each other. Otherwise a
  later document with the same key replaces the earlier one as its new version (the loader says so).

**Bureaus.** A bureau belongs to its government: ``bureau:<region>·<canonical name>``, so each
district's 区商务局 is its own node and the city's 市商务局 another. National organs (国务院,
商务部, 国家发展改革委 …) and units whose government is unknown carry no region
(``bureau:<canonical>``). Which region a unit gets is decided in ``graph.model.bureaus``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional

_PUNCT = re.compile(r"[\s《》〈〉“”\"'（）()〔〕\[\]【】—–\-－·、，,。:：]")


def _digest(text: str, n: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def fold(text: str) -> str:
    """Width, punctuation, dashes and spaces folded away (the comparison form of names)."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


_fold = fold  # the name other modules used before it was public

# A period suffix at the end of a title: （2024—2026年）, (2024-2026), 2024至2026年.
_PERIOD_SUFFIX = re.compile(r"[（(]?\s*\d{4}\s*(?:年)?\s*[—–\-－~～至到]+\s*\d{4}\s*年?\s*[）)]?\s*$")


def title_key(title: str) -> str:
    """The folded title without its period suffix: what a citation of the plan is matched by."""
    return fold(_PERIOD_SUFFIX.sub("", unicodedata.normalize("NFKC", title).strip()))


def titles_match(a: str, b: str) -> bool:
    """Same title once folded; a period suffix may be missing on one side only (two different
    periods are two plans)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    ka, kb = title_key(a), title_key(b)
    return fa == fb or (ka == kb and (fa == ka or fb == kb))


def cites(title: str, doc_number: Optional[str], region: Optional[str],
          plan_title: Optional[str], plan_doc_number: Optional[str],
          plan_region: Optional[str]) -> bool:
    """Whether a citation (title, 文号, region) names the plan (title, 文号, region): the one rule."""
    if doc_number and plan_doc_number:
        return fold(doc_number) == fold(plan_doc_number)
    if region and plan_region and fold(region) != fold(plan_region):
        return False
    return bool(plan_title) and titles_match(title, plan_title or "")


def plan_key(title: Optional[str], doc_number: Optional[str], region: Optional[str] = None) -> str:
    """The identity text of a plan: region | folded title, else the folded 文号."""
    if title and fold(title):
        return "title:" + fold(region or "") + "|" + fold(title)
    return "no:" + fold(doc_number or "")


def plan_id(title: Optional[str], doc_number: Optional[str], region: Optional[str] = None) -> str:
    """``plan:<hash>`` of ``plan_key``: the id a plan's own text and a citation of it share."""
    return "plan:" + _digest(plan_key(title, doc_number, region))


def distinct_plan_id(title: Optional[str], doc_number: Optional[str], region: Optional[str],
                     issuer: Optional[str], period: tuple[Optional[int], Optional[int]]) -> str:
    """The id of a plan whose ``plan_id`` another, different plan already holds (see above)."""
    extra = "|".join(fold(str(x)) if x is not None else "" for x in (doc_number, issuer, *period))
    return "plan:" + _digest(plan_key(title, doc_number, region) + "|" + extra)


def bureau_id(region: Optional[str], canonical: str) -> str:
    """One Bureau node per government and canonical name (no region: national or unknown)."""
    name = fold(canonical)
    return f"bureau:{fold(region)}·{name}" if region and fold(region) else f"bureau:{name}"


def record_id(kind: str, doc_id: str, *parts: object) -> str:
    """``<kind>:<doc_id>:<hash of parts>`` for sections, actions, targets and milestones."""
    return f"{kind}:{doc_id}:" + _digest("\x1f".join(str(p) for p in parts), 10)
