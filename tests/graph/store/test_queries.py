import re

import pytest

from graph.store.queries import QUERY_DIR, NamedQuery, get_query, list_queries, query_parameters
from schemas.errors import QueryError
from schemas.graph import LABEL_NAMES, RELATIONSHIP_TYPES

EXPECTED = {
    "who-owns-what", "targets-due-by", "bureaus-by-actions", "actions-without-owner",
    "plan-and-parents", "targets-by-kind", "milestones-timeline", "matrix", "aligned-targets",
    "counterparts",
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
    assert query.parameters == ("date",)
    assert "date($date)" in query.text
    assert get_query("who-owns-what").parameters == ()


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
