"""Meta-tests over the rule catalogue: every rule is complete and its examples behave."""
from __future__ import annotations

import pytest

from checker import checks
from checker.config import Config
from checker.findings import CATEGORIES
from checker.linter import lint_text
from checker.rules import load_rules

RULES = load_rules()


def test_catalogue_is_not_empty_and_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) >= 10
    assert len(ids) == len(set(ids))
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_complete(rule):
    assert rule.category in CATEGORIES
    assert rule.message["zh"].strip() and rule.message["en"].strip()
    assert rule.describe("zh").strip() and rule.describe("en").strip()
    assert rule.source.strip(), f"{rule.id} names no source"
    assert checks.get(rule.check) is not None
    assert rule.examples.get("bad"), f"{rule.id} has no bad example"
    assert rule.examples.get("good"), f"{rule.id} has no good example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_bad_examples_fire(rule):
    for text in rule.examples["bad"]:
        found = [f.rule for f in lint_text(text, Config(select=(rule.id,)))]
        assert rule.id in found, f"{rule.id} did not fire on its bad example:\n{text}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_good_examples_stay_silent(rule):
    for text in rule.examples["good"]:
        found = [f for f in lint_text(text, Config(select=(rule.id,))) if f.rule == rule.id]
        assert not found, f"{rule.id} fired on its good example: {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_messages_render_without_placeholders(rule):
    for lang in ("zh", "en"):
        for text in rule.examples["bad"]:
            for f in lint_text(text, Config(select=(rule.id,), lang=lang)):
                assert "{" not in f.message, f"{rule.id} left a placeholder: {f.message}"


def test_every_registered_check_type_is_documented():
    for name, cls in checks.all_types().items():
        assert cls.__doc__ or __import__(cls.__module__).__doc__, name
        module = __import__(cls.__module__, fromlist=["x"])
        assert module.__doc__ and name in module.__doc__, f"module of {name} does not document it"


def _bounded_params():
    load_rules()  # imports every check type the shipped packs name
    return [(cls, key, spec.minimum) for cls in checks.REGISTRY.values()
            for key, spec in cls.params.items() if spec.minimum is not None]


def test_a_declared_least_value_is_enforced():
    bounded = _bounded_params()
    assert {(cls.name, key) for cls, key, _ in bounded} >= {
        ("paragraph-end", "min_chars"), ("repeated-paragraph", "min_chars"), ("stat-repeat", "min_label")}
    for cls, key, least in bounded:
        with pytest.raises(checks.ParamError, match=f"must be at least {least}") as err:
            checks.validate_params(cls, {key: least - 1})
        assert err.value.key == key
        assert checks.validate_params(cls, {key: least})[key] == least
