"""``python -m tests.bench --hostile``: time and peak memory of one hostile document at two sizes,
each extracted in a fresh process as ``policykg extract -o`` does (one worker, no cache, the records
streamed to a file), with its CPU seconds. Printed and written, never asserted.

The scaling figure is t(size) / (2 · t(size/2)): about 1 for near-linear work, 2 for quadratic.
Inputs come from tests/hostile.py: a single line with and without numbers, an entity-heavy HTML
page, a multi-line plan, .docx files with many paragraphs and tables, and a .docx bomb.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from tests import hostile
from tests.bench_corpus import ROOT

MB = 1_000_000
#: name → (file suffix, generator of ``size`` bytes, full size in bytes)
INPUTS: dict[str, tuple[str, Callable[[int], bytes], int]] = {
    "line with numbers": (".txt", lambda n: hostile.long_line(n, True), 5 * MB),
    "line without numbers": (".txt", lambda n: hostile.long_line(n, False), 5 * MB),
    "entity-heavy HTML": (".html", hostile.entity_html, 5 * MB),
    # Issue 17's case: a plan at the 50 MB input limit, a target on every line (≈ 680,000 targets).
    "multi-line plan": (".txt", hostile.plan_text, 50 * MB),
    "docx paragraphs": (".docx", lambda n: hostile.docx_paragraphs(n // 60, "推进服务业发展，提升产业能级"), 20 * MB),
    "docx tables": (".docx", lambda n: hostile.docx_tables(n // 200), 2 * MB),
    "docx bomb (200M paragraphs)": (".docx", lambda n: hostile.docx_paragraphs(n), 200 * MB),
}

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from pipeline.batch import extract_one
t = time.perf_counter()
o = extract_one(sys.argv[1], output=Path(sys.argv[2]))
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "error": o.error,
                  "cpu_seconds": round(use.ru_utime + use.ru_stime, 1),
                  "peak_mb": round(use.ru_maxrss / 1024, 1)}))
"""


def measure(path: Path, timeout: float) -> dict[str, Any]:
    """One extraction in a fresh process, its records written to a file as ``policykg extract -o``
    writes them (streamed block by block, pipeline.sinks)."""
    out = path.with_name("records.json")
    try:
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(out)], capture_output=True, text=True,
                              cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"did not finish in {timeout:.0f} s", "peak_mb": None}
    finally:
        out.unlink(missing_ok=True)
    if proc.returncode:
        return {"seconds": None, "error": proc.stderr.strip().splitlines()[-1:], "peak_mb": None}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_hostile(scale: float = 1.0, timeout: float = 600) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="policykg-hostile-") as tmp:
        for name, (suffix, make, full) in INPUTS.items():
            size = max(10_000, int(full * scale))
            row: dict[str, Any] = {"bytes": size}
            for label, n in (("half", size // 2), ("full", size)):
                path = Path(tmp) / f"input{suffix}"
                data = make(n)
                path.write_bytes(data)
                row[f"{label}_file_bytes"] = len(data)
                row[label] = measure(path, timeout)
            h, f = row["half"]["seconds"], row["full"]["seconds"]
            row["scaling"] = round(f / (2 * h), 2) if h and f and h > 0.05 else None
            row["mb_per_s"] = round(size / MB / f, 2) if f else None
            out[name] = row
    return out


def report(rows: dict[str, Any]) -> str:
    lines = [f"{'hostile input':30} {'bytes':>11} {'s':>8} {'CPU s':>7} {'MB/s':>6} {'peak MB':>8} {'scaling':>7}  outcome"]
    for name, r in rows.items():
        full = r["full"]
        lines.append(f"{name:30} {r['bytes']:>11,} {full['seconds'] or '-':>8} {full.get('cpu_seconds') or '-':>7} "
                     f"{r['mb_per_s'] or '-':>6} "
                     f"{full['peak_mb'] or '-':>8} {r['scaling'] or '-':>7}  {full['error'] or 'extracted'}")
    return "\n".join(lines)
