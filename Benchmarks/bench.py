"""The benchmark: one command that prints, from one run, activity-lint's instruction counts (callgrind) against a
bare libyaml parse of the same files (the floor) and the targets, with wall time, CPU time, peak memory and the load
beside them, then the other workloads (peers, a Terraform plan, Terraform modules) and the language server, on
seeded inputs. See Benchmarks/run for the settings."""
import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from lsp_bench import report as language_server_report, template
from measuring import VALGRIND, instructions, measure, measure_in_turn, median_wall
from tables import OtherRow, Row, TargetRow, print_headline, print_others, print_targets

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SMALL_FILE = os.path.join(ROOT, "Examples", "valid", "orders-activity.json")
CORPUS = os.environ.get("ACTIVITY_LINT_CORPUS", os.path.join(HERE, "corpus"))


def sizes(variable, default):
    return [int(s) for s in os.environ.get(variable, default).split(",") if s.strip()]


SIZES = sizes("ACTIVITY_LINT_SIZES", "1000,10000,100000")
# Callgrind runs a program some 50 times slower: 10,000 files take minutes, 100,000 would take most of an hour.
COUNTED = set(sizes("ACTIVITY_LINT_CALLGRIND_SIZES", "1000,10000")) & set(SIZES)
# Names on the command line and the JSON-only rows stop at 10,000 files, as a hook's list of changed files would.
SMALL_SIZES = [s for s in SIZES if s <= 10000] or SIZES[:1]
ACTIVITIES = (1, 1000, 10000)
TARGETS = {"text": 1.5, "json": 1.8, "sarif": 2.0}  # instructions, at most this many times the floor's
NAMES_TARGET = 1.2  # instructions for the files named one by one, at most this many times the folder's
TWO_CORES_TARGET = 0.8  # wall time with both cores on 10,000 files, at most this many times the floor's (one core)
REPORT_MEMORY_TARGET = 64  # MiB, --format json and sarif on 100,000 files
PLAN_MEMORY_TARGET, PLAN_WALL_TARGET = 150, 1.5  # MiB, and times the floor's wall time, on the 44 MB plan
START_INSTRUCTIONS_TARGET, START_WALL_TARGET = 10e6, 3e-3  # one small file, start-up included
NO_INPUT_LIMIT = ["--max-file-size", str(1 << 30)]  # a 10,000-activity template or a large plan is over 16 MiB


def sh(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def progress(message):
    print(message, file=sys.stderr, flush=True)


def uncounted(size):
    return "—" if size in COUNTED else "not counted (ACTIVITY_LINT_CALLGRIND_SIZES)"


def corpus(size):
    folder = os.path.join(CORPUS, str(size))
    if not os.path.isdir(folder):
        progress(f"generating {size:,} files…")
        sh([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(size), folder, "42"])
    return folder


def request_names(folder):
    """The corpus's files relative to its folder, in name order, as a hook passes them."""
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs
                  if f.endswith((".json", ".yaml", ".yml")) and not f.startswith("."))


def json_only(size):
    """A folder of hard links to the corpus's `.json` files alone (made once), so both programs read the same bytes."""
    folder = os.path.join(CORPUS, f"{size}-json-only")
    if not os.path.isdir(folder):
        source = corpus(size)
        staging = folder + ".partial"
        shutil.rmtree(staging, ignore_errors=True)
        for name in request_names(source):
            if name.endswith(".json"):
                os.makedirs(os.path.join(staging, os.path.dirname(name)), exist_ok=True)
                os.link(os.path.join(source, name), os.path.join(staging, name))
        os.rename(staging, folder)
    return folder


def size_text(path):
    size = os.path.getsize(path)
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.1f} kB"


def template_file(activities):
    path = os.path.join(CORPUS, f"template-{activities}.json")
    if not os.path.exists(path):
        with open(path, "w") as out:
            out.write(template(activities))
    return path


