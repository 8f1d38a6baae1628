"""Regression test over the field corpus (corpus/field, see its README.md).

The triage in ``<id>.gold.json`` is the ground truth: false findings stay
silent, found defects stay found, no error or warning goes untriaged, and the
title and report year are read as the triage says. What fails today is listed
(known misses in the gold files, the rest in ``corpus/field/known.json``) and
runs as strict xfails: a regression fails, and so does a fix (XPASS) until it is
recorded with ``corpus/field_report.py --update-found --write-known``, so the
lists only shrink. The matching is corpus/field_report.py's; each text is linted
once per session (field_report.evaluate is cached).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
if not list((CORPUS / "field").glob("*.gold.json")):
    pytest.skip("corpus/field has no gold files", allow_module_level=True)
sys.path.insert(0, str(CORPUS))
import field_report as fr  # noqa: E402

STEMS = fr.stems()
GOLD = {s: fr.read_json(fr.FIELD / f"{s}.gold.json")[0] or {} for s in STEMS}
KNOWN = fr.read_known()


def ratchet(key: str, item: str, reason: str):
    """The marks of one case: a strict xfail when it is a known failure."""
    return [pytest.mark.xfail(strict=True, reason=reason)] if item in KNOWN.get(key, ()) else []


def entries(part: str):
    return [(s, n, e) for s in STEMS for n, e in enumerate(GOLD[s].get(part) or [])]


def show(case: fr.Case, indices) -> str:
    return "; ".join(f"line {case.findings[i].line} {case.findings[i].rule} "
                     f"{case.findings[i].severity}: {case.findings[i].message}" for i in indices)


@pytest.mark.parametrize("stem, n", [
    pytest.param(s, n, id=f"{s}-{e.get('rule')}-{n}", marks=ratchet("false_findings", f"{s}#{n}", "known false finding"))
    for s, n, e in entries("false_findings")])
def test_false_finding_stays_silent(stem, n):
    case = fr.evaluate(stem)
    assert not case.silenced[n], f"{case.gold['false_findings'][n].get('why')!r} — yet: {show(case, case.silenced[n])}"


def defect_params() -> list:
    miss = pytest.mark.xfail(strict=True, reason="known miss")
    return [pytest.param(s, n, id=f"{s}-{e.get('kind')}-{n}", marks=() if e.get("rule") else miss)
            for s, n, e in entries("findings")]


@pytest.mark.parametrize("stem, n", defect_params())
def test_defect_found(stem, n):
    case = fr.evaluate(stem)
    d = case.gold["findings"][n]
    assert case.found[n], f"[{d.get('kind')}] {d.get('quote')!r} -> {d.get('expected')!r} not found (rule {d.get('rule')})"


@pytest.mark.parametrize("stem", STEMS)
def test_gold_and_meta_valid(stem):
    assert not fr.validate(stem), fr.validate(stem)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_quotes_in_text(stem):
    assert not fr.evaluate(stem).problems, fr.evaluate(stem).problems


@pytest.mark.parametrize("stem", [pytest.param(s, marks=ratchet("untriaged", s, "known untriaged")) for s in STEMS])
def test_no_untriaged_error_or_warning(stem):
    case = fr.evaluate(stem)
    assert case.lint_error is None, case.lint_error
    left = case.untriaged()
    assert not left, "untriaged: " + "; ".join(f"line {f.line} {f.rule} {f.severity}: {f.message}" for f in left)


@pytest.mark.parametrize("stem", [pytest.param(s, marks=ratchet("report_year", s, "known year misread")) for s in STEMS])
def test_report_year_read(stem):
    case = fr.evaluate(stem)
    assert case.read["report_year"] == case.gold.get("report_year")


@pytest.mark.parametrize("stem", [pytest.param(s, marks=ratchet("title", s, "known title misread")) for s in STEMS])
def test_title_read(stem):
    case = fr.evaluate(stem)
    assert fr.heading_matches(case.read["title"], case.gold.get("title")), \
        f"read {case.read['title']!r}, gold {case.gold.get('title')!r}"
