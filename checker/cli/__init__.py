"""Layer 7, the command line: the click commands (check, parse, rules, stats),
the options they share, walking folders into files, running files in
parallel, and the progress bar. The only layer that prints.

May import every layer before it (base, speed, document, figures, tables,
checks, the engine modules, formatters); not the package API (checker/__init__).
"""
