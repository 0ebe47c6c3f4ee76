// The targets of documents $docs (a list of doc ids), each with its action and the bureaus responsible for it (what a roll-up from the database aligns).
MATCH (t:Target)
WHERE t.doc_id IN $docs
OPTIONAL MATCH (t)<-[:HAS_TARGET]-(a:Action)
OPTIONAL MATCH (a)<-[:RESPONSIBLE_FOR]-(b:Bureau)
WITH t, a, collect(DISTINCT b.canonical) AS via_action
OPTIONAL MATCH (t)<-[:RESPONSIBLE_FOR]-(d:Bureau)
WITH t, a, via_action, collect(DISTINCT d.canonical) AS named
RETURN t.doc_id AS doc_id, properties(t) AS target, a.id AS action_id,
       named + via_action AS owners
ORDER BY doc_id, t.start
