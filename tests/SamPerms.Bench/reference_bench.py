#!/usr/bin/env python3
"""Times the AWS SAM translator (when this machine has it: `pip install aws-sam-translator`) on the same
corpus and partitions as `make bench`, so that the ratio printed is measured here, not quoted.
Prints one line: `reference ms per template: X`, or says why it cannot."""
import glob, logging, os, sys, time

logging.disable(logging.WARNING)  # the translator logs metrics warnings per template

corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "sam-corpus")
try:
    from unittest.mock import MagicMock
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse
    import boto3  # noqa: F401  (the translator reads the region from a boto3 session)
except ImportError as e:
    print(f"reference: not installed here ({e.name}); skipped")
    sys.exit(0)

inputs = []
for path in sorted(glob.glob(os.path.join(corpus, "input", "*.yaml"))):
    with open(path) as f:
        inputs.append(f.read())
loader = MagicMock()
loader.load.return_value = {}
count, elapsed = 0, 0.0
for region in ("ap-southeast-1", "cn-north-1", "us-gov-west-1"):
    os.environ["AWS_DEFAULT_REGION"] = region
    for text in inputs:
        start = time.perf_counter()
        try:
            transform(yaml_parse(text), {"param1": "value1", "param2": "value2"}, loader)
        except Exception:
            pass
        elapsed += time.perf_counter() - start
        count += 1
print(f"reference ms per template: {1000 * elapsed / count:.3f}")
