#!/usr/bin/env python3
"""Checks a deckport JSON document against docs/deckport.schema.json, both ways.

Usage: validate_schema.py SCHEMA DOCUMENT

1. The document validates (JSON Schema draft 2020-12).
2. Every property the schema declares occurs somewhere in the document, so the schema lists
   exactly the keys the writer writes (with 1., none more and none fewer).
Prints each problem and exits 1 when there is one.
"""
import json
import sys

import jsonschema


def resolve(schema, root):
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = root["$defs"][name]
    return schema


def schema_name(schema, root):
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else "(top level)"


def walk(instance, schema, root, label, seen):
    """Records (label, key) for every declared property present in `instance`."""
    schema = resolve(schema, root)
    if isinstance(instance, dict):
        for key, sub in schema.get("properties", {}).items():
            if key in instance:
                seen.add((label, key))
                walk(instance[key], sub, root, schema_name(sub, root), seen)
    elif isinstance(instance, list) and "items" in schema:
        for item in instance:
            walk(item, schema["items"], root, schema_name(schema["items"], root), seen)


def declared(root):
    keys = {("(top level)", key) for key in root.get("properties", {})}
    for name, sub in root.get("$defs", {}).items():
        keys |= {(name, key) for key in sub.get("properties", {})}
    return keys


def main():
    schema_path, document_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    problems = []
    validator = jsonschema.Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        problems.append(f"invalid at {where}: {error.message}")
    seen = set()
    walk(document, schema, schema, "(top level)", seen)
    for name, key in sorted(declared(schema) - seen):
        problems.append(f"schema declares {name}.{key}, which the document never uses")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
