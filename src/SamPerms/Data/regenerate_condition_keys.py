#!/usr/bin/env python3
"""Derives iam-condition-keys.tsv: the IAM condition keys SamPerms knows, with the type of their values.

Run from the repository root:  python3 src/SamPerms/Data/regenerate_condition_keys.py [path/to/reference-data]
The output is committed; the build and the tests never need the reference data.

Two kinds of lines (tab-separated):
  G <key> <type>             a global condition key (aws:...), from the IAM User Guide's page
                             "AWS global condition context keys" (the list below, written from that page)
  K <service> <key> <type>   a key the Service Authorization Reference lists for a service
                             (../shared/reference-data/iam-actions/conditionKeys)
Types: S String, A ARN, N Numeric, D Date, B Bool, I IPAddress, Y Binary; a trailing L marks a list
(ArrayOfString, ...); ? when the documentation gives more than one type (the key takes either).
Placeholders in key names (${TagKey}, <key>, /tag-key) are kept as written; SamPerms reads each as "any text".
"""
import json, os, sys

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "reference-data")
here = os.path.dirname(os.path.abspath(__file__))

# The global keys and the data type the IAM User Guide gives for each ("Data type - String", "ARN", ...).
# aws:EpochTime works with date and numeric operators, hence '?'. Keys whose page gives no type are '?'.
GLOBAL_KEYS = {
    # properties of the principal
    "aws:PrincipalArn": "A", "aws:PrincipalAccount": "S", "aws:PrincipalOrgPaths": "SL", "aws:PrincipalOrgID": "S",
    "aws:PrincipalTag/${TagKey}": "S", "aws:PrincipalIsAWSService": "B", "aws:PrincipalServiceName": "S",
    "aws:PrincipalServiceNamesList": "SL", "aws:PrincipalType": "S", "aws:userid": "S", "aws:username": "S",
    # properties of a role session
    "aws:AssumedRoot": "?", "aws:FederatedProvider": "S", "aws:TokenIssueTime": "D", "aws:SignInSessionArn": "A",
    "aws:MultiFactorAuthAge": "N", "aws:MultiFactorAuthPresent": "B", "aws:ChatbotSourceArn": "A",
    "aws:Ec2InstanceSourceVpc": "S", "aws:Ec2InstanceSourcePrivateIPv4": "I", "aws:SourceIdentity": "S",
    # properties of the network
    "aws:SourceIp": "I", "aws:SourceVpc": "S", "aws:SourceVpcArn": "A", "aws:SourceVpce": "S", "aws:VpceAccount": "S",
    "aws:VpceOrgID": "S", "aws:VpceOrgPaths": "SL", "aws:VpcSourceIp": "I",
    # properties of the resource
    "aws:ResourceAccount": "S", "aws:ResourceOrgID": "S", "aws:ResourceOrgPaths": "SL", "aws:ResourceTag/${TagKey}": "S",
    # properties of the request
    "aws:CalledVia": "SL", "aws:CalledViaFirst": "S", "aws:CalledViaLast": "S", "aws:CalledViaAWSMCP": "?",
    "aws:ViaAWSService": "B", "aws:ViaAWSMCPService": "?", "aws:CurrentTime": "D", "aws:EpochTime": "?",
    "aws:referer": "S", "aws:RequestedRegion": "S", "aws:RequestTag/${TagKey}": "S", "aws:TagKeys": "SL",
    "aws:SecureTransport": "B", "aws:SourceAccount": "S", "aws:SourceArn": "A", "aws:SourceOrgID": "S",
    "aws:SourceOrgPaths": "SL", "aws:UserAgent": "S", "aws:IsMcpServiceAction": "?",
    # older keys IAM still evaluates, no longer on that page: aws:SourceOwner (the Amazon SNS and Amazon SES guides'
    # topic and identity policies) and aws:PrincipalOrgMasterAccountId (used by AWS managed policies)
    "aws:SourceOwner": "S", "aws:PrincipalOrgMasterAccountId": "S",
}

TYPES = {"String": "S", "ARN": "A", "Numeric": "N", "Date": "D", "Bool": "B", "IPAddress": "I", "Binary": "Y"}


def code(kind):
    if kind.startswith("ArrayOf"):
        return TYPES.get(kind[len("ArrayOf"):], "?") + "L" if kind[len("ArrayOf"):] in TYPES else "?"
    return TYPES.get(kind, "?")


def main():
    lines = ["# IAM condition keys: G global key type, K service key type (S String, A ARN, N Numeric, D Date, B Bool, I IPAddress, Y Binary, L list, ? either)"]
    for key in sorted(GLOBAL_KEYS, key=str.lower):
        lines.append(f"G\t{key}\t{GLOBAL_KEYS[key]}")
    base = os.path.join(ref, "iam-actions", "conditionKeys")
    for name in sorted(os.listdir(base)):
        service = name[:-len(".json")]
        keys = json.load(open(os.path.join(base, name)))
        for _, k in sorted(keys.items()):
            lines.append(f"K\t{service}\t{k['key']}\t{code(k['type'])}")
    with open(os.path.join(here, "iam-condition-keys.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
