"""What the statistics check types (stat-*) share: the vocabulary parameter, the base
class that validates it, and the base class of the checks that judge each rate claim."""
from __future__ import annotations

import os

from checker.checks import CheckType, Param, ParamError
from checker.checks._util import answer
from checker.findings import Hit

VOCABULARY = Param((str,), None, help="a YAML file extending the built-in vocabulary (rules/data/rates.yaml "
                                      "or totals.yaml): its lists are added to the built-in ones")


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


class ClaimCheck(VocabularyCheck):
    """Base of the checks that judge each rate claim (a named percentage, see
    checker.figures.relations): `judge` returns the computation that refutes the
    claim, or None; each refuted claim is one hit."""

    def run(self, doc, p, ctx):
        from checker.figures.relations import rate_claims, rate_vocabulary  # NOTE: lazy, like the registry
        vocab = rate_vocabulary(p["vocabulary"])
        judge = self.judge(doc, vocab, p)
        for claim in rate_claims(doc, vocab):
            computation = judge(claim)
            if computation is not None:
                shown = "=" in computation  # a bound (≤ 100%) is what should be written, not a computation
                yield Hit(claim.start, claim.end, claim_args(claim, computation),
                          answer(computation) if shown else computation, computation=computation if shown else None)
        yield from self.more(doc, p)

    def judge(self, doc, vocab, p):
        """A function claim -> computation | None, set up once per document."""
        raise NotImplementedError

    def more(self, doc, p):
        """Hits on figures that are not rate claims (none by default)."""
        return ()
