// Responsibility matrix rows: one row per bureau and action, with role and rank, actions in text order.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action)
OPTIONAL MATCH (p:Plan)
WHERE p.doc_id = a.doc_id AND p.in_corpus = true
RETURN p.title AS plan, a.doc_id AS doc_id, a.id AS action_id, a.title AS action,
       a.section_path AS section_path, a.start AS start, b.id AS bureau_id, b.name AS bureau,
       b.generic AS generic, b.region AS bureau_region, r.role AS role, r.rank AS rank
ORDER BY plan, start, action_id, rank
