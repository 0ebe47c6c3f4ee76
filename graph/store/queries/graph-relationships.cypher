// Every relationship: start id, type, properties, end id (what graph.store.read rebuilds the model from).
MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b
