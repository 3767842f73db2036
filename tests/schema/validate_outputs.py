#!/usr/bin/env python3
"""Validates real disclose outputs against the JSON Schemas in schema/.

  tests/schema/validate_outputs.py --disclose build/cli/disclose --source .

Checks, each failure printed with the file and the JSON path:
  - every golden NAME.json (fixtures/golden/expected) against schema/document.schema.json;
  - a fresh `disclose extract` run over two seeds and an empty file: its NAME.json files
    (compact), its error record (schema/error.schema.json) and, when the run writes one, every
    line of manifest.jsonl (schema/manifest-line.schema.json);
  - `disclose dataset` over that run: datapackage.json (schema/datapackage.schema.json), each
    resource's fields equal to its CSV header, and as many figures in disclose.sqlite as rows in
    facts.csv.
Exit status 0 when everything validates, 1 otherwise.
"""
import argparse
import csv
import json
import pathlib
import sqlite3
import subprocess
import sys
import tempfile

import jsonschema

failures = 0


def check(schema, instance, where):
    global failures
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    for error in errors[:5]:
        path = "/".join(str(p) for p in error.absolute_path)
        print(f"FAIL {where}: /{path}: {error.message[:200]}")
    failures += len(errors)
    return not errors


def fail(message):
    global failures
    print(f"FAIL {message}")
    failures += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--disclose", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    source = pathlib.Path(args.source)
    schemas = {}
    for name in ("document", "error", "manifest-line", "datapackage"):
        schema = json.loads((source / "schema" / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[name] = schema

    goldens = sorted((source / "fixtures" / "golden" / "expected").glob("*.json"))
    for path in goldens:
        check(schemas["document"], json.loads(path.read_text()), path.name)
    print(f"{len(goldens)} golden documents checked")

    inputs = source / "fixtures" / "golden" / "inputs"
    with tempfile.TemporaryDirectory(prefix="disclose_schema_") as tmp:
        tmp = pathlib.Path(tmp)
        run = tmp / "run"
        files = [str(inputs / "003_f226edb144d9e567.txt"), str(inputs / "004_4b22c8c51bd978dc.txt"),
                 str(source / "fixtures" / "bad" / "empty.txt")]
        result = subprocess.run([args.disclose, "extract", "-o", str(run)] + files,
                                capture_output=True, text=True)
        if result.returncode != 1:
            fail(f"extract exited {result.returncode}, expected 1 (one empty input): {result.stderr}")
        documents = errors = 0
        for path in sorted(run.rglob("*.json")):
            instance = json.loads(path.read_text())
            if path.name.endswith(".error.json"):
                errors += 1
                check(schemas["error"], instance, path.name)
            else:
                documents += 1
                check(schemas["document"], instance, path.name)
        if documents != 2 or errors != 1:
            fail(f"extract wrote {documents} documents and {errors} error records, expected 2 and 1")
        manifest = run / "manifest.jsonl"
        if manifest.exists():
            lines = manifest.read_text().splitlines()
            for number, line in enumerate(lines, 1):
                check(schemas["manifest-line"], json.loads(line), f"manifest.jsonl:{number}")
            print(f"{len(lines)} manifest lines checked")
        else:
            print("no manifest.jsonl (this extract does not write one); dataset walks the folder")

        out = tmp / "dataset"
        result = subprocess.run([args.disclose, "dataset", "-o", str(out), str(run)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"dataset exited {result.returncode}: {result.stderr}")
            return
        package = json.loads((out / "datapackage.json").read_text())
        check(schemas["datapackage"], package, "datapackage.json")
        for resource in package["resources"]:
            with open(out / resource["path"], newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            names = [field["name"] for field in resource["schema"]["fields"]]
            if rows[0] != names:
                fail(f"{resource['path']}: header {rows[0]} but datapackage fields {names}")
            if any(len(row) != len(names) for row in rows):
                fail(f"{resource['path']}: a row with a different number of fields")
            if resource["name"] == "facts":
                facts_rows = len(rows) - 1
        db = sqlite3.connect(out / "disclose.sqlite")
        figures = db.execute("SELECT count(*) FROM figures").fetchone()[0]
        if figures != facts_rows or figures == 0:
            fail(f"disclose.sqlite has {figures} figures, facts.csv {facts_rows} rows")
        print(f"dataset: {facts_rows} figures in facts.csv and disclose.sqlite, datapackage checked")


main()
if failures:
    print(f"{failures} schema failures")
    sys.exit(1)
print("all outputs valid")
