"""Work spread over the machine's cores, for the stages that handle each agency alone.

Processes are forked, so they start with everything already read, at no cost; below
``parallel_from`` items the pool costs more than it saves and the work stays in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_on_cores(
    function: Callable[[T], R], items: Sequence[T], parallel_from: int, workers: int | None = None
) -> list[R]:
    """``[function(item) for item in items]``, in order, on every core when there are enough items."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(items) >= parallel_from else 1
    if workers <= 1:
        return [function(item) for item in items]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (8 * workers))))
