"""How long `make serve` takes to rebuild both languages after one agency's file changes.

.venv/bin/python -m tools.serve_rebuild      (median of five rebuilds after a first one)
"""

import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ["NO_MKDOCS_2_WARNING"] = "1"
from generator.mkdocs_plugin import build_config

logging.disable(logging.WARNING)


def main() -> None:
    times = []
    agency = Path("content/agencies/ratchaburi-land-office/agency.yml")
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(6):
            os.utime(agency)  # one agency's file changes, so its content is read again
            start = time.perf_counter()
            build_config(Path("mkdocs.yml"), Path(folder) / "site")
            times.append(time.perf_counter() - start)
    print("rebuild seconds:", [round(t, 2) for t in times], "median:", round(statistics.median(times[1:]), 2))


if __name__ == "__main__":
    main()
