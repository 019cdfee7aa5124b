#!/usr/bin/env python3
"""Response times of the dashboard's API queries, view by view, on a database made by `dyad ingest`.

What it does: starts `target/release/dyad serve --db PATH --addr 127.0.0.1:PORT` on a free port,
waits until it answers, then requests, for each dashboard view (overview, map, dyad, network,
events, document), the URLs that view makes, three times over: unfiltered, filtered to one
month (`from`/`to`), and filtered to the CAMEO roots of violence (`root=18,19,20`); the actor
completion and the document take no filters and are asked once. Each URL is requested once
(its first request: SQLite's cache is empty, the operating system's file cache holds whatever
earlier runs left) and then `--runs` more times. It prints how long after its start the server
answered at all and answered /api/summary (which waits for the in-memory projection of the
events the server loads at start-up), a markdown table of the first time, the median of the
later runs and the size of each answer, and the server's peak memory. An endpoint the server
does not have (404) is printed as "missing", a parameter or value it refuses (400) as "missing"
with its message, another error (a 503 when a query runs past the time limit) as its status.

The actors A and B (the most frequent directed dyad), the place (the one with most events), the
document (the one with most events) and the month (the latest full month) are read from the
database with the sqlite3 module; when its schema is not the expected one they are taken from
the API's own answers instead.

Run, from the repository root, after `cargo build --release` and an ingest (see docs/store.md,
"A 1,000,000-event database"):

    python3 xtask/bench_api.py --db /tmp/dyad-1m.db --runs 5

Determinism: the URLs depend only on the database; the times depend on the machine and its
load (run it on an idle machine, and read the medians). Python standard library only.
"""

import argparse
import calendar
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base, path, timeout):
    """(status, body bytes, seconds) of one GET."""
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body = e.read()
        status = e.code
    return status, body, time.perf_counter() - t0


