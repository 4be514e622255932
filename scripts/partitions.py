#!/usr/bin/env python3
"""Builds sesv2-model/src/endpoint/partitions.json, the data behind the
endpoint rules' `aws.partition` function, from botocore's partitions.json
(../shared/aws-runtime/partitions.json beside the checkout by default).

Keeps only what the function reads: each partition's id, region regex and
outputs, and for each region the outputs that override its partition's
(descriptions are dropped). Output is compact with sorted keys, so the same
input always gives the same bytes; `--check` compares instead of writing.

Usage: scripts/partitions.py [--source PATH] [--check]
"""

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "aws-runtime" / "partitions.json"
TARGET = ROOT / "sesv2-model" / "src" / "endpoint" / "partitions.json"


def transform(source):
    """The kept subset of botocore's partitions document, in its order."""
    partitions = []
    for partition in source["partitions"]:
        regions = {}
        for name, region in partition["regions"].items():
            # A region's own outputs override its partition's; the
            # description is for people only.
            regions[name] = {key: value for key, value in region.items() if key != "description"}
        partitions.append(
            {
                "id": partition["id"],
                "outputs": partition["outputs"],
                "regionRegex": partition["regionRegex"],
                "regions": regions,
            }
        )
    return {"partitions": partitions}


def render(document):
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=pathlib.Path, default=DEFAULT_SOURCE)
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    with open(args.source, encoding="utf-8") as source:
        built = render(transform(json.load(source)))
    if args.check:
        if TARGET.read_text(encoding="utf-8") != built:
            print(f"{TARGET} is out of date; run scripts/partitions.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(built, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
