"""What importing the extraction costs: `pipeline.extract` (and the stage loop) load neither the
graph layers nor the database driver, nor spaCy or the segmenters (they load when first used)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_extract_loads_no_graph_driver_or_segmenter() -> None:
    code = ("import sys, pipeline, pipeline.extract, pipeline.batch; "
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    loaded = set(out.stdout.split())
    assert "pipeline" in loaded and "pydantic" in loaded  # the check sees what was imported
    assert not loaded & {"graph", "neo4j", "policykg", "spacy", "jieba", "rjieba", "opencc", "networkx"}
