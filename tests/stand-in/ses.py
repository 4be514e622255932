#!/usr/bin/env python3
"""A stand-in for Amazon SES v2 on 127.0.0.1, for the client's end-to-end test.

It checks the SigV4 signature of every request with botocore's signer (an
implementation independent of sesv2_model's), then answers GetImportJob:

    ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10  200, a completed job
    throttled-twice                       429 TooManyRequestsException twice, then 200
    always-throttled                      429 TooManyRequestsException, always
    unavailable-once                      503, then 200
    dropped-once                          the connection closed without an answer, then 200
    slow                                  200 after 2 seconds
    anything else                         404 NotFoundException

A request whose signature does not verify gets 403 InvalidSignatureException.
`GET /__requests` returns what was received so far, as JSON: for each job id,
the `amz-sdk-request` header of each attempt, and every signature problem.

    python3 ses.py ACCESS_KEY_ID SECRET_ACCESS_KEY SESSION_TOKEN REGION

prints `listening PORT` once it accepts connections.
"""

import datetime
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, REGION = sys.argv[1:5]
SERVICE = "ses"
KNOWN_JOB = "ef0f4cb5-4f4a-4b3c-9a1d-5c0f1f7d2a10"
JOB_PATH = re.compile(r"^/v2/email/import-jobs/([^/?]+)$")
AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, "
    r"SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$"
)

lock = threading.Lock()
attempts = {}
problems = []


def signature_problem(handler, body):
    """None when the request's signature is the one botocore computes."""
    authorization = handler.headers.get("authorization", "")
    match = AUTHORIZATION.match(authorization)
    if not match:
        return f"malformed authorization header: {authorization!r}"
    key_id, day, region, service, signed_headers, signature = match.groups()
    if (key_id, region, service) != (ACCESS_KEY_ID, REGION, SERVICE):
        return f"wrong credential scope: {key_id}/{region}/{service}"
    stamp = handler.headers.get("x-amz-date", "")
    try:
        when = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return f"bad x-amz-date {stamp!r}"
    if when.strftime("%Y%m%d") != day:
        return "the credential scope's date is not x-amz-date's"
    if abs((datetime.datetime.utcnow() - when).total_seconds()) > 300:
        return "x-amz-date is more than 5 minutes away"
    names = signed_headers.split(";")
    for required in ("host", "x-amz-date", "x-amz-security-token"):
        if required not in names:
            return f"{required} is not signed"
    if handler.headers.get("x-amz-security-token") != SESSION_TOKEN:
        return "wrong session token"
    # botocore signs every header it is given: give it the signed ones.
    headers = {name: ", ".join(handler.headers.get_all(name)) for name in names if name != "x-amz-date"}
    request = AWSRequest(
        method=handler.command,
        url=f"http://{handler.headers['host']}{handler.path}",
        headers=headers,
        data=body,
    )
    signer = botocore.auth.SigV4Auth(Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN), SERVICE, REGION)
    with mock.patch("botocore.auth.get_current_datetime", return_value=when):
        signer.add_auth(request)
    expected = request.headers["Authorization"]
    if expected != authorization:
        return f"signature mismatch: botocore computes {expected!r}, the request has {authorization!r}"
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self, status, body, error_type=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.send_header("x-amzn-requestid", f"req-{time.monotonic_ns()}")
        if error_type:
            self.send_header("x-amzn-errortype", f"{error_type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path == "/__requests":
            with lock:
                return self.answer(200, {"attempts": attempts, "problems": problems})
        problem = signature_problem(self, body)
        if problem:
            with lock:
                problems.append(problem)
            return self.answer(403, {"message": problem}, "InvalidSignatureException")
        match = JOB_PATH.match(self.path)
        if not match:
            return self.answer(404, {"message": f"no route for {self.path}"}, "NotFoundException")
        job_id = match.group(1)
        with lock:
            seen = attempts.setdefault(job_id, [])
            seen.append(self.headers.get("amz-sdk-request", ""))
            count = len(seen)
        if job_id == "throttled-twice" and count <= 2 or job_id == "always-throttled":
            return self.answer(429, {"message": "Maximum sending rate exceeded."}, "TooManyRequestsException")
        if job_id == "unavailable-once" and count == 1:
            return self.answer(503, {"message": "Service unavailable."}, "ServiceUnavailable")
        if job_id == "dropped-once" and count == 1:
            # The server closes the connection when the handler returns.
            self.close_connection = True
            return
        if job_id == "slow":
            time.sleep(2)
        if job_id in (KNOWN_JOB, "throttled-twice", "unavailable-once", "dropped-once", "slow"):
            return self.answer(200, job(job_id))
        return self.answer(404, {"message": f"Job ID {job_id} does not exist."}, "NotFoundException")


def job(job_id):
    return {
        "JobId": job_id,
        "ImportDestination": {
            "ContactListDestination": {"ContactListName": "newsletter", "ContactListImportAction": "PUT"}
        },
        "ImportDataSource": {"S3Url": "s3://contacts/2023-11.csv", "DataFormat": "CSV"},
        "JobStatus": "COMPLETED",
        "CreatedTimestamp": 1700000000.123,
        "CompletedTimestamp": 1700000042.5,
        "ProcessedRecordsCount": 1200,
        "FailedRecordsCount": 3,
    }


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"listening {server.server_address[1]}", flush=True)
server.serve_forever()
