#!/usr/bin/python3
"""The same office on both backends: `salesroom demo --seed N --today DATE` written to a
SQLite file and to a database on a throw-away PostgreSQL server, then every register
exported from each to Excel and read back: every data cell must be the same (the
"exported at" line aside). Usage: check-backends.py SALESROOM PG-CLUSTER [KIND ...]"""
import os
import subprocess
import sys
import tempfile

import openpyxl

salesroom, pg_cluster = sys.argv[1], sys.argv[2]
kinds = sys.argv[3:] or ["property"]
env = dict(os.environ, LANGUAGE="en")


def run(*args):
    done = subprocess.run([salesroom, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("salesroom %s: %s" % (" ".join(args), done.stderr.strip()))
    return done.stdout


def rows(path):
    """Each sheet's rows, without the line that says when it was exported."""
    sheets = []
    for ws in openpyxl.load_workbook(path).worksheets:
        kept = [list(r) for r in ws.iter_rows(values_only=True)
                if not any(isinstance(c, str) and "exported" in c.lower() for c in r)]
        sheets.append((ws.title, kept))
    return sheets


with tempfile.TemporaryDirectory(prefix="salesroom-backends-") as tmp:
    own_server = None
    socket_dir = os.environ.get("SALESROOM_TEST_PG")
    if not socket_dir:
        # A folder of its own under /tmp: the server's user must be able to reach it.
        own_server = tempfile.mkdtemp(prefix="salesroom-pg-")
        socket_dir = subprocess.run([pg_cluster, "start", own_server], check=True,
                                    capture_output=True, text=True).stdout.strip()
    try:
        failures = 0
        for n, kind in enumerate(kinds):
            name = "sr_backends_%d_%d" % (os.getpid(), n)
            subprocess.run(["psql", "-q", "-h", socket_dir, "-U", "postgres", "-d", "postgres",
                            "-c", "CREATE DATABASE %s" % name], check=True, capture_output=True)
            file_db = os.path.join(tmp, kind + ".db")
            server_db = "postgresql://postgres@/%s?host=%s" % (name, socket_dir)
            for db in (file_db, server_db):
                run("demo", "--db", db, "--kind", kind, "--seed", "11", "--today", "2026-11-23")
            registers = [line.split()[0] for line in run("export", "--list", "--db", file_db).splitlines()
                         if line.strip()]
            cells = 0
            for reg in registers:
                out = {}
                for side, db in (("file", file_db), ("server", server_db)):
                    out[side] = os.path.join(tmp, "%s-%s-%s.xlsx" % (kind, reg, side))
                    run("export", reg, "--db", db, "--from", "2026-01-01", "--to", "2026-11-23", "-o", out[side])
                a, b = rows(out["file"]), rows(out["server"])
                if a != b:
                    failures += 1
                    for (ta, ra), (tb, rb) in zip(a, b):
                        for i, (x, y) in enumerate(zip(ra, rb)):
                            if x != y:
                                print("%s %s, sheet %s row %d:\n  file   %s\n  server %s" % (kind, reg, ta, i + 1, x, y))
                                break
                        else:
                            if len(ra) != len(rb):
                                print("%s %s, sheet %s: %d rows on file, %d on server" % (kind, reg, ta, len(ra), len(rb)))
                    if len(a) != len(b):
                        print("%s %s: %d sheets on file, %d on server" % (kind, reg, len(a), len(b)))
                cells += sum(len(r) for _, sheet in a for r in sheet)
            print("# %s: %d registers, %d cells compared" % (kind, len(registers), cells))
            subprocess.run(["psql", "-q", "-h", socket_dir, "-U", "postgres", "-d", "postgres",
                            "-c", "DROP DATABASE %s WITH (FORCE)" % name], capture_output=True)
        if failures:
            sys.exit("%d registers differ between the file and the server" % failures)
        print("every register the same on both backends")
    finally:
        if own_server:
            subprocess.run([pg_cluster, "stop", own_server], capture_output=True)
