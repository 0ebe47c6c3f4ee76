"""The workbench: a local web app (``policykg serve``) over the configured graph database.

Why here and not under ``graph/``: its evidence pages re-read source documents through
``pipeline`` (decode, normalize), which no graph layer may import; ``policykg`` may import all.
The pages read the one model (``graph.store.read.read_graph``) and the answer functions the CLI
uses (matrix, tidy tables, named queries); nothing here is a second model.
"""
