// Within documents $docs (a list of doc ids): targets due by $date (YYYY-MM-DD), with their owners; the first $limit (default 8).
MATCH (t:Target) WHERE t.doc_id IN $docs AND t.deadline <= date($date) AND t.kind <> 'baseline'
WITH t ORDER BY t.deadline, t.metric LIMIT $limit
OPTIONAL MATCH (t)<-[:HAS_TARGET]-(a:Action)
OPTIONAL MATCH (a)<-[:RESPONSIBLE_FOR]-(b:Bureau)
WITH t, collect(DISTINCT b.name) AS owners
RETURN toString(t.deadline) AS deadline, t.metric AS metric, t.value AS value, t.unit AS unit, owners
ORDER BY deadline, metric
