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
    # One line per AWS managed policy: name<TAB>arn<TAB>compact policy document (JSON), gzip-compressed.
    import gzip
    src = json.load(open(os.path.join(ref, "managed-policies", "aws-managed-policies.json")))
    rows = []
    for name in sorted(src):
        p = src[name]
        doc = json.dumps(p["document"], separators=(",", ":"), sort_keys=False)
        rows.append(f"{name}\t{p['arn']}\t{doc}")
    data = ("\n".join(rows) + "\n").encode("utf-8")
    with gzip.GzipFile(os.path.join(here, "managed-policy-documents.tsv.gz"), "wb", mtime=0) as f:
        f.write(data)
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


if __name__ == "__main__":
    policy_templates()
    managed_policy_names()
    iam_actions()
    managed_policy_documents()
    connector_profiles()
