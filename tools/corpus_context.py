#!/usr/bin/env python3
"""Runs the context rules (SP3xx) over the corpus as `shipshape lint` would over the projects:
every Dockerfile and `.dockerignore` of the corpus is put back at its path in its repository in
a temporary tree, and one `shipshape lint --select SP3` runs over it, each Dockerfile with its
own folder as the build context (the default). Prints counts per rule and every finding.

The corpus holds no other files of the projects, so SP302/SP303 see only Dockerfiles and
`.dockerignore` files in a context (SP302 still fires on a whole-context copy without a
`.dockerignore`); SP301 and SP304 read the real `.dockerignore` files.

usage: tools/corpus_context.py path/to/shipshape [path/to/shared/corpus]
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary = os.path.abspath(sys.argv[1])
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../shared/corpus")
rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(corpus, "manifest.tsv"))][1:]

root = tempfile.mkdtemp(prefix="shipshape-corpus-ctx-")
placed = collections.Counter()
for sha, kind, repo, path, *_ in rows:
    folder, ext = ("files", ".Dockerfile") if kind == "dockerfile" else ("dockerignore", ".dockerignore")
    source = os.path.join(corpus, folder, sha[:2], sha + ext)
    target = os.path.join(root, repo, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copy(source, target)
    placed[kind] += 1

out = subprocess.run([binary, "lint", "--shellcheck", "never", "--no-fail", "--no-respect-gitignore",
                      "--select", "SP3", "-f", "json", root], capture_output=True, text=True)
if out.returncode not in (0, 1):
    sys.exit(f"shipshape failed: {out.stderr}")
findings = [d for d in json.loads(out.stdout) if d.get("code", "").startswith("SP3")]
counts = collections.Counter(d["code"] for d in findings)
files = collections.defaultdict(set)
for d in findings:
    files[d["code"]].add(d["file"])
print(f"placed {placed['dockerfile']} Dockerfiles and {placed['dockerignore']} .dockerignore files")
for code in sorted(counts):
    print(f"{code}: {counts[code]} findings in {len(files[code])} files")
for d in findings:
    print(f"{d['code']}\t{os.path.relpath(d['file'], root)}:{d['line']}\t{d['message'].replace(root + '/', '')}")
shutil.rmtree(root)
