// Plans implementing plan $plan (its id, title, doc id or 文号), directly or through plans that implement it, at most $depth (default 3) levels down: each with the plan it implements.
MATCH (p:Plan)
WHERE p.id = $plan OR p.title = $plan OR p.doc_id = $plan OR p.doc_number = $plan
MATCH path = (c:Plan)-[:IMPLEMENTS*1..3]->(p)
WHERE length(path) <= $depth
RETURN p.id AS root_id, p.title AS root, c.id AS plan_id, c.title AS plan, c.region AS region,
       c.doc_number AS doc_number, c.doc_id AS doc_id, c.in_corpus AS in_corpus,
       length(path) AS depth, nodes(path)[1].id AS implements_id
ORDER BY root_id, depth, region, plan
