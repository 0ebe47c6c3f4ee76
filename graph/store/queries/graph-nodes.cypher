// Every node with its label and properties (what graph.store.read rebuilds the model from).
MATCH (n) RETURN labels(n) AS labels, properties(n) AS props
