"""Display names of section kinds, for messages."""
KIND_NAMES = {
    "achievements": {"zh": "工作情况和成效", "en": "achievements"},
    "problems": {"zh": "存在的问题", "en": "problems"},
    "next_steps": {"zh": "下一步工作安排", "en": "next steps"},
    "responsibility": {"zh": "党政主要负责人履行推进法治建设第一责任人职责情况", "en": "duty of the principal leaders"},
    "profile": {"zh": "基本概况", "en": "profile of the body"},
    "other": {"zh": "其他", "en": "other"},
}
