# The two commands a user needs: `make run` and `make test`. Both install what is missing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml tools/cypher-lint/package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# Neo4j's own Cypher parser, used by the tests to prove our Cypher is valid Neo4j 5.
	if command -v npm >/dev/null; then npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error; fi
	# Debian's Chromium (and a Chinese font) for the report's browser test; never a downloaded browser.
	if ! command -v chromium >/dev/null; then \
	  (apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei) || echo "no chromium: the browser test will skip"; \
	fi
	# Debian's converters for Word 97–2003 (.doc) and WPS (.wps): antiword (small, fast), and
	# LibreOffice's headless converter for what antiword does not read (and the tests' PDF/.doc).
	if ! command -v antiword >/dev/null; then \
	  (apt-get update -qq && apt-get install -y -qq antiword) || echo "no antiword: .doc and .wps files cannot be read"; \
	fi
	if ! command -v soffice >/dev/null; then \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-wqy-microhei) \
	    || echo "no LibreOffice: RTF and non-Word .wps files cannot be read, the format tests will skip"; \
	fi
	touch $(STAMP)

run: install
	$(BIN)/policykg run corpus -o out

test: install
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m tests.bench --load-curve 10000

# Refresh the README's docs/*.png from the browser tests (report and workbench) (make test never touches it).
screenshots: install
	POLICYKG_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/graph/render/test_report.py tests/web/test_browser.py -k chromium

clean:
	rm -rf out .pytest_cache
