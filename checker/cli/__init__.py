"""Layer 7, the command line: the click commands (check, parse, rules, stats),
the options they share, walking folders into files, running files in
parallel, and the progress bar. The only layer that prints.

May import every other layer and the flat modules.
"""
