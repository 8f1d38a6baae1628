"""The compiled-regex cache behind the CLI: same patterns, same matches, across runs."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import EXAMPLES

PROBE = r"""
import re, sys
from checker.speed import recache
recache.install()
pats = [r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|％)", r"[一二三四五六七八九十]{1,3}是", r"(?i)todo|xx", r"(a)(b)?(?P<c>c)"]
out = []
for p in pats:
    c = re.compile(p)
    out.append((c.pattern, c.flags, c.groups, sorted(c.groupindex.items()),
                [m.span() for m in c.finditer("12.5 %、一是、TODO、abc、ac、30％")]))
print(repr(out))
"""


def probe(env):
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True).stdout


def test_patterns_from_the_cache_behave_like_fresh_ones(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    cold = probe(env)
    assert list((tmp_path / "reportlint" / "regex").glob("*.marshal")), "the first run writes the cache"
    warm = probe(env)
    fresh = probe(dict(env, REPORTLINT_NO_CACHE="1"))
    assert cold == warm == fresh


def test_a_corrupt_cache_is_ignored(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    expected = probe(env)
    for f in (tmp_path / "reportlint" / "regex").glob("*.marshal"):
        f.write_bytes(b"\x00\x01garbage")
    assert probe(env) == expected


def test_cli_output_is_identical_with_and_without_caches(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    cmd = [sys.executable, "-c", "from checker.cli.entry import main; main()", "check", "--format", "json", str(EXAMPLES)]
    runs = [subprocess.run(cmd, capture_output=True, text=True, env=e).stdout
            for e in (env, env, dict(env, REPORTLINT_NO_CACHE="1"))]
    assert runs[0] == runs[1] == runs[2] and runs[0].strip().startswith("[")


def test_the_library_never_installs_the_cache():
    import checker
    checker.lint_text("一、主要工作\n")
    assert re._compile.__module__ == "re"


DERIVED = r"""
import re, sys
sys.path.insert(0, sys.argv[1])
from checker.speed import recache
recache.install()
import facts
values = [recache.derived("facts", re.compile(p), facts.compute) for p in ("ab+c", "[甲乙]丙", "x|y")]
out = [(type(v[0]).__name__, sorted(v[0]), *v[1:]) for v in values]
out.append(type(recache.derived("obj", re.compile("z"), facts.unplain)).__name__)
print(repr(out), facts.CALLS)
"""
FACTS = "CALLS = []\ndef compute(p):\n    CALLS.append(p.pattern)\n    return (frozenset(p.pattern), p.pattern.upper(){extra})\n" \
        "def unplain(p):\n    CALLS.append(p.pattern)\n    return object()\n"


def test_derived_facts_are_remembered_until_their_code_changes(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    (tmp_path / "facts.py").write_text(FACTS.format(extra=""), encoding="utf-8")

    def probe(e=env):
        out = subprocess.run([sys.executable, "-c", DERIVED, str(tmp_path)], capture_output=True, text=True,
                             env=e, check=True).stdout
        return out.rsplit(" [", 1)[0], "[" + out.rsplit(" [", 1)[1].strip()

    first, calls = probe()
    assert calls == "['ab+c', '[甲乙]丙', 'x|y', 'z']"
    again, calls = probe()
    assert again == first and calls == "['z']"       # only the value marshal cannot hold is computed again
    fresh, calls = probe(dict(env, REPORTLINT_NO_CACHE="1"))
    assert fresh == first and calls == "['ab+c', '[甲乙]丙', 'x|y', 'z']"
    (tmp_path / "facts.py").write_text(FACTS.format(extra=", 1"), encoding="utf-8")
    changed, calls = probe()
    assert calls == "['ab+c', '[甲乙]丙', 'x|y', 'z']" and changed != first


def test_derived_without_the_cache_just_computes():
    from checker.speed import recache
    calls = []
    for _ in range(2):
        assert recache.derived("n", re.compile("q"), lambda p: calls.append(1) or p.pattern.upper()) == "Q"
    assert calls == [1, 1]
