"""How the benchmark measures one command: wall time, CPU time and peak memory from the child's resource usage
(best of a few runs, the load average beside them), and its instruction count with callgrind, which the load does
not move."""
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from typing import Optional

VALGRIND = shutil.which("valgrind")


@dataclass
class Figures:
    wall: float  # seconds, best of the runs (the median for a command timed many times)
    cpu: float  # seconds of user and system time, best of the runs
    memory: float  # MiB, the highest peak resident size of the runs
    load: float  # the 1-minute load average just before the runs
    instructions: Optional[int] = None  # callgrind's total, None when not counted
    uncounted: str = "—"  # what the instruction cell says when not counted
    note: str = ""  # set when the runs did not all end the same way


def run_once(command, cwd=None):
    """Wall time (s), CPU time (s), peak resident memory (MiB) and exit status (128 plus the signal when killed) of one
    run. The memory is what /usr/bin/time reports for the program alone (a child of this Python process would
    inherit its peak); wall and CPU are measured here to the microsecond (/usr/bin/time prints hundredths),
    /usr/bin/time's own start and CPU included (1 to 3 ms)."""
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=cwd)
    report = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    # /usr/bin/time passes the program's exit status on, and its own report is the last line, after the program's.
    return wall, usage.ru_utime + usage.ru_stime, int(report.strip().splitlines()[-1]) / 1024, process.returncode


def figures_of(runs, load, wall=min):
    """The figures of some runs of one command: runs that ended unlike most are left out (a run that failed early
    must not pass for the fastest) and named in the note."""
    statuses = [r[3] for r in runs]
    usual = max(set(statuses), key=statuses.count)
    note = "" if len(set(statuses)) == 1 else \
        f"runs ended with exit statuses {', '.join(map(str, statuses))}; figures from those that ended with {usual}"
    runs = [r for r in runs if r[3] == usual]
    return Figures(wall(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs), load, note=note)


def timed(command, repeat=3, cwd=None, wall=min):
    """The best wall time (or, with `wall=statistics.median`, the median), the best CPU time and the peak memory of
    `command` over `repeat` runs."""
    return timed_in_turn([command], repeat, cwd, wall)[0]


def timed_in_turn(commands, repeat=3, cwd=None, wall=min):
    """Each command's figures, their runs taken in turn (a, b, a, b, ...): a load that comes and goes on the shared
    machine falls on all of them alike, so the ratio of their wall times is fair."""
    load = os.getloadavg()[0]
    runs = [[] for _ in commands]
    for _ in range(repeat):
        for command, its_runs in zip(commands, runs):
            its_runs.append(run_once(command, cwd))
    return [figures_of(its_runs, load, wall) for its_runs in runs]


def median_wall(command, runs=30, cwd=None):
    """For a command that takes milliseconds: the median wall time of `runs` runs, the process's own start included."""
    return timed(command, runs, cwd, statistics.median)


def instructions(command, cwd=None):
    """Callgrind's instruction total for one run of `command` (every thread's), or None without valgrind."""
    if not VALGRIND:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        run = subprocess.run([VALGRIND, "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd)
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if found else None


def measure(command, repeat=3, cwd=None, count=False, uncounted="—"):
    """Wall, CPU and memory of `command`, and its instructions when `count` is set and valgrind is installed."""
    return measure_in_turn([command], repeat, cwd, count, uncounted)[0]


def measure_in_turn(commands, repeat=3, cwd=None, count=False, uncounted="—"):
    """`measure` for commands whose wall times are compared: their runs taken in turn (see `timed_in_turn`)."""
    all_figures = timed_in_turn(commands, repeat, cwd)
    for command, figures in zip(commands, all_figures):
        if count:
            figures.instructions = instructions(command, cwd)
        figures.uncounted = uncounted if VALGRIND else "—"
    return all_figures
