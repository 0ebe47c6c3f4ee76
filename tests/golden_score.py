"""Score extracted records against the hand-written golden files in tests/fixtures/golden/.

Used by tests/pipeline/test_golden.py (thresholds) and by ``python -m tests.golden_score`` (a table
for people). Matching: a golden target matches an extracted one when the extracted evidence
overlaps the golden quote's position and the values agree (both None for qualitative goals).
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from pipeline import trace
from pipeline.decode import read_document

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = ROOT / "tests" / "fixtures" / "golden"
FIELDS = ("unit", "comparator", "kind", "deadline", "recurrence", "responsible_units", "metric")


@dataclass
class Score:
    name: str
    golden: int = 0
    extracted: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=dict)
    metric_accepted: int = 0
    metric_rejected: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)
    milestones_golden: int = 0
    milestones_matched: int = 0
    milestones_extracted: int = 0
    resp_golden: int = 0
    resp_matched: int = 0
    not_target_violations: list[str] = field(default_factory=list)
    plan_errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.golden if self.golden else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    def field_accuracy(self, name: str) -> float:
        return self.field_hits.get(name, 0) / self.matched if self.matched else 1.0


def run(path: Path):
    values = trace(read_document(path))
    return values["extract"], values["normalize"].text


def _metric_ok(gold: str, got: str) -> bool:
    if not gold or not got:
        return gold == got
    return gold in got or got in gold or SequenceMatcher(None, gold, got).ratio() >= 0.6


_FOLD_METRIC = re.compile(r"[的“”\"'「」\s]|全[国省市区县]|[我本][国省市区县]")


def metric_accepted(gold: str, got: str) -> bool:
    """Stricter than ``_metric_ok``: the phrase a reader accepts as naming what is measured. Equal
    once 的, quotes, spaces and scope words (全区, 本市) are folded, or one holds the other and is at least 4/5 of its length
    (a word of scope or a modifier more or less, never half a sentence or a bare head noun)."""
    g, t = _FOLD_METRIC.sub("", gold or ""), _FOLD_METRIC.sub("", got or "")
    if g == t:
        return True
    short, long_ = sorted((g, t), key=len)
    return bool(short) and short in long_ and len(short) >= 0.8 * len(long_)


def _same_value(g, t) -> bool:
    if g is None or t is None:
        return g is None and t is None
    return abs(float(g) - float(t)) < 1e-6 * max(1.0, abs(float(g)))


def score_document(golden_path: Path) -> Score:
    gold = json.loads(golden_path.read_text(encoding="utf-8"))
    records, text = run(ROOT / gold["file"])
    sc = Score(golden_path.stem)
    # Plan metadata.
    plan = records.plan
    for key in ("period_start", "period_end", "doc_number", "level", "region", "issuer", "posted_date"):
        if key in gold["plan"] and gold["plan"][key] != getattr(plan, key):
            sc.plan_errors.append(f"plan.{key}: want {gold['plan'][key]!r} got {getattr(plan, key)!r}")
    if gold["plan"].get("title") and gold["plan"]["title"].replace(" ", "") not in plan.title.replace(" ", ""):
        sc.plan_errors.append(f"plan.title: want {gold['plan']['title']!r} got {plan.title!r}")
    fold = lambda s: re.sub(r"[－—–\-\s]", "-", s)
    want_parents = {p.get("doc_number") or fold(p["title"]) for p in gold["plan"].get("parent_plans", [])}
    got_parents = {p.doc_number or fold(p.title) for p in plan.parent_plans}
    if not want_parents <= got_parents:
        sc.plan_errors.append(f"plan.parent_plans: want {sorted(want_parents)} got {sorted(got_parents)}")
    issuers = {p.doc_number or fold(p.title): p.issuer for p in plan.parent_plans}
    for p in gold["plan"].get("parent_plans", []):
        key = p.get("doc_number") or fold(p["title"])
        if p.get("issuer") and issuers.get(key) != p["issuer"]:
            sc.plan_errors.append(f"parent issuer: want {p['issuer']!r} got {issuers.get(key)!r}")
        if p.get("doc_number") and not any(fold(p["title"]) == fold(q.title) for q in plan.parent_plans):
            sc.plan_errors.append(f"parent title: want {p['title']!r}")
    # Targets.
    candidates = [t for t in records.targets if t.kind != "baseline"]
    sc.extracted = len(candidates)
    used: set[str] = set()
    for g in gold["targets"]:
        sc.golden += 1
        q = g["quote"]
        pos = text.find(q)
        if pos < 0:
            sc.misses.append(f"(quote not in text) {q}")
            continue
        span = (pos, pos + len(q))
        options = [t for t in candidates if t.id + str(t.metric) not in used
                   and t.evidence.start < span[1] and span[0] < t.evidence.end
                   and _same_value(g["value"], t.value)]
        if not options:
            sc.misses.append(f"{g['metric']} {g['value']}{g['unit'] or ''} | {q}")
            continue
        options.sort(key=lambda t: (not _metric_ok(g["metric"], t.metric), abs(t.evidence.start - span[0])))
        t = options[0]
        used.add(t.id + str(t.metric))
        sc.matched += 1
        got = {"unit": t.unit, "comparator": t.comparator, "kind": t.kind, "deadline": t.deadline,
               "recurrence": t.recurrence, "responsible_units": sorted(t.responsible_units), "metric": t.metric}
        want = dict(g, responsible_units=sorted(g["responsible_units"]))
        if metric_accepted(g["metric"], t.metric):
            sc.metric_accepted += 1
        else:
            sc.metric_rejected.append(f"want {g['metric']!r} got {t.metric!r}")
        for f in FIELDS:
            ok = _metric_ok(want[f], got[f]) if f == "metric" else want[f] == got[f]
            if ok:
                sc.field_hits[f] = sc.field_hits.get(f, 0) + 1
            else:
                sc.field_errors.append(f"{f}: want {want[f]!r} got {got[f]!r} | {q}")
    for t in candidates:
        if t.id + str(t.metric) not in used:
            sc.spurious.append(f"{t.metric} {t.value}{t.unit or ''} ({t.kind}) | {t.evidence.text}")
    # Numbers that must not be targets.
    for nt in gold.get("not_targets", []):
        pos = text.find(nt)
        while pos >= 0:
            for t in candidates:
                if t.value is not None and t.evidence.start < pos + len(nt) and pos < t.evidence.end:
                    num = f"{t.value:g}"
                    if num in nt:
                        sc.not_target_violations.append(f"{nt} -> {t.metric} {t.value}")
            pos = text.find(nt, pos + 1)
    # Milestones: by deadline and quote overlap.
    sc.milestones_golden = len(gold.get("milestones", []))
    sc.milestones_extracted = len(records.milestones)
    for g in gold.get("milestones", []):
        pos = text.find(g["quote"])
        if pos >= 0 and any(m.deadline == g["deadline"] and m.evidence.start < pos + len(g["quote"])
                            and pos < m.evidence.end for m in records.milestones):
            sc.milestones_matched += 1
    # Responsibilities: an action whose title starts like the item, with the same units in each
    # role. ``responsible`` lists units of a clause that names no roles, in the order written.
    for g in gold.get("responsibilities", []):
        sc.resp_golden += 1
        want = (sorted(g.get("lead", [])), sorted(g.get("support", [])), g.get("responsible", []))
        for a in records.actions:
            if a.title.startswith(g["item"][:6]) or g["item"][:6] in a.title:
                by_rank = sorted(a.responsibilities, key=lambda r: r.rank)
                got = (sorted(r.unit for r in by_rank if r.role == "lead"),
                       sorted(r.unit for r in by_rank if r.role == "support"),
                       [r.unit for r in by_rank if r.role == "responsible"])
                if got == want:
                    sc.resp_matched += 1
                    break
    return sc


def all_scores() -> list[Score]:
    return [score_document(p) for p in sorted(GOLDEN_DIR.glob("*.json"))]


def main() -> None:
    verbose = "-v" in sys.argv
    for sc in all_scores():
        fields = " ".join(f"{f}={sc.field_accuracy(f):.2f}" for f in FIELDS)
        print(f"{sc.name}: targets P={sc.precision:.2f} R={sc.recall:.2f} ({sc.matched}/{sc.golden}, "
              f"{sc.extracted} extracted) milestones {sc.milestones_matched}/{sc.milestones_golden} "
              f"(extracted {sc.milestones_extracted}) resp {sc.resp_matched}/{sc.resp_golden} "
              f"not-targets violated {len(sc.not_target_violations)} | metric accepted "
              f"{sc.metric_accepted}/{sc.matched} | {fields}")
        if verbose:
            for label, items in (("plan", sc.plan_errors), ("miss", sc.misses), ("spurious", sc.spurious),
                                 ("field", sc.field_errors), ("not-target", sc.not_target_violations),
                                 ("metric", sc.metric_rejected)):
                for item in items:
                    print(f"   {label}: {item}")


if __name__ == "__main__":
    main()
