#!/usr/bin/env python3
"""How the default rule set fares on real Dockerfiles that hadolint passes (issue 22).

Lays the corpus out as its repositories had it (each Dockerfile and .dockerignore at its
manifest path, a `.git` folder marking each repository root, so the build-context rules see the
`.dockerignore` files the corpus kept), runs `shipshape lint -f json --shellcheck never` over
it with default settings, and prints: how many of the files hadolint 2.15.1 passes (no finding
at error, warning or info: its default failure threshold) shipshape passes too, the same not
counting files whose only failing finding is SP701, the codes that fail the rest, and the same
numbers for the corpus as stored (flat, without .dockerignore files).

  python3 bench/default_set.py [shipshape binary] [shared dir] [extra lint flags...]
  SHIPSHAPE_DEFAULTS_KEEP=DIR keeps both JSON reports there (tree.json, flat.json); file paths
  in tree.json are repository/path as in manifest.tsv.
"""
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/shipshape")
shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
extra = sys.argv[3:]
corpus = os.path.join(shared, "corpus")
FAILING = {"error", "warning", "info"}

dockerfiles, ignores = {}, {}
with open(os.path.join(corpus, "manifest.tsv")) as f:
    next(f)
    for line in f:
        sha, kind, repo, path = line.rstrip("\n").split("\t")[:4]
        target = dockerfiles if kind == "dockerfile" else ignores
        target.setdefault(sha, []).append((repo, path))

hadolint_fails = set()
with open(os.path.join(corpus, "hadolint-2.15.1-findings.tsv")) as f:
    next(f)
    for line in f:
        sha, _, _, _, level = line.split("\t")[:5]
        if level in FAILING:
            hadolint_fails.add(sha)
hadolint_passes = set(dockerfiles) - hadolint_fails


def lint(paths, cwd, keep=None):
    out = subprocess.run([binary, "lint", "-f", "json", "--shellcheck", "never", *extra, *paths],
                         cwd=cwd, capture_output=True, text=True)
    if out.returncode > 1:
        sys.exit(f"shipshape exited {out.returncode}: {out.stderr[:2000]}")
    if keep:  # SHIPSHAPE_DEFAULTS_KEEP=DIR: the reports, to judge samples of the findings
        with open(os.path.join(keep, f"{'tree' if cwd != corpus else 'flat'}.json"), "w") as f:
            f.write(out.stdout)
    return json.loads(out.stdout)


def report(title, findings, sha_of):
    failing = collections.defaultdict(set)
    for d in findings:
        if d["level"] in FAILING:
            failing[sha_of(d["file"])].add(d["code"])
    both = [s for s in hadolint_passes if not failing.get(s)]
    root_only = [s for s in hadolint_passes if failing.get(s) == {"SP701"}]
    n = len(hadolint_passes)
    print(f"## {title}")
    print(f"hadolint passes {n} of {len(dockerfiles)} files; shipshape passes {len(both)} of them "
          f"({100 * len(both) / n:.1f}%), {len(both) + len(root_only)} "
          f"({100 * (len(both) + len(root_only)) / n:.1f}%) not counting the {len(root_only)} "
          f"whose only failing finding is SP701")
    print(f"shipshape passes {sum(1 for s in dockerfiles if not failing.get(s))} of all "
          f"{len(dockerfiles)} files")
    codes = collections.Counter()
    sole = collections.Counter()
    for s in hadolint_passes:
        rest = failing.get(s, set()) - {"SP701"}
        codes.update(rest)
        if len(rest) == 1:
            sole.update(rest)
    print("codes failing the other files hadolint passes (files): " +
          ", ".join(f"{c} {k}" for c, k in codes.most_common()))
    print("  of which the only failing code: " + ", ".join(f"{c} {k}" for c, k in sole.most_common()))
    print()


# As the repositories had them.
tree = tempfile.mkdtemp(prefix="shipshape-defaults-")
try:
    where = {}
    for sha, places in dockerfiles.items():
        repo, path = places[0]
        dest = os.path.join(tree, repo, path)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        os.makedirs(os.path.join(tree, repo, ".git"), exist_ok=True)
        shutil.copyfile(os.path.join(corpus, "files", sha[:2], sha + ".Dockerfile"), dest)
        where[os.path.join(repo, path)] = sha
    for sha, places in ignores.items():
        for repo, path in places:
            dest = os.path.join(tree, repo, path)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(os.path.join(corpus, "dockerignore", sha[:2], sha + ".dockerignore"), dest)
    keep = os.environ.get("SHIPSHAPE_DEFAULTS_KEEP")
    report("The corpus laid out as in its repositories", lint(sorted(where), tree, keep),
           lambda p: where[os.path.normpath(p)])
finally:
    shutil.rmtree(tree)

# As stored: flat, no .dockerignore next to any file.
flat = sorted(os.path.join("files", s[:2], s + ".Dockerfile") for s in dockerfiles)
report("The corpus as stored (flat; no build contexts)",
       lint(flat, corpus, os.environ.get("SHIPSHAPE_DEFAULTS_KEEP")),
       lambda p: os.path.basename(p).split(".")[0])