def corpus_rows(tool, floor):
    """The floor and activity-lint's three formats on each corpus: the targets, and instructions per file. The floor
    and the text run take turns, so the wall-time ratio of the two-core target is measured under one load."""
    rows, folders = [], {}
    for size in SIZES:
        folder = corpus(size)
        counted, repeat, note = size in COUNTED, 1 if size >= 100000 else 5, uncounted(size)
        progress(f"{size:,} files: floor, text, json, sarif{' (with callgrind)' if counted else ''}…")
        label = f"{size:,} files"
        floor_figures, text_figures = measure_in_turn([[floor, "."], [tool, "--no-config", "."]], repeat, folder,
                                                      counted, note)
        floor_row = Row(label, "libyaml floor", floor_figures, size, "file")
        rows.append(floor_row)
        for form in ("text", "json", "sarif"):
            if form == "text":
                figures = text_figures
            else:
                figures = measure([tool, "--no-config", "--format", form, "."], repeat, folder, counted, note)
            program = "activity-lint" if form == "text" else f"activity-lint --format {form}"
            row = Row(label, program, figures, size, "file", floor_row, "floor", TARGETS[form])
            rows.append(row)
            if form == "text":
                folders[size] = row
    return rows, folders


def json_rows(tool, floor):
    """Only the `.json` files, where activity-lint uses its own JSON parser and the floor still uses libyaml."""
    rows = []
    for size in SMALL_SIZES:
        folder = json_only(size)
        counted, note = size in COUNTED, uncounted(size)
        files = len(request_names(folder))
        progress(f"the {files:,} .json files of {size:,}…")
        label = f"the {files:,} .json files of {size:,}"
        floor_row = Row(label, "libyaml floor", measure([floor, "."], 3, folder, counted, note), files, "file")
        tool_row = Row(label, "activity-lint", measure([tool, "--no-config", "."], 3, folder, counted, note), files,
                       "file", floor_row, "floor")
        rows += [floor_row, tool_row]
    return rows


def named_rows(tool, folders):
    """The same files named one by one on the command line (and, for the largest, as a --files-from list) against
    the same files as one folder: instructions per name."""
    rows = []
    for size in SMALL_SIZES:
        folder = corpus(size)
        names = request_names(folder)
        counted, note = size in COUNTED, uncounted(size)
        progress(f"{len(names):,} names on the command line…")
        figures = measure([tool, "--no-config"] + names, 3, folder, counted, note)
        rows.append(Row(f"{len(names):,} names on the command line", "activity-lint", figures, len(names), "name",
                        folders[size], "folder", NAMES_TARGET))
    size = SMALL_SIZES[-1]
    names = request_names(corpus(size))
    listing = os.path.join(CORPUS, f"names-{size}.txt")
    with open(listing, "w") as out:
        out.write("\n".join(names) + "\n")
    progress(f"--files-from a list of {len(names):,}…")
    figures = measure([tool, "--no-config", "--files-from", listing], 3, corpus(size), size in COUNTED,
                      uncounted(size))
    rows.append(Row(f"--files-from a list of {len(names):,}", "activity-lint", figures, len(names), "name",
                    folders[size], "folder", NAMES_TARGET))
    return rows


def template_rows(tool, floor):
    """One CloudFormation template with 1, 1,000 and 10,000 activities: instructions per activity."""
    rows = []
    for activities in ACTIVITIES:
        path = template_file(activities)
        label = f"one template, {activities:,} activit{'y' if activities == 1 else 'ies'} ({size_text(path)})"
        progress(f"{label}…")
        floor_row = Row(label, "libyaml floor", measure([floor, path], 3, count=True), activities, "activity")
        figures = measure([tool, "--no-config"] + NO_INPUT_LIMIT + [path], 3, count=True)
        rows += [floor_row, Row(label, "activity-lint", figures, activities, "activity", floor_row, "floor")]
    return rows


def small_file_row(tool):
    progress("one small file…")
    figures = median_wall([tool, "--no-config", SMALL_FILE])
    figures.instructions = instructions([tool, "--no-config", SMALL_FILE])
    return Row("one small file (wall: median of 30)", "activity-lint", figures, 1, "file")


