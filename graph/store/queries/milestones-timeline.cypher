// Milestones in date order, with their plan, action and owners; at most $limit (default 1000) rows.
MATCH (m:Milestone)
WITH m ORDER BY m.deadline, m.doc_id, m.start LIMIT $limit
OPTIONAL MATCH (m)<-[:HAS_MILESTONE]-(a:Action)
OPTIONAL MATCH (a)<-[:RESPONSIBLE_FOR]-(b:Bureau)
WITH m, a, collect(DISTINCT b.name) AS via_action
OPTIONAL MATCH (m)<-[:RESPONSIBLE_FOR]-(d:Bureau)
WITH m, a, via_action, collect(DISTINCT d.name) AS named
OPTIONAL MATCH (m)<-[:HAS_SECTION|HAS_ACTION|HAS_MILESTONE*1..10]-(p:Plan)
RETURN m.deadline AS deadline, m.description AS milestone, a.title AS action,
       via_action + named AS owners, p.title AS plan
ORDER BY deadline, plan, milestone
