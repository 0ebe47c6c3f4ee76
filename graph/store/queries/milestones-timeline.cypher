// Milestones in date order, with their plan, action and owners.
MATCH (m:Milestone)
OPTIONAL MATCH (a:Action)-[:HAS_MILESTONE]->(m)
OPTIONAL MATCH (b:Bureau)-[:RESPONSIBLE_FOR]->(a)
WITH m, a, collect(DISTINCT b.name) AS via_action
OPTIONAL MATCH (d:Bureau)-[:RESPONSIBLE_FOR]->(m)
WITH m, a, via_action, collect(DISTINCT d.name) AS named
OPTIONAL MATCH (p:Plan)
WHERE p.doc_id = m.doc_id AND p.in_corpus = true
RETURN m.deadline AS deadline, m.description AS milestone, a.title AS action,
       via_action + named AS owners, p.title AS plan
ORDER BY deadline, plan, milestone
