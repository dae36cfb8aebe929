#!/usr/bin/env python3
"""check_html.py — circuit's HTML reports as a browser shows them.

For each page it starts Debian's headless Chromium (fresh profile, no network
features) and checks what a person would see:

  * `chromium --dump-dom --screenshot --window-size=1280,1600`: a laptop
    screenshot, and the DOM Chromium built holds the charts with the expected
    bars and labels, worked out independently from the JSON output of the
    same run (change by resource: the 15 largest changes and "other"; by
    service: the bars add up to the JSON totals; findings: one segment per
    area and severity, adding up to the findings); the review's sections are
    the seed's, in order, the verdict last.  No <script>, a CSP that forbids
    scripts, nothing fetched from outside the file.
  * Over the DevTools protocol (--remote-debugging-pipe, so no port and no
    extra package): the page at phone (390 px) and laptop (1280 px) widths, in
    light and dark colour schemes, and in print media: no text overflows its
    box or the window, no chart text leaves its chart or overlaps another
    text or a bar, dark mode really is dark.  Screenshots of each go to
    --shots, and the time from navigation to a painted page is printed (it
    is a figure to read, not a pass/fail check: the machine may be loaded).

The product pages carry no script; the checks run as DevTools evaluations.

usage: check_html.py --chromium BIN --shots DIR
                     --page cost:PAGE.html:COST.json
                     --page review:PAGE.html:REVIEW.json:COST.json ...
Prints one line per check and "N passed, N failed" last; exits 1 on failure.
"""
import argparse
import base64
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--hide-scrollbars", "--mute-audio"]

TOP_CHANGES = 15
WIDTHS = {"phone": 390, "laptop": 1280}


# ---- Chromium from the command line --------------------------------------------

def run_chromium(binary, args, timeout=120):
    profile = tempfile.mkdtemp(prefix="circuit-chromium-")
    try:
        return subprocess.run([binary, *FLAGS, "--user-data-dir=" + profile, *args],
                              capture_output=True, timeout=timeout, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def dump_dom_and_screenshot(binary, url, width, height, out):
    """One command-line run: the DOM Chromium built (--dump-dom) and a
    screenshot of the window (--screenshot, --window-size)."""
    p = run_chromium(binary, ["--dump-dom", "--screenshot=" + out, "--window-size=%d,%d" % (width, height), url])
    if p.returncode != 0 or not p.stdout:
        raise RuntimeError("--dump-dom failed (exit %d): %s" % (p.returncode, p.stderr.decode()[-300:]))
    if not os.path.exists(out):
        raise RuntimeError("--screenshot wrote nothing: %s" % p.stderr.decode()[-300:])
    return p.stdout.decode("utf-8")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise RuntimeError("%s is not a PNG" % path)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


# ---- Chromium over the DevTools protocol ------------------------------------------

class Browser:
    """One headless Chromium spoken to over --remote-debugging-pipe: requests
    go out on its fd 3 and answers come back on its fd 4, NUL-separated JSON."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="circuit-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, "--user-data-dir=" + self.profile, "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4, to_child_r, from_child_w), preexec_fn=fds,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.send("Browser.getVersion", timeout=60)
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.page("Page.enable")
        self.page("Runtime.enable")

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            import select
            ready, _, _ = select.select([self.from_child], [], [], 1.0)
            if ready:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def page(self, method, params=None, timeout=60):
        return self.send(method, params, self.session, timeout)

    def wait_event(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == self.session:
                    del self.events[i]
                    return e
            self.events.append(self._read(deadline))

    def evaluate(self, expr, timeout=60):
        r = self.page("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True},
                      timeout)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluation failed: %s" % r["exceptionDetails"].get("text"))
        return r["result"].get("value")

    def load(self, url, width, scheme, media=""):
        self.page("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
        self.page("Emulation.setEmulatedMedia",
                  {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.events.clear()
        start = time.monotonic()
        self.page("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", timeout=120)
        # Layout and two animation frames: the page is laid out and painted.
        self.evaluate("new Promise(r => { document.documentElement.getBoundingClientRect(); "
                      "requestAnimationFrame(() => requestAnimationFrame(r)); })")
        return (time.monotonic() - start) * 1000.0

    def screenshot(self, out, full=True, max_height=6000):
        params = {"format": "png"}
        if full:
            h = min(self.evaluate("document.documentElement.scrollHeight"), max_height)
            w = self.evaluate("document.documentElement.clientWidth")
            params.update({"captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
        data = self.page("Page.captureScreenshot", params, timeout=120)["data"]
        with open(out, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def cpu_ms(root):
    """CPU time (user + system) of process `root` and its descendants, in
    ms: Chromium's work on a page, whatever else the machine is doing."""
    children, ticks = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid) as f:
                st = f.read()
        except OSError:
            continue
        fields = st[st.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(pid))
        ticks[int(pid)] = int(fields[11]) + int(fields[12])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += ticks.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total * 1000.0 / os.sysconf("SC_CLK_TCK")


