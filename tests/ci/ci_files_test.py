#!/usr/bin/env python3
"""The CI integrations in the repository: action.yml (GitHub Action), its steps
(scripts/github-action.sh) run for real, the GitLab CI snippet (docs/ci/gitlab-ci.yml) and its
lint command run for real, and the shape of .pre-commit-hooks.yaml.
Usage: ci_files_test.py SHIPSHAPE_BINARY SOURCE_DIR"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

BIN = os.path.realpath(sys.argv[1])
SRC = os.path.realpath(sys.argv[2])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def load(name):
    with open(os.path.join(SRC, name)) as f:
        return yaml.safe_load(f)


def action():
    a = load("action.yml")
    check(isinstance(a.get("name"), str) and isinstance(a.get("description"), str),
          "action.yml: name and description")
    runs = a.get("runs", {})
    check(runs.get("using") == "composite", "action.yml: a composite action")
    inputs = a.get("inputs", {})
    steps = runs.get("steps", [])
    ids = {s.get("id") for s in steps if s.get("id")}
    text = open(os.path.join(SRC, "action.yml")).read()
    for name in re.findall(r"\$\{\{[^}]*\binputs\.([\w-]+)", text):
        check(name in inputs, f"action.yml: input {name} is used but not declared")
    for step_id in re.findall(r"\bsteps\.([\w-]+)\.outputs", text):
        check(step_id in ids, f"action.yml: step {step_id} is used but not defined")
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    check(len(uploads) == 1, "action.yml: one upload-sarif step")
    if uploads:
        check("sarif-file" in uploads[0].get("with", {}).get("sarif_file", ""),
              "action.yml: upload-sarif uploads the lint step's SARIF file")
        check("always()" in str(uploads[0].get("if", "")),
              "action.yml: the SARIF is uploaded even when the lint step found something")
    for s in steps:
        if "run" in s:
            check(s.get("shell") == "bash", f"action.yml: step {s.get('name')} has shell: bash")
            m = re.search(r'github-action\.sh"? (\w+)', s["run"])
            check(m is not None, f"action.yml: step {s.get('name')} runs scripts/github-action.sh")
            # Inputs reach scripts through env, never spliced into the script text.
            check("${{" not in s["run"], f"action.yml: step {s.get('name')} splices an expression into its script")
    return inputs


def action_steps():
    script = os.path.join(SRC, "scripts", "github-action.sh")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "github_output")
        os.makedirs(os.path.join(tmp, "repo", "app"))
        with open(os.path.join(tmp, "repo", "app", "Dockerfile"), "w") as f:
            f.write("FROM debian:12\nUSER 10001\nADD a.txt /a.txt\n")
        env = dict(os.environ, GITHUB_OUTPUT=out, INPUT_SHIPSHAPE=BIN)
        r = subprocess.run(["bash", script, "binary"], env=env, capture_output=True, text=True)
        check(r.returncode == 0, f"github-action.sh binary: exit {r.returncode}: {r.stderr}")
        outputs = dict(line.split("=", 1) for line in open(out).read().splitlines())
        check(outputs.get("path") == BIN, f"github-action.sh binary: path output {outputs}")

        open(out, "w").close()
        env = dict(os.environ, GITHUB_OUTPUT=out, SHIPSHAPE=BIN, INPUT_PATHS=".",
                   INPUT_ARGS="--shellcheck never", INPUT_SARIF_FILE="report.sarif")
        r = subprocess.run(["bash", script, "lint"], env=env, cwd=os.path.join(tmp, "repo"),
                           capture_output=True, text=True)
        check(r.returncode == 0, f"github-action.sh lint: exit {r.returncode} (it must not fail)")
        check("::error file=app/Dockerfile" in r.stdout,
              f"github-action.sh lint: no annotation in the log: {r.stdout}")
        outputs = dict(line.split("=", 1) for line in open(out).read().splitlines())
        check(outputs.get("exit-code") == "1", f"github-action.sh lint: exit-code output {outputs}")
        check(outputs.get("sarif-file") == "report.sarif", f"github-action.sh lint: sarif-file {outputs}")
        sarif = json.load(open(os.path.join(tmp, "repo", "report.sarif")))
        check(sarif.get("version") == "2.1.0", "the SARIF report is SARIF 2.1.0")
        results = sarif["runs"][0]["results"]
        check(any(x["ruleId"] == "DL3020" for x in results), f"the SARIF report has DL3020: {results}")

        for code, fail_on, want in (("0", "true", 0), ("1", "true", 1), ("1", "false", 0),
                                    ("2", "false", 2), ("", "true", 2)):
            env = dict(os.environ, EXIT_CODE=code, FAIL_ON_FINDINGS=fail_on)
            r = subprocess.run(["bash", script, "check"], env=env, capture_output=True, text=True)
            check(r.returncode == want,
                  f"github-action.sh check with exit {code!r}, fail-on-findings {fail_on}: "
                  f"exit {r.returncode}, want {want}")


def gitlab():
    doc = load("docs/ci/gitlab-ci.yml")
    job = doc.get("shipshape", {})
    report = job.get("artifacts", {}).get("reports", {}).get("codequality")
    check(report == "gl-code-quality-report.json", "gitlab-ci.yml: a codequality report artifact")
    check(job.get("artifacts", {}).get("when") == "always",
          "gitlab-ci.yml: the report is kept when the job fails on findings")
    lint = [line for line in job.get("script", []) if line.startswith("shipshape lint")]
    check(len(lint) == 1, "gitlab-ci.yml: one shipshape lint command")
    if not lint:
        return
    args = shlex.split(lint[0])
    check("gitlab_codeclimate" in args and report in args,
          "gitlab-ci.yml: the command writes the Code Quality report")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "Dockerfile"), "w") as f:
            f.write("FROM debian:12\nUSER 10001\nADD a.txt /a.txt\n")
        r = subprocess.run([BIN] + args[1:] + ["--shellcheck", "never"], cwd=tmp,
                           capture_output=True, text=True)
        check(r.returncode == 1, f"gitlab-ci.yml's command: exit {r.returncode}: {r.stderr}")
        issues = json.load(open(os.path.join(tmp, report)))
        check(isinstance(issues, list) and issues, "the Code Quality report lists issues")
        for issue in issues:
            check({"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys(),
                  f"a Code Quality issue has GitLab's keys: {issue}")
            check(issue["location"]["path"] == "Dockerfile", f"a Code Quality path: {issue}")


def pre_commit_hooks():
    hooks = load(".pre-commit-hooks.yaml")
    check(isinstance(hooks, list) and len(hooks) >= 2, ".pre-commit-hooks.yaml: a list of hooks")
    languages = set()
    for h in hooks:
        check({"id", "name", "entry", "language"} <= h.keys(), f"a hook has id, name, entry, language: {h}")
        languages.add(h.get("language"))
        files = re.compile(h.get("files", ""))
        for name in ("Dockerfile", "svc/Dockerfile", "Dockerfile.prod", "a/Containerfile",
                     "x.dockerfile", "web.Dockerfile", "b.containerfile"):
            check(files.search(name) is not None, f"hook {h['id']} matches {name}")
        for name in ("README.md", "Dockerfile/notes.txt", "dockerfile.md", "mydockerfile"):
            check(files.search(name) is None, f"hook {h['id']} does not match {name}")
        if h.get("language") == "script":
            path = os.path.join(SRC, h["entry"].split()[0])
            check(os.access(path, os.X_OK), f"hook {h['id']}: {path} is executable")
    check({"system", "script"} <= languages, ".pre-commit-hooks.yaml: a system and a script hook")


action()
action_steps()
gitlab()
pre_commit_hooks()
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("CI files: action.yml, its steps, the GitLab snippet and the pre-commit hooks check out")
