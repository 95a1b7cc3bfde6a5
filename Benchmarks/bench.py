"""The benchmark: one command that prints activity-lint's wall time and peak memory against a bare libyaml parse
(the floor) and against peers where they are installed, on a seeded corpus. See Benchmarks/run."""
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.environ.get("ACTIVITY_LINT_CORPUS", os.path.join(HERE, "corpus"))
SIZES = [int(s) for s in os.environ.get("ACTIVITY_LINT_SIZES", "1000,10000,100000").split(",")]


def sh(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def measure(command, repeat=3, cwd=None):
    """Best wall time (s), peak resident memory (MiB) and CPU time (s) of `command` over `repeat` runs."""
    best_wall, best_cpu, peak = None, None, 0.0
    for _ in range(repeat):
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + command, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, cwd=cwd)
        wall, rss_kib, user, system = result.stderr.strip().splitlines()[-1].split()
        best_wall = float(wall) if best_wall is None else min(best_wall, float(wall))
        cpu = float(user) + float(system)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        peak = max(peak, int(rss_kib) / 1024)
    return best_wall, peak, best_cpu


def corpus(size):
    folder = os.path.join(CORPUS, str(size))
    if not os.path.isdir(folder):
        sh([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(size), folder, "42"])
    return folder


def named_files(tool):
    """The same files as one directory, as names on the command line (pre-commit, `git ls-files | xargs`) and as a
    --files-from list. Names are relative to the corpus folder, as a hook passes them."""
    size = 10000 if 10000 in SIZES else SIZES[0]
    folder = corpus(size)
    names = sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs
                   if f.endswith((".json", ".yaml", ".yml")) and not f.startswith("."))
    listing = os.path.join(CORPUS, f"names-{size}.txt")
    with open(listing, "w") as out:
        out.write("\n".join(names) + "\n")
    directory, _, directory_cpu = measure([tool, "--no-config", "."], 5, cwd=folder)
    print()
    print(f"| the same {len(names):,} files | wall (s) | ratio to the directory | CPU (s) |")
    print("|---|---:|---:|---:|")
    print(f"| one directory | {directory:.2f} | 1.00x | {directory_cpu:.2f} |")
    for label, arguments in ((f"{len(names):,} names on the command line", names),
                             (f"--files-from a list of {len(names):,}", ["--files-from", listing])):
        wall, _, cpu = measure([tool, "--no-config"] + arguments, 5, cwd=folder)
        print(f"| {label} | {wall:.2f} | {wall / directory:.2f}x | {cpu:.2f} |")


def instruction_count(tool, path):
    """'; N M instructions (callgrind)' for one run, which the load does not move, or '' without valgrind."""
    if not shutil.which("valgrind"):
        return ""
    out = os.path.join(ROOT, ".build", "small-file.callgrind")
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", tool, "--no-config", path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if os.path.exists(out):
        os.remove(out)
    counts = [line.split()[-1] for line in run.stderr.splitlines() if "Collected :" in line]
    return f"; {int(counts[0]) / 1e6:.1f} M instructions (callgrind)" if counts else ""


def terraform_rows(tool, hcl_floor):
    """1,000 `.tf` files in modules of ten (variables.tf, providers.tf, locals.tf beside the activities): every
    module's declarations are read once, however many of its files have activities. The floor reads and scans the
    bytes (Benchmarks/hcl_floor.c); `terraform fmt -check` parses them with HashiCorp's own HCL parser, where
    Terraform is installed."""
    folder = os.path.join(CORPUS, "terraform-1000")
    if not os.path.isdir(folder):
        sh([sys.executable, os.path.join(HERE, "generate_iac.py"), "--terraform", "1000", folder, "7"])
    files = sum(len([f for f in fs if f.endswith(".tf")]) for _, _, fs in os.walk(folder))
    floor_wall, _, _ = measure([hcl_floor, folder], 5)
    wall, memory, cpu = measure([tool, "--no-config", folder], 5)
    print()
    print(f"| {files:,} Terraform files ({files // 10} modules) | wall (s) | peak memory (MiB) | CPU (s) | ratio to floor |")
    print("|---|---:|---:|---:|---:|")
    print(f"| read and scan the bytes (floor) | {floor_wall:.3f} | | | 1x |")
    print(f"| activity-lint | {wall:.3f} | {memory:.1f} | {cpu:.2f} | {wall / max(floor_wall, 0.001):.0f}x |")
    terraform = shutil.which("terraform")
    if terraform:
        fmt_wall, fmt_memory, fmt_cpu = measure([terraform, "fmt", "-check", "-recursive", folder], 5)
        print(f"| terraform fmt -check (HCL parse and print) | {fmt_wall:.3f} | {fmt_memory:.1f} | {fmt_cpu:.2f} | "
              f"{fmt_wall / max(floor_wall, 0.001):.0f}x |")


