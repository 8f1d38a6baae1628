"""Speed: caches and prefilters that never change a finding.

A compiled-regex cache and literal prefilters for pattern scans, the prepared-
rules snapshot, the result cache, and the fingerprints they are keyed by. The
caches (kept through checker.usercache) can all be turned off (--no-cache,
REPORTLINT_NO_CACHE=1) and give the same output, only slower (tests compare the
two); the prefilters have no switch and are checked against plain scans by
property tests (tests/test_prefilter.py).

May import: only the base modules (version, errors, record, resources, yamlio,
findings, config, boundedio, usercache), so that every layer may use it.
"""
