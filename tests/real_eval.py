"""Score the real pipeline on the development set of real documents (tests/devset/gold).

``python -m tests.real_eval --mirror /work/.mirror [--docs DIR] [-v]`` cuts the documents out of the
fetched mirrors (tools/devset/sources.json) or reads them from DIR, runs ``pipeline.process_file`` on
each and prints, overall, per level and per document type: targets recall / precision / F1, deadlines
right (of matched), metric accepted (strict), responsibility clauses found, milestones found, plan
fields right (title, period, level, parents) and the targets extracted from documents whose gold has
none (non-plans; should be ≤3 each). Not a pytest module and not part of ``make test`` (it needs the
mirrors). Matching mirrors tests/golden_score.py, without quotes: the gold holds no sentences.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from pipeline import process_file
from pipeline.unitnames import canonical_name
from tests.golden_score import _metric_ok, _same_value

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "devset" / "gold"
NON_PLAN_LIMIT = 3


def fold(s: str | None) -> str:
    """Compare text without spaces, quotes, brackets or dash variants."""
    s = re.sub(r"[\s“”\"'‘’《》〈〉]", "", s or "")
    return re.sub(r"[－—–\-~～]", "-", s.replace("(", "（").replace(")", "）"))


def same_unit(a: str | None, b: str | None) -> bool:
    return fold(a).replace("％", "%") == fold(b).replace("％", "%")


def metric_accepted(gold: str, got: str) -> bool:
    """Stricter than _metric_ok: equal after folding, or one contains the other within 1.5× the length."""
    g, t = fold(gold), fold(got)
    if not g or not t:
        return g == t
    return g == t or ((g in t or t in g) and max(len(g), len(t)) <= 1.5 * min(len(g), len(t)))


@dataclass
class Tally:
    docs: int = 0
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    deadline_ok: int = 0
    metric_ok: int = 0
    clauses: int = 0
    clauses_found: int = 0
    milestones: int = 0
    milestones_found: int = 0
    milestones_extracted: int = 0
    fields: int = 0
    fields_ok: int = 0
    nonplan_docs: int = 0
    nonplan_targets: int = 0
    nonplan_over: int = 0

    def add(self, other: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class DocResult:
    id: str
    level: str
    doc_type: str
    tally: Tally
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _target_str(t) -> str:
    return f"{t.metric} {t.value:g}{t.unit or ''} ({t.deadline})"


def score_targets(gold: list[dict], records, res: DocResult) -> None:
    tl = res.tally
    cands = [t for t in records.targets if t.kind != "baseline" and t.value is not None]
    tl.gold += len(gold)
    tl.extracted += len(cands)
    used: set[int] = set()
    for g in gold:
        opts = [(i, t) for i, t in enumerate(cands) if i not in used and _same_value(g["value"], t.value)
                and same_unit(g["unit"], t.unit) and _metric_ok(fold(g["metric"]), fold(t.metric))]
        if not opts:
            res.notes["miss"].append(f"{g['metric']} {g['value']:g}{g['unit'] or ''} [{g['section']}]")
            continue
        i, t = max(opts, key=lambda it: SequenceMatcher(None, fold(g["metric"]), fold(it[1].metric)).ratio())
        used.add(i)
        tl.matched += 1
        if t.deadline == g["deadline"]:
            tl.deadline_ok += 1
        else:
            res.notes["deadline"].append(f"{g['metric']}: want {g['deadline']} got {t.deadline} ({t.deadline_rule})")
        if metric_accepted(g["metric"], t.metric):
            tl.metric_ok += 1
        else:
            res.notes["metric"].append(f"want {g['metric']!r} got {t.metric!r}")
    for i, t in enumerate(cands):
        if i not in used:
            res.notes["spurious"].append(f"{_target_str(t)} | {t.evidence.text[:60]}")


def _clause_ok(g: dict, units: dict[str, str]) -> bool:
    want = {canonical_name(u): r for u, r in g["roles"].items()}
    if set(want) != set(units):
        return False
    for u, role in want.items():
        if role == "lead" and units[u] != "lead":
            return False
        if role == "support" and units[u] == "lead":
            return False
    return True


def score_clauses(gold: list[dict], records, res: DocResult) -> None:
    tl = res.tally
    acts = [{canonical_name(r.unit): r.role for r in a.responsibilities} for a in records.actions if a.responsibilities]
    used: set[int] = set()
    tl.clauses += len(gold)
    for g in gold:
        hit = next((i for i, units in enumerate(acts) if i not in used and _clause_ok(g, units)), None)
        if hit is None:
            near = [sorted(u) for u in acts if set(u) & {canonical_name(x) for x in g["units"]}][:1]
            res.notes["clause"].append(f"[{g['section']}] {'、'.join(g['units'])} | nearest {near}")
        else:
            used.add(hit)
            tl.clauses_found += 1


def score_milestones(gold: list[dict], records, res: DocResult) -> None:
    tl = res.tally
    tl.milestones += len(gold)
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, m in enumerate(records.milestones) if i not in used and m.deadline == g["deadline"]
                    and (fold(g["deliverable"]) in fold(m.description) or _metric_ok(g["deliverable"], m.description))),
                   None)
        if hit is None:
            res.notes["milestone"].append(f"{g['deadline']} {g['deliverable']}")
        else:
            used.add(hit)
            tl.milestones_found += 1
    tl.milestones_extracted += len(records.milestones)
    for i, m in enumerate(records.milestones):
        if i not in used:
            res.notes["milestone+"].append(f"{m.deadline} {m.description[:60]}")


def score_plan(gold: dict, plan, res: DocResult) -> None:
    tl = res.tally
    want_parents = {p.get("doc_number") or fold(p["title"]) for p in gold.get("parent_plans", [])}
    got_parents = {p.doc_number or fold(p.title) for p in plan.parent_plans}
    got_titles = {fold(p.title) for p in plan.parent_plans}
    parents_ok = all(w in got_parents or w in got_titles for w in want_parents) and (bool(want_parents) or not got_parents)
    checks = {
        "title": bool(gold["title"]) and fold(gold["title"]) in fold(plan.title),
        "period": (gold["period_start"], gold["period_end"]) == (plan.period_start, plan.period_end),
        "level": gold["level"] == plan.level,
        "parents": parents_ok,
    }
    got = {"title": plan.title, "period": (plan.period_start, plan.period_end), "level": plan.level,
           "parents": sorted(got_parents)}
    want = {"title": gold["title"], "period": (gold["period_start"], gold["period_end"]), "level": gold["level"],
            "parents": sorted(want_parents)}
    tl.fields += len(checks)
    for k, ok in checks.items():
        tl.fields_ok += ok
        if not ok:
            res.notes["plan"].append(f"{k}: want {want[k]!r} got {got[k]!r}")


def score_document(gold: dict, path: Path, meta: dict) -> DocResult:
    records = process_file(path)
    res = DocResult(gold["id"], meta.get("level") or gold["plan"]["level"], gold["doc_type"], Tally(docs=1))
    score_targets(gold["targets"], records, res)
    score_clauses(gold["clauses"], records, res)
    score_milestones(gold["milestones"], records, res)
    score_plan(gold["plan"], records.plan, res)
    if not gold["targets"] and gold["doc_type"] != "plan":
        n = res.tally.extracted
        res.tally.nonplan_docs, res.tally.nonplan_targets, res.tally.nonplan_over = 1, n, int(n > NON_PLAN_LIMIT)
    return res


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def row(name: str, t: Tally) -> str:
    r = t.matched / t.gold if t.gold else None
    p = t.matched / t.extracted if t.extracted else None
    f1 = f"{2 * r * p / (r + p):.2f}" if r and p else "  - "
    return (f"{name:<24}{t.docs:>4} {t.gold:>5} {t.extracted:>5} {_ratio(t.matched, t.gold):>5} "
            f"{_ratio(t.matched, t.extracted):>5} {f1:>5} {_ratio(t.deadline_ok, t.matched):>5} "
            f"{_ratio(t.metric_ok, t.matched):>5} {t.clauses_found:>4}/{t.clauses:<4} {_ratio(t.clauses_found, t.clauses):>5} "
            f"{t.milestones_found:>3}/{t.milestones:<3} {t.fields_ok:>3}/{t.fields:<3} "
            f"{t.nonplan_targets:>4} ({t.nonplan_over}/{t.nonplan_docs} over {NON_PLAN_LIMIT})")


HEADER = (f"{'':<24}{'docs':>4} {'gold':>5} {'extr':>5} {'R':>5} {'P':>5} {'F1':>5} {'ddl':>5} {'mtrc':>5} "
          f"{'clauses':>9} {'found':>5} {'miles':>7} {'fields':>7} non-plan targets")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, help="folder of fetched mirrors (<owner>+<name>/repo)")
    ap.add_argument("--docs", type=Path, help="folder of already built documents (skips the build)")
    ap.add_argument("-v", action="store_true", help="list misses and spurious records per document")
    args = ap.parse_args(argv)
    from tools.devset.build import DevsetError, build, load_sources

    meta = {d["id"]: d for d in load_sources()["documents"]}
    docs_dir = args.docs
    if docs_dir is None:
        if args.mirror is None:
            ap.error("give --mirror (to build the documents) or --docs")
        docs_dir = Path(tempfile.mkdtemp(prefix="devset-"))
        try:
            build(args.mirror, docs_dir)
        except DevsetError as exc:
            print(f"Error: {exc}", file=sys.stderr)
            return 1
    groups: dict[str, Tally] = defaultdict(Tally)
    results = []
    for gpath in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        m = meta[gold["id"]]
        path = docs_dir / f"{gold['id']}.{m.get('ext', 'txt')}"
        if not path.exists():
            print(f"Error: {path} missing (build the documents first)", file=sys.stderr)
            return 1
        res = score_document(gold, path, m)
        results.append(res)
        for key in ("all", f"level:{res.level}", f"type:{res.doc_type}"):
            groups[key].add(res.tally)
    print(HEADER)
    for key in ["all"] + sorted(k for k in groups if k != "all"):
        print(row(key, groups[key]))
    if args.v:
        t = groups["all"]
        print(f"milestones extracted {t.milestones_extracted}, matching gold {t.milestones_found}, "
              f"the rest listed as milestone+ (a gold milestone may be missing, or the record spurious)")
    if args.v:
        for res in results:
            print(f"\n== {res.id} ({res.level}, {res.doc_type})\n   {row('', res.tally).strip()}")
            for kind, items in res.notes.items():
                for item in items:
                    print(f"   {kind}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
