"""The time budget of one file, in CPU seconds, enforced inside any operation.

A profiling timer (setitimer ITIMER_PROF: user and system CPU time of this
process) raises BudgetExceeded in the middle of whatever Python code runs when
the budget is used up: a long parse, a plug-in that loops, a rule on an endless
paragraph. CPU time, not wall time, so a file's result never depends on how busy
the machine is. User regular expressions carry their own timeout (the `regex`
module's), and the shipped ones are linear. Where there is no such timer
(Windows) the linter's check between rules still applies.
"""
from __future__ import annotations

import contextlib
import signal
import threading

from checker.errors import BudgetExceeded


@contextlib.contextmanager
def cpu_budget(seconds: float):
    """Within the block, BudgetExceeded is raised once `seconds` of CPU time are used."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 0.001))  # NOTE: below 1 µs would disarm it
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
