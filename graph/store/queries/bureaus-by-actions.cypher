// Bureaus with the most actions, and how often each leads, supports or is solely responsible.
MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action)
RETURN b.name AS bureau, count(DISTINCT a) AS actions,
       sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS lead,
       sum(CASE WHEN r.role = 'support' THEN 1 ELSE 0 END) AS support,
       sum(CASE WHEN r.role = 'responsible' THEN 1 ELSE 0 END) AS responsible
ORDER BY actions DESC, lead DESC, bureau
