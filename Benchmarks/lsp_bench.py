"""Language server figures: didChange-to-publishDiagnostics latency on one CloudFormation template with 1,000
activities (the median of 50 edits, debounce off so the lint is what is timed) and the server's memory with 100
such templates open. Usage: lsp_bench.py BINARY (Benchmarks/run calls it with the release binary)."""
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_corpus import request  # noqa: E402
from generate_iac import cloudformation  # noqa: E402


def template(activities, seed=7):
    rng = random.Random(seed)
    resources = {}
    for index in range(activities):
        resources.update(cloudformation(request(rng), index)["Resources"])
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}, indent=1) + "\n"


class Server:
    """`activity-lint lsp` over pipes, with a thread collecting what it publishes."""

    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.published = {}
        self.condition = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def send(self, message):
        body = json.dumps(dict(jsonrpc="2.0", **message)).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(stream.read(length))
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                with self.condition:
                    self.published[params["uri"]] = (params.get("version"), len(params["diagnostics"]))
                    self.condition.notify_all()

    def wait(self, uri, version):
        with self.condition:
            if not self.condition.wait_for(lambda: self.published.get(uri, (None,))[0] == version, timeout=60):
                raise RuntimeError(f"no diagnostics for {uri} version {version}")
            return self.published[uri][1]

    def memory_mib(self):
        """Resident and peak resident memory, from /proc (Linux)."""
        fields = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def cpu_seconds(self):
        """User and system CPU time so far, from /proc (Linux): unlike wall time, other processes do not move it."""
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.send({"id": 2, "method": "shutdown"})
        self.send({"method": "exit"})
        return self.process.wait(timeout=30)


def measure(binary, activities=1000, edits=50, documents=100):
    text = template(activities)
    server = Server(binary)
    server.send({"id": 1, "method": "initialize",
                 "params": {"capabilities": {}, "initializationOptions": {"debounceMilliseconds": 0}}})
    server.send({"method": "initialized", "params": {}})
    uri = "file:///benchmark/template.json"
    server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "json", "version": 1, "text": text}}})
    diagnostics = server.wait(uri, 1)
    # Each edit changes one character of the first activity's name, as typing does.
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if '"Name": "' in l)
    character = lines[line].index('"Name": "') + len('"Name": "')
    samples = []
    cpu_before = server.cpu_seconds()
    for version in range(2, edits + 2):
        change = {"range": {"start": {"line": line, "character": character},
                            "end": {"line": line, "character": character + 1}}, "text": "ab"[version % 2]}
        start = time.perf_counter()
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        server.wait(uri, version)
        samples.append(time.perf_counter() - start)
    cpu_per_edit = (server.cpu_seconds() - cpu_before) / edits
    for index in range(documents):
        other = f"file:///benchmark/template-{index:03d}.json"
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": other, "languageId": "json", "version": 1, "text": text}}})
    for index in range(documents):
        server.wait(f"file:///benchmark/template-{index:03d}.json", 1)
    try:
        rss, peak = server.memory_mib()
    except OSError:
        rss = peak = float("nan")
    status = server.close()
    return {"bytes": len(text.encode()), "activities": activities, "diagnostics": diagnostics,
            "median_ms": statistics.median(samples) * 1000, "best_ms": min(samples) * 1000, "edits": edits,
            "cpu_ms": cpu_per_edit * 1000,
            "documents": documents, "rss_mib": rss, "peak_mib": peak, "exit": status}


def report(binary):
    figures = measure(binary)
    print()
    print(f"language server, one template with {figures['activities']:,} activities "
          f"({figures['bytes'] / 1e6:.1f} MB, {figures['diagnostics']} diagnostics): didChange to publishDiagnostics "
          f"median {figures['median_ms']:.1f} ms, best {figures['best_ms']:.1f} ms over {figures['edits']} edits "
          f"({figures['cpu_ms']:.1f} ms of server CPU each); "
          f"{figures['documents'] + 1} such documents open: {figures['rss_mib']:.1f} MiB resident "
          f"(peak {figures['peak_mib']:.1f} MiB); exit status {figures['exit']}")


if __name__ == "__main__":
    report(sys.argv[1])
