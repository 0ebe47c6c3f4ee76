// Responsibility matrix rows: one row per bureau and action, with role and rank, actions in text order; at most $limit (default 1000) rows.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action)
WITH b, r, a ORDER BY a.doc_id, a.start, a.id, r.rank LIMIT $limit
OPTIONAL MATCH (a)<-[:HAS_SECTION|HAS_ACTION*1..10]-(p:Plan)
RETURN p.title AS plan, a.doc_id AS doc_id, a.id AS action_id, a.title AS action,
       a.section_path AS section_path, a.start AS start, b.id AS bureau_id, b.name AS bureau,
       b.generic AS generic, b.region AS bureau_region, r.role AS role, r.rank AS rank
