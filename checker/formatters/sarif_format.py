"""SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps).

One run; the driver lists every rule in the user's language (--lang):
shortDescription is the rule's title, fullDescription and help its
description (and source).
Regions count Unicode code points, declared with `columnKind:
"unicodeCodePoints"` on the run; `charOffset`/`charLength` are code points
too. Severities map error→error, warning→warning, info→note. Safe fixes are
given as SARIF `fixes` with replacements in characters.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from checker.baseline import fingerprint, keys
from checker.formatters import whole
from checker.findings import MAX_QUOTE, cut, quote_of

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://pypi.org/project/reportlint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A relative path as a relative URI reference (percent-encoded), absolute ones as file: URIs."""
    if path.startswith("<"):
        return quote(path.strip("<>"))
    if os.path.isabs(path) and os.name != "posix":
        from pathlib import Path
        return Path(path).as_uri()
    raw = os.fsencode(path)  # NOTE: the name's own bytes, so one that is not UTF-8 is %-encoded exactly
    if os.path.isabs(path):
        return "file://" + quote(raw)
    return quote(raw.replace(os.sep.encode(), b"/"))


def _rule(rule, lang: str) -> dict:
    lang = "en" if lang == "en" else "zh"
    text = rule.describe(lang)
    source = (f"\n\n依据：{rule.source}" if lang == "zh" else f"\n\nSource: {rule.source}") if rule.source else ""
    help_text = text + source
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.titled(lang)},
        "fullDescription": {"text": text},
        "help": {"text": help_text, "markdown": help_text.replace("\n", "  \n")},
        "messageStrings": {"default": {"text": rule.message.get(lang, rule.message["zh"])}},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": bool(rule.enabled)},
        "properties": {"category": rule.category, "tags": [rule.category], "source": rule.source},
    }


def _region(f, sources) -> dict:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
              "endColumn": f.end_column, "charOffset": f.start, "charLength": f.end - f.start}
    quote = cut(quote_of(f, sources), MAX_QUOTE)
    if quote:
        region["snippet"] = {"text": quote}
    return region


def _fixes(f) -> list:
    if not f.fixes or f.path.lower().endswith(".docx"):  # offsets are into the extracted text
        return []
    replacements = [{"deletedRegion": {"charOffset": s, "charLength": e - s},
                     "insertedContent": {"text": new}} for s, e, new in f.fixes]
    return [{"description": {"text": f"reportlint --fix: {f.rule}"},
             "artifactChanges": [{"artifactLocation": {"uri": uri(f.path)},
                                  "replacements": replacements}]}]


def _message(f, lang: str) -> str:
    """The message with what should be written and the computation, when the message does
    not say them already."""
    zh = lang == "zh"
    extra = [(("应为" if zh else "expected"), f.expected), (("计算" if zh else "computation"), f.computation)]
    extra = [f"{k}{'：' if zh else ': '}{v}" for k, v in extra if v and v not in f.message]
    if not extra:
        return f.message
    return f.message + (f"（{'；'.join(extra)}）" if zh else f" ({'; '.join(extra)})")


def _result(f, key, index: dict, sources: dict, lang: str) -> dict:
    result = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": _message(f, lang)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(f.path)},
            "region": _region(f, sources)}}],
        "partialFingerprints": {"reportlintFindingHash/v1": fingerprint(key)},
        "properties": {"category": f.category, "name": f.name,
                       **({"computation": f.computation} if f.computation else {}),
                       **({"page": f.page, "pageLine": f.page_line} if f.page is not None else {})},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    fixes = _fixes(f)
    if fixes:
        result["fixes"] = fixes
    return result


_RESULTS_AT = "\x00results\x00"   # where the results go in the log's layout
_DEPTH = " " * 8                    # the indent of one result: log > runs > run > results


def chunks(files, options):
    """The log, laid out as json.dumps(log, indent=2) lays it out. NOTE: the artifacts (every
    file read) come before the results in a SARIF run, so the results, rendered file by
    file, wait in a spool file that moves to disk past a few megabytes."""
    from tempfile import SpooledTemporaryFile
    from checker.version import __version__
    rules = list(options.rules)
    index = {r.id: i for i, r in enumerate(rules)}
    read: list[tuple[int, str]] = []
    with SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8") as spool:
        sep = ""
        for file in files:
            if file.text is not None:
                read.append((file.order, file.path))
            sources = file.sources
            for f, key in zip(file.findings, keys(file.findings, sources=sources)):
                rendered = json.dumps(_result(f, key, index, sources, options.lang), ensure_ascii=False, indent=2)
                spool.write(sep + _DEPTH + rendered.replace("\n", "\n" + _DEPTH))
                sep = ",\n"
        run = {
            "tool": {"driver": {"name": "reportlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFO_URI, "rules": [_rule(r, options.lang) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": uri(p)}} for _, p in sorted(read)],
            "results": [_RESULTS_AT] if sep else [],
        }
        log = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
        if not sep:
            yield log
            return
        marker = _DEPTH + json.dumps(_RESULTS_AT)
        head, _, tail = log.rpartition(marker)
        yield head
        spool.seek(0)
        while True:
            block = spool.read(1 << 16)
            if not block:
                break
            yield block
        yield tail


def format(findings, sources, options) -> str:
    """The whole output as one string (sources: path -> text)."""
    return whole(chunks, findings, sources, options)
