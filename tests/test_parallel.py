"""Work spread over cores comes back complete and in order, as if done one item at a time."""

from __future__ import annotations

import os

from generator.parallel import map_on_cores


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_items_come_back_in_order_from_other_processes() -> None:
    results = map_on_cores(_square_and_pid, list(range(40)), parallel_from=10, workers=2)
    assert [square for square, _ in results] == [n * n for n in range(40)]
    assert {pid for _, pid in results} - {os.getpid()}


def test_a_few_items_stay_in_this_process() -> None:
    results = map_on_cores(_square_and_pid, [1, 2, 3], parallel_from=10)
    assert results == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]
