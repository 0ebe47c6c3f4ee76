// Actions that name no responsible bureau, with their plan, section path and clause.
MATCH (a:Action)
OPTIONAL MATCH (b:Bureau)-[:RESPONSIBLE_FOR]->(a)
WITH a, count(b) AS owners
WHERE owners = 0
OPTIONAL MATCH (p:Plan)
WHERE p.doc_id = a.doc_id AND p.in_corpus = true
RETURN p.title AS plan, a.section_path AS section_path, a.title AS action, a.clause AS clause
ORDER BY plan, action
