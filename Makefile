# Two commands a new machine needs: `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/policy.duckdb
STAMP := $(VENV)/.installed

.PHONY: run test lint format build-db bench clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# A bad input is reported and skipped; the dashboard still starts on what loaded.
$(DB): $(STAMP)
	$(BIN)/python -m etl ingest data/raw --db $(DB) || test -f $(DB)

build-db: $(STAMP)
	$(BIN)/python -m etl ingest data/raw --db $(DB) --rebuild

run: $(DB)
	POLICY_ALLOW_WRITE=1 $(BIN)/streamlit run dashboard.py

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.documents
	$(BIN)/python -m bench.watch
	$(BIN)/python -m bench.events
	$(BIN)/python -m bench.browser

clean:
	rm -rf $(VENV) $(DB) $(DB).tmp $(DB).building $(DB).lock tests/artifacts
