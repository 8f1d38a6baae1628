"""Views the run releases early: the sentences and figures (checker.document.language,
checker.figures.quantities and what is derived from them) are read only by rules that
declare them in `needs`; those run first and the views are dropped after them
when the caller is done with the Document."""
from __future__ import annotations

import pytest

from checker.config import Config
from checker.linter import _reads_language, run_rules, select_rules
from checker.figures.quantities import quantities_of
from checker.document.outline import build
from conftest import EXAMPLES, FIXTURES

SAMPLES = sorted(EXAMPLES.glob("*.txt")) + sorted(FIXTURES.rglob("*.txt"))[:25]


def _texts():
    return [p.read_text(encoding="utf-8") for p in SAMPLES]


@pytest.fixture(scope="module")
def rules():
    return select_rules(Config())


def test_some_rules_read_figures_and_most_do_not(rules):
    readers = [r for r in rules if _reads_language(r)]
    assert len(readers) >= 8 and len(rules) - len(readers) >= 40


@pytest.mark.parametrize("text", _texts()[:12])
def test_only_rules_that_declare_language_views_read_them(text, rules):
    doc = build(text)
    run_rules(doc, [r for r in rules if not _reads_language(r)], Config())
    assert not doc.language_views


@pytest.mark.parametrize("text", _texts())
def test_releasing_the_language_views_changes_no_finding(text, rules):
    config = Config()
    kept, released = build(text), build(text)
    before = run_rules(kept, rules, config)
    after = run_rules(released, rules, config, release=True)
    assert [repr(f) for f in after.findings] == [repr(f) for f in before.findings]
    assert {"figures.quantities", "document.sentences"} <= kept.language_views
    assert not released.language_views


def test_a_released_view_is_rebuilt_when_read_again():
    doc = build((EXAMPLES / "clean-2023.txt").read_text(encoding="utf-8"))
    first, sentences = quantities_of(doc), doc.sentences
    doc.release_language_views()
    assert quantities_of(doc) == first and quantities_of(doc) is not first
    assert doc.sentences == sentences and doc.sentences is not sentences


def test_findings_linted_without_quotes_read_them_from_the_text(rules):
    from checker.findings import quote_of
    text = (EXAMPLES / "defective-2020.txt").read_text(encoding="utf-8")
    with_quotes = run_rules(build(text, "r.txt"), rules, Config()).findings
    without = run_rules(build(text, "r.txt"), rules, Config(), quotes=False).findings
    assert with_quotes and all(f.quote == "" for f in without)
    assert [quote_of(f, {"r.txt": text}) for f in without] == [f.quote for f in with_quotes]
    assert any(f.quote for f in with_quotes)


def test_lines_are_made_on_use_from_any_line_on_and_backwards():
    doc = build("标题\n\n第一段。\r\n\n第二段。\n")
    lines = doc.lines
    assert [(l.kind, l.text) for l in lines] == [("text", "标题"), ("blank", ""), ("text", "第一段。"),
                                                ("blank", ""), ("text", "第二段。"), ("blank", "")]
    assert [l.span.line for l in lines] == [1, 2, 3, 4, 5, 6]
    assert list(doc.iter_lines(first=3)) == list(lines[2:])
    assert list(doc.iter_lines(reverse=True)) == list(reversed(lines))
    assert list(doc.iter_lines(first=3, reverse=True)) == list(reversed(lines[2:]))
