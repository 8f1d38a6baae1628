"""Helpers shared by the statistics check types (stat-*): the vocabulary param and its base class."""
from __future__ import annotations

import os

from checker.checks import CheckType, Param, ParamError

VOCABULARY = Param((str,), None, help="a YAML file extending the built-in vocabulary (rules/data/rates.yaml "
                                      "or totals.yaml): its lists are added to the built-in ones")
VERDICT = Param((str,), "wrong", choices=("wrong", "truncated"),
                help="wrong: a value no pairing explains; truncated: cut off instead of rounded")


def check_vocabulary(params: dict, loader=None, key: str = "vocabulary") -> str | None:
    """The absolute path of a user vocabulary, loaded once by `loader` to validate it."""
    path = params.get(key)
    if path is None:
        return None
    if not os.path.isfile(path):
        raise ParamError(key, f"vocabulary file {path!r} does not exist")
    path = os.path.realpath(path)
    if loader is not None:
        try:
            loader(path)
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            raise ParamError(key, str(err)) from None
    return path


def claim_args(claim, computation: str) -> dict:
    q = claim.quantity
    return {"name": claim.name, "printed": q.text.strip(), "computation": computation}


def load_rates(path: str):
    from checker.figures.relations import rate_vocabulary  # lazy: only when a user vocabulary is given
    return rate_vocabulary(path)


def load_totals(path: str):
    from checker.figures.totals import totals_vocabulary
    return totals_vocabulary(path)


class VocabularyCheck(CheckType):
    """Base of the stat-* types: quantities, and a `vocabulary` file extending the built-in
    one, validated once when the rule is loaded (`loader` reads it)."""
    needs = ("sentences", "quantities")
    params = {"vocabulary": VOCABULARY}
    loader = staticmethod(load_rates)

    def prepare(self, params):
        return dict(params, vocabulary=check_vocabulary(params, type(self).loader))
