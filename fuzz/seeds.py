#!/usr/bin/env python3
"""Writes the fuzzers' starting corpora (not committed: they hold Amazon's text).

engine: the project's own models whole, the official models beside the
checkout (../shared/models/aws) whole, and each official operation's closure
as a small model of its own, which libFuzzer mutates far faster; IDL files:
the project's own and Smithy's loader suite (../shared/smithy/idl-conformance).
wire: GetImportJob response bodies, full, minimal and with unknown values.
response: those bodies as 200 responses, error responses, and GetObject
responses with headers, prefix headers and a payload.
"""
import json
import pathlib
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
OFFICIAL = ROOT.parent / "shared" / "models" / "aws"
IDL_SUITE = ROOT.parent / "shared" / "smithy" / "idl-conformance"


def targets(value):
    """Every shape id a node refers to: member targets, bindings, mixins."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "target" and isinstance(item, str):
                yield item
            elif key != "traits":
                yield from targets(item)
    elif isinstance(value, list):
        for item in value:
            yield from targets(item)


def closure(shapes, root):
    seen, pending = {}, [root]
    while pending:
        shape_id = pending.pop()
        if shape_id in seen or shape_id not in shapes:
            continue
        seen[shape_id] = shapes[shape_id]
        pending.extend(targets(shapes[shape_id]))
    return seen


def main():
    engine = FUZZ / "corpus" / "engine"
    wire = FUZZ / "corpus" / "wire"
    engine.mkdir(parents=True, exist_ok=True)
    wire.mkdir(parents=True, exist_ok=True)

    own = [ROOT / "models" / "sesv2.json", *sorted((ROOT / "tests" / "models").rglob("*.json"))]
    for path in own:
        (engine / f"own-{path.stem}.json").write_bytes(path.read_bytes())

    idl = [*sorted((ROOT / "tests" / "models").rglob("*.smithy")), *sorted(IDL_SUITE.rglob("*.smithy"))]
    for index, path in enumerate(idl):
        (engine / f"idl-{index}-{path.stem}.smithy").write_bytes(path.read_bytes())

    official = sorted(OFFICIAL.glob("*.json"))
    if not official:
        print(f"seeds.py: no official models in {OFFICIAL}; seeding from the project's own", file=sys.stderr)
    for path in official:
        model = json.loads(path.read_bytes())
        shapes = model["shapes"]
        operations = [i for i, s in shapes.items() if s.get("type") == "operation"]
        for shape_id in operations[:: max(1, len(operations) // 25)]:
            small = {"smithy": "2.0", "shapes": closure(shapes, shape_id)}
            name = shape_id.split("#")[1]
            (engine / f"aws-{path.stem}-{name}.json").write_text(json.dumps(small))

    bodies = {
        "full": {
            "JobId": "ef28cf62-9d8e-4b60-9283-b09816c99a99",
            "ImportDestination": {"ContactListDestination": {"ContactListName": "newsletter", "ContactListImportAction": "PUT"}},
            "ImportDataSource": {"S3Url": "s3://bucket/contacts.csv", "DataFormat": "CSV"},
            "FailureInfo": {"FailedRecordsS3Url": "s3://bucket/failed.csv", "ErrorMessage": "2 bad rows"},
            "JobStatus": "COMPLETED",
            "CreatedTimestamp": 1700000000.123,
            "CompletedTimestamp": 1700000100,
            "ProcessedRecordsCount": 10,
            "FailedRecordsCount": 2,
        },
        "minimal": {"JobId": "j"},
        "unknown": {
            "JobStatus": "PAUSED",
            "ImportDestination": {"SuppressionListDestination": {"SuppressionListImportAction": "MERGE"}},
            "ImportDataSource": {"S3Url": "s3://b/k", "DataFormat": "PARQUET"},
            "NewMember": {"nested": [1, 2.5, None]},
        },
    }
    for name, body in bodies.items():
        (wire / f"{name}.json").write_text(json.dumps(body))

    # status (2 bytes, big-endian, taken modulo 500 above 100) | header lines | blank line | body
    response = FUZZ / "corpus" / "response"
    response.mkdir(parents=True, exist_ok=True)
    def write(name, status, headers, body):
        head = "".join(f"{key}: {value}\n" for key, value in headers)
        (response / name).write_bytes((status - 100).to_bytes(2, "big") + f"{head}\n".encode() + body)
    for name, body in bodies.items():
        write(f"ok-{name}", 200, [("Content-Type", "application/json")], json.dumps(body).encode())
    write("not-found", 404, [("x-amzn-ErrorType", "NotFoundException:http://internal/")], b'{"message":"gone"}')
    write("typed", 429, [], b'{"__type":"com.amazonaws.sesv2#TooManyRequestsException"}')
    write("object", 206, [("Content-Length", "5"), ("x-amz-meta-color", "red")], b"bytes")


if __name__ == "__main__":
    main()
