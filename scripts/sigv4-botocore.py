#!/usr/bin/env python3
"""Compare sesv2_model::sigv4 with botocore's SigV4 signer on random requests.

Generates requests from a seeded PRNG (methods, paths with reserved, escaped
and non-ASCII characters, dot segments and repeated slashes, query
parameters with duplicates and odd characters, headers with extra spaces,
duplicate names and headers that are never signed, random bodies, session
tokens or not, S3's rules or the default ones), signs each with botocore in
headers and presigned in the query, and writes the requests and botocore's
canonical requests and signatures to a JSON file. Then it runs the Rust test
`tests/tests/sigv4_botocore.rs`, which signs the same requests with
sesv2_model::sigv4 and asserts the same canonical requests and signatures.

    pip install botocore
    python3 scripts/sigv4-botocore.py [--cases 400] [--seed 20150830]

Exits non-zero when any case differs. Known, deliberate difference not
generated here: botocore collapses tabs in header values, sesv2_model (like
the AWS SDKs for Go and Rust, and S3) only spaces.
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
from unittest import mock
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
# Characters a URI path may hold as they are, besides unreserved ones.
PATH_RAW = "!$&'()*+,;=:@"
ODD = " +=&%/?#!$'()*,;:@[]\"<>^`{|}\\"
UNICODE = "éßሴ😀中"
HEADER_NAMES = [
    "Content-Type", "X-Amz-Meta-Color", "x-amz-meta-COLOR", "My-Header", "my-header",
    "Accept", "X-Custom", "User-Agent", "X-Amzn-Trace-Id", "Expect", "Connection",
    "Content-Length", "X-Amz-Target", "Cache-Control",
]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"]


def random_text(rng, alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def escape(rng, char):
    """char percent-encoded as UTF-8, hex digits in either case."""
    text = "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return text.lower() if rng.random() < 0.3 else text


def random_path(rng, s3):
    if s3:
        # What botocore and S3 expect: the key encoded once, `/` kept.
        key = random_text(rng, UNRESERVED + ODD + UNICODE, 1, 20)
        return "/bucket/" + quote(key, safe="/~")
    segments = []
    for _ in range(rng.randint(0, 6)):
        kind = rng.random()
        if kind < 0.15:
            segments.append(rng.choice([".", "..", ""]))
            continue
        segment = ""
        for _ in range(rng.randint(1, 8)):
            choice = rng.random()
            if choice < 0.6:
                segment += rng.choice(UNRESERVED)
            elif choice < 0.75:
                segment += rng.choice(PATH_RAW)
            elif choice < 0.9:
                segment += escape(rng, rng.choice(ODD + UNICODE + UNRESERVED))
            else:
                segment += rng.choice(UNICODE)
        segments.append(segment)
    path = "/" + "/".join(segments)
    if rng.random() < 0.2:
        path += "/"
    return path


def encode_query_component(rng, text, is_key):
    """text as a URI query may carry it, chosen at random among the ways."""
    out = ""
    for char in text:
        if char == " ":
            out += "+" if rng.random() < 0.5 else "%20"
        elif char in UNRESERVED:
            out += escape(rng, char) if rng.random() < 0.1 else char
        elif char in "!$'()*,;:@/?" or (char == "=" and not is_key):
            out += char if rng.random() < 0.5 else escape(rng, char)
        elif char in UNICODE:
            out += char if rng.random() < 0.3 else escape(rng, char)
        else:
            out += escape(rng, char)
    return out


def random_query(rng):
    params = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 8])):
        if params and rng.random() < 0.25:
            key = rng.choice(params)[0]
        else:
            key = random_text(rng, UNRESERVED + ODD + UNICODE, 0, 6) or "k"
        value = random_text(rng, UNRESERVED + ODD + UNICODE, 0, 8)
        params.append((key, value))
    pieces = []
    for key, value in params:
        encoded_key = encode_query_component(rng, key, True)
        if value == "" and rng.random() < 0.5:
            pieces.append(encoded_key)
        else:
            pieces.append(f"{encoded_key}={encode_query_component(rng, value, False)}")
    return params, "&".join(pieces)


def random_header_value(rng):
    words = [random_text(rng, UNRESERVED + "!\"#$%&'()*+,/:;<=>?@[]^`{|}", 1, 6) for _ in range(rng.randint(1, 4))]
    value = ""
    for word in words:
        value += " " * rng.choice([0, 1, 1, 2, 3]) if value else ""
        value += word
    return " " * rng.choice([0, 0, 1, 3]) + value + " " * rng.choice([0, 0, 1, 2])


def random_case(rng, index):
    s3 = rng.random() < 0.2
    host = rng.choice(["example.amazonaws.com", "Bucket.S3.us-west-2.amazonaws.com", "localhost"])
    port = rng.choice(["", "", ":443", ":8443"])
    scheme = "https"
    path = random_path(rng, s3)
    params, query = random_query(rng)
    body = bytes(rng.randrange(256) for _ in range(rng.choice([0, 0, 1, 13, 64, 200])))
    headers = []
    for _ in range(rng.randint(0, 5)):
        name = rng.choice(HEADER_NAMES)
        headers.append((name, random_header_value(rng)))
    if rng.random() < 0.2:
        headers.append(("Host", f"{host.lower()}{port}"))
    token = None
    if rng.random() < 0.4:
        token = random_text(rng, UNRESERVED + "+/=", 20, 60)
    return {
        "index": index,
        "s3": s3,
        "method": rng.choice(METHODS),
        "uri": f"{scheme}://{host}{port}{path}" + (f"?{query}" if query else ""),
        "base_url": f"{scheme}://{host}{port}{path}",
        "params": params,
        "headers": headers,
        "body_hex": body.hex(),
        "token": token,
        "time": rng.randrange(946684800, 4102444800),
        "region": rng.choice(["us-east-1", "eu-west-3", "ap-southeast-2"]),
        "service": "s3" if s3 else rng.choice(["ses", "execute-api", "service"]),
        "expires": rng.randint(1, 604800),
    }


def botocore_request(case):
    request = AWSRequest(
        method=case["method"],
        url=case["base_url"],
        headers=None,
        data=bytes.fromhex(case["body_hex"]),
        params=[tuple(pair) for pair in case["params"]],
    )
    for name, value in case["headers"]:
        request.headers[name] = value
    request.context["payload_signing_enabled"] = True
    return request


def sign_with_botocore(case):
    """botocore's canonical request and signature, in headers and in the query."""
    credentials = Credentials("AKIDEXAMPLE", SECRET, case["token"])
    signer_class = botocore.auth.S3SigV4Auth if case["s3"] else botocore.auth.SigV4Auth
    now = datetime.datetime.fromtimestamp(case["time"], datetime.timezone.utc).replace(tzinfo=None)
    with mock.patch("botocore.auth.get_current_datetime", return_value=now):
        signer = signer_class(credentials, case["service"], case["region"])
        request = botocore_request(case)
        signer.add_auth(request)
        authorization = request.headers["Authorization"]
        # As it was when signed: botocore signs before it adds this header.
        del request.headers["Authorization"]
        header_canonical = signer.canonical_request(request)

    # The presigned form, from botocore's canonicalization with the X-Amz-*
    # parameters among the query's (its SigV4QueryAuth keeps one value per
    # parameter name, so duplicates would not survive it).
    timestamp = now.strftime("%Y%m%dT%H%M%SZ")
    signer = signer_class(credentials, case["service"], case["region"])
    request = botocore_request(case)
    request.context["timestamp"] = timestamp
    signed_headers = signer.signed_headers(signer.headers_to_sign(request))
    auth_params = [
        ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
        ("X-Amz-Credential", signer.scope(request)),
        ("X-Amz-Date", timestamp),
        ("X-Amz-Expires", str(case["expires"])),
        ("X-Amz-SignedHeaders", signed_headers),
    ]
    if case["token"] is not None:
        auth_params.append(("X-Amz-Security-Token", case["token"]))
    request.params = list(request.params) + auth_params
    query_canonical = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, query_canonical)
    query_signature = signer.signature(string_to_sign, request)
    return {
        "header_canonical_request": header_canonical,
        "authorization": authorization,
        "query_canonical_request": query_canonical,
        "query_signature": query_signature,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20150830)
    parser.add_argument("--keep", help="write the cases to this file and keep it")
    parser.add_argument("--write", help="only write the cases to this file (the Rust test's way in)")
    arguments = parser.parse_args()

    rng = random.Random(arguments.seed)
    cases = []
    for index in range(arguments.cases):
        case = random_case(rng, index)
        case["expected"] = sign_with_botocore(case)
        cases.append(case)

    workspace = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if arguments.write:
        with open(arguments.write, "w", encoding="utf-8") as file:
            json.dump({"secret": SECRET, "cases": cases}, file, ensure_ascii=False)
        return 0
    if arguments.keep:
        path = arguments.keep
    else:
        handle, path = tempfile.mkstemp(suffix=".json", prefix="sigv4-botocore-")
        os.close(handle)
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"secret": SECRET, "cases": cases}, file, ensure_ascii=False)
    print(f"{len(cases)} cases (seed {arguments.seed}) signed by botocore in {path}", flush=True)

    environment = dict(os.environ, SIGV4_BOTOCORE_CASES=path)
    command = ["cargo", "test", "-p", "sesv2-model-tests", "--test", "sigv4_botocore", "--", "--nocapture"]
    result = subprocess.run(command, cwd=workspace, env=environment)
    if not arguments.keep:
        os.unlink(path)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
