// A bureau's work across plans: the actions, targets and milestones of every bureau named $name (its name, canonical name or an alias, in any region), with role, plan and region; at most $limit (default 1000) rows.
MATCH (b:Bureau)
WHERE b.name = $name OR b.canonical = $name OR $name IN coalesce(b.aliases, [])
MATCH (b)-[r:RESPONSIBLE_FOR]->(w)
WITH b, r, w ORDER BY b.region, w.doc_id, w.start, r.rank LIMIT $limit
OPTIONAL MATCH (w)<-[:HAS_SECTION|HAS_ACTION|HAS_TARGET|HAS_MILESTONE*1..10]-(p:Plan)
RETURN b.name AS bureau, b.region AS region, r.role AS role, r.rank AS rank,
       CASE WHEN w:Action THEN 'action' WHEN w:Target THEN 'target' ELSE 'milestone' END AS item_type,
       coalesce(w.title, w.metric, w.description) AS item, toString(w.deadline) AS deadline,
       p.title AS plan, p.region AS plan_region
