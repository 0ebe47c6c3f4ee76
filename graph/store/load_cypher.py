"""The Cypher the loader sends: fixed statements, and statements rendered for each label and
relationship of ``schemas.graph`` (never from a document's values, which travel as parameters).
``all_statements`` lists every one, for tests/graph/store/test_cypher_valid.py."""
from __future__ import annotations

from schemas.graph import DATE_PROPERTIES, LABELS, PROPERTIES, RELATIONSHIPS, constraint_statements

SHARED_LABELS = ("Bureau",)
DELETE_NODES = "MATCH (n:{label}) WHERE n.doc_id IN $docs DETACH DELETE n"
# The statements that can leave a placeholder plan without relationships return its id, so the
# orphan check looks at those plans only: a scan of every placeholder per transaction made a load's
# cost grow with the database (quadratic over a long load).
DELETE_PLAN_EDGES = ("MATCH (p:Plan)-[r]->(q:Plan) WHERE p.doc_id IN $docs "
                     "WITH r, q.id AS q DELETE r RETURN DISTINCT q")
DEMOTE_PLANS = ("MATCH (p:Plan) WHERE p.doc_id IN $docs AND NOT p.id IN $keep "
                "SET p.in_corpus = false REMOVE p.doc_id RETURN p.id AS q")
DROP_ORPHAN_PLACEHOLDERS = ("MATCH (p:Plan) WHERE p.id IN $ids AND p.doc_id IS NULL AND NOT (p)--() "
                            "DELETE p")
# Edges from other documents into these documents' nodes (a child's ALIGNS_WITH into a parent's
# targets): the other document's data, read before the nodes are replaced and written back after.
INCOMING_EDGES = ("MATCH (a:{start})-[r:{rel}]->(b:{end}) WHERE b.doc_id IN $docs "
                  "AND NOT a.doc_id IN $docs RETURN a.id AS a, properties(r) AS props, b.id AS b")
PRESENT = "MATCH (p:Plan) WHERE p.doc_id IN $docs RETURN p.doc_id AS doc"
STALE_VERSIONS = ("MATCH (p:Plan) WHERE p.id IN $ids AND p.doc_id IS NOT NULL "
                  "AND NOT p.doc_id IN $docs RETURN DISTINCT p.doc_id AS doc, p.title AS title")
# In-corpus plans already holding these ids (another document's): same plan, or a different one?
EXISTING_PLANS = ("MATCH (p:Plan) WHERE p.id IN $ids AND p.doc_id IS NOT NULL "
                  "RETURN p.id AS id, p.doc_id AS doc_id, p.doc_number AS doc_number, "
                  "p.issuer AS issuer, p.period_start AS period_start, p.period_end AS period_end")
# A cited placeholder whose 文号 an in-corpus plan carries is that plan: its citations move over.
# Both ways round, each starting from this load's own plans ($ids) or placeholders ($cited), so
# the cost follows the load, not the database (and Plan.doc_number is indexed).
MERGE_BY_NUMBER = (
    "MATCH (p:Plan) WHERE p.id IN $ids AND p.doc_id IS NOT NULL AND p.doc_number IS NOT NULL "
    "MATCH (ph:Plan {doc_number: p.doc_number}) WHERE ph.doc_id IS NULL AND ph.id <> p.id "
    "MATCH (c:Plan)-[r:IMPLEMENTS]->(ph) WHERE c.id <> p.id "
    "MERGE (c)-[r2:IMPLEMENTS]->(p) SET r2.doc_id = r.doc_id DELETE r RETURN DISTINCT ph.id AS q",
    "MATCH (ph:Plan) WHERE ph.id IN $cited AND ph.doc_id IS NULL AND ph.doc_number IS NOT NULL "
    "MATCH (p:Plan {doc_number: ph.doc_number}) WHERE p.doc_id IS NOT NULL AND p.id <> ph.id "
    "MATCH (c:Plan)-[r:IMPLEMENTS]->(ph) WHERE c.id <> p.id "
    "MERGE (c)-[r2:IMPLEMENTS]->(p) SET r2.doc_id = r.doc_id DELETE r RETURN DISTINCT ph.id AS q",
)
FIND_PLANS = ("MATCH (p:Plan) WHERE p.doc_id IS NOT NULL AND (p.id = $ref OR p.title = $ref "
              "OR p.doc_id = $ref OR p.doc_number = $ref) "
              "RETURN p.id AS id, p.doc_id AS doc_id, p.title AS title, p.region AS region")
