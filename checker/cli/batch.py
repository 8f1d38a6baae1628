"""Lint many files, in parallel when asked, with results in input order.

`lint_file` is the whole per-file pipeline (read, parse, lint, and for
--fix/--diff compute the fixed text); it returns a picklable FileResult and
never raises for a bad input file. `run_files` maps it over the files
serially or with a process pool; results come back in the order of the
files, so the output of -j N is identical to -j 1. multiprocessing is
imported only when a pool is really used.

With a `cache` (checker.speed.result_cache.ResultCache, plain lint runs only) a
file whose text, path, config, rules and code are unchanged gets its
findings from the cache; a pool is started only for the files it misses.
"""
from __future__ import annotations

import os
import sys

from checker.errors import BudgetExceeded, ReportlintError


class FileResult:
    """One file's outcome; picklable (it comes back from -j workers).

    NOTE: a plain class, not a dataclass: a dataclass costs ~1.5 ms of every start-up."""

    def __init__(self, path: str, name: str = "", source=None, findings: list | None = None,
                 errors: list | None = None, error: str | None = None, doc=None, fix=None,
                 figures: tuple = (None, None)):
        self.path = path                # as given ("-" for stdin)
        self.name = name                # as reported ("<stdin>" for stdin)
        self.source = source            # checker.document.reading.Source
        self.findings = findings if findings is not None else []
        self.errors = errors if errors is not None else []   # rule errors, as strings
        self.error = error              # the file could not be read
        self.doc = doc                  # the Document (serial runs only)
        self.fix = fix                  # checker.fixer.FixOutcome for --fix/--diff
        self.figures = figures          # (extracted, checked), computed where the file was linted


def _read(path: str, unwrap: bool = True):
    from checker.document.reading import read_path
    name = "<stdin>" if path == "-" else path
    try:
        return name, read_path(path, unwrap), None
    except ReportlintError as err:
        return name, None, FileResult(path, name, error=str(err))


def _cached(path: str, cache, unwrap: bool = True) -> FileResult | None:
    """The file's result from the cache, or None on a miss (or an unreadable file)."""
    name, source, failed = _read(path, unwrap)
    if failed is not None:
        return None
    findings = cache.get(cache.key(name, source.shown))
    return None if findings is None else FileResult(path, name, source, findings)


def lint_file(path: str, config, mode: str | None = None, keep_doc: bool = False,
              cache=None) -> FileResult:
    """One file's whole pipeline, within its CPU time budget (checker.cli.budget)."""
    from checker.cli.budget import cpu_budget
    try:
        with cpu_budget(config.time_budget):
            return _lint_file(path, config, mode, keep_doc, cache)
    except BudgetExceeded:
        name = "<stdin>" if path == "-" else path
        return FileResult(path, name, error=f"{name}: time budget of {config.time_budget:g} s (CPU) used up "
                                            f"before its rules ran; not linted (raise time_budget to lint it)")


NOT_REWRITTEN = (".docx", ".pdf", ".html", ".htm", ".shtml", ".xhtml")  # read, never written back


def _lint_file(path: str, config, mode, keep_doc: bool, cache) -> FileResult:
    unsafe = bool(mode) and mode.endswith("-unsafe")  # NOTE: fix-unsafe / diff-unsafe: --unsafe-fixes
    mode = mode.split("-")[0] if mode else mode
    if mode and path.lower().endswith(NOT_REWRITTEN):
        # NOTE: Word files are never rewritten, but --diff previews their fixes; PDFs and web
        # pages are read as derived text, whose fixes have no place in the file
        mode = "diff" if mode == "diff" and path.lower().endswith(".docx") else None
    name, source, failed = _read(path, config.unwrap and not mode)  # NOTE: fixes apply to the lines as they are
    if failed is not None:
        return failed
    result = FileResult(path, name, source)
    key = None
    if cache is not None and not mode and not keep_doc:  # NOTE: --fix/--diff and HTML need the Document
        key = cache.key(name, source.shown)
        findings = cache.get(key)
        if findings is not None:
            result.findings = findings
            return result
    from checker.linter import lint_document
    from checker.document.outline import build  # NOTE: after the cache: a hit needs no parser
    if mode:
        from checker.fixer import fix_text
        result.fix = fix_text(source.text, name, config, unsafe)
        doc, lint = result.fix.doc, result.fix.result
    else:
        doc = build(source.text, name)
        # NOTE: the caller keeps the source text: quotes are read from it (findings.quote_of)
        lint = lint_document(doc, config, keep_views=keep_doc, quotes=keep_doc)
    from checker.document.unwrap import relocate
    result.findings = relocate(list(lint.findings), source)
    result.errors = [str(e) for e in lint.errors]
    result.doc = doc if keep_doc else None
    if keep_doc:  # the checks' caches live on this process's Document: count here
        from checker.figures.pairings import figure_counts
        result.figures = figure_counts(doc)
    if result.fix is not None:
        result.fix.doc = result.fix.result = None  # not needed by the caller; cheaper to pickle
    if key is not None and not result.errors:  # a rule that failed or ran out of time runs again next time
        cache.put(key, result.findings)
    return result


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _start_method() -> str:
    import multiprocessing
    methods = multiprocessing.get_all_start_methods()
    # NOTE: fork is fastest (workers inherit the loaded rules and grammar) and safe here:
    # reportlint starts no threads. macOS and Windows use spawn.
    return "fork" if sys.platform.startswith("linux") and "fork" in methods else "spawn"


