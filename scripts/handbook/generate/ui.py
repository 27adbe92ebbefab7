"""The handbook's own interface words, in both languages."""

from __future__ import annotations

from .ui_changes import CHANGE_STRINGS
from .ui_quizzes import QUIZ_STRINGS
from .ui_rubrics import RUBRIC_STRINGS

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "manuals": {"zh": "服务手册", "en": "Manuals"},
    "manuals_intro": {
        "zh": "本手册由以下四份客户服务文件整理而成。中文为原文，英文为译文。",
        "en": "This handbook is built from the customer-service documents below. "
        "The Chinese is the original; the English is a translation of it.",
    },
    "chapter": {"zh": "第{n}章", "en": "Chapter {n}"},
    "question_label": {"zh": "问{n}", "en": "Q{n}"},
    "indicators": {"zh": "评价指标", "en": "Evaluation indicators"},
    "indicators_intro": {
        "zh": "本节列出的评价指标，作为结构化数据供评分表使用。",
        "en": "The evaluation indicators this section lists, kept as data that the grading rubrics use.",
    },
    "indicators_name": {"zh": "指标", "en": "Indicator"},
    "indicators_text": {"zh": "说明", "en": "Description"},
    "grades": {"zh": "等级", "en": "Grades"},
    "grades_intro": {
        "zh": "本节规定的等级及其描述，由高到低排列，作为结构化数据供评分表使用。",
        "en": "The grades this section defines, best first, with their descriptors, kept as data that the grading rubrics use.",
    },
    "grades_name": {"zh": "等级", "en": "Grade"},
    "grades_text": {"zh": "描述", "en": "Descriptor"},
    "contents": {"zh": "目录", "en": "Contents"},
    "sections": {"zh": "本章各节", "en": "Sections in this chapter"},
    "summary": {"zh": "本章小结", "en": "Chapter summary"},
    "requirements": {"zh": "本节要求", "en": "Requirements in this section"},
    "requirements_intro": {
        "zh": "以下是本节中可检查的具体要求，每条都有固定编号，检查表和测验会引用这些编号。",
        "en": "The checkable rules of this section. Each has a fixed id that checklists and quizzes refer to.",
    },
    "procedure": {"zh": "按顺序执行", "en": "in this order"},
    "no_requirements": {
        "zh": "本节只作说明，没有提出可检查的具体要求。",
        "en": "This section describes and explains; it states no checkable rule.",
    },
    "asked": {"zh": "本节回答的问题", "en": "Questions this section answers"},
    "asked_intro": {
        "zh": "员工会这样问，本节的内容回答这些问题。问题不是手册原文；搜索也按这些问法找到本节。",
        "en": "Staff ask these in their own words, and this section's text answers them. "
        "They are not the manual's words; search finds this section by them too.",
    },
    "references": {"zh": "引用来源", "en": "Sources cited"},
    "references_intro": {
        "zh": "原手册引用的标准、法规、报告和统计数据。标为“未核实”的来源尚未经编辑核对，请勿作为依据直接引用。",
        "en": "Standards, laws, reports and statistics the original manual cites. "
        "Sources marked “unverified” have not been checked by an editor; do not rely on them as cited.",
    },
    "status_unchecked": {"zh": "未核实", "en": "unverified"},
    "status_verified": {"zh": "已核实", "en": "verified"},
    "status_disputed": {"zh": "有误", "en": "disputed"},
    "cite_title_unchecked": {"zh": "来源未核实", "en": "source not verified"},
    "cite_title_verified": {"zh": "来源已核实", "en": "source verified"},
    "cite_title_disputed": {"zh": "来源有误", "en": "source disputed"},
    # 19a: citations with their true state (superseded sources, rules resting only on unsound ones).
    "status_superseded": {"zh": "已被取代", "en": "superseded"},
    "cite_title_superseded": {"zh": "来源已被取代", "en": "source superseded"},
    "references_unsound": {
        "zh": "标为“有误”的来源，手册给出的名称或编号与实际不符；标为“已被取代”的来源已废止或被替代，不再有效。每条都附有正确名称或替代文件及其依据。",
        "en": "For a source marked “disputed”, the title or number the manual gives does not match the actual source; "
        "a source marked “superseded” has been withdrawn, repealed or replaced and is no longer in force. "
        "Each carries a note with the correct title or its successor, and what that rests on.",
    },
    "superseded_line": {"zh": "自{date}起由{successor}取代。", "en": "Replaced by the {successor} from {date}."},
    "checked_line": {"zh": "编辑核对日期：{date}", "en": "Checked by the editors on {date}"},
    "rule_source_disputed": {
        "zh": "注意：本条所引来源有误，手册给出的名称或编号与实际不符。",
        "en": "Note: the source this rule cites is disputed; the title or number the manual gives does not match it.",
    },
    "rule_source_superseded": {
        "zh": "注意：本条所引来源已被取代，不再有效。",
        "en": "Note: the source this rule cites has been superseded and is no longer in force.",
    },
    "rule_source_unsound": {
        "zh": "注意：本条所引来源均有误或已被取代。",
        "en": "Note: every source this rule cites is disputed or superseded.",
    },
    "source_missing_title": {"zh": "原文缺失", "en": "Source text missing"},
    "source_truncated_title": {"zh": "原文不完整", "en": "Source text incomplete"},
    "source_truncated": {
        "zh": "源文件在此中断，本节其余内容已丢失。本手册不补写缺失内容。",
        "en": "The source document breaks off here; the rest of this section is lost. "
        "The handbook does not invent the missing text.",
    },
    "source_missing": {
        "zh": "源文件只保留了本节的标题，正文已丢失。本手册不补写缺失内容。",
        "en": "Only this section's title survives in the source document. "
        "The handbook does not invent the missing text.",
    },
    "repairs": {"zh": "编辑记录：文字修复", "en": "Editorial record: text repairs"},
    "repairs_intro": {
        "zh": "源文件在转换中受损，以下文字已根据上下文修复，等待编辑复核。",
        "en": "The source was damaged in conversion. These passages were restored from context "
        "and await an editor's review.",
    },
    "repair_source": {"zh": "源文件", "en": "Source"},
    "repair_restored": {"zh": "修复为", "en": "Restored"},
    "repair_why": {"zh": "依据", "en": "Reasoning"},
    "repair_pending": {"zh": "待复核", "en": "awaiting review"},
    "repair_accepted": {"zh": "已复核", "en": "reviewed"},
    "translation_note": {
        "zh": "",
        "en": "This page is a translation of the Chinese original.",
    },
    "read_original": {"zh": "", "en": "阅读中文原文 (Read the Chinese original)"},
    "glossary": {"zh": "术语表", "en": "Glossary"},
    "topics": {"zh": "主题索引", "en": "Topic index"},
    "topics_intro": {
        "zh": "按员工常查的主题汇总四份手册中的相关章节。打开一个主题，即可看到各手册在该主题上的全部要求。",
        "en": "The topics staff look for most, each with the sections of all four manuals that treat it. "
        "Open a topic to see every rule on it together.",
    },
    "topic_intro": {
        "zh": "以下是各手册中涉及本主题的章节及其全部要求。要求编号链接到所在章节的原文。",
        "en": "The sections of each manual that treat this topic, with all their rules. "
        "Each rule's id links to it in its section.",
    },
    "topic_counts": {"zh": "{sections}节，{rules}条要求", "en": "{sections} sections, {rules} rules"},
    "topic_intro_listed": {
        "zh": "以下是各手册中涉及本主题的章节。章节太多，无法在一页中列出全部要求：请打开各节阅读。",
        "en": "The sections of each manual that treat this topic. They are too many to show every rule "
        "on one page: open a section to read its rules.",
    },
    "read_section": {"zh": "阅读本节全文", "en": "read the whole section"},
    "glossary_intro": {
        "zh": "手册中的关键术语及其统一的英文译法。",
        "en": "Key terms of the handbook and the one English rendering used for each.",
    },
    "term_zh": {"zh": "中文", "en": "Chinese"},
    "term_en": {"zh": "英文译法", "en": "English"},
    "term_note": {"zh": "说明", "en": "Note"},
    # Issue 19b: renderings the glossary rejects, shown under the one it uses.
    "term_avoid": {"zh": "不用：", "en": "not: "},
    "for_editors": {"zh": "编辑工作", "en": "For editors"},
    "register": {"zh": "引用来源登记", "en": "Reference register"},
    "register_intro": {
        "zh": "手册引用的每一个来源及其核实状态。核实一条来源后，请在 checklists/references.yml 中记录核实人、日期和方法。",
        "en": "Every source the manuals cite, with its verification state. When you verify one, "
        "record who checked it, when and how in checklists/references.yml.",
    },
    "register_kind": {"zh": "类型", "en": "Kind"},
    "register_citation": {"zh": "引用", "en": "Citation"},
    "register_status": {"zh": "状态", "en": "State"},
    "register_cited_in": {"zh": "出处", "en": "Cited in"},
    "repairs_register": {"zh": "文字修复记录", "en": "Text repairs"},
    "repairs_register_intro": {
        "zh": "所有根据上下文修复的受损文字。复核后请在对应 YAML 文件中把 review 改为 accepted。",
        "en": "Every damaged passage restored from context. After reviewing one, set its review to "
        "accepted in its YAML file.",
    },
    "repair_where": {"zh": "位置", "en": "Where"},
    "repair_state": {"zh": "状态", "en": "State"},
    "kind_standard": {"zh": "标准", "en": "standard"},
    "kind_law": {"zh": "法律法规", "en": "law"},
    "kind_report": {"zh": "报告", "en": "report"},
    "kind_statistic": {"zh": "统计数据", "en": "statistic"},
    "kind_book": {"zh": "书籍", "en": "book"},
    "kind_study": {"zh": "研究", "en": "study"},
    "checklists": {"zh": "检查表", "en": "Checklists"},
    "checklists_intro": {
        "zh": "每张检查表的项目都直接取自手册中的要求，手册改动后检查表随之更新。可在屏幕上勾选（进度保存在本浏览器中），也可打印成纸质表格。",
        "en": "Every item of these checklists is a rule of the handbook, so a changed rule changes its checklists. "
        "Tick them on screen (your progress is kept in this browser) or print them as paper forms.",
    },
    "when_before-shift": {"zh": "上岗前", "en": "Before a shift"},
    "when_during-service": {"zh": "服务中", "en": "During service"},
    "when_after-service": {"zh": "服务后", "en": "After service"},
    "when_supervision": {"zh": "监督与培训", "en": "Supervision and training"},
    "item_count": {"zh": "{n}项", "en": "{n} items"},
    "list_separator": {"zh": "、", "en": ", "},
    "checklist_legend": {
        "zh": "标 * 的是必做项目；标“如适用”的项目只在适用时勾选。每项后的编号链接到手册中的这条要求。",
        "en": "Items marked * are required; tick items marked “if applicable” only where they apply. "
        "The reference after each item links to its rule in the handbook.",
    },
    "if_applicable": {"zh": "如适用", "en": "if applicable"},
    "item_source": {"zh": "查看手册中的这条要求", "en": "Read this rule in the handbook"},
    "bilingual_print": {
        "zh": "中英对照（每项中文下附英文），供中英文混合团队使用",
        "en": "Chinese and English (English under each Chinese item), for mixed-language teams",
    },
    "signoff": {"zh": "填写人", "en": "Completed by"},
    "field_name": {"zh": "姓名", "en": "Name"},
    "field_staff": {"zh": "工号", "en": "Staff number"},
    "field_date": {"zh": "日期", "en": "Date"},
    "field_completed": {"zh": "完成时间", "en": "Completed at"},
    "field_supervisor": {"zh": "主管签字", "en": "Supervisor’s signature"},
    "used_in_checklists": {"zh": "使用本节要求的检查表：", "en": "Checklists that use this section’s rules: "},
    "used_in_rubrics": {"zh": "考核本节内容的评分表：", "en": "Rubrics that assess this section: "},
    "js_progress": {"zh": "已勾选 {done}/{total} 项", "en": "{done} of {total} ticked"},
    "js_required_left": {"zh": "还有 {n} 项必做项目未勾选", "en": "{n} required items left"},
    "js_required_done": {"zh": "必做项目已全部勾选", "en": "All required items ticked"},
    "js_completed": {"zh": "已完成：{time}", "en": "Completed {time}"},
    "js_print_ticked": {"zh": "打印（含勾选）", "en": "Print as ticked"},
    "js_print_blank": {"zh": "打印空白表", "en": "Print blank"},
    "js_reset": {"zh": "清空", "en": "Reset"},
    "js_reset_confirm": {"zh": "清空本表的全部勾选和填写内容？", "en": "Clear every tick and field of this checklist?"},
    "js_reset_yes": {"zh": "确定清空", "en": "Yes, clear it"},
    "js_reset_no": {"zh": "取消", "en": "Cancel"},
    "js_reset_done": {"zh": "已清空。", "en": "Cleared."},
    "js_saved_here": {
        "zh": "勾选和填写内容自动保存在本浏览器中。",
        "en": "Your ticks and entries are saved in this browser.",
    },
    "js_no_storage": {
        "zh": "此浏览器不允许保存数据：离开本页后勾选内容将丢失。",
        "en": "This browser does not allow saving: your ticks will be lost when you leave the page.",
    },
    "js_corrupt": {
        "zh": "本表已保存的进度无法读取，已从空白开始。",
        "en": "The saved progress of this checklist could not be read, so it starts empty.",
    },
    "js_changed": {
        "zh": "本表自您上次使用后已更新：{details}。请重新确认标出的项目。",
        "en": "This checklist has changed since you last used it: {details}. Please check the marked items again.",
    },
    "js_added": {"zh": "新增{n}项", "en": "{n} new"},
    "js_removed": {"zh": "删除{n}项", "en": "{n} removed"},
    "js_reworded": {"zh": "{n}项措辞有改动", "en": "{n} reworded"},
    "js_item_changed": {"zh": "有改动，请重新确认", "en": "changed: check again"},
    "js_item_new": {"zh": "新增项目", "en": "new item"},
    "source_file": {"zh": "源文件", "en": "Source file"},
    "review_line": {
        "zh": "负责人：{owner} · 上次审核：{last} · 下次审核：{next}",
        "en": "Owner: {owner} · last reviewed {last} · next review {next}",
    },
    "review_due": {
        "zh": "本手册应在 {next} 前重新审核，现已逾期：内容可能已不是最新做法。请联系负责人 {owner}。",
        "en": "This manual was due for review by {next} and is overdue: its content may no longer reflect current "
        "practice. Contact its owner, {owner}.",
    },
    "stale_notice": {
        "zh": "中文原文在本译文完成后已有改动。",
        "en": "The Chinese version has changed since this was translated; the English below may be out of date.",
    },
    "section_of": {
        "zh": "{manual} · 第{chapter}章 · 第{section}节",
        "en": "{manual} · Chapter {chapter} · Section {section}",
    },
    # Issue 19d: fragments (a source sentence that breaks off)
    "fragment": {"zh": "原文残缺", "en": "Fragment"},
    # issue 24: revised texts and superseded prose
    "revised": {"zh": "已修订", "en": "Revised"},
    "original_wording": {"zh": "原文", "en": "original wording"},
    "revised_why": {"zh": "修订原因：", "en": "Why: "},
    "revised_authority": {"zh": "依据：", "en": "On the authority of: "},
    "revised_history": {"zh": "修改记录（日期与合并请求）", "en": "Change history (date and pull request)"},
    "superseded_by": {
        "zh": "此段为原文，已被修订后的规定取代：",
        "en": "The original wording, superseded by the revised rule:",
    },
    "fragment_hint": {
        "zh": "原文在此句中断，以下按原文引至中断处，不作为检查项或测验内容。",
        "en": "The source breaks off inside this sentence; it is quoted as far as it goes and is not used in checklists or quizzes.",
    },
    # 19c: a requirement's force, shown by each recommendation and description, with a legend
    "force_recommendation": {"zh": "建议", "en": "Suggested"},
    "force_description": {"zh": "说明", "en": "Description"},
    "force_recommendation_title": {
        "zh": "原文以建议的口吻提出（建议、可以、宜），不是必须遵守的规定",
        "en": "The source offers this as a suggestion (建议, 可以, 宜), not as a rule",
    },
    "force_description_title": {
        "zh": "原文是说明或举例（包括…、常见的方法有…），不是要求",
        "en": "The source describes or gives examples here (包括…, 常见的方法有…); it is not a requirement",
    },
    "force_legend": {
        "zh": "未加标记的条目是原文规定必须做到的（应、须、不得）；标“建议”的是原文提出的建议；标“说明”的是原文的说明或举例。",
        "en": "Unmarked rules are what the source requires (应, 须, 不得); “Suggested” marks what it suggests; "
        "“Description” marks what it only describes or gives as an example.",
    },
    "force_checklist_tag": {"zh": "建议", "en": "Suggested"},
    "force_checklist_title": {
        "zh": "手册只是建议这样做，不是必须",
        "en": "The handbook suggests this; it is not required",
    },
}

STRINGS.update(RUBRIC_STRINGS)
STRINGS.update(QUIZ_STRINGS)
STRINGS.update(CHANGE_STRINGS)


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def script_strings(lang: str, prefix: str) -> dict[str, str]:
    """A widget's interface words: the keys starting with `prefix`, without it."""
    return {key[len(prefix) :]: value[lang] for key, value in STRINGS.items() if key.startswith(prefix)}
