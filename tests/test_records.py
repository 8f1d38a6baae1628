"""The hand-written records (checker.record) behave as the frozen dataclasses they replace."""
from __future__ import annotations

import pickle

import pytest

from checker.checks import Param
from checker.config import Config, resolve
from checker.findings import Finding, Hit
from checker.document.reading import Source
from checker.record import FrozenInstanceError
from checker.rules import Rule


def finding(**kw):
    args = dict(path="a.txt", line=1, column=2, end_line=1, end_column=4, rule="T101", name="rate",
                category="statistics", severity="error", message="m")
    args.update(kw)
    return Finding(**args)


RECORDS = [
    finding(expected="93%", start=3, end=5, fixes=((3, 5, "x"),), quote="95%"),
    Hit(1, 2, {"a": 1}, "x", ((1, 2, "y"),)),
    Source("r.txt", "正文\n", "gb18030", True, "\r\n"),
    Param((int,), 3, True, (1, 2, 3), "help"),
    Config(select=("T",), level="county_department", time_budget=5.0, sources=("a.yaml",)),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_frozen_equal_hashable_and_picklable(record):
    with pytest.raises(FrozenInstanceError):
        record.start = 9
    with pytest.raises(AttributeError):
        del record.__slots__
    copy = pickle.loads(pickle.dumps(record))
    assert copy == record and copy is not record and type(copy) is type(record)
    assert [getattr(copy, n) for n in record.__slots__] == [getattr(record, n) for n in record.__slots__]
    if not isinstance(record, Hit):  # a Hit's args are a dict, as before
        assert hash(copy) == hash(record)


def test_positional_order_defaults_and_repr_are_the_dataclass_ones():
    f = Finding("p", 1, 2, 3, 4, "T101", "x", "statistics", "error", "m")
    assert (f.expected, f.start, f.end, f.fixes, f.quote) == (None, 0, 0, (), "")
    assert repr(f).startswith("Finding(path='p', line=1, column=2, end_line=3, end_column=4, rule='T101'")
    assert Hit(1, 2).args == {} and Hit(1, 2).args is not Hit(1, 2).args
    assert Source("p", "t") == Source("p", "t", "utf-8", False, "\n")
    assert finding() != finding(quote="q") and finding() == finding()
    assert (Hit(1, 2) == (1, 2)) is False


def test_fields_left_out_of_equality():
    assert Config(sources=("a",)) == Config() and hash(Config(sources=("a",))) == hash(Config())
    assert Config(lang="en") != Config()
    base = dict(id="S101", name="n", category="structure", severity="error", check="pattern", params={},
                message={"zh": "z", "en": "e"}, description="d")
    assert Rule(**base, prepared=1, checker=object()) == Rule(**base, prepared=2)
    assert "prepared" not in repr(Rule(**base)) and "checker" not in repr(Rule(**base))
    assert Rule(**base).examples == {}


def test_resolve_builds_a_config_from_overrides():
    config = resolve(None, {"select": ["T101"], "lang": "en", "report_year": None}, discover=False)
    assert config == Config(select=("T101",), lang="en") and config.sources == ()
