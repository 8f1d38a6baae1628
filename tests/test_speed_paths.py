"""Fast paths that must stay exact: each shortcut against the slow way it replaces."""
from __future__ import annotations

import pytest


def _gb2312_hanzi():
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def test_the_gb2312_characters_opencc_changes_are_the_listed_ones():
    pytest.importorskip("opencc")
    from checker.checks.traditional_script import GB2312_CHANGED, to_simplified
    chars = _gb2312_hanzi()
    assert len(chars) == 6763
    simple = to_simplified("\n".join(chars)).split("\n")
    assert {c for c, s in zip(chars, simple) if c != s} == GB2312_CHANGED


def test_a_report_in_gb2312_never_loads_opencc(monkeypatch):
    from checker.checks import traditional_script as ts
    monkeypatch.setattr(ts, "_state", {})
    monkeypatch.setattr(ts, "to_simplified", lambda text: pytest.fail("OpenCC was loaded"))
    assert ts._runs("某县2023年法治政府建设情况报告。全面推进依法行政，“放管服”改革——①②。") == []


def test_candidates_are_the_characters_opencc_changes(monkeypatch):
    pytest.importorskip("opencc")
    from checker.checks import traditional_script as ts
    monkeypatch.setattr(ts, "_state", {})
    assert ts._candidates("会议") is False
    assert ts._candidates("會議") is True       # outside GB2312, converted by OpenCC
    assert ts._candidates("乾县") is True       # in GB2312, yet OpenCC changes it
    assert ts._candidates("干县") is False
