"""Fingerprints: content digests of what a cached result was made from.

`installation()` stands for reportlint's own code and shipped data (rule packs,
vocabularies, grammar): in an installed copy the digest of the wheel's RECORD,
which lists a SHA-256 of every installed file; in a checkout or an editable
install, the digest of every file itself. `files(paths)` stands for a user's
files (extra rule files, their vocabularies). Contents only: a same-size edit
that keeps the modification time still changes the fingerprint.
"""
from __future__ import annotations

import os

from checker.resources import data_dir, package_dir
from checker.usercache import digest, file_digest
from checker.version import __version__

_memo: dict = {}


def installation() -> str:
    """The digest of reportlint's code and data (once per process: it cannot change
    under a running program in a way that matters)."""
    if "installation" not in _memo:
        here = package_dir()
        record = _record_file(here)
        if record is not None:
            _memo["installation"] = digest(__version__, "record", file_digest(record))
        else:
            parts = [__version__, "tree"]
            for folder in (here, _data("rules"), _data("grammar")):
                parts.extend(_tree(folder))
            _memo["installation"] = digest(*parts)
    return _memo["installation"]


def files(paths) -> str:
    """The digest of the named files' contents, in order (read afresh every call)."""
    return digest(*(part for p in paths for part in (os.path.abspath(p), file_digest(p))))


def _data(name: str) -> str | None:
    try:
        return data_dir(name)
    except FileNotFoundError:
        return None


def _record_file(here: str) -> str | None:
    """The RECORD of the wheel installed in the folder above the package, if any."""
    site = os.path.dirname(here)
    if os.path.basename(site) not in ("site-packages", "dist-packages"):
        return None
    try:
        names = os.listdir(site)
    except OSError:
        return None
    for name in sorted(names):
        if name.startswith("reportlint-") and name.endswith(".dist-info"):
            record = os.path.join(site, name, "RECORD")
            if os.path.isfile(record):
                return record
    return None


def _tree(folder: str | None) -> list[str]:
    """(relative path, content digest) of every file under `folder`, in name order."""
    if folder is None:
        return ["-"]
    out: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".tmp")):
                continue
            path = os.path.join(root, name)
            out += [os.path.relpath(path, folder), file_digest(path)]
    return out
