// Within documents $docs (a list of doc ids): targets due by $date (YYYY-MM-DD), with their owners.
MATCH (t:Target) WHERE t.doc_id IN $docs AND t.deadline <= date($date) AND t.kind <> 'baseline'
OPTIONAL MATCH (a:Action)-[:HAS_TARGET]->(t)
OPTIONAL MATCH (b:Bureau)-[:RESPONSIBLE_FOR]->(a)
WITH t, collect(DISTINCT b.name) AS owners
RETURN toString(t.deadline) AS deadline, t.metric AS metric, t.value AS value, t.unit AS unit, owners
ORDER BY deadline, metric LIMIT 8