def peer_rows(tool, floor, folders, floors):
    """check-jsonschema on the corpus, cfn-lint on 200 templates and a Terraform plan against the libyaml floor."""
    size = 10000 if 10000 in SIZES else SIZES[0]
    rows = []
    checker = shutil.which("check-jsonschema")
    label = f"{size:,} files"
    if checker:
        progress(f"check-jsonschema on {size:,} files…")
        folder = corpus(size)
        files = [os.path.join(folder, name) for name in request_names(folder)]
        schema = os.path.join(HERE, "createactivity.schema.json")
        rows.append(OtherRow(label, "check-jsonschema (equivalent schema)",
                             measure([checker, "--schemafile", schema] + files, 1), floors[size],
                             folders[size].figures))
    else:
        rows.append(OtherRow(label, "check-jsonschema", None, missing="not installed (pip install check-jsonschema)"))

    iac = os.path.join(CORPUS, "iac")
    if not os.path.isdir(iac):
        progress("generating 200 templates and a plan…")
        sh([sys.executable, os.path.join(HERE, "generate_iac.py"), "200", "20000", iac, "7"])
    templates = os.path.join(iac, "templates")
    template_files = sorted(os.path.join(templates, f) for f in os.listdir(templates))
    label = f"{len(template_files)} CloudFormation templates"
    progress(f"{label}…")
    floor_templates = measure([floor, templates], 3)
    tool_templates = measure([tool, "--no-config", templates], 3)
    rows += [OtherRow(label, "libyaml floor", floor_templates, floor_templates),
             OtherRow(label, "activity-lint", tool_templates, floor_templates)]
    cfn_lint = shutil.which("cfn-lint")
    if cfn_lint:
        rows.append(OtherRow(label, "cfn-lint", measure([cfn_lint, "--"] + template_files, 1), floor_templates,
                             tool_templates))
    else:
        rows.append(OtherRow(label, "cfn-lint", None, missing="not installed (pip install cfn-lint)"))

    plan = os.path.join(iac, "plan.json")
    label = f"one Terraform plan, 20,000 aws_sfn_activity changes ({size_text(plan)})"
    progress("one Terraform plan…")
    floor_plan, tool_plan = measure_in_turn([[floor, plan], [tool, "--no-config"] + NO_INPUT_LIMIT + [plan]], 3)
    rows += [OtherRow(label, "libyaml floor", floor_plan, floor_plan),
             OtherRow(label, "activity-lint", tool_plan, floor_plan)]
    return rows


def target_rows(rows, others, tool):
    """The targets that wall time, memory and a median judge, from the rows measured above (the start-up median by
    hyperfine, which times the program alone)."""
    targets = []
    label = f"{10000 if 10000 in SIZES else SIZES[-1]:,} files"
    floor, text = [next(r.figures for r in rows if r.workload == label and r.program == program)
                   for program in ("libyaml floor", "activity-lint")]
    two_cores = text.wall / floor.wall
    targets.append(TargetRow(
        f"both cores on {label}: wall ≤ {TWO_CORES_TARGET}x the single-threaded floor's (runs taken in turn)",
        f"{two_cores:.2f}x ({text.wall:.3f} s against {floor.wall:.3f} s; CPU {text.cpu:.3f} s against "
        f"{floor.cpu:.3f} s, {text.cpu / floor.cpu:.2f}x)", two_cores <= TWO_CORES_TARGET, floor.load))
    largest = "100,000 files"
    for form in ("json", "sarif"):
        row = next((r for r in rows if r.workload == largest and r.program.endswith(form)), None)
        measured = f"{row.figures.memory:.1f} MiB" if row else "not run (ACTIVITY_LINT_SIZES has no 100000)"
        targets.append(TargetRow(f"--format {form} on {largest}: peak memory < {REPORT_MEMORY_TARGET} MiB", measured,
                                 row.figures.memory < REPORT_MEMORY_TARGET if row else None,
                                 row.figures.load if row else None))
    plan_floor, plan = [r.figures for r in others if r.workload.startswith("one Terraform plan")]
    plan_ratio = plan.wall / plan_floor.wall
    targets.append(TargetRow(
        f"the Terraform plan: peak memory < {PLAN_MEMORY_TARGET} MiB and wall ≤ {PLAN_WALL_TARGET}x the floor's",
        f"{plan.memory:.1f} MiB, {plan_ratio:.2f}x ({plan.wall:.3f} s against {plan_floor.wall:.3f} s)",
        plan.memory < PLAN_MEMORY_TARGET and plan_ratio <= PLAN_WALL_TARGET, plan.load))
    small = next(r for r in rows if r.workload.startswith("one small file"))
    load = os.getloadavg()[0]
    median, true_median = start_median([tool, "--no-config", SMALL_FILE]), start_median(["/bin/true"])
    counted = small.figures.instructions
    measured = (f"{counted / 1e6:.1f} M instructions" if counted else "instructions not counted") + ", " + \
        (f"wall median {median * 1e3:.2f} ms (hyperfine -N, 300 runs; /bin/true {true_median * 1e3:.2f} ms)"
         if median else "wall not measured (hyperfine is not installed: apt-get install hyperfine)")
    passed = None if counted is None or median is None else \
        counted <= START_INSTRUCTIONS_TARGET and median < START_WALL_TARGET
    targets.append(TargetRow(
        f"one small file, start-up included: ≤ {START_INSTRUCTIONS_TARGET / 1e6:.0f} M instructions and wall median "
        f"< {START_WALL_TARGET * 1e3:.0f} ms", measured, passed, load))
    return targets


