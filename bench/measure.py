"""What every benchmark case is made of: the sizes of a run, a result beside its floor, paired
timing of two functions, and a command timed as a user runs it (wall clock and peak memory)."""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: the ISCM whose summary the report cases render
SUMMARY_ISCM = "khartoum-process"


@dataclass
class Sizes:
    """How much data and how many repetitions a run uses."""

    many: int = 10_000  # responses in the large round
    few: int = 10  # responses in the small round
    repeat: int = 5  # timed runs of a slow case (after one warm-up)
    requests: int = 200  # timed HTTP requests of each kind
    report_all: int = 0  # ISCMs rendered by `report all` (0: every answered ISCM)
    report_repeat: int = 2
    memory: tuple[int, int] = (10, 100)
    export_repeat: int = 3
    #: whether each case runs once (the web cases: five requests) before its timed runs, its
    #: figures thrown away; a smoke run, which only checks that every case runs, does not
    warmup: bool = True


FULL = Sizes()
QUICK = Sizes(
    many=1_000,
    repeat=3,
    requests=30,
    report_all=4,
    report_repeat=3,
    memory=(2, 6),
    export_repeat=3,
)
SMOKE = Sizes(
    many=30,
    few=3,
    repeat=1,
    requests=5,
    report_all=2,
    report_repeat=1,
    memory=(1, 2),
    export_repeat=1,
    warmup=False,
)


@dataclass
class Result:
    """One line of the table: our figure, the floor's, their ratio and the target."""

    group: str
    name: str
    ours: float
    floor: float
    unit: str
    target: float
    #: ``max``: the ratio must be at most ``target``; ``equal``: the figures must be equal
    comparison: str = "max"
    note: str = ""
    ratio: float = field(init=False)
    passed: bool = field(init=False)
    #: the one-minute load average when the case finished (the machine may be shared)
    load: float = field(init=False)

    def __post_init__(self) -> None:
        self.load = os.getloadavg()[0]
        self.ratio = self.ours / self.floor if self.floor else float("inf")
        if self.comparison == "equal":
            self.passed = self.ours == self.floor
        else:
            self.passed = self.ratio <= self.target

    @property
    def target_text(self) -> str:
        return "equal" if self.comparison == "equal" else f"<= {self.target:g}x"


def paired(
    ours: Callable[[], object], floor: Callable[[], object], repeat: int, warmup: int = 1
) -> tuple[float, float]:
    """Median seconds of ``ours`` and of ``floor``, their runs interleaved after a warm-up.

    Each run starts after a full garbage collection, untimed: otherwise whichever run happens to
    trigger the collector's oldest generation pays for walking the whole bench process (every
    round and application built so far), which no user's command carries.
    """
    for _ in range(warmup):
        ours()
        floor()
    ours_times, floor_times = [], []
    for _ in range(repeat):
        for function, times in ((ours, ours_times), (floor, floor_times)):
            gc.collect()
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
    return statistics.median(ours_times), statistics.median(floor_times)


#: runs a command and reports its wall-clock time and peak RSS; the command is started from
#: this small process, not forked from the suite, whose own memory a child's peak would count
LAUNCHER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": code, "seconds": seconds, "peak": peak}))
"""


def timed_command(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall-clock seconds and peak resident memory (bytes) of one run of ``argv``."""
    finished = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv], env=env, capture_output=True, text=True
    )
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    if figures["code"] != 0:
        raise RuntimeError(
            f"{' '.join(argv)} failed (exit status {figures['code']}): {finished.stderr[-2000:]}"
        )
    return figures["seconds"], figures["peak"]
