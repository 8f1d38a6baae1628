"""Speed: caches and prefilters that never change a finding.

A compiled-regex cache and literal prefilters for pattern scans, the prepared-
rules snapshot, the result cache, and the keys they are stored under. Turning
every one of them off (--no-cache, REPORTLINT_NO_CACHE=1) gives the same
output, only slower; tests compare the two.

May import: only the flat shared modules, so that every layer may use it.
"""
