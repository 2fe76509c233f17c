#!/usr/bin/env python3
"""Writes an LSP session (framed JSON-RPC messages) around a Dockerfile: the seed shape of the
`lsp` fuzz target. Usage: lsp_seed.py DOCKERFILE OUT"""
import json
import sys


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogateescape")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def main():
    text = open(sys.argv[1], "rb").read()[:4096].decode("utf-8", "replace")
    uri = "untitled:Dockerfile"
    pos = {"line": 1, "character": 2}
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 1000, "character": 0}}
    doc = {"uri": uri}
    messages = [
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1,
                                     "text": text}}},
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/diagnostic",
         "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
         "params": {"textDocument": doc, "range": whole, "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": pos}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": pos, "end": pos}, "text": "é😀"}]}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
         "params": {"textDocument": doc, "position": {"line": 1, "character": 3}}},
        {"jsonrpc": "2.0", "id": 5, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    with open(sys.argv[2], "wb") as out:
        for m in messages:
            out.write(frame(m))


if __name__ == "__main__":
    main()