def start_median(command):
    """The median wall time of `command` by hyperfine (the program alone, no shell, no /usr/bin/time), or None
    without hyperfine."""
    hyperfine = shutil.which("hyperfine")
    if not hyperfine:
        return None
    progress(f"{os.path.basename(command[0])} with hyperfine…")
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "hyperfine.json")
        sh([hyperfine, "-N", "--warmup", "20", "--runs", "300", "-i", "--export-json", out, shlex.join(command)])
        with open(out) as results:
            return json.load(results)["results"][0]["median"]


def terraform_rows(tool, hcl_floor):
    """1,000 `.tf` files in modules of ten (variables.tf, providers.tf, locals.tf beside the activities): every
    module's declarations are read once, however many of its files have activities. The floor reads and scans the
    bytes (Benchmarks/hcl_floor.c); `terraform fmt -check` parses them with HashiCorp's own HCL parser, where
    Terraform is installed."""
    folder = os.path.join(CORPUS, "terraform-1000")
    if not os.path.isdir(folder):
        sh([sys.executable, os.path.join(HERE, "generate_iac.py"), "--terraform", "1000", folder, "7"])
    files = sum(len([f for f in fs if f.endswith(".tf")]) for _, _, fs in os.walk(folder))
    label = f"{files:,} Terraform files ({files // 10} modules)"
    progress(f"{label}…")
    floor = measure([hcl_floor, folder], 5)
    tool = measure([tool, "--no-config", folder], 5)
    rows = [OtherRow(label, "read and scan the bytes (floor)", floor, floor),
            OtherRow(label, "activity-lint", tool, floor)]
    terraform = shutil.which("terraform")
    if terraform:
        rows.append(OtherRow(label, "terraform fmt -check (HCL parse and print)",
                             measure([terraform, "fmt", "-check", "-recursive", folder], 5), floor, tool))
    else:
        rows.append(OtherRow(label, "terraform fmt -check", None, missing="not installed"))
    return rows


def build():
    progress("building activity-lint as shipped (Scripts/build-release: static, lld, stripped) and the floors…")
    sh([os.path.join(ROOT, "Scripts", "build-release")], cwd=ROOT)
    tool = os.path.join(ROOT, "dist", "activity-lint")
    os.makedirs(CORPUS, exist_ok=True)
    floor = os.path.join(CORPUS, "yaml_floor")
    sh(["cc", "-O2", "-o", floor, os.path.join(HERE, "yaml_floor.c"), "-lyaml"])
    hcl_floor = os.path.join(CORPUS, "hcl_floor")
    sh(["cc", "-O2", "-o", hcl_floor, os.path.join(HERE, "hcl_floor.c")])
    return tool, floor, hcl_floor


def main():
    tool, floor, hcl_floor = build()
    load_before = os.getloadavg()[0]
    started = datetime.datetime.now(datetime.timezone.utc)
    rows, folders = corpus_rows(tool, floor)
    floors = {row.units: row.figures for row in rows if row.program == "libyaml floor"}
    rows += json_rows(tool, floor) + named_rows(tool, folders) + template_rows(tool, floor) + [small_file_row(tool)]
    others = peer_rows(tool, floor, folders, floors) + terraform_rows(tool, hcl_floor)
    targets = target_rows(rows, others, tool)

    counter = sh([VALGRIND, "--version"]).stdout.strip() if VALGRIND else "valgrind not installed: no instruction counts"
    print(f"{started:%Y-%m-%d %H:%M} UTC; machine: {os.cpu_count()} cores; load average before the run: "
          f"{load_before:.2f}; {counter}")
    print("corpus: seed 42, ~60% JSON / 40% YAML, 0..60 tags, ~30% with violations; templates: seed 7")
    print("wall and CPU: best of 3 runs (of 5 on the corpora up to 10,000 files, where the floor and the text run take "
          "turns; 1 at 100,000 files; 5 for Terraform); load: the 1-minute load average as the row started (wall "
          "times grow with it, instructions do not)")
    print()
    print_headline(rows)
    print()
    print_others(others)
    print()
    print_targets(targets)
    language_server_report(tool)


if __name__ == "__main__":
    main()