# In the page: every text that leaves its box, the window or its chart, and
# chart texts that overlap another text or a bar.  Returns a list of lines.
OVERFLOW_JS = r"""
(() => {
  const out = [];
  const W = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const where = el => { const p = []; for (let e = el; e && e !== document.body && p.length < 4; e = e.parentElement) p.unshift(name(e)); return p.join(' > '); };
  const said = s => JSON.stringify(s.trim().slice(0, 60));
  if (document.documentElement.scrollWidth > W + 1)
    out.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${W}px window`);
  const seen = new Map();
  const hidden = el => { if (!el) return false; if (seen.has(el)) return seen.get(el);
      const cs = getComputedStyle(el);
      const h = cs.clipPath !== 'none' || cs.display === 'none' || cs.visibility === 'hidden' || hidden(el.parentElement);
      seen.set(el, h); return h; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let n, texts = 0;
  while ((n = walker.nextNode())) {
    if (!n.data.trim()) continue;
    const el = n.parentElement;
    if (el.closest('svg')) continue;
    range.selectNodeContents(n);
    const t = range.getBoundingClientRect();
    if (!t.width || !t.height || hidden(el)) continue;
    texts++;
    let box = el;
    while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    const b = box.getBoundingClientRect();
    if (t.right > b.right + 1 || t.left < b.left - 1)
      out.push(`text ${said(n.data)} (${Math.round(t.left)}..${Math.round(t.right)}) leaves its box ${where(box)} (${Math.round(b.left)}..${Math.round(b.right)})`);
    else if (t.right > W + 1 || t.left < -1)
      out.push(`text ${said(n.data)} leaves the ${W}px window`);
  }
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const s = svg.getBoundingClientRect();
    const id = svg.closest('figure') ? svg.closest('figure').id : '?';
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (!r.width) continue;   /* not shown at this width */
      if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1)
        out.push(`chart ${id}: text ${said(t.textContent)} (${Math.round(r.left)}..${Math.round(r.right)}) leaves the chart (${Math.round(s.left)}..${Math.round(s.right)})`);
    }
    for (const g of svg.querySelectorAll('g.row')) {
      const items = [...g.querySelectorAll('text, rect')].map(e => [e, e.getBoundingClientRect()])
          .filter(([e, r]) => r.width > 0 && r.height > 0);
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++) {
          const [a, ra] = items[i], [b, rb] = items[j];
          if (a.tagName !== 'text' && b.tagName !== 'text') continue;
          if (overlap(ra, rb))
            out.push(`chart ${id}: ${a.tagName} ${said(a.textContent || a.getAttribute('class'))} overlaps ${b.tagName} ${said(b.textContent || b.getAttribute('class'))}`);
        }
    }
  }
  return {problems: out, texts: texts};
})()
"""

COLORS_JS = r"""
(() => {
  const lum = c => { const m = c.match(/[\d.]+/g).map(Number);
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]); };
  const cs = getComputedStyle(document.body);
  const bg = lum(cs.backgroundColor), fg = lum(cs.color);
  return {bg: bg, fg: fg, contrast: (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05)};
})()
"""


# ---- the DOM Chromium built ------------------------------------------------------

