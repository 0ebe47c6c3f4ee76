// Targets due on or before $date (YYYY-MM-DD), earliest first, with their owners, plan and evidence; at most $limit (default 1000) rows.
MATCH (t:Target)
WHERE t.deadline <= date($date)
WITH t ORDER BY t.deadline, t.metric, t.id LIMIT $limit
OPTIONAL MATCH (t)<-[:HAS_TARGET]-(a:Action)
OPTIONAL MATCH (a)<-[:RESPONSIBLE_FOR]-(b:Bureau)
WITH t, collect(DISTINCT b.name) AS via_action
OPTIONAL MATCH (t)<-[:RESPONSIBLE_FOR]-(d:Bureau)
WITH t, via_action, collect(DISTINCT d.name) AS named
OPTIONAL MATCH (t)<-[:HAS_SECTION|HAS_ACTION|HAS_TARGET|HAS_MILESTONE*1..10]-(p:Plan)
RETURN t.deadline AS deadline, t.metric AS metric, t.comparator AS comparator, t.value AS value,
       t.unit AS unit, via_action + named AS owners, t.evidence AS evidence, t.doc_id AS doc_id,
       p.title AS plan
ORDER BY deadline, metric
