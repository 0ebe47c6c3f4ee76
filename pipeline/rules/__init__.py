"""The conventions of Chinese policy texts, one home per kind (spaCy's lang/zh/*, JioNLP's
rule_pattern): every pattern a named constant with a one-line comment saying what it matches.

``noise`` site noise and HTML; ``chars`` characters, width folding, encodings; ``anatomy`` the
parts of a document (文号, dates, titles, organs, outline markers, sentence and clause ends, regions);
``dates`` date phrases and ``year_end``; ``units`` unit words, magnitudes, number shapes;
``comparators``; ``targets`` the target grammar's words; ``non_goals`` the words that make an amount no
goal (norms, conditions, formulas, a pilot's scope, event days); ``milestones``; ``clauses`` responsibility
clauses; ``unitnames``; ``tables`` indicator tables; ``doctypes``; ``periods`` (十四五). Levels and
place suffixes shared with graph/ are in ``schemas/places``. Nothing here names a particular
document's metrics, bureaus or numbers; ``tests/test_rule_home.py`` fails on a regex literal written anywhere else.
"""
