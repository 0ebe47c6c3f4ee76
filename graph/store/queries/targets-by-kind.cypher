// Targets counted by kind (level, growth_rate, share, …), with the metrics of each kind.
MATCH (t:Target)
RETURN t.kind AS kind, count(t) AS targets, collect(DISTINCT t.metric) AS metrics
ORDER BY targets DESC, kind
