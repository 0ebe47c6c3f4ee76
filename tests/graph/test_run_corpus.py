"""policykg.jobs.run_corpus (``policykg run``) against the session's embedded database: outputs named
by one rule, so same-named documents in different folders never overwrite each other."""
from __future__ import annotations

from pathlib import Path

from policykg.jobs import run_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"


def test_run_corpus_same_named_children_get_their_own_comparisons(embedded_home, tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.chdir(tmp_path)  # no developer .env pointing at a real database
    corpus = tmp_path / "corpus"
    for folder in ("a", "b"):
        (corpus / folder).mkdir(parents=True)
    (corpus / "city_plan.txt").write_bytes((FIXTURES / "city_plan.txt").read_bytes())
    district = (FIXTURES / "district_plan.txt").read_text(encoding="utf-8")
    (corpus / "a" / "plan.txt").write_text(district, encoding="utf-8")
    (corpus / "b" / "plan.txt").write_text(district.replace("西岭", "东岭"), encoding="utf-8")

    result = run_corpus(str(corpus), tmp_path / "out", workers=1)

    compared = sorted(p.name for p in result.outputs if p.name.startswith("compare-"))
    assert compared == ["compare-plan.html", "compare-plan.json", "compare-plan.md",
                        "compare-plan.txt.html", "compare-plan.txt.json", "compare-plan.txt.md"]
    assert len(set(result.outputs)) == len(result.outputs)
    a, b = ((tmp_path / "out" / n).read_text(encoding="utf-8") for n in ("compare-plan.json", "compare-plan.txt.json"))
    # each file holds one child's comparison
    assert ("西岭" in a) != ("西岭" in b) and ("东岭" in a) != ("东岭" in b)
