// Counterpart bureaus: each lower-level bureau and its higher-level counterpart, with the basis.
MATCH (b:Bureau)-[r:COUNTERPART_OF]->(c:Bureau)
RETURN b.name AS bureau, b.level AS level, c.name AS counterpart, c.level AS counterpart_level,
       r.basis AS basis
ORDER BY bureau, counterpart
