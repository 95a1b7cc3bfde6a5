"""The benchmark's two tables as Markdown: the headline (instruction counts against a baseline and a target, with
wall time, CPU time, peak memory and the load beside them, and the cost per unit so linearity shows) and the other
workloads (wall, CPU and memory against a floor and the peers)."""
from dataclasses import dataclass
from typing import Optional

from measuring import Figures


@dataclass
class Row:
    workload: str
    program: str
    figures: Figures
    units: int = 0  # files, names, activities: what the per-unit columns divide by
    unit: str = ""
    baseline: Optional["Row"] = None  # what the ratio is to: the floor on the same input, or the same files as a folder
    baseline_name: str = ""
    target: Optional[float] = None  # the highest ratio of instructions that passes


@dataclass
class OtherRow:
    workload: str
    program: str
    figures: Optional[Figures]  # None when the program is not installed
    floor: Optional[Figures] = None
    linter: Optional[Figures] = None  # activity-lint on the same input, for a peer's row
    missing: str = ""


@dataclass
class TargetRow:
    """A target judged by wall time, memory or a median rather than by instructions against the floor."""
    target: str  # what is asked, in words
    measured: str  # the figures the verdict is made of
    passed: Optional[bool]  # None when it could not be measured
    load: Optional[float] = None


def ratio(row):
    if row.baseline is None or row.figures.instructions is None or not row.baseline.figures.instructions:
        return None
    return row.figures.instructions / row.baseline.figures.instructions


def headline_cells(row):
    figures = row.figures
    counted = figures.instructions is not None
    measured = ratio(row)
    verdict = "—" if row.target is None or measured is None else ("pass" if measured <= row.target else "MISS")
    return [row.workload, row.program,
            f"{figures.instructions / 1e6:,.1f} M" if counted else figures.uncounted,
            f"{figures.instructions / row.units:,.0f} /{row.unit}" if counted and row.units else "—",
            f"{measured:.2f}x {row.baseline_name}" if measured is not None else "—",
            f"≤ {row.target:.1f}x" if row.target is not None else "—",
            verdict,
            f"{figures.wall:.3f}", f"{figures.cpu:.3f}",
            f"{figures.cpu / row.units * 1e6:,.1f}" if row.units else "—",
            f"{figures.memory:.1f}", f"{figures.load:.2f}"]


def print_headline(rows):
    print_table(["workload", "program", "instructions (callgrind)", "instructions per unit", "ratio", "target",
                 "pass/miss", "wall (s)", "CPU (s)", "CPU per unit (µs)", "peak memory (MiB)", "load"],
                rows, headline_cells)
    print_notes(rows)


def times(ratio):
    return f"{ratio:.1f}x" if ratio < 10 else f"{ratio:,.0f}x"


def other_cells(row):
    figures = row.figures
    if figures is None:
        return [row.workload, row.program, row.missing, "", "", "", "", ""]
    floor = times(figures.wall / row.floor.wall) if row.floor and row.floor.wall > 0 else "—"
    faster = f"{figures.wall / row.linter.wall:.0f}x" if row.linter and row.linter.wall > 0 else ""
    return [row.workload, row.program, f"{figures.wall:.3f}", f"{figures.cpu:.3f}", f"{figures.memory:.1f}", floor,
            faster, f"{figures.load:.2f}"]


def print_others(rows):
    print_table(["workload", "program", "wall (s)", "CPU (s)", "peak memory (MiB)", "wall ratio to floor",
                 "activity-lint is faster by", "load"], rows, other_cells)
    print_notes(rows)


def target_cells(row):
    verdict = "—" if row.passed is None else ("pass" if row.passed else "MISS")
    return [row.target, row.measured, verdict, f"{row.load:.2f}" if row.load is not None else "—"]


def print_targets(rows):
    print_table(["target", "measured", "pass/miss", "load"], rows, target_cells)


def print_table(header, rows, cells):
    """A Markdown table: two text columns, the rest right-aligned figures."""
    print("| " + " | ".join(header) + " |")
    print("|---|---|" + "---:|" * (len(header) - 2))
    for row in rows:
        print("| " + " | ".join(cells(row)) + " |")


def print_notes(rows):
    """Under a table of measured rows, each row's note (runs that ended with different exit statuses)."""
    for row in rows:
        if row.figures and row.figures.note:
            print(f"\n{row.workload}, {row.program}: {row.figures.note}")