def main():
    print("building activity-lint (release, static Swift standard library, as shipped) and the libyaml floor…",
          file=sys.stderr)
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib"]
    sh(build + ["--product", "activity-lint"], cwd=ROOT)
    tool = os.path.join(sh(build + ["--show-bin-path"], cwd=ROOT).stdout.strip(), "activity-lint")
    floor = os.path.join(CORPUS, "yaml_floor")
    os.makedirs(CORPUS, exist_ok=True)
    sh(["cc", "-O2", "-o", floor, os.path.join(HERE, "yaml_floor.c"), "-lyaml"])
    hcl_floor = os.path.join(CORPUS, "hcl_floor")
    sh(["cc", "-O2", "-o", hcl_floor, os.path.join(HERE, "hcl_floor.c")])

    rows = []
    for size in SIZES:
        folder = corpus(size)
        repeat = 1 if size >= 100000 else 3
        floor_wall, floor_mem, floor_cpu = measure([floor, folder], repeat)
        tool_wall, tool_mem, tool_cpu = measure([tool, "--no-config", folder], repeat)
        rows.append((size, floor_wall, floor_cpu, tool_wall, tool_mem, tool_cpu))

    print(f"machine: {os.cpu_count()} cores; corpus: seed 42, ~60% JSON / 40% YAML, 0..60 tags, ~30% with violations")
    print()
    print(f"load average before the run: {os.getloadavg()[0]:.2f} (another busy process distorts wall times)")
    print()
    print("| files | libyaml floor wall (s) | activity-lint wall (s) | wall ratio | floor CPU (s) | activity-lint CPU (s) | "
          "activity-lint peak memory (MiB) | wall per file (µs) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, floor_wall, floor_cpu, tool_wall, tool_mem, tool_cpu in rows:
        ratio = tool_wall / floor_wall if floor_wall else float("nan")
        print(f"| {size:,} | {floor_wall:.2f} | {tool_wall:.2f} | {ratio:.2f}x | {floor_cpu:.2f} | {tool_cpu:.2f} | "
              f"{tool_mem:.1f} | {tool_wall / size * 1e6:.0f} |")

    named_files(tool)

    largest = rows[-1][0]
    _, json_mem, _ = measure([tool, "--no-config", "--format", "json", corpus(largest)], 1)
    _, sarif_mem, _ = measure([tool, "--no-config", "--format", "sarif", corpus(largest)], 1)
    print()
    print(f"text output streams file by file; JSON and SARIF keep the report's text in a temporary file until its end: peak "
          f"{json_mem:.1f} MiB (json) and {sarif_mem:.1f} MiB (sarif) on {largest:,} files")

    peers_size = 10000 if 10000 in SIZES else SIZES[0]
    folder = corpus(peers_size)
    floor_wall = next(r[1] for r in rows if r[0] == peers_size)
    tool_wall = next(r[3] for r in rows if r[0] == peers_size)
    print()
    print(f"| peer on {peers_size:,} files | wall (s) | ratio to floor | activity-lint is faster by |")
    print("|---|---:|---:|---:|")
    checker = shutil.which("check-jsonschema")
    if checker:
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs)
        wall, _, _ = measure([checker, "--schemafile", os.path.join(HERE, "createactivity.schema.json")] + files, 1)
        print(f"| check-jsonschema (equivalent schema) | {wall:.2f} | {wall / floor_wall:.1f}x | {wall / tool_wall:.0f}x |")
    else:
        print("| check-jsonschema | not installed (pip install check-jsonschema) | | |")

    iac = os.path.join(CORPUS, "iac")
    if not os.path.isdir(iac):
        sh([sys.executable, os.path.join(HERE, "generate_iac.py"), "200", "20000", iac, "7"])
    templates = os.path.join(iac, "templates")
    template_files = sorted(os.path.join(templates, f) for f in os.listdir(templates))
    tool_templates, _, _ = measure([tool, "--no-config", templates], 3)
    floor_templates, _, _ = measure([floor, templates], 3)
    cfn_lint = shutil.which("cfn-lint")
    print()
    print(f"| {len(template_files)} CloudFormation templates | wall (s) | ratio to floor | activity-lint is faster by |")
    print("|---|---:|---:|---:|")
    print(f"| libyaml floor | {floor_templates:.2f} | 1.0x | |")
    print(f"| activity-lint | {tool_templates:.2f} | {tool_templates / floor_templates:.1f}x | |")
    if cfn_lint:
        wall, _, _ = measure([cfn_lint, "--"] + template_files, 1)
        print(f"| cfn-lint | {wall:.2f} | {wall / floor_templates:.0f}x | {wall / tool_templates:.0f}x |")
    else:
        print("| cfn-lint | not installed (pip install cfn-lint) | | |")
    plan_file = os.path.join(iac, "plan.json")
    # A plan this large is over the default 16 MiB input limit, which is meant for request files.
    plan_wall, plan_mem, _ = measure([tool, "--no-config", "--max-file-size", str(1 << 30), plan_file], 3)
    plan_floor, _, _ = measure([floor, plan_file], 3)
    print()
    print(f"one Terraform plan with 20,000 aws_sfn_activity changes ({os.path.getsize(plan_file) / 1e6:.1f} MB): "
          f"activity-lint {plan_wall:.2f} s and {plan_mem:.1f} MiB, libyaml floor {plan_floor:.2f} s "
          f"({plan_wall / plan_floor:.1f}x)")

    terraform_rows(tool, hcl_floor)

    small = os.path.join(ROOT, "Examples", "valid", "orders-activity.json")
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        subprocess.run([tool, "--no-config", small], stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    print()
    print(f"one small file (startup included): median {statistics.median(samples) * 1000:.1f} ms, "
          f"best {min(samples) * 1000:.1f} ms over 30 runs{instruction_count(tool, small)}")

    sys.path.insert(0, HERE)
    import lsp_bench
    lsp_bench.report(tool)


if __name__ == "__main__":
    main()
