// Within documents $docs (a list of doc ids): the bureaus with the most actions, lead and support counts.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action) WHERE a.doc_id IN $docs
RETURN b.name AS bureau, count(a) AS actions,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS lead,
       sum(CASE WHEN r.role = 'support' THEN 1 ELSE 0 END) AS support
ORDER BY actions DESC, bureau LIMIT 5