_WORKER: dict = {}


def _init(configs, mode, keep_docs=False, caches=None):
    _WORKER.update(configs=configs, mode=mode, keep_docs=keep_docs, caches=caches)


def _work(batch: list) -> list:
    """Lint a batch of (path, group) tasks in a worker: each with its group's configuration."""
    out = []
    for path, group in batch:
        caches = _WORKER["caches"]
        result = lint_file(path, _WORKER["configs"][group], _WORKER["mode"], _WORKER["keep_docs"],
                           caches[group] if caches else None)
        result.doc = None  # rebuilt by the parent: a Document with its caches is costly to pickle
        out.append(result)
    return out


def run_files(files, config, jobs: int | None = None, mode: str | None = None,
              keep_docs: bool = False, progress=None, start_method: str | None = None,
              cache=None) -> list[FileResult]:
    """Lint every file; results in the order of `files` whatever the number of jobs."""
    return list(iter_files([(path, 0) for path in files], [config], jobs, mode, keep_docs, progress,
                           start_method, [cache]))


def iter_files(tasks, configs, jobs: int | None = None, mode: str | None = None, keep_docs: bool = False,
               progress=None, start_method: str | None = None, caches=None):
    """Lint each (path, group) of `tasks` with configs[group] (and caches[group]); yield the
    FileResults one by one in the order of `tasks`, whatever the number of jobs.

    NOTE: results are yielded as they come, and the workers are kept at most a few batches
    ahead of the caller, so a run over 100,000 files holds a few files' results at a time."""
    if mode or keep_docs:
        caches = None
    caches = caches if caches and any(c is not None for c in caches) else None
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    jobs = min(jobs, len(tasks))
    done = 0
    if jobs <= 1 or any(path == "-" for path, _ in tasks):
        for path, group in tasks:
            result = lint_file(path, configs[group], mode, keep_docs, caches[group] if caches else None)
            done += 1
            if progress:
                progress(done, len(tasks))
            yield result
        return
    for result in _pooled(tasks, configs, jobs, mode, keep_docs, start_method, caches):
        if keep_docs and result.source is not None:
            from checker.document.outline import build
            result.doc = build(result.source.text, result.name)
        done += 1
        if progress:
            progress(done, len(tasks))
        yield result


def _executor(configs, mode, keep_docs, caches, jobs, start_method):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    ctx = multiprocessing.get_context(start_method or _start_method())
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init,
                               initargs=(configs, mode, keep_docs, caches))


def _pooled(tasks, configs, jobs, mode, keep_docs, start_method, caches):
    """The results in task order: cache hits served here, misses linted by a pool of workers
    (started at the first miss, never when every file hits), in small batches.

    NOTE: small batches, because one round trip per file costs more than a short report
    takes to lint, while batches of a few keep the workers evenly loaded to the end. A miss
    is read twice (here and in its worker); reading is cheap next to linting."""
    from collections import deque
    size = max(1, min(8, len(tasks) // (jobs * 16)))
    ahead = jobs * 4           # batches in flight
    held = ahead * size * 2    # results waiting for an earlier one, at most
    pool, waiting, batch, in_flight = None, deque(), [], 0
    failed = True

    def submit():
        nonlocal pool, batch, in_flight
        pool = pool or _executor(configs, mode, keep_docs, caches, jobs, start_method)
        waiting.append(pool.submit(_work, batch))
        batch, in_flight = [], in_flight + 1

    def drain(until_fewer_than: int):
        nonlocal in_flight
        while waiting and (in_flight >= until_fewer_than or len(waiting) >= held):
            head = waiting.popleft()
            if isinstance(head, FileResult):
                yield head
                continue
            in_flight -= 1
            yield from head.result()

    try:
        for path, group in tasks:
            hit = _cached(path, caches[group], configs[group].unwrap) if caches and caches[group] else None
            if hit is not None:
                if batch:
                    submit()
                waiting.append(hit)
            else:
                batch.append((path, group))
                if len(batch) >= size:
                    submit()
            yield from drain(ahead)
        if batch:
            submit()
        yield from drain(0)
        failed = False
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=failed)
