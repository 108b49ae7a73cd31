#!/usr/bin/env python3
"""Derives SamPerms' table of CloudFormation resource types (cfn-resources.tsv) from the public resource
provider schemas as the cfn-lint package (pip: cfn-lint) carries them.

Run from the repository root:  python3 src/SamPerms/Data/regenerate_cfn_resources.py
The output is committed; the build and the tests never need cfn-lint. Only what SamPerms checks is kept:
per resource type, its top-level properties (read-only ones included: a template that sets one is not
rejected for it; kind, and the allowed values of a string property that has a short
enum), the required ones, and the attributes Fn::GetAtt may name. One line per type:

  TYPE <TAB> PROPERTIES <TAB> REQUIRED <TAB> ATTRIBUTES
  PROPERTIES: Name=kind[|value/value...] joined by ';', kind one of s n b a o * (string, number, boolean, array,
  object, any); a leading '+;' marks a type that accepts properties its schema does not name.
"""
import importlib, os, pkgutil, sys

from cfnlint.schema import PROVIDER_SCHEMA_MANAGER as manager
import cfnlint.data.schemas.providers as providers

here = os.path.dirname(os.path.abspath(__file__))
REGION = "us-east-1"
MAX_ENUM = 40


def kind_of(schema, resolve, depth=0):
    if depth > 8 or not isinstance(schema, dict):
        return "*"
    if "$ref" in schema:
        return kind_of(resolve(schema["$ref"]), resolve, depth + 1)
    t = schema.get("type")
    if isinstance(t, list):
        kinds = {kind_of({"type": x}, resolve, depth + 1) for x in t}
        return kinds.pop() if len(kinds) == 1 else "*"
    if t is None:
        for key in ("anyOf", "oneOf"):
            if key in schema:
                kinds = {kind_of(s, resolve, depth + 1) for s in schema[key]}
                return kinds.pop() if len(kinds) == 1 else "*"
        if "properties" in schema:
            return "o"
        if "items" in schema:
            return "a"
        return "*"
    return {"string": "s", "integer": "n", "number": "n", "boolean": "b", "array": "a", "object": "o"}.get(t, "*")


def enum_of(schema, resolve, depth=0):
    if depth > 8 or not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        return enum_of(resolve(schema["$ref"]), resolve, depth + 1)
    values = schema.get("enum")
    if isinstance(values, list) and 0 < len(values) <= MAX_ENUM and all(isinstance(v, str) and v and not any(c in v for c in "/|;=\t\n") for v in values):
        return values
    return None


def row(type_name):
    schema = manager.get_resource_schema(REGION, type_name)
    doc = schema.schema
    definitions = doc.get("definitions", {})

    def resolve(ref):
        if ref.startswith("#/definitions/"):
            return definitions.get(ref[len("#/definitions/"):], {})
        return {}

    props = []
    if doc.get("additionalProperties", False) is not False:
        props.append("+")
    for name, p in sorted(doc.get("properties", {}).items()):
        k = kind_of(p, resolve)
        e = enum_of(p, resolve) if k == "s" else None
        props.append(f"{name}={k}" + ("|" + "/".join(e) if e else ""))
    required = sorted(doc.get("required", []))
    attrs = sorted(schema.get_atts.keys()) if hasattr(schema.get_atts, "keys") else sorted(schema.get_atts)
    return "\t".join([type_name, ";".join(props), ";".join(required), ";".join(attrs)])


def all_types():
    names = set()
    for info in pkgutil.iter_modules(providers.__path__):
        module = importlib.import_module(f"{providers.__name__}.{info.name}")
        names.update(getattr(module, "types", {}).keys())
    return sorted(n for n in names if "::" in n and not n.endswith("::MODULE"))


def main():
    rows = []
    regional = set(importlib.import_module(f"{providers.__name__}.{REGION.replace('-', '_')}").types)
    for name in all_types():
        if name not in regional:
            # Only elsewhere: the type exists (no unknown-type finding), its details are not checked.
            rows.append("\t".join([name, "+", "", "*"]))
            continue
        try:
            rows.append(row(name))
        except Exception as e:  # a schema cfn-lint cannot load: keep the name only
            print(f"skipped details of {name}: {e}", file=sys.stderr)
            rows.append("\t".join([name, "+", "", "*"]))
    # Not compressed: the table is read in place in the loaded binary (inflating it took a fifth of a validate).
    out = os.path.join(here, "cfn-resources.tsv")
    data = ("\n".join(rows) + "\n").encode("utf-8")
    with open(out, "wb") as f:
        f.write(data)
    print(f"{len(rows)} resource types, {len(data)} bytes")


if __name__ == "__main__":
    main()
