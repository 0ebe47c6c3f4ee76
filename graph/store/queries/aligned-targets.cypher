// Aligned targets: a child plan's target and the parent target it aligns with, best score first.
MATCH (c:Target)-[r:ALIGNS_WITH]->(p:Target)
RETURN c.metric AS metric, c.value AS value, c.unit AS unit, c.deadline AS deadline,
       p.metric AS parent_metric, p.value AS parent_value, p.unit AS parent_unit,
       p.deadline AS parent_deadline, r.score AS score, r.ratio AS ratio,
       r.rate_difference AS rate_difference, r.deadline_offset_years AS deadline_offset_years,
       r.ambition AS ambition, r.reason AS reason
ORDER BY score DESC, metric
