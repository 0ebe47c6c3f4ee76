// Who owns what: every bureau with its role, rank and the actions it is responsible for, by bureau, each bureau's actions in plan and text order; at most $limit (default 1000) rows.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action)
WITH b, r, a ORDER BY b.name, b.region, a.doc_id, a.start, r.rank LIMIT $limit
OPTIONAL MATCH (a)<-[:HAS_SECTION|HAS_ACTION*1..10]-(p:Plan)
RETURN b.name AS bureau, b.region AS region, r.role AS role, r.rank AS rank, a.title AS action,
       p.title AS plan
