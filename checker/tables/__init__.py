"""Layer 3, tables: reading a Table node's cells as values, its grid of rows and
columns, totals and shares within it, and its agreement with the text around it.

May import: checker.document, checker.figures, checker.speed and the base
modules (not the engine modules).
"""
