import re

import pytest

from graph.store.queries import QUERY_DIR, NamedQuery, get_query, list_queries, query_parameters
from pipeline import process_bytes
from policykg.jobs import load_records
from schemas.errors import QueryError
from schemas.graph import LABEL_NAMES, RELATIONSHIP_TYPES
from tests.graph.answers.rollup_docs import (
    CITY_NUMBER,
    DISTRICT_TITLE,
    DISTRICTS,
    city_plan,
    district_plan,
    province_plan,
)

EXPECTED = {
    "who-owns-what", "targets-due-by", "bureaus-by-actions", "actions-without-owner",
    "plan-and-parents", "targets-by-kind", "milestones-timeline", "matrix", "aligned-targets",
    "counterparts", "bureau-work", "targets-by-metric", "implementers", "deadlines-between",
}


def test_queries_list_has_every_expected_query():
    queries = list_queries()
    assert {q.name for q in queries} >= EXPECTED
    assert [q.name for q in queries] == sorted(q.name for q in queries)
    assert all(isinstance(q, NamedQuery) for q in queries)


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.cypher")), ids=lambda p: p.stem)
def test_queries_every_file_starts_with_a_description(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("// ") and len(first) > 20
    query = get_query(path.stem)
    assert query.description == first[3:].strip()
    assert not query.text.startswith("//") and query.text


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_queries_use_schema_names_only(query):
    labels = set(re.findall(r"\(\w*:(\w+)", query.text))
    types = set(re.findall(r"\[\w*:(\w+)", query.text))
    assert labels <= LABEL_NAMES
    assert types <= RELATIONSHIP_TYPES
    assert "apoc." not in query.text.lower()


def test_queries_get_returns_text_and_parameters():
    query = get_query("targets-due-by")
    assert query.parameters == ("date", "limit")
    assert query.defaults == {"limit": 1000}
    assert "date($date)" in query.text
    assert query.bind({"date": "2025-12-31"}) == {"date": "2025-12-31", "limit": 1000}
    assert query.bind({"date": "2025-12-31", "limit": 5})["limit"] == 5
    assert get_query("corpus-bureaus").defaults == {"limit": 5}
    assert get_query("graph-nodes").parameters == ()


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_queries_limits_are_parameters_with_defaults(query):
    """No hidden LIMIT: a limit is $limit, and the header gives its default."""
    assert not re.search(r"\bLIMIT\s+\d", query.text, re.IGNORECASE)
    if "limit" in query.parameters:
        assert isinstance(query.defaults.get("limit"), int), query.description
    assert set(query.defaults) <= set(query.parameters)
    assert all("$" + p in query.description for p in query.parameters), query.description


@pytest.mark.parametrize("name", ["no-such-query", "../queries", ""])
def test_queries_unknown_name_lists_known(name):
    with pytest.raises(QueryError) as info:
        get_query(name)
    message = str(info.value)
    assert repr(name) in message
    assert all(known in message for known in EXPECTED)


@pytest.mark.parametrize("text,expected", [
    ("MATCH (n) WHERE n.a = $a AND n.b = $b RETURN $a", ("a", "b")),
    ("RETURN '$not' AS x, \"$nor\" AS y // $neither\n", ()),
    ("RETURN 'it\\'s $no' + $yes /* $no */", ("yes",)),
    ("MATCH (n:`$odd`) RETURN n", ()),
])
def test_queries_parameters_skip_strings_and_comments(text, expected):
    assert query_parameters(text) == expected


# ---- every named query on the real embedded database, with fictional plans loaded -------------

BIG = 1_000_000  # a limit above anything the test database holds


@pytest.fixture(scope="module")
def loaded(embedded_home):
    from graph.store.store import open_store

    docs = [process_bytes(province_plan().encode("utf-8"), "province.txt"),
            process_bytes(city_plan(cites_province=True).encode("utf-8"), "city.txt"),
            *[process_bytes(district_plan(d).encode("utf-8"), f"{d}.txt") for d in DISTRICTS]]
    with open_store(env={}, home=embedded_home) as s:
        load_records(iter(docs), s)
    return docs


def run(store, query_name, **params):
    query = get_query(query_name)
    return store.query(query.text, query.bind(params))


def _sample(loaded):
    return {"date": "2026-12-31", "start": "2024-01-01", "end": "2026-12-31", "keyword": "冷库",
            "name": "区商务局", "plan": CITY_NUMBER, "docs": [d.source.doc_id for d in loaded],
            "depth": 2}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_queries_every_named_query_runs_on_the_database(store, loaded, query):
    params = _sample(loaded)
    rows = store.query(query.text, query.bind({p: params[p] for p in query.parameters if p in params}))
    if query.name not in ("aligned-targets", "counterparts"):  # no comparison is loaded here
        assert rows, query.name


def test_queries_targets_due_by_with_owners_plan_and_limit(store, loaded):
    docs = {d.source.doc_id for d in loaded}
    rows = [r for r in run(store, "targets-due-by", date="2026-12-31", limit=BIG) if r["doc_id"] in docs]
    cold = [r for r in rows if r["metric"] == "冷库库容"]
    assert len(cold) == 5 and all(r["owners"] for r in cold)  # province, city, 3 districts
    assert {r["plan"] for r in cold} >= {DISTRICT_TITLE}
    assert len(run(store, "targets-due-by", date="2026-12-31", limit=3)) == 3


def test_queries_bureau_work_across_regions(store, loaded):
    rows = run(store, "bureau-work", name="区商务局", limit=BIG)
    ours = [r for r in rows if r["region"] in DISTRICTS]
    assert {r["region"] for r in ours} == set(DISTRICTS)
    assert {r["item_type"] for r in ours} >= {"action"}
    assert all(r["plan"] == DISTRICT_TITLE and r["plan_region"] == r["region"] for r in ours)
    assert {r["bureau"] for r in run(store, "bureau-work", name="市商务局")} == {"市商务局"}


def test_queries_targets_by_metric_keyword(store, loaded):
    rows = [r for r in run(store, "targets-by-metric", keyword="冷库库容", limit=BIG)
            if r["region"] in {*DISTRICTS, "澜州市", "云岭省"}]
    assert sorted(r["value"] for r in rows) == [8.0, 10.0, 12.0, 40.0, 150.0]
    assert all("冷库库容" in r["metric"] for r in rows)


def test_queries_implementers_by_number_and_depth(store, loaded):
    province, city = loaded[0], loaded[1]
    rows = run(store, "implementers", plan=CITY_NUMBER)
    assert sorted(r["region"] for r in rows) == sorted(DISTRICTS)
    assert {r["depth"] for r in rows} == {1} and {r["implements_id"] for r in rows} == {city.plan.id}
    chain = run(store, "implementers", plan=province.plan.id)
    assert [r["depth"] for r in chain] == [1] + [2] * len(DISTRICTS)
    assert chain[0]["plan_id"] == city.plan.id
    assert all(r["implements_id"] == city.plan.id for r in chain[1:])
    assert len(run(store, "implementers", plan=province.plan.id, depth=1)) == 1


def test_queries_deadlines_between_targets_and_milestones(store, loaded):
    rows = [r for r in run(store, "deadlines-between", start="2024-06-01", end="2024-06-30", limit=BIG)
            if r["region"] in DISTRICTS]
    assert len(rows) == len(DISTRICTS)
    assert {(r["item_type"], r["item"], r["deadline"]) for r in rows} == {
        ("milestone", "出台冷链物流发展扶持办法", "2024-06-30")}
    assert all(r["owners"] == ["区商务局"] for r in rows)
    later = run(store, "deadlines-between", start="2026-12-31", end="2026-12-31", limit=BIG)
    assert {"target", "milestone"} <= {r["item_type"] for r in later}
    assert all(r["deadline"] == "2026-12-31" for r in later)


def test_queries_corpus_samples_take_their_limit(store, loaded):
    docs = [d.source.doc_id for d in loaded]
    assert len(run(store, "corpus-bureaus", docs=docs)) == 5
    assert len(run(store, "corpus-bureaus", docs=docs, limit=2)) == 2
    assert len(run(store, "corpus-targets-due-by", docs=docs, date="2026-12-31")) == 8
    assert len(run(store, "corpus-targets-due-by", docs=docs, date="2026-12-31", limit=20)) == 20


def test_queries_who_owns_what_and_actions_without_owner(store, loaded):
    rows = [r for r in run(store, "who-owns-what", limit=BIG) if r["region"] in DISTRICTS]
    assert {(r["bureau"], r["plan"]) for r in rows} >= {("区商务局", DISTRICT_TITLE)}
    unowned = [r for r in run(store, "actions-without-owner", limit=BIG)
               if r["plan"] == loaded[0].plan.title]
    assert [r["action"] for r in unowned] == ["加强组织领导"]
