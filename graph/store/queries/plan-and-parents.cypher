// Each plan and the plans it implements, with whether each is in the corpus.
MATCH (p:Plan)
OPTIONAL MATCH (p)-[:IMPLEMENTS]->(parent:Plan)
RETURN p.title AS plan, p.doc_number AS doc_number, p.in_corpus AS in_corpus,
       parent.title AS parent, parent.doc_number AS parent_doc_number,
       parent.in_corpus AS parent_in_corpus
ORDER BY in_corpus DESC, plan, parent
