"""Checks the GitHub files that cannot run here: the composite action (action.yml), the example workflow and the
project's CI workflow. Runs the action's own lint steps with the release binary, as a runner would.
Usage: check-actions.py RELEASE_BINARY"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.abspath(sys.argv[1])
problems = []


def load(path):
    with open(os.path.join(root, path)) as f:
        return yaml.safe_load(f)


def expressions(text):
    return re.findall(r"\$\{\{\s*(.*?)\s*\}\}", text or "")


# The composite action.
action = load("action.yml")
inputs = action.get("inputs", {})
steps = action["runs"]["steps"]
if action["runs"].get("using") != "composite":
    problems.append("action.yml: runs.using is not composite")
for name in ("paths", "format"):
    if name not in inputs:
        problems.append(f"action.yml: no `{name}` input")
if not any("upload-sarif" in step.get("uses", "") for step in steps):
    problems.append("action.yml: no SARIF upload step")
seen_ids = set()
for step in steps:
    label = step.get("name", step.get("id", "?"))
    if "run" in step and "shell" not in step:
        problems.append(f"action.yml: step `{label}` runs a script without `shell`")
    if "run" in step and "${{" in step["run"]:
        problems.append(f"action.yml: step `{label}` puts an expression in its script; pass it through env")
    if "uses" in step and not re.search(r"@v\d+$", step["uses"]):
        problems.append(f"action.yml: step `{label}` uses an unpinned action {step['uses']}")
    for text in [step.get("if", "")] + [str(v) for v in (step.get("env") or {}).values()] + \
            [str(v) for v in (step.get("with") or {}).values()]:
        for expression in [text] + expressions(text):
            for used in re.findall(r"inputs\.([\w-]+)", expression):
                if used not in inputs:
                    problems.append(f"action.yml: step `{label}` reads undeclared input `{used}`")
            for used in re.findall(r"steps\.([\w-]+)\.", expression):
                if used not in seen_ids:
                    problems.append(f"action.yml: step `{label}` reads step `{used}` before it runs")
    if "id" in step:
        seen_ids.add(step["id"])
readme = open(os.path.join(root, "README.md")).read()
for name in inputs:
    if f"`{name}`" not in readme and f" {name}: " not in readme:
        problems.append(f"README.md does not document the action's input `{name}`")


def run_step(step_id, env, work):
    """Runs one of the action's script steps with its env resolved as GitHub would for these values."""
    step = next(s for s in steps if s.get("id") == step_id or s.get("name") == step_id)
    values = {"github.action_path": root, "steps.key.outputs.bin": os.path.join(work, "bin")}
    values.update({f"inputs.{k}": str(v.get("default", "")) for k, v in inputs.items()})
    values.update(env)
    resolved = {k: re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: values[m.group(1)], str(v))
                for k, v in (step.get("env") or {}).items()}
    output = os.path.join(work, "output")
    open(output, "w").close()
    process = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=root, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "RUNNER_TEMP": work, "GITHUB_OUTPUT": output, "HOME": work, **resolved})
    outputs = dict(line.split("=", 1) for line in open(output).read().splitlines() if "=" in line)
    return process, outputs


with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "bin"))
    shutil.copy(binary, os.path.join(work, "bin", "activity-lint"))
    paths = {"inputs.paths": "Examples/valid\nExamples/invalid"}
    process, outputs = run_step("sarif", paths, work)
    if process.returncode != 0 or "file" not in outputs:
        problems.append(f"action.yml: the SARIF step failed: {process.stderr}")
    else:
        results = sum(len(r.get("results", [])) for r in json.load(open(outputs["file"]))["runs"])
        if results == 0:
            problems.append("action.yml: the SARIF step found nothing in Examples/invalid")
    process, _ = run_step("Lint", paths, work)
    if process.returncode != 1 or "::error file=Examples/invalid/" not in process.stdout:
        problems.append(f"action.yml: the Lint step exited {process.returncode} without annotations: "
                        f"{process.stdout[-500:]}{process.stderr[-500:]}")
    process, _ = run_step("Lint", {"inputs.paths": "Examples/valid"}, work)
    if process.returncode != 0:
        problems.append(f"action.yml: the Lint step failed on Examples/valid: {process.stdout[-500:]}")
    process, _ = run_step("Lint", {"inputs.paths": ".", "inputs.format": "yaml"}, work)
    if process.returncode != 2 or "format must be github or text" not in process.stdout:
        problems.append("action.yml: the Lint step accepted format yaml")

# The example workflow: what a copy of it needs to work on a cache hit, in a private repository, on a new release.
workflow = load("Examples/.github/workflows/activity-lint.yml")
permissions = workflow.get("permissions", {})
for scope, level in (("contents", "read"), ("security-events", "write"), ("actions", "read")):
    if permissions.get(scope) != level:
        problems.append(f"example workflow: permissions lack {scope}: {level}")
job_steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
scripts = [s.get("run", "") for s in job_steps]
for script in scripts:
    if "apt-get install" in script and "apt-get update" not in script.split("apt-get install")[0]:
        problems.append("example workflow: apt-get install without apt-get update before it")
ref = workflow.get("env", {}).get("ACTIVITY_LINT_REF")
cache = next((s for s in job_steps if "actions/cache" in s.get("uses", "")), None)
if not ref or cache is None or "env.ACTIVITY_LINT_REF" not in cache["with"]["key"]:
    problems.append("example workflow: the cache key does not follow the linter's pinned ref")
if not any("--branch \"$ACTIVITY_LINT_REF\"" in s for s in scripts):
    problems.append("example workflow: the clone is not pinned to ACTIVITY_LINT_REF")
if not any("Scripts/build-release" in s for s in scripts):
    problems.append("example workflow: the cached binary is not the static release (a cache hit would need libyaml)")

# The project's CI: each job runs the README's two commands.
block = re.search(r"## Two commands.*?```sh\n(.*?)```", readme, re.S).group(1)
commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
ci = load(".github/workflows/ci.yml")
for platform in ("linux", "macos"):
    job = ci["jobs"].get(platform)
    runs = " ".join(s.get("run", "") for s in job["steps"]) if job else ""
    for command in commands:
        if command not in runs:
            problems.append(f"ci.yml: the {platform} job does not run `{command}`")
if "brew install libyaml" not in json.dumps(ci["jobs"].get("macos", {})):
    problems.append("ci.yml: the macos job does not install libyaml from Homebrew")

for problem in problems:
    print(f"ci: {problem}")
if problems:
    sys.exit(1)
print(f"ci: action.yml ({len(steps)} steps, its lint steps run here), the example workflow and ci.yml ok")
