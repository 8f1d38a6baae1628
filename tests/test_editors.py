"""Editors (issue 20): the language server, driven by a scripted LSP client over stdio,
and the VS Code problem matcher the README documents, run against real output."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytest.importorskip("pygls")
DEFECTIVE = EXAMPLES / "defective-2020.txt"


class Client:
    """Just enough of an LSP client: framed JSON-RPC over the server's stdio."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "checker", "server"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params: dict, request: bool = False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError(self.proc.stderr.read().decode("utf-8", "replace"))
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, test) -> dict:
        for _ in range(200):
            message = self.receive()
            if test(message):
                return message
        raise AssertionError("no such message")

    def close(self):
        self.send("shutdown", {}, request=True)
        self.send("exit", {})
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def client():
    c = Client()
    rid = c.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
    c.wait_for(lambda m: m.get("id") == rid)
    c.send("initialized", {})
    yield c
    c.close()


def test_diagnostics_on_open_and_change_and_a_quick_fix(client, tmp_path):
    uri = (tmp_path / "r.txt").as_uri()
    text = DEFECTIVE.read_text(encoding="utf-8")
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": text}})
    opened = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]
    codes = [d["code"] for d in opened["diagnostics"]]
    assert opened["uri"] == uri and "T101" in codes and "D101" in codes
    cli = json.loads(subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--format", "json",
                                     DEFECTIVE], capture_output=True, text=True, encoding="utf-8").stdout)
    assert sorted(codes) == sorted(f["rule"] for f in cli)
    d101 = next(d for d in opened["diagnostics"] if d["code"] == "D101")
    f101 = next(f for f in cli if f["rule"] == "D101")
    assert (d101["range"]["start"]["line"], d101["range"]["start"]["character"]) == (f101["line"] - 1, f101["column"] - 1)
    # a safe fix as a quick fix: the stray space of P105
    p105 = next(d for d in opened["diagnostics"] if d["code"] == "P105")
    rid = client.send("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": p105["range"],
                                                  "context": {"diagnostics": [p105]}}, request=True)
    actions = client.wait_for(lambda m: m.get("id") == rid)["result"]
    edit = actions[0]["edit"]["changes"][uri][0]
    assert edit["newText"] == "" and actions[0]["kind"] == "quickfix"
    client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": "某县2023年法治政府建设情况报告\n截止目前，工作完成。\n"}]})
    changed = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]
    assert "W106" in [d["code"] for d in changed["diagnostics"]]


def test_other_files_get_no_diagnostics(client, tmp_path):
    uri = (tmp_path / "notes.py").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                          "text": "截止目前\n"}})
    assert client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]["diagnostics"] == []


def problem_matcher() -> dict:
    """The VS Code problem matcher as the README shows it (the JSON block after its heading)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### VS Code", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)["tasks"][0]["problemMatcher"]


def test_the_readme_problem_matcher_reads_real_output():
    matcher = problem_matcher()
    pattern = matcher["pattern"]
    regex = re.compile(pattern["regexp"])
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--lang", "en",
                           "--output-format", "concise", DEFECTIVE], capture_output=True, text=True, encoding="utf-8")
    lines = proc.stdout.splitlines()[:-1]
    data = json.loads(subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--lang", "en", "--format", "json",
                                      DEFECTIVE], capture_output=True, text=True, encoding="utf-8").stdout)
    assert len(lines) == len(data)
    for line, f in zip(lines, data):
        m = regex.match(line)
        assert m, line
        assert Path(m.group(pattern["file"])) == Path(f["path"])
        assert (int(m.group(pattern["line"])), int(m.group(pattern["column"]))) == (f["line"], f["column"])
        assert m.group(pattern["severity"]) == f["severity"] and m.group(pattern["code"]) == f["rule"]
        assert f["message"] in m.group(pattern["message"])