def wait_ready(base, proc, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            status, _, _ = get(base, "/api/openapi.json", 5)
            if status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def ids_from_db(db):
    """A, B, place, document and month from the database, or None where it cannot tell."""
    found = {}
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        q = lambda sql: con.execute(sql).fetchone()
        row = q("SELECT source_code, target_code FROM events WHERE target_code IS NOT NULL "
                "GROUP BY source_code, target_code ORDER BY count(*) DESC LIMIT 1")
        if row:
            found["a"], found["b"] = row
        row = q("SELECT geonameid FROM events WHERE geonameid IS NOT NULL "
                "GROUP BY geonameid ORDER BY count(*) DESC LIMIT 1")
        if row:
            found["place"] = row[0]
        row = q("SELECT id FROM documents ORDER BY n_events DESC, id LIMIT 1")
        if row:
            found["doc"] = row[0]
        row = q("SELECT max(date) FROM documents")
        if row and row[0]:
            found["last"] = row[0][:10]
        con.close()
    except sqlite3.Error as e:
        print(f"bench_api: reading ids from the database: {e}; asking the API", file=sys.stderr)
    return found


def ids_from_api(base, found, timeout):
    """Fills what the database did not give from the API's answers."""
    def js(path):
        status, body, _ = get(base, path, timeout)
        return json.loads(body) if status == 200 else None

    if "a" not in found:
        d = js("/api/dyads?interval=month&sort=-events&limit=50")
        rows = [r for r in (d or {}).get("dyads", []) if r.get("target")]
        if rows:
            found["a"], found["b"] = rows[0]["source"], rows[0]["target"]
    if "place" not in found:
        d = js("/api/map?limit=1")
        if d and d.get("points"):
            found["place"] = d["points"][0]["geonameid"]
    if "doc" not in found or "last" not in found:
        d = js("/api/events?limit=1&sort=-date")
        if d and d.get("events"):
            found.setdefault("doc", d["events"][0]["doc_id"])
            found.setdefault("last", (d["events"][0]["date"] or "")[:10])
    return found


def month_filter(last):
    """The last full calendar month up to `last` (YYYY-MM-DD) as from/to parameters."""
    y, m, d = int(last[:4]), int(last[5:7]), int(last[8:10] or 1)
    if d < calendar.monthrange(y, m)[1]:
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    end = calendar.monthrange(y, m)[1]
    return {"from": f"{y:04d}-{m:02d}-01", "to": f"{y:04d}-{m:02d}-{end:02d}"}


def views(ids):
    """(view, path, filtered) for every request the dashboard's views make.

    The completion of actor names and the document are asked for without the view's filters
    (the server refuses filters on /api/suggest)."""
    a, b = ids.get("a", "USA"), ids.get("b", "RUS")
    q = urllib.parse.quote
    return [
        ("overview", "/api/summary", True),
        ("overview", "/api/timeline?interval=auto", True),
        ("overview", "/api/dyads?interval=all&sort=-events&limit=10", True),
        ("overview", "/api/dyads?interval=all&sort=goldstein_mean&limit=10", True),
        ("map", "/api/map", True),
        ("map", f"/api/events?place={ids.get('place', 0)}&limit=50", True),
        ("dyad", "/api/suggest?q=russ", False),
        ("dyad", f"/api/dyads?source={q(a)}&target={q(b)}&interval=week", True),
        ("dyad", f"/api/dyads?source={q(b)}&target={q(a)}&interval=week", True),
        ("dyad", f"/api/events?dyad={q(a)},{q(b)}&sort=-date&limit=50", True),
        ("network", "/api/network?limit=100", True),
        ("events", "/api/events?limit=50&sort=-date", True),
        ("document", f"/api/documents/{q(str(ids.get('doc', 'none')), safe='')}", False),
    ]


def with_params(path, params):
    if not params:
        return path
    sep = "&" if "?" in path else "?"
    return path + sep + urllib.parse.urlencode(params, safe=",")


def measure(base, path, runs, timeout):
    """(first seconds, median seconds, bytes, note) of a URL; note is '' when it answered 200."""
    status, body, first = get(base, path, timeout)
    if status != 200:
        try:
            msg = json.loads(body).get("error", "")
        except (ValueError, AttributeError):
            msg = body[:60].decode("utf-8", "replace")
        if status == 404:
            return None, None, None, "missing"
        if status == 400:  # a parameter (or a value) this server does not know yet
            return None, None, None, f"missing (400: {msg[:50]})"
        return None, None, None, f"HTTP {status}: {msg[:60]}"
    times = [get(base, path, timeout)[2] for _ in range(runs)]
    return first, statistics.median(times) if times else first, len(body), ""


def peak_memory(pid):
    """The server's peak resident memory from /proc (Linux), or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return " ".join(line.split()[1:])
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="database made by `dyad ingest`")
    ap.add_argument("--runs", type=int, default=5, help="requests per URL after the first (default 5)")
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "release", "dyad"),
                    help="the dyad binary (default target/release/dyad)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per request (default 120)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not os.path.isfile(args.db):
        ap.error(f"no database at {args.db}")
    if not os.access(args.dyad, os.X_OK):
        ap.error(f"no dyad binary at {args.dyad} (cargo build --release)")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([args.dyad, "serve", "--db", args.db, "--addr", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.monotonic()
        if not wait_ready(base, proc, 60):
            log.seek(0)
            sys.exit(f"bench_api: the server did not start:\n{log.read().decode('utf-8', 'replace')}")
        ready = time.monotonic() - t0
        # The server loads its in-memory projection of the events at start-up, in the
        # background: the first aggregate request waits for it.
        status, _, warm = get(base, "/api/summary", args.timeout)
        warm = time.monotonic() - t0 if status == 200 else None
        ids = ids_from_api(base, ids_from_db(args.db), args.timeout)
        month = month_filter(ids.get("last", "2024-12-31"))
        filters = [("none", {}), (f"{month['from'][:7]}", month), ("root=18,19,20", {"root": "18,19,20"})]
        size = os.path.getsize(args.db)
        print(f"database {args.db} ({size / 1e6:.0f} MB); A={ids.get('a')} B={ids.get('b')} "
              f"place={ids.get('place')} document={ids.get('doc')}; {args.runs} runs after the first; "
              f"server answering after {ready:.2f} s" +
              (f", first /api/summary answered {warm:.2f} s after start" if warm else "") + "\n")
        print("| view | filter | URL | first (ms) | median (ms) | bytes |")
        print("| --- | --- | --- | ---: | ---: | ---: |")
        for view, path, filtered in views(ids):
            for fname, params in filters if filtered else filters[:1]:
                url = with_params(path, params)
                first, median, nbytes, note = measure(base, url, args.runs, args.timeout)
                if note:
                    print(f"| {view} | {fname} | `{url}` | {note} | | |")
                else:
                    print(f"| {view} | {fname} | `{url}` | {first * 1000:.0f} | {median * 1000:.0f} | {nbytes} |")
                sys.stdout.flush()
        peak = peak_memory(proc.pid)
        if peak:
            print(f"\nserver peak memory (VmHWM): {peak}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `bench_api.py ... | head`: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
