"""Word boundaries from jieba: the only module that imports it, and only on demand.

The statistics checks link rate names to counts by cue words
(rules/data/rates.yaml). A cue found by plain substring search can straddle
two words: 审结 inside 一审结案 (一审 | 结案). With `segmenter: jieba` a
rule accepts a cue only where it does not cut across a word of the shipped
domain dictionary (rules/data/jieba_dict.txt).

Cost: importing jieba takes about 0.25 s (its HMM tables load with the
package); the domain dictionary about 1 ms. jieba's own 20 MB dictionary is
never loaded and nothing is written to the temporary directory. Nothing
here runs unless a rule asks for it, so the default run never pays.
"""
from __future__ import annotations

from functools import lru_cache

from checker.resources import vocab_path

_state: dict = {}


def tokenizer():
    """A jieba Tokenizer over the domain dictionary alone (built once)."""
    if "tk" not in _state:
        import jieba  # NOTE: lazy on purpose, see the module docstring

        jieba.setLogLevel(60)
        tk = jieba.Tokenizer()
        with open(vocab_path("jieba_dict.txt"), "rb") as fh:
            tk.FREQ, tk.total = tk.gen_pfdict(fh)
        tk.initialized = True   # NOTE: skips the default dictionary and its cache file
        _state["tk"] = tk
    return _state["tk"]


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of `text` (dictionary words, other characters one by one)."""
    return tuple(tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    out, pos = [], 0
    for w in words(text):
        out.append((pos, pos + len(w)))
        pos += len(w)
    return tuple(out)


def aligned(text: str, start: int, end: int) -> bool:
    """Does text[start:end] not cut across a word (一审 | 结案 for 审结)?

    A cue inside one word (成功 in 调解成功) or covering whole words is fine.
    """
    for a, b in _spans(text):
        if a < start < b < end or start < a < end < b:
            return False
    return True
