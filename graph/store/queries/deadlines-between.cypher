// Targets and milestones due between $start and $end (YYYY-MM-DD, both included), earliest first, with owners, plan and region; at most $limit (default 1000) rows.
MATCH (n)
WHERE (n:Target OR n:Milestone) AND n.deadline >= date($start) AND n.deadline <= date($end)
  AND coalesce(n.kind, '') <> 'baseline'
WITH n ORDER BY n.deadline, n.doc_id, n.start LIMIT $limit
OPTIONAL MATCH (n)<-[:HAS_SECTION|HAS_ACTION|HAS_TARGET|HAS_MILESTONE*1..10]-(p:Plan)
WITH n, p,
     [(n)<-[:HAS_TARGET|HAS_MILESTONE]-(:Action)<-[:RESPONSIBLE_FOR]-(b:Bureau) | b.name]
     + [(n)<-[:RESPONSIBLE_FOR]-(d:Bureau) | d.name] AS named
RETURN toString(n.deadline) AS deadline, CASE WHEN n:Target THEN 'target' ELSE 'milestone' END AS item_type,
       coalesce(n.metric, n.description) AS item, n.value AS value, n.unit AS unit,
       reduce(owners = [], x IN named | CASE WHEN x IN owners THEN owners ELSE owners + x END) AS owners,
       p.title AS plan, p.region AS region
ORDER BY deadline, plan, item
