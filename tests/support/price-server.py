#!/usr/bin/env python3
"""price-server.py — a stand-in for the AWS Price List Bulk API, for tests.

Serves a folder laid out like the real endpoint (offers/v1.0/aws/index.json,
.../<Offer>/current/region_index.json, .../<Offer>/<version>/<region>/index.csv)
on 127.0.0.1 and a free port chosen by the kernel, which it writes to
--port-file once it is listening.  Files are read on every request, so a
test can change the tree between syncs.  Every response carries an ETag
(a hash of the file) and Last-Modified; a matching If-None-Match gets 304.

Misbehaviour on demand: --control names a JSON file, re-read on every
request, holding a list of rules
    {"path": "<substring of the URL path>", "action": "...", "times": N, ...}
The first rule whose path matches and whose `times` is not used up (absent:
forever) decides the response:
    "status"  reply with HTTP `code` (403, 404, 500, ...) and a small HTML page
    "drop"    send the headers (full Content-Length) and the first `bytes`
              bytes of the body (default: half), then cut the connection
    "stall"   like drop, but then go silent for `seconds` (default 30)
    "slow"    send the whole body in `chunk`-byte pieces, `delay` seconds apart
    "body"    reply 200 with `body` as the content, of type `type`
    "redirect" reply 302 to `to`
Counters reset when the control file changes.

Each request is appended to --log as one line: "GET <path> <status> inm=<If-None-Match or ->".
The server exits by itself after --timeout seconds, so a test that dies
without its trap cannot leave it running.

With --tls CERT KEY it speaks HTTPS instead (the TLS tests use a
self-signed certificate, which circuit must refuse).

usage: price-server.py --root DIR --port-file FILE [--control FILE] [--log FILE] [--timeout S]
                       [--tls CERT KEY]
"""
import argparse
import email.utils
import hashlib
import http.server
import json
import os
import socket
import ssl
import sys
import threading
import time
import urllib.parse

TYPES = {".json": "application/json", ".csv": "text/csv"}


class State:
    def __init__(self, args):
        self.root = os.path.realpath(args.root)
        self.control = args.control
        self.log = args.log
        self.lock = threading.Lock()
        self.rules_text = None
        self.rules = []
        self.used = []
        self.etags = {}

    def pick_rule(self, path):
        """The rule deciding this request, or None; counts it as used."""
        if not self.control:
            return None
        try:
            with open(self.control) as f:
                text = f.read()
        except OSError:
            return None
        with self.lock:
            if text != self.rules_text:
                self.rules_text = text
                try:
                    self.rules = json.loads(text) if text.strip() else []
                except ValueError as e:
                    sys.stderr.write(f"price-server: bad control file: {e}\n")
                    self.rules = []
                self.used = [0] * len(self.rules)
            for i, rule in enumerate(self.rules):
                if rule.get("path", "") not in path:
                    continue
                times = rule.get("times")
                if times is not None and self.used[i] >= times:
                    continue
                self.used[i] += 1
                return rule
        return None

    def etag(self, full):
        st = os.stat(full)
        key = (full, st.st_mtime_ns, st.st_size)
        with self.lock:
            tag = self.etags.get(key)
        if tag is None:
            h = hashlib.sha1()
            with open(full, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            tag = '"' + h.hexdigest() + '"'
            with self.lock:
                self.etags[key] = tag
        return tag, st

    def record(self, line):
        if not self.log:
            return
        with self.lock:
            with open(self.log, "a") as f:
                f.write(line + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "price-server"
    state = None  # set in main

    def log_message(self, fmt, *args):  # quiet: the log file says what happened
        pass

    def note(self, status):
        inm = self.headers.get("If-None-Match", "-")
        self.state.record(f"GET {urllib.parse.urlsplit(self.path).path} {status} inm={inm}")

    def local_file(self, path):
        rel = urllib.parse.unquote(path).lstrip("/")
        full = os.path.realpath(os.path.join(self.state.root, rel))
        if not full.startswith(self.state.root + os.sep) or not os.path.isfile(full):
            return None
        return full

    def simple(self, code, body, ctype="text/html", extra=None):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.note(code)

    def error_page(self, code):
        phrase = self.responses.get(code, ("Error",))[0]
        self.simple(code, f"<!DOCTYPE html><html><head><title>{code} {phrase}</title></head>"
                          f"<body><h1>{phrase}</h1></body></html>\n")

    def cut(self):
        self.wfile.flush()
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True

    def send_file(self, full, rule):
        tag, st = self.state.etag(full)
        if rule is None and self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            self.note(304)
            return
        size = st.st_size
        action = rule.get("action") if rule else None
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(os.path.splitext(full)[1], "application/octet-stream"))
        self.send_header("Content-Length", str(size))
        self.send_header("ETag", tag)
        self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
        self.end_headers()
        self.note(200 if action is None else f"200-{action}")
        with open(full, "rb") as f:
            if action in ("drop", "stall"):
                limit = int(rule.get("bytes", size // 2))
                self.wfile.write(f.read(limit))
                self.wfile.flush()
                if action == "stall":
                    time.sleep(float(rule.get("seconds", 30)))
                self.cut()
                return
            chunk = int(rule.get("chunk", 65536)) if action == "slow" else 1 << 20
            delay = float(rule.get("delay", 0.05)) if action == "slow" else 0
            for block in iter(lambda: f.read(chunk), b""):
                self.wfile.write(block)
                if delay:
                    self.wfile.flush()
                    time.sleep(delay)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        rule = self.state.pick_rule(path)
        action = rule.get("action") if rule else None
        try:
            if action == "status":
                self.error_page(int(rule.get("code", 500)))
                return
            if action == "body":
                self.simple(200, rule.get("body", ""), rule.get("type", "text/html"))
                return
            if action == "redirect":
                self.simple(302, "", extra={"Location": rule.get("to", "/")})
                return
            full = self.local_file(path)
            if full is None:
                self.error_page(404)
                return
            self.send_file(full, rule)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def main():
    ap = argparse.ArgumentParser(description="AWS price list stand-in for tests")
    ap.add_argument("--root", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--control")
    ap.add_argument("--log")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = ap.parse_args()

    Handler.state = State(args)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
        server.handle_error = lambda request, address: None  # refused handshakes are the point

    def expire():
        time.sleep(args.timeout)
        os._exit(3)

    threading.Thread(target=expire, daemon=True).start()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
