// Targets and milestones due between $start and $end (YYYY-MM-DD, both included), earliest first, with owners, plan and region; at most $limit (default 1000) rows.
MATCH (n)
WHERE (n:Target OR n:Milestone) AND n.deadline >= date($start) AND n.deadline <= date($end)
  AND coalesce(n.kind, '') <> 'baseline'
WITH n ORDER BY n.deadline, n.doc_id, n.start LIMIT $limit
OPTIONAL MATCH (n)<-[:HAS_TARGET|HAS_MILESTONE]-(a:Action)
OPTIONAL MATCH (a)<-[:RESPONSIBLE_FOR]-(b:Bureau)
WITH n, collect(DISTINCT b.name) AS via_action
OPTIONAL MATCH (n)<-[:RESPONSIBLE_FOR]-(d:Bureau)
WITH n, via_action, collect(DISTINCT d.name) AS named
OPTIONAL MATCH (n)<-[:HAS_SECTION|HAS_ACTION|HAS_TARGET|HAS_MILESTONE*1..10]-(p:Plan)
RETURN toString(n.deadline) AS deadline, CASE WHEN n:Target THEN 'target' ELSE 'milestone' END AS item_type,
       coalesce(n.metric, n.description) AS item, n.value AS value, n.unit AS unit,
       via_action + named AS owners, p.title AS plan, p.region AS region
ORDER BY deadline, plan, item
