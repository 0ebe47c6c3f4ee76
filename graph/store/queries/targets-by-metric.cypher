// Targets whose metric contains $keyword (e.g. 增加值), across plans: value, unit, kind, deadline, plan and region; at most $limit (default 1000) rows.
MATCH (t:Target)
WHERE t.metric CONTAINS $keyword AND t.kind <> 'baseline'
WITH t ORDER BY t.metric, t.doc_id, t.start LIMIT $limit
OPTIONAL MATCH (t)<-[:HAS_SECTION|HAS_ACTION|HAS_TARGET*1..10]-(p:Plan)
RETURN t.metric AS metric, t.comparator AS comparator, t.value AS value, t.unit AS unit,
       t.kind AS kind, toString(t.deadline) AS deadline, p.title AS plan, p.region AS region,
       t.evidence AS evidence
ORDER BY metric, region, plan
