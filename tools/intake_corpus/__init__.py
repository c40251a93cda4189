"""Synthetic French health papers with ground truth, to measure the intake on unseen documents.

    python -m tools.intake_corpus --out DIR --split tune|calibrate|test|holdout --count N --seed S

See docs/intake_corpus.md.
"""

from tools.intake_corpus.generate import KINDS, SCHEMA, generate, make  # noqa: F401
