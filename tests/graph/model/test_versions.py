"""Several versions of one plan (same title): the last one given is what the database holds."""
from graph.model.versions import latest_versions
from pipeline import process_bytes
from policykg.jobs import load_records

BASE = ("国务院关于促进会展消费的意见\n一、主要目标\n到2027年，全国新增品牌展会{n}个。\n"
        "二、重点任务\n（一）办好展会。每年举办国际展会{n}场。（商务部负责）\n")


def test_versions_latest_wins_within_and_across_chunks(store):
    versions = [process_bytes(BASE.format(n=n).encode("utf-8"), f"v{n}.txt") for n in (10, 20, 30, 40, 50)]
    assert len({r.plan.id for r in versions}) == 1
    assert latest_versions(versions) == [versions[-1]]
    load_records(versions[:3], store, chunk=2)
    load_records(versions[3:], store, chunk=5)
    rows = store.query("MATCH (p:Plan {id: $id})-[*1..3]->(t:Target) RETURN DISTINCT t.doc_id AS doc, t.value AS v",
                       {"id": versions[0].plan.id})
    assert {r["doc"] for r in rows} == {versions[-1].source.doc_id}
    assert {r["v"] for r in rows} == {50}
    stale = store.query("MATCH (t:Target) WHERE t.doc_id IN $docs RETURN count(t) AS n",
                        {"docs": [r.source.doc_id for r in versions[:-1]]})
    assert stale == [{"n": 0}]
