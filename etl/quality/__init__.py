"""Quality gate: score the extractor against hand-annotated real-world fixtures (issue #11 item 7).

`python -m etl.quality` prints precision/recall/F1 per fact type and fails when a figure drops
below `tests/quality_baseline.json`; the baseline only moves up.
"""

from etl.quality.score import Counts, Scores, score_all, score_document

__all__ = ["Counts", "Scores", "score_all", "score_document"]
