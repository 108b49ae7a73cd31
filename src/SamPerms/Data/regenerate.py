#!/usr/bin/env python3
"""Derives SamPerms' embedded data tables from the reference facts in ../shared/reference-data.

Run from the repository root:  python3 src/SamPerms/Data/regenerate.py [path/to/reference-data]
The outputs are committed; the build and the tests never need the reference data.
Each table keeps only the fields SamPerms uses, in its own format.
"""
import json, os, sys

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "reference-data")
here = os.path.dirname(os.path.abspath(__file__))


def policy_templates():
    src = json.load(open(os.path.join(ref, "sam", "policy_templates.json")))["Templates"]
    out = {}
    for name in sorted(src):
        t = src[name]
        out[name] = {"Parameters": list(t.get("Parameters", {}).keys()), "Definition": t["Definition"]}
    with open(os.path.join(here, "policy-templates.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")


def managed_policy_names():
    # name<TAB>path<TAB>partitions: the ARN is arn:<partition>:iam::aws:policy/<path><name>
    src = json.load(open(os.path.join(ref, "sam", "aws_managed_policies.json")))
    rows = {}
    for partition, names in src.items():
        prefix = f"arn:{partition}:iam::aws:policy/"
        for name, arn in names.items():
            assert arn.startswith(prefix) and arn.endswith(name), arn
            path = arn[len(prefix):-len(name)]
            rows.setdefault((name, path), []).append(partition)
    with open(os.path.join(here, "managed-policy-names.tsv"), "w") as f:
        f.write("# name\tpath\tpartitions (ARN = arn:PARTITION:iam::aws:policy/PATHNAME)\n")
        for (name, path), parts in sorted(rows.items()):
            f.write(f"{name}\t{path}\t{','.join(sorted(parts))}\n")


def iam_actions():
    # S<TAB>prefix<TAB>Service name         a service
    # A<TAB>prefix<TAB>Action<TAB>L<TAB>type,type   an action, its access level initial, resource types
    # R<TAB>prefix<TAB>type<TAB>arn pattern  a resource type and its ARN format
    base = os.path.join(ref, "iam-actions")
    names = json.load(open(os.path.join(base, "serviceNames.json")))
    levels = {"List": "L", "Read": "R", "Write": "W", "Permissions management": "P", "Tagging": "T"}
    lines = ["# IAM action catalog: S service, A action (access level L/R/W/P/T, resource types), R resource type ARN"]
    for prefix in sorted(json.load(open(os.path.join(base, "services.json")))):
        lines.append(f"S\t{prefix}\t{names.get(prefix, prefix)}")
        apath = os.path.join(base, "actions", prefix + ".json")
        if os.path.exists(apath):
            for key, a in sorted(json.load(open(apath)).items()):
                types = ",".join(r["name"] for r in a.get("resourceTypes", []) if r.get("name"))
                lines.append(f"A\t{prefix}\t{a['name']}\t{levels.get(a.get('accessLevel'), '?')}\t{types}")
        rpath = os.path.join(base, "resourceTypes", prefix + ".json")
        if os.path.exists(rpath):
            for key, r in sorted(json.load(open(rpath)).items()):
                lines.append(f"R\t{prefix}\t{r['key']}\t{r['arn']}")
    with open(os.path.join(here, "iam-actions.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


def managed_policy_documents():
    # The documents of AWS managed policies, laid out to be read one at a time (a command needs a few, never all):
    # managed-policy-index.tsv: name<TAB>arn<TAB>offset<TAB>length, sorted by name;
    # managed-policy-documents.bin: each compact policy document (JSON), raw-deflated on its own, at its offset.
    src = json.load(open(os.path.join(ref, "managed-policies", "aws-managed-policies.json")))
    write_managed_policy_documents([(name, src[name]["arn"], json.dumps(src[name]["document"], separators=(",", ":"), sort_keys=False)) for name in sorted(src)])


def write_managed_policy_documents(rows):
    import zlib
    index, blob = ["# AWS managed policies: name, ARN, offset and length of the raw-deflated document in managed-policy-documents.bin"], bytearray()
    for name, arn, doc in rows:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = c.compress(doc.encode("utf-8")) + c.flush()
        index.append(f"{name}\t{arn}\t{len(blob)}\t{len(packed)}")
        blob += packed
    with open(os.path.join(here, "managed-policy-index.tsv"), "w") as f:
        f.write("\n".join(index) + "\n")
    with open(os.path.join(here, "managed-policy-documents.bin"), "wb") as f:
        f.write(bytes(blob))


def connector_profiles():
    # {"Connections": {source: {destination: profile}}, "Endpoints": {type: {...}}}; profile kinds renamed to
    # what they generate, comments and the version dropped.
    src = json.load(open(os.path.join(ref, "sam", "connector_profiles.json")))
    kinds = {
        "AWS_IAM_ROLE_MANAGED_POLICY": "ManagedPolicy",
        "AWS_SQS_QUEUE_POLICY": "QueuePolicy",
        "AWS_SNS_TOPIC_POLICY": "TopicPolicy",
        "AWS_LAMBDA_PERMISSION": "LambdaPermission",
    }
    connections = {}
    for source, destinations in src["Permissions"].items():
        for destination, profile in destinations.items():
            props = profile["Properties"]
            out = {"Kind": kinds[profile["Type"]], "SourcePolicy": props["SourcePolicy"]}
            if "DependedBy" in props:
                out["DependedBy"] = props["DependedBy"]
            if "ValidAccessCategories" in props:
                out["ValidCombinations"] = props["ValidAccessCategories"]
            out["Categories"] = props["AccessCategories"]
            connections.setdefault(source, {})[destination] = out
    endpoints = {}
    for rtype, props in src["CfnResourceProperties"].items():
        endpoints[rtype] = {k: v for k, v in props.items() if k in ("Inputs", "Outputs")}
    with open(os.path.join(here, "connector-profiles.json"), "w") as f:
        json.dump({"Connections": connections, "Endpoints": endpoints}, f, indent=1)
        f.write("\n")


def translator_union_types():
    """(SAM type, property) -> JSON types the installed SAM translator's own property validator accepts, where it
    accepts more than one kind of value (a union such as one_of(IS_STR, IS_DICT)). Learned by handing each
    validator one sample value of each JSON type. Properties the translator passes through unchecked are left out
    (the published schema's type stands), and a boolean accepted only because Python's bool is an int is dropped."""
    try:
        import inspect
        import samtranslator.model.sam_resources as sam_resources
    except ImportError:
        sys.exit("regenerate.py needs the AWS SAM translator (pip install aws-sam-translator) to read its property types")
    samples = {"string": "s", "object": {"a": 1}, "array": ["s"], "integer": 1, "boolean": True, "number": 1.5}
    out = {}
    for _, cls in inspect.getmembers(sam_resources, inspect.isclass):
        resource_type = cls.__dict__.get("resource_type")
        if not isinstance(resource_type, str) or not resource_type.startswith("AWS::Serverless::"):
            continue
        for name, prop in getattr(cls, "property_types", {}).items():
            accepted = set()
            for kind, sample in samples.items():
                try:
                    if prop.validate(sample, should_raise=False):
                        accepted.add(kind)
                except Exception:
                    pass
            if "integer" in accepted and "number" not in accepted:
                accepted.discard("boolean")
            if 1 < len(accepted) < len(samples):
                out[(resource_type, name)] = accepted
    return out


def sam_resource_schema():
    # schemas/sam-resources.schema.json: the AWS::Serverless:: types, the property names of each, the JSON types a
    # property may have (only where SAM constrains it; any value may also be an intrinsic function), and the event
    # Types of Events. Nothing else: documentation text and nested shapes stay in SAM's own schema.
    src = json.load(open(os.path.join(ref, "sam", "sam.schema.json")))
    defs = src["definitions"]

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        return node

    def json_types(node):
        """The JSON types a schema node allows, or None when it allows anything."""
        node = resolve(node)
        if not isinstance(node, dict):
            return None
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            out = set()
            for b in branches:
                t = json_types(b)
                if t is None:
                    return None
                out |= t
            return out
        if "allOf" in node:
            for b in node["allOf"]:
                t = json_types(b)
                if t is not None:
                    return t
            return None
        t = node.get("type")
        if t is None:
            return None
        return set(t if isinstance(t, list) else [t])

    translator_types = translator_union_types()
    resources = {}
    for key in sorted(defs):
        if not (key.startswith("samtranslator__internal__schema_source__aws_serverless_") and key.endswith("__Resource")):
            continue
        resource = defs[key]
        type_name = resource["properties"]["Type"]["enum"][0]
        props_def = resolve(resource["properties"].get("Properties", {}))
        properties = {}
        for name in sorted(props_def.get("properties", {})):
            spec = props_def["properties"][name]
            entry = {}
            types = json_types(spec)
            # The published schema is narrower than the translator for some unions (EndpointConfiguration: REGIONAL
            # is accepted as a string): allow what either accepts.
            if types is not None and (type_name, name) in translator_types:
                types = types | translator_types[(type_name, name)]
            if types is not None:
                kinds = sorted(types) if len(types) > 1 else sorted(types)[0]
                if "object" in types:
                    entry["type"] = kinds
                else:
                    # A mapping is always possible: an intrinsic function resolved at deploy.
                    entry["anyOf"] = [{"type": kinds}, {"$ref": "#/$defs/intrinsic"}]
            if name == "Events":
                event_types = set()
                for branch in resolve(spec).get("additionalProperties", {}).get("anyOf", []):
                    t = resolve(branch).get("properties", {}).get("Type", {}).get("enum")
                    event_types |= set(t or [])
                entry = {"type": "object", "additionalProperties": {"$ref": f"#/$defs/events/{type_name.split('::')[-1]}"}}
                events_defs.setdefault(type_name.split("::")[-1], sorted(event_types))
            properties[name] = entry
        resources[type_name] = properties

    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:samperms:sam-resources:1",
        "title": "AWS::Serverless resources as SamPerms checks them",
        "description": "Generated by src/SamPerms/Data/regenerate.py from SAM's published schema. Each AWS::Serverless:: type lists the properties it accepts and, where SAM constrains them, the JSON types of their values; Events entries must have a Type the resource supports. Intrinsic functions are accepted wherever a value is.",
        "type": "object",
        "properties": {
            "Resources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/resource"}},
        },
        "$defs": {
            "intrinsic": {
                "description": "Ref, Condition or an Fn:: function: its value is known only at deploy.",
                "type": "object", "minProperties": 1, "maxProperties": 1,
                "propertyNames": {"pattern": "^(Ref|Condition|Fn::.+)$"},
            },
            "resource": {
                "type": "object",
                "allOf": [
                    {
                        "if": {"properties": {"Type": {"type": "string", "pattern": "^AWS::Serverless::"}}, "required": ["Type"]},
                        "then": {"properties": {"Type": {"enum": sorted(resources)}}},
                    }
                ] + [
                    {
                        "if": {"properties": {"Type": {"const": t}}, "required": ["Type"]},
                        "then": {"properties": {"Properties": {"$ref": f"#/$defs/properties/{t.split('::')[-1]}"}}},
                    }
                    for t in sorted(resources)
                ],
            },
            "properties": {
                t.split("::")[-1]: {"type": "object", "properties": props, "additionalProperties": False}
                for t, props in sorted(resources.items())
            },
            "events": {
                owner: {"type": "object", "properties": {"Type": {"enum": types}}, "required": ["Type"]}
                for owner, types in sorted(events_defs.items())
            },
        },
    }
    target = os.path.join(here, "..", "..", "..", "schemas", "sam-resources.schema.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


events_defs = {}


if __name__ == "__main__":
    policy_templates()
    managed_policy_names()
    iam_actions()
    managed_policy_documents()
    connector_profiles()
    sam_resource_schema()
