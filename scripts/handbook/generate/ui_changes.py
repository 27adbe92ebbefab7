"""Interface words of the change history: the what-changed page, the marks, the notice, the feed."""

from __future__ import annotations

CHANGE_STRINGS: dict[str, dict[str, str]] = {
    "changes": {"zh": "更新记录", "en": "What changed"},
    "changes_intro": {
        "zh": "手册中每一条规则的修改，按日期排列，最新的在前：新增、修改和删除的要求、步骤、检查表条目和测验题，"
        "修改的附有原文和现文，差异逐字标出。记录自 {start} 起，由手册的版本历史生成。",
        "en": "Every change to a rule of the handbook, by date, newest first: requirements, procedure steps, checklist "
        "items and quiz questions added, changed or removed, a changed one with its old and new text. The record "
        "starts on {start} and is generated from the handbook's version history.",
    },
    "changes_en_note": {
        "zh": "",
        "en": "A rule changes when its Chinese, the original, changes; the English shown is the translation as it now "
        "stands and, where it differs, as it stood before.",
    },
    "changes_none": {"zh": "自 {start} 以来没有规则发生变化。", "en": "No rule has changed since {start}."},
    "changes_unavailable": {
        "zh": "本次构建没有版本历史，因此无法列出更新记录。请从完整的代码库构建网站。",
        "en": "This build of the site had no version history, so the changes cannot be listed. "
        "Build the site from a full clone of the repository.",
    },
    "changes_partial": {
        "zh": "本次构建的版本历史不完整：{note}。",
        "en": "This build's version history is incomplete: {note}.",
    },
    "changes_feed": {"zh": "订阅更新（Atom）", "en": "Subscribe (Atom feed)"},
    "changes_feed_title": {"zh": "客户服务手册 · 更新记录", "en": "Customer Service Handbook · What changed"},
    "changes_notice_link": {"zh": "打印变更通知（供班前会签阅）", "en": "Print a change notice (for staff to sign)"},
    "changes_filter": {"zh": "筛选", "en": "Filter"},
    "changes_filter_manual": {"zh": "手册", "en": "Manual"},
    "changes_filter_all": {"zh": "全部手册", "en": "All manuals"},
    "changes_filter_from": {"zh": "起始日期", "en": "From"},
    "changes_filter_to": {"zh": "截止日期", "en": "To"},
    "changes_filter_reset": {"zh": "显示全部", "en": "Show all"},
    "changes_js_count": {"zh": "显示 {shown} 条，共 {total} 条", "en": "Showing {shown} of {total}"},
    "changes_since": {"zh": "仅显示您上次访问之后的更新。", "en": "Showing only the changes since your last visit."},
    "changes_js_range": {"zh": "{from} 至 {to}", "en": "{from} to {to}"},
    "changes_js_any": {"zh": "不限", "en": "any"},
    "changes_version": {"zh": "版本 {version}", "en": "Version {version}"},
    "changes_translations": {"zh": "英文译文更新（{count}）", "en": "Translation updates, English only ({count})"},
    "changes_translations_intro": {
        "zh": "以下规则的中文没有变化，只更新了英文译文。",
        "en": "These rules' Chinese is unchanged; only their English was updated.",
    },
    "change_added": {"zh": "新增", "en": "Added"},
    "change_changed": {"zh": "修改", "en": "Changed"},
    "change_removed": {"zh": "删除", "en": "Removed"},
    "change_translated": {"zh": "译文更新", "en": "Translation updated"},
    "rule_kind_requirement": {"zh": "要求", "en": "Requirement"},
    "rule_kind_step": {"zh": "步骤", "en": "Step"},
    "rule_kind_item": {"zh": "检查表条目", "en": "Checklist item"},
    "rule_kind_question": {"zh": "测验题", "en": "Quiz question"},
    "change_in_checklist": {"zh": "检查表：{checklist}", "en": "Checklist: {checklist}"},
    "change_old": {"zh": "原文", "en": "Before"},
    "change_new": {"zh": "现文", "en": "Now"},
    "change_text": {"zh": "内容", "en": "Text"},
    "change_old_en": {"zh": "原译文", "en": "Before"},
    "change_en_same": {"zh": "", "en": "(The English was not changed with the Chinese.)"},
    "last_change": {"zh": "本页规则最近修改于 {date}", "en": "This page's rules last changed on {date}"},
    "last_change_link": {"zh": "更新记录", "en": "What changed"},
    "mark_changed": {"zh": "已修改", "en": "Changed"},
    "mark_added": {"zh": "新增", "en": "New"},
    "mark_open": {"zh": "（{date}，查看修改前的文本）", "en": " ({date}, show the previous text)"},
    "mark_added_title": {"zh": "{date} 新增的规则", "en": "Added on {date}"},
    "mark_previous": {"zh": "{date} 修改前：", "en": "Before {date}:"},
    "mark_why": {"zh": "修改说明：{subject}", "en": "Change: {subject}"},
    # The printable change notice (班前会).
    "notice": {"zh": "规则变更通知", "en": "Change notice"},
    "notice_intro": {
        "zh": "以下规则在所选期间发生了变化。请阅读后在下表签名确认。",
        "en": "These rules changed in the period below. Read them, then sign the table to confirm.",
    },
    "notice_period": {"zh": "期间：", "en": "Period: "},
    "notice_default_period": {"zh": "{from} 至 {to}（最近 {days} 天）", "en": "{from} to {to} (the last {days} days)"},
    "notice_print": {
        "zh": "选好期间后，用浏览器的打印功能（Ctrl+P）打印在A4纸上，交员工阅读签名。",
        "en": "Choose the period, then print on A4 with the browser's Print command (Ctrl+P) for staff to read and sign.",
    },
    "notice_print_button": {"zh": "打印通知", "en": "Print the notice"},
    "notice_none": {"zh": "所选期间没有规则变化。", "en": "No rule changed in this period."},
    "notice_signoff": {"zh": "阅读确认", "en": "Read and understood"},
    "notice_name": {"zh": "姓名", "en": "Name"},
    "notice_staff": {"zh": "工号", "en": "Staff number"},
    "notice_date": {"zh": "日期", "en": "Date"},
    "notice_signature": {"zh": "签名", "en": "Signature"},
    "notice_rule": {"zh": "规则", "en": "Rule"},
    "notice_change": {"zh": "变化", "en": "Change"},
    "notice_source": {"zh": "在线版本：", "en": "Online: "},
    # Since your last visit (changes-visit.js).
    "visit_notice": {
        "zh": "自您上次访问以来，有 {count} 条规则发生了变化。",
        "en": "{count} rules have changed since your last visit.",
    },
    "visit_notice_one": {
        "zh": "自您上次访问以来，有 1 条规则发生了变化。",
        "en": "1 rule has changed since your last visit.",
    },
    "visit_view": {"zh": "查看变化", "en": "See what changed"},
    "visit_dismiss": {"zh": "知道了", "en": "Dismiss"},
    "visit_label": {"zh": "规则更新提示", "en": "Rule changes"},
}
