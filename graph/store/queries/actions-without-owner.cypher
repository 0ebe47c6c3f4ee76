// Actions that name no responsible bureau, with their plan, section path and clause; at most $limit (default 1000) rows.
MATCH (a:Action)
WHERE NOT (a)<-[:RESPONSIBLE_FOR]-(:Bureau)
WITH a ORDER BY a.doc_id, a.start LIMIT $limit
OPTIONAL MATCH (a)<-[:HAS_SECTION|HAS_ACTION*1..10]-(p:Plan)
RETURN p.title AS plan, a.section_path AS section_path, a.title AS action, a.clause AS clause
ORDER BY plan, action