DROP_ORPHAN_BUREAUS = "MATCH (b:Bureau) WHERE NOT (b)--() DELETE b"
RESET = "MATCH (n) DETACH DELETE n"
DOC_LABELS = tuple(label.name for label in LABELS if "doc_id" in label.properties)
# The outline's edges (no properties): a node is created together with the one from its parent.
TREE_TYPES = ("HAS_SECTION", "HAS_ACTION", "HAS_TARGET", "HAS_MILESTONE")
# The relationships between two documents' own nodes (a child's target ALIGNS_WITH a parent's),
# as (type, start label, end label); edges into Plan nodes need no care: a reload keeps those.
CROSS_DOCUMENT = tuple((rel.type, start, end) for rel in RELATIONSHIPS if rel.type == "ALIGNS_WITH"
                       for start in rel.start for end in rel.end)


# What the named queries look up or range over (graph/store/queries/): deadlines (targets-due-by,
# deadlines-between), bureaus by name (bureau-work), plans by title or 文号 (implementers).
QUERY_INDEXES = (("Target", "deadline"), ("Milestone", "deadline"), ("Bureau", "name"),
                 ("Bureau", "canonical"), ("Plan", "title"), ("Plan", "doc_number"))


def schema_statements() -> list[str]:
    """Uniqueness on ``id`` per label (fast MERGE), an index on ``doc_id`` (fast delete) and the
    indexes the named queries need (``QUERY_INDEXES``)."""
    return constraint_statements() + [
        f"CREATE INDEX {name.lower()}_doc_id IF NOT EXISTS FOR (n:{name}) ON (n.doc_id)"
        for name in DOC_LABELS
    ] + [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
         for label, prop in QUERY_INDEXES]


def set_clause(label: str, replace: bool = False) -> str:
    dates = "".join(f", n.{p} = date(row.{p})" for p in DATE_PROPERTIES if p in PROPERTIES[label])
    return f"SET n {'=' if replace else '+='} row.props{dates}"


def shared_statement(label: str) -> str:
    # A cited plan must not overwrite the plan of a document that is in the corpus.
    guard = "WITH n, row WHERE n.doc_id IS NULL " if label == "Plan" else ""
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) {guard}{set_clause(label)}"


def node_statement(label: str) -> str:
    if label == "Plan":
        return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) {set_clause(label)} RETURN count(*) AS c"
    # A new node takes its properties (id among them) in one ``=``: twice as fast as += here.
    return f"UNWIND $rows AS row CREATE (n:{label}) {set_clause(label, replace=True)} RETURN count(*) AS c"


def tree_statement(label: str, rel: str, parent: str) -> str:
    """New nodes and the edge from each one's parent (``row.p``, created before), in one pass:
    one index lookup and one statement fewer per pair than a node and an edge apart (on a busy
    machine, 25–45 µs of database CPU a pair against 80–110 apart, and 16% less for a whole load
    of 700 documents; see README, Speed)."""
    return (f"UNWIND $rows AS row CREATE (n:{label}) {set_clause(label, replace=True)} "
            f"WITH n, row MATCH (a:{parent} {{id: row.p}}) CREATE (a)-[:{rel}]->(n) RETURN count(*) AS c")


def edge_statement(rel: str, start: str, end: str, create: bool, props: bool = True) -> str:
    """``props``: whether the rows carry properties. A SET that has nothing to set still costs
    the database as much as creating the relationship; a new one takes ``=``, faster than ``+=``.
    (One MATCH for both ends, ``(a)-[r]->(b)``, was faster alone but not in whole loads.)"""
    verb = "CREATE" if create else "MERGE"
    setter = (" SET r = row.props" if create else " SET r += row.props") if props else ""
    return (f"UNWIND $rows AS row MATCH (a:{start} {{id: row.a}}) MATCH (b:{end} {{id: row.b}}) "
            f"{verb} (b)<-[r:{rel}]-(a){setter} RETURN count(*) AS c")


def all_statements() -> list[str]:
    """Every statement the loader can send, rendered for every label and relationship of the
    schema: what tests/graph/store/test_cypher_valid.py checks against Neo4j's own parser."""
    out = list(schema_statements()) + [shared_statement(l.name) for l in LABELS]
    out += [node_statement(name) for name in DOC_LABELS]
    out += [tree_statement(b, rel.type, a) for rel in RELATIONSHIPS if rel.type in TREE_TYPES
            for a in rel.start for b in rel.end]
    out += [edge_statement(rel.type, a, b, create, props)
            for rel in RELATIONSHIPS for a in rel.start for b in rel.end
            for create in (False, True) for props in (False, True)]
    out += [DELETE_NODES.format(label=name) for name in DOC_LABELS if name != "Plan"]
    out += [DELETE_PLAN_EDGES, DEMOTE_PLANS, DROP_ORPHAN_PLACEHOLDERS, STALE_VERSIONS, PRESENT,
            EXISTING_PLANS, *MERGE_BY_NUMBER, FIND_PLANS, DROP_ORPHAN_BUREAUS, RESET]
    out += [INCOMING_EDGES.format(rel=rel, start=start, end=end) for rel, start, end in CROSS_DOCUMENT]
    return out
