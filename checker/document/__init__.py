"""Layer 1, bytes to Document: reading and decoding every input format, the Lark
grammar driver, the outline (title, sections, closing), the positioned model,
and the language views computed on demand (sentences, numerals, scopes, words).

May import: the base modules (version, errors, record, resources, yamlio,
findings, config, boundedio, usercache) and checker.speed. Nothing here judges
a report.
"""
