"""Layer 2, figures: the quantities of a report (counts, amounts, rates) and the
analysis the statistics checks share: which counts a rate is about
(relations, pairings), totals and their parts, changes, exact rounding.

May import: checker.document, checker.speed and the base modules (not the
engine modules rules, linter, suppress, baseline, fixer).
Nothing here decides whether a finding is reported; checks do.
"""
