"""Imported once by the extraction forkserver (etl/pipeline.py): warm Kiwi and the readers there, so every
worker forked from the server shares them instead of building its own (etl/workers.py says why)."""

from etl.workers import warm

warm()
