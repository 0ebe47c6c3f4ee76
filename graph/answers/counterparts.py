"""Counterpart bureaus of two plans: which lower-level bureau answers to which higher one.

Names usually say it (区商务局 ↔ 市商务局, 区卫生健康局 ↔ 市卫生健康委员会 once the level prefix
and the agency type are dropped); where they do not (区金融工作中心 ↔ 市地方金融管理局), the
aligned targets the two bureaus are responsible for do.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Optional

from graph.model.bureaus import LEVEL_PREFIXES, LEVEL_RANK, level_of
from schemas.compare import Alignment, Counterpart
from schemas.records import DocumentRecords

_BUREAU_SUFFIX = re.compile(r"(?:委员会|办公室|中心|委|局|厅|办|署|部|处|科)$")


def name_core(name: str, level: str) -> str:
    """The name without its level prefix and agency type: 区发展和改革局, 市发展和改革委员会 → 发展和改革."""
    for prefix in LEVEL_PREFIXES.get(level, ()):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return _BUREAU_SUFFIX.sub("", name)


def _bureaus(records: DocumentRecords) -> dict[str, tuple[str, set[str]]]:
    """Non-generic bureaus of a document: canonical → (level, name cores incl. aliases)."""
    found: dict[str, tuple[str, set[str]]] = {}
    for unit in records.units:
        if not unit.generic:
            level = level_of(unit.canonical, unit.level)
            names = {unit.canonical, unit.name, *unit.aliases}
            found[unit.canonical] = (level, {name_core(n, level) for n in names})
    generic = {unit.canonical for unit in records.units if unit.generic}
    mentioned = [r.unit for a in records.actions for r in a.responsibilities]
    mentioned += [u for t in records.amounts() for u in t.responsible_units]
    for name in mentioned:
        if name not in found and name not in generic and not name.startswith("各"):
            level = level_of(name)
            found[name] = (level, {name_core(name, level)})
    return found


def find_counterparts(child: DocumentRecords, parent: DocumentRecords,
                      alignments: list[Alignment]) -> list[Counterpart]:
    """Counterparts by name after the level prefix, then by the aligned work both answer for.

    A pair by work needs both bureaus unpaired by name, the child bureau's votes (each aligned
    pair splits one vote among its unpaired bureaus) to favour one parent bureau strictly, and
    that parent bureau to favour the child bureau back.
    """
    cb, pb = _bureaus(child), _bureaus(parent)
    result: list[Counterpart] = []
    taken: set[str] = set()
    for c, (c_level, c_cores) in cb.items():
        for p, (p_level, p_cores) in pb.items():
            lower = LEVEL_RANK.get(c_level, 9) > LEVEL_RANK.get(p_level, -1)
            if p not in taken and lower and c_cores & p_cores:
                result.append(Counterpart(child=c, parent=p, basis="name"))
                taken.add(p)
                break
    paired = {x.child for x in result}
    votes: dict[tuple[str, str], float] = defaultdict(float)
    via: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alignment in alignments:
        cs = [u for u in alignment.child.responsible_units if u in cb and u not in paired]
        ps = [u for u in alignment.parent.responsible_units if u in pb and u not in taken]
        for c in cs:
            for p in ps:
                votes[c, p] += 1 / (len(cs) * len(ps))
                via[c, p].append(alignment.child.id)

    def best(side: int, name: str) -> Optional[str]:
        ranked = Counter({k[1 - side]: v for k, v in votes.items()
                          if k[side] == name}).most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    for c in cb:
        q = best(0, c)
        if q is not None and best(1, q) == c:
            result.append(Counterpart(child=c, parent=q, basis="aligned_work", via=via[c, q]))
    order = list(cb)
    return sorted(result, key=lambda x: order.index(x.child))
