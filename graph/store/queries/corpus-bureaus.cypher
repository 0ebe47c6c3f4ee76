// Within documents $docs (a list of doc ids): the bureaus with the most actions, by role (负责 = the text names no lead or support); the first $limit (default 5).
MATCH (a:Action) WHERE a.doc_id IN $docs
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a)
RETURN b.name AS bureau, count(a) AS actions,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS lead,
       sum(CASE WHEN r.role = 'support' THEN 1 ELSE 0 END) AS support,
       sum(CASE WHEN r.role = 'responsible' THEN 1 ELSE 0 END) AS responsible
ORDER BY actions DESC, bureau LIMIT $limit
