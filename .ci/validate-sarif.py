"""Validates SARIF files against the SARIF 2.1.0 JSON schema. Usage: validate-sarif.py SCHEMA FILE..."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema)
failed = False
for path in sys.argv[2:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors[:20]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    failed |= bool(errors)
    results = sum(len(run.get("results", [])) for run in log.get("runs", []))
    print(f"ci: {path}: {'INVALID' if errors else 'valid'} SARIF 2.1.0 ({results} results)")
sys.exit(1 if failed else 0)
