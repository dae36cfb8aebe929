#!/usr/bin/env python3
"""forge-server.py — a fake GitHub / GitLab comment API on 127.0.0.1 for the
`circuit comment` tests.

It keeps one pull request's comments in memory (seeded from --state, written
back to --state after every change), checks every request the way the real
APIs would (method, path, auth header, Accept / API-version headers, JSON
body with a string "body"), and logs each one as a JSON line to --log:
    {"method", "path", "query", "auth_ok", "problems": [...], "status"}
A request that breaks a check gets 400 and its problems are logged, so a test
fails on any of them by looking for a non-empty "problems" list.

Misbehaviour comes from --control, a JSON list read on every request:
    [{"method": "POST", "path": "/comments$", "status": 503, "times": 2,
      "headers": {"Retry-After": "1"}, "body": {"message": "..."}}]
A rule whose method (optional) and path regex (optional) match answers with
its status instead, `times` times (default: always).  A rule with
"foreign_next": true makes the listing's next-page link point at another host.

    --kind github|gitlab --token T --page-size N --base-path /api/v3
"""
import argparse
import json
import os
import re
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()


def load(path, default):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # ---- helpers ----------------------------------------------------------
    def reply(self, status, obj=None, headers=None):
        data = b"" if obj is None else json.dumps(obj).encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if obj is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.logged["status"] = status
        with open(A.log, "a") as f:
            f.write(json.dumps(self.logged) + "\n")

    def control_rule(self, path):
        rules = load(A.control, [])
        for i, r in enumerate(rules):
            if r.get("method") and r["method"] != self.command:
                continue
            if r.get("path") and not re.search(r["path"], path):
                continue
            if "times" in r:
                if r["times"] <= 0:
                    continue
                r["times"] -= 1
                with open(A.control, "w") as f:
                    json.dump(rules, f)
            return r
        return None

    def handle_any(self):
        u = urllib.parse.urlsplit(self.path)
        path, query = u.path, urllib.parse.parse_qs(u.query)
        problems = []
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        self.logged = {"method": self.command, "path": path, "query": u.query, "problems": problems}
        if A.kind == "github":
            auth_ok = self.headers.get("Authorization") == "Bearer " + A.token
            if self.headers.get("Accept") != "application/vnd.github+json":
                problems.append("Accept is not application/vnd.github+json")
            if self.headers.get("X-GitHub-Api-Version") != "2022-11-28":
                problems.append("no X-GitHub-Api-Version")
            if self.headers.get("PRIVATE-TOKEN"):
                problems.append("PRIVATE-TOKEN sent to GitHub")
        else:
            auth_ok = self.headers.get("PRIVATE-TOKEN") == A.token
            if self.headers.get("Authorization"):
                problems.append("Authorization sent to GitLab")
        if not self.headers.get("User-Agent"):
            problems.append("no User-Agent")
        if A.token in self.path:
            problems.append("token in the URL")
        self.logged["auth_ok"] = auth_ok
        body = None
        if self.command in ("POST", "PATCH", "PUT"):
            if self.headers.get("Content-Type") != "application/json":
                problems.append("Content-Type is not application/json")
            try:
                body = json.loads(raw)
                if not isinstance(body, dict) or not isinstance(body.get("body"), str) or set(body) != {"body"}:
                    problems.append("body is not {\"body\": string}")
            except ValueError:
                problems.append("body is not JSON")
        elif raw:
            problems.append("a body on " + self.command)
        with LOCK:
            rule = self.control_rule(path)
        if rule and "status" in rule:
            return self.reply(rule["status"], rule.get("body", {"message": "misbehaving on purpose"}),
                              rule.get("headers"))
        if not auth_ok:
            return self.reply(401, {"message": "Bad credentials"})
        if problems:
            return self.reply(400, {"message": "; ".join(problems)})
        with LOCK:
            return self.route(path, query, body, rule or {})

    # ---- the API ------------------------------------------------------------
    def route(self, path, query, body, rule):
        st = load(A.state, {})
        base = A.base_path
        if not path.startswith(base):
            return self.reply(404, {"message": "Not Found"})
        p = path[len(base):]
        if A.kind == "github":
            coll = "/repos/%s/issues/%d/comments" % (st["repo"], st["number"])
            m_item = re.fullmatch(r"/repos/%s/issues/comments/(\d+)" % re.escape(st["repo"]), p)
        else:
            proj = urllib.parse.quote(st["repo"], safe="")
            coll = "/projects/%s/merge_requests/%d/notes" % (proj, st["number"])
            m_item = re.fullmatch(re.escape(coll) + r"/(\d+)", p)
        comments = st.setdefault("comments", [])
        if p == coll and self.command == "GET":
            if A.kind == "github" and query.get("per_page") != ["100"]:
                self.logged["problems"].append("per_page is not 100")
            size = A.page_size
            page = int(query.get("page", ["1"])[0])
            chunk = comments[(page - 1) * size:page * size]
            more = page * size < len(comments)
            headers = {}
            if more:
                host = "http://example.invalid" if rule.get("foreign_next") else "http://127.0.0.1:%d" % A.port
                if A.kind == "github":
                    nxt = "%s%s%s?per_page=100&page=%d" % (host, base, coll, page + 1)
                    headers["Link"] = '<%s>; rel="next", <%s>; rel="last"' % (nxt, nxt)
                else:
                    headers["X-Next-Page"] = str(page + 1)
            elif A.kind == "gitlab":
                headers["X-Next-Page"] = ""
            return self.reply(200, chunk, headers)
        if p == coll and self.command == "POST":
            st["next_id"] = st.get("next_id", 1000) + 1
            c = {"id": st["next_id"], "body": body["body"]}
            if A.kind == "github":
                c["html_url"] = "https://github.example/%s/pull/%d#issuecomment-%d" % (st["repo"], st["number"], c["id"])
            comments.append(c)
            self.save(st)
            return self.reply(201, c)
        if m_item:
            cid = int(m_item.group(1))
            found = [c for c in comments if c["id"] == cid]
            if not found:
                return self.reply(404, {"message": "Not Found"})
            want = "PATCH" if A.kind == "github" else "PUT"
            if self.command == want:
                found[0]["body"] = body["body"]
                self.save(st)
                return self.reply(200, found[0])
            if self.command == "DELETE":
                st["comments"] = [c for c in comments if c["id"] != cid]
                self.save(st)
                return self.reply(204)
            return self.reply(405, {"message": "method not allowed"})
        return self.reply(404, {"message": "Not Found"})

    def save(self, st):
        tmp = A.state + ".tmp"
        with open(tmp, "w") as f:
            json.dump(st, f, indent=1)
        os.replace(tmp, A.state)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any


def main():
    global A
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", choices=["github", "gitlab"], required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--state", required=True)
    ap.add_argument("--control", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--page-size", type=int, default=30)
    ap.add_argument("--base-path", default="")
    ap.add_argument("--timeout", type=float, default=120)
    A = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    A.port = srv.server_address[1]
    with open(A.port_file + ".tmp", "w") as f:
        f.write(str(A.port))
    os.replace(A.port_file + ".tmp", A.port_file)
    threading.Timer(A.timeout, srv.shutdown).start()
    srv.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
