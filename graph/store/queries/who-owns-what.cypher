// Who owns what: every bureau with its role, rank and the actions it is responsible for, by bureau.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action)
OPTIONAL MATCH (p:Plan)
WHERE p.doc_id = a.doc_id AND p.in_corpus = true
RETURN b.name AS bureau, r.role AS role, r.rank AS rank, a.title AS action, p.title AS plan
ORDER BY bureau, plan, action, rank