class Dom(html.parser.HTMLParser):
    """Charts (bars, unknown marks, table rows), scripts, CSP and what the
    page would fetch, from --dump-dom's output."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.charts = {}
        self.order = []
        self.figure = None
        self.scripts = 0
        self.csp = None
        self.fetches = []
        self.cell = None
        self.row = None
        self.in_table = False
        self.headings = []
        self.heading = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content")
        for k in ("src", "href", "action", "poster", "data"):
            v = a.get(k)
            if v and not v.startswith("#"):
                self.fetches.append("%s %s=%s" % (tag, k, v))
        if tag == "link":
            self.fetches.append("link %s" % a.get("href"))
        if tag == "figure" and "data-chart" in a:
            self.figure = {"bars": [], "unknown": [], "rows": []}
            self.charts[a["data-chart"]] = self.figure
            self.order.append(a["data-chart"])
        if self.figure is None:
            if tag in ("h1", "h2", "h3"):
                self.heading = [tag, ""]
            return
        cls = (a.get("class") or "").split()
        if tag == "rect" and "bar" in cls:
            self.figure["bars"].append({"label": a.get("data-label"), "series": a.get("data-series"),
                                        "value": float(a.get("data-value")), "class": cls})
        elif tag == "rect" and "unk-box" in cls:
            self.figure["unknown"].append(a.get("data-series"))
        elif tag == "table":
            self.in_table = True
        elif tag == "tr" and self.in_table:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.figure["rows"].append(self.row)
            self.row = None
        elif tag == "table":
            self.in_table = False
        elif tag == "figure":
            self.figure = None
        elif self.heading and tag == self.heading[0]:
            self.headings.append(self.heading[1].strip())
            self.heading = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.heading is not None:
            self.heading[1] += data


# ---- what the JSON says the charts must show -----------------------------------

def money(v):
    return round(v + (1e-9 if v >= 0 else -1e-9), 2)


def delta_state(r):
    """(state, value) of a resource's monthly change as the page must show
    it: known, partial (the priced part, marked) or unknown (not drawn)."""
    d = r.get("monthly_delta")
    if r["action"] in ("no-op", "forget"):
        return "known", d or 0.0
    unknown = d is None or r["status"] in ("unsupported", "not_priced")
    if not unknown:
        return "known", d
    if d is None:
        return "uncertain", None
    return ("unknown", 0.0) if abs(money(d)) < 0.005 else ("partial", d)


def expected_changes(cost, changed):
    """Labels and values of the change chart's bars, in order, or None when
    the JSON cannot tell (a partly priced change whose JSON figure is null)."""
    drawn, unknown = [], 0
    for r in cost["resources"]:
        if not changed(r):
            continue
        state, v = delta_state(r)
        if state == "uncertain":
            return None, None
        if state == "unknown":
            unknown += 1
        elif money(v) != 0 or state == "partial":
            drawn.append((r["address"], money(v)))
    drawn.sort(key=lambda x: (-abs(x[1]), x[0]))
    if len(drawn) > TOP_CHANGES + 1:
        rest = round(sum(v for _, v in drawn[TOP_CHANGES:]), 2)
        drawn = drawn[:TOP_CHANGES] + [("other (%d resources)" % (len(drawn) - TOP_CHANGES), rest)]
    return drawn, unknown


def expected_findings(review):
    pairs = {}
    for f in review["findings"]:
        pairs[(f["area"], f["severity"])] = pairs.get((f["area"], f["severity"]), 0) + 1
    return pairs


# ---- checks ---------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok   %s" % what)
        else:
            self.failed += 1
            print("FAIL %s%s" % (what, (": " + detail) if detail else ""))
        return cond


def check_dom(ck, name, dom, kind, cost, review):
    ck.ok(dom.scripts == 0, "%s: no <script> in the DOM" % name, "%d found" % dom.scripts)
    csp = dom.csp or ""
    ck.ok("default-src 'none'" in csp and "script-src" not in csp,
          "%s: the CSP forbids scripts and fetches" % name, csp or "no CSP meta")
    ck.ok(not dom.fetches, "%s: nothing fetched from outside the file" % name, "; ".join(dom.fetches[:5]))
    want_charts = ["cost-by-service", "cost-by-resource"] + (["findings"] if kind == "review" else [])
    ck.ok(dom.order == want_charts, "%s: charts %s" % (name, ", ".join(want_charts)), "got %s" % dom.order)

    # By service: two bars a row, labels as in its table, sums = the JSON totals.
    svc = dom.charts.get("cost-by-service", {"bars": [], "unknown": [], "rows": []})
    rows = svc["rows"][1:]
    labels = [r[0] for r in rows]
    drawn = len(svc["bars"]) + len(svc["unknown"])
    ck.ok(drawn == 2 * len(rows), "%s: by service: a before and an after for each of %d services" % (name, len(rows)),
          "%d bars + %d unknown marks" % (len(svc["bars"]), len(svc["unknown"])))
    ck.ok(all(b["label"] in labels for b in svc["bars"]) and
          [b["label"] for b in svc["bars"] if b["series"] == "after"] ==
          [r[0] for r in rows if "unknown" not in r[2]],
          "%s: by service: bar labels are the table's services" % name)
    for series, key in (("before", "monthly_before"), ("after", "monthly_after")):
        total = cost["totals"][key]
        exact = total is not None and not svc["unknown"] and not any("*" in r[1] + r[2] for r in rows)
        got = round(sum(b["value"] for b in svc["bars"] if b["series"] == series), 2)
        if exact:
            ck.ok(abs(got - total) <= 0.01 * max(1, len(rows)),
                  "%s: by service: the %s bars add up to the total %.2f" % (name, series, total), "got %.2f" % got)

    # Change by resource: the 15 largest, "other", unknown ones not drawn.
    def changed(r):
        return r["action"] not in ("no-op", "read")
    want, unknown = expected_changes(cost, changed)
    ch = dom.charts.get("cost-by-resource", {"bars": [], "unknown": [], "rows": []})
    got = [(b["label"], b["value"]) for b in ch["bars"]]
    if want is None:
        ck.ok(len(got) <= TOP_CHANGES + 1, "%s: by resource: at most %d bars" % (name, TOP_CHANGES + 1))
    else:
        # "other" sums unrounded figures: it may differ from the sum of
        # rounded ones by a cent per resource.
        def same(w, g):
            if w[0] != g[0]:
                return False
            slack = 0.005 * int(re.sub(r"\D", "", w[0]) or 0) + 0.005 if w[0].startswith("other (") else 0.001
            return abs(w[1] - g[1]) <= slack
        diff = [(w, g) for w, g in zip(want, got) if not same(w, g)]
        ck.ok(len(got) == len(want) and not diff,
              "%s: by resource: %d bars with the right labels and values" % (name, len(want)),
              "%d bars, want %d; first difference: want %s, got %s" % (len(got), len(want), *(diff[0] if diff else ("-", "-"))))
        ck.ok((len(ch["unknown"]) > 0) == (unknown > 0),
              "%s: by resource: %d changes not priced are marked, not drawn" % (name, unknown),
              "%d marks" % len(ch["unknown"]))
    ck.ok(all(("up" in b["class"]) == (b["value"] >= 0) for b in ch["bars"]),
          "%s: by resource: increases and decreases on their own sides" % name)
    # A change priced on an assumed value (JSON: "assumed" on a component
    # of either side) is drawn dashed; no other bar is.
    assumed = {r["address"]: any(c.get("assumed") for c in r.get("components", []) + r.get("components_before", []))
               for r in cost["resources"]}
    named = [b for b in ch["bars"] if b["label"] in assumed]
    wrong = [b["label"] for b in named if ("assumed" in b["class"]) != assumed[b["label"]]]
    ck.ok(not wrong, "%s: by resource: %d of %d bars marked as resting on assumed values, as the JSON says" %
          (name, sum("assumed" in b["class"] for b in named), len(named)), "wrong: %s" % wrong[:5])

    if kind == "review":
        want_f = expected_findings(review)
        fd = dom.charts.get("findings", {"bars": [], "rows": []})
        got_f = {(b["label"], b["series"]): int(b["value"]) for b in fd["bars"]}
        ck.ok(len(fd["bars"]) == len(want_f) and got_f == want_f,
              "%s: findings: %d segments, one per area and severity, with their counts" % (name, len(want_f)),
              "want %s, got %s" % (sorted(want_f.items())[:4], sorted(got_f.items())[:4]))
        seed = ["Infrastructure/DevOps Engineer Review", "Assessment", "Infrastructure Changes", "Deployment",
                "Scaling", "Reliability", "Infrastructure Dependencies", "Operational Checklist", "Strengths",
                "Concerns", "Recommendations", "Review Questions"]
        heads = [h for h in dom.headings if not h.startswith("Verdict")]
        ck.ok(heads == seed and dom.headings[-1].startswith("Verdict: " + review["verdict"]),
              "%s: the seed's sections in order, the verdict last" % name, "got %s" % dom.headings)


def check_layout(ck, name, br, url, shots, big):
    """Phone and laptop, light and dark, and print.  A big page (the
    10,000-resource plan) is checked light only, its screenshots are of the
    first screen, and it is not printed: the point of it is the size."""
    times = []
    for label, width in WIDTHS.items():
        for scheme in (("light",) if big else ("light", "dark")):
            ms = br.load(url, width, scheme)
            times.append(ms)
            res = br.evaluate(OVERFLOW_JS)
            ck.ok(not res["problems"], "%s: %s %s: no text overflows (%d texts)" % (name, label, scheme, res["texts"]),
                  "; ".join(res["problems"][:6]) + (" …and %d more" % (len(res["problems"]) - 6)
                                                    if len(res["problems"]) > 6 else ""))
            col = br.evaluate(COLORS_JS)
            dark = col["bg"] < 0.1
            ck.ok(dark == (scheme == "dark") and col["contrast"] >= 7,
                  "%s: %s %s: %s background, text contrast %.1f:1" % (name, label, scheme, scheme, col["contrast"]))
            shot = os.path.join(shots, "%s-%s-%s.png" % (name, label, scheme))
            br.screenshot(shot, full=not big)
            w, h = png_size(shot)
            ck.ok(w == width and h > 200, "%s: %s %s: screenshot %dx%d" % (name, label, scheme, w, h), shot)
    if big:
        return times
    br.load(url, 760, "light", media="print")
    res = br.evaluate(OVERFLOW_JS)
    ck.ok(not res["problems"], "%s: print: no text overflows" % name, "; ".join(res["problems"][:6]))
    pdf = base64.b64decode(br.page("Page.printToPDF", {"printBackground": True}, timeout=120)["data"])
    with open(os.path.join(shots, name + ".pdf"), "wb") as f:
        f.write(pdf)
    ck.ok(pdf[:5] == b"%PDF-" and len(pdf) > 2000, "%s: prints to PDF (%d bytes)" % (name, len(pdf)))
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--shots", required=True)
    ap.add_argument("--page", action="append", default=[], help="kind:page.html:json[:cost.json]")
    ap.add_argument("--time-only", action="store_true",
                    help="no checks: print \"NAME BYTES WALL_MS CPU_MS\" per page, medians of 5 loads of the page "
                         "to a painted, laid-out state at 1280 px")
    args = ap.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    ck = Checks()
    br = Browser(args.chromium)
    try:
        for spec in args.page:
            kind, path, *docs = spec.split(":")
            name = os.path.splitext(os.path.basename(path))[0]
            url = "file://" + os.path.abspath(path)
            size = os.path.getsize(path)
            if args.time_only:
                wall, cpu = [], []
                for _ in range(5):
                    br.load("about:blank", 1280, "light")
                    c0 = cpu_ms(br.proc.pid)
                    wall.append(br.load(url, 1280, "light"))
                    cpu.append(cpu_ms(br.proc.pid) - c0)
                print("%s %d %.0f %.0f" % (name, size, sorted(wall)[2], sorted(cpu)[2]))
                continue
            cost = json.load(open(docs[-1]))
            review = json.load(open(docs[0])) if kind == "review" else None
            shot = os.path.join(args.shots, name + "-cli-1280.png")
            dom = Dom()
            dom.feed(dump_dom_and_screenshot(args.chromium, url, 1280, 1600, shot))
            check_dom(ck, name, dom, kind, cost, review)
            ck.ok(png_size(shot) == (1280, 1600), "%s: chromium --screenshot --window-size=1280,1600" % name)
            times = check_layout(ck, name, br, url, args.shots, big=size > 300000)
            print("info %s: %d bytes; navigation to painted page %.0f..%.0f ms" % (name, size, min(times), max(times)))
    finally:
        br.close()
    if not args.time_only:
        print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
