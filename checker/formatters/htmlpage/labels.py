"""Every word the HTML page shows, in Chinese (default) and English."""
from __future__ import annotations

_ZH = {
    "title": "reportlint 检查报告",
    "summary": "汇总",
    "files": "文件",
    "file": "文件",
    "findings": "问题",
    "total": "合计",
    "outline": "提纲",
    "text": "报告正文",
    "list": "问题列表",
    "filters": "筛选",
    "category": "类别",
    "severity": "严重程度",
    "shown": "显示 {shown} / {total}",
    "close": "关闭",
    "no_findings": "未发现问题",
    "no_files": "没有检查任何文件",
    "location": "位置",
    "at": "第{line}行第{column}列",
    "at_page": "第{page}页第{line}行第{column}列",
    "quote": "原文",
    "expected": "应为",
    "computation": "计算",
    "report_says": "{expr}，报告写{printed}",
    "rule": "规则说明",
    "source": "依据",
    "doc_title": "标题",
    "cover": "报送函",
    "preamble": "导语",
    "closing": "落款",
    "trailing": "落款后文字",
    "debris": "网页栏目信息",
    "no_outline": "未识别出章节",
    "files_count": "{files}个文件，{n}个问题",
    "chart": "各类问题数量",
    "chart_caption": "按类别统计的问题数（实心为错误，斜线为警告，圆点为提示）",
    "worst_first": "按严重程度排序，问题最严重的文件在前",
    "open_file": "查看",
    "pick": "点击问题列表中的一项或正文中的高亮文字，查看说明。",
    "empty_text": "（空文件）",
    "select_all": "全选",
}

_EN = {
    "title": "reportlint report",
    "summary": "Summary",
    "files": "Files",
    "file": "File",
    "findings": "Findings",
    "total": "Total",
    "outline": "Outline",
    "text": "Report text",
    "list": "Findings",
    "filters": "Filter",
    "category": "Category",
    "severity": "Severity",
    "shown": "showing {shown} of {total}",
    "close": "Close",
    "no_findings": "No findings",
    "no_files": "No files were checked",
    "location": "Location",
    "at": "line {line}, column {column}",
    "at_page": "page {page}, line {line}, column {column}",
    "quote": "Text",
    "expected": "Expected",
    "computation": "Computation",
    "report_says": "{expr}; the report says {printed}",
    "rule": "About the rule",
    "source": "Source",
    "doc_title": "Title",
    "cover": "Cover letter",
    "preamble": "Preamble",
    "closing": "Closing",
    "trailing": "Text after the closing",
    "debris": "Web page debris",
    "no_outline": "No sections recognised",
    "files_count": "{files} file(s), {n} finding(s)",
    "chart": "Findings by category",
    "chart_caption": "Findings per category (solid: error, hatched: warning, dotted: info)",
    "worst_first": "Worst files first",
    "open_file": "Open",
    "pick": "Click a finding in the list or a highlighted passage to see its explanation.",
    "empty_text": "(empty file)",
    "select_all": "All",
}

_SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}

_CATEGORY = {
    "zh": {"structure": "结构", "numbering": "编号", "statistics": "统计", "punctuation": "标点",
           "date": "日期", "terminology": "用语", "placeholder": "占位符", "metadata": "元数据"},
    "en": {"structure": "structure", "numbering": "numbering", "statistics": "statistics",
           "punctuation": "punctuation", "date": "date", "terminology": "terminology",
           "placeholder": "placeholder", "metadata": "metadata"},
}


class Labels:
    """Look up page words for one language; unknown keys fall back to the key."""

    def __init__(self, lang: str):
        self.lang = "en" if lang == "en" else "zh"
        self._words = _EN if self.lang == "en" else _ZH

    def __getitem__(self, key: str) -> str:
        return self._words.get(key, key)

    def fmt(self, key: str, **values) -> str:
        return self[key].format(**values)

    def severity(self, name: str) -> str:
        return _SEVERITY[self.lang].get(name, name)

    def category(self, name: str) -> str:
        return _CATEGORY[self.lang].get(name, name)
