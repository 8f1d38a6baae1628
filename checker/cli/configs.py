"""Which configuration each linted file gets: the nearest one walking up from its own
folder (README, "Configuration"), so `reportlint check sub/report.txt` run from anywhere
uses `sub/.reportlint.yaml`. Files that share a configuration are linted together."""
from __future__ import annotations

import os

from checker.config import Config, resolve


class Configs:
    """Configurations by folder, resolved once each; `--config` and the flags apply to all."""

    def __init__(self, config_path: str | None, overrides: dict):
        self.config_path, self.overrides = config_path, overrides
        self._by_folder: dict[str, Config] = {}

    def for_folder(self, folder: str) -> Config:
        folder = os.path.realpath(folder or ".")
        if folder not in self._by_folder:
            self._by_folder[folder] = resolve(self.config_path, self.overrides, start=folder)
        return self._by_folder[folder]

    def for_file(self, path: str) -> Config:
        return self.for_folder(os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path)))

    def for_argument(self, path: str) -> Config:
        """The configuration of a path named on the command line (a folder's own)."""
        return self.for_folder(path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)) or ".")

    def groups(self, files: list[str]) -> list[tuple[Config, list[int]]]:
        """The files' indices grouped by their configuration, in order of first use."""
        out: dict[Config, list[int]] = {}
        for i, path in enumerate(files):
            out.setdefault(self.for_file(path), []).append(i)
        return list(out.items())
