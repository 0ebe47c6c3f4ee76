"""The conventions of Chinese policy texts, one home per kind (spaCy's lang/zh/*, JioNLP's
rule_pattern): every pattern a named constant with a one-line comment saying what it matches.

``noise`` site noise; ``chars`` characters and width folding; ``anatomy`` the parts of a document
(organs, 文号, dates, titles, sentence ends, outline markers); ``comparators`` comparator words;
``targets`` the target grammar's words; ``clauses`` responsibility clauses; ``doctypes`` document
types; ``periods`` periods (十四五). Nothing here names a particular document's metrics, bureaus or
numbers; ``tests/pipeline/test_rule_home.py`` fails on a regex literal written anywhere else.
"""
