// Targets due on or before $date (YYYY-MM-DD), earliest first, with their owners and evidence.
MATCH (t:Target)
WHERE t.deadline <= date($date)
OPTIONAL MATCH (b:Bureau)-[:RESPONSIBLE_FOR]->(:Action)-[:HAS_TARGET]->(t)
WITH t, collect(DISTINCT b.name) AS via_action
OPTIONAL MATCH (d:Bureau)-[:RESPONSIBLE_FOR]->(t)
WITH t, via_action, collect(DISTINCT d.name) AS named
RETURN t.deadline AS deadline, t.metric AS metric, t.comparator AS comparator, t.value AS value,
       t.unit AS unit, via_action + named AS owners, t.evidence AS evidence, t.doc_id AS doc_id
ORDER BY deadline, metric
