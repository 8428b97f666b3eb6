"""Imported once by the process-pool's fork server, so every worker forks warm.

A worker's first file would otherwise pay for importing pyarrow and the pipeline
and for loading the taxonomy, about a second each; here it is paid once.
"""

from __future__ import annotations

import contextlib

import pyarrow.parquet  # noqa: F401

import converter.batch.work  # noqa: F401
import converter.pipeline  # noqa: F401
import exporters.parquet  # noqa: F401

# a warm-up only: should it fail, each worker loads the taxonomy itself and reports the error
with contextlib.suppress(Exception):
    import taxonomy

    taxonomy.load()
