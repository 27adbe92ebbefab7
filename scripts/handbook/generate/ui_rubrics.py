"""The interface words of the rubric pages, in both languages.

Keys starting `rjs_` go to the rubric widget (assets/js/rubric.js).
"""

from __future__ import annotations

RUBRIC_STRINGS: dict[str, dict[str, str]] = {
    "rubrics": {"zh": "评分表", "en": "Rubrics"},
    "rubrics_intro": {
        "zh": "主管和服务监督小组用这些评分表考核员工：每项评分标准都注明它考核的手册章节。"
        "可在屏幕上评分（自动计算总分和等级，草稿保存在本浏览器中，完成的考核可导出为 CSV 或 JSON），"
        "也可打印空白观察表在现场填写。",
        "en": "Supervisors and the service supervision group assess staff with these rubrics; every criterion names "
        "the sections of the handbook it assesses. Score on screen (the total and grade are worked out for you, "
        "the draft is kept in this browser, and finished assessments can be exported as CSV or JSON), "
        "or print a blank observation sheet to fill in on the spot.",
    },
    "criterion_count": {"zh": "{n}项评分标准", "en": "{n} criteria"},
    "rubric_basis": {"zh": "依据：{sections}", "en": "Based on {sections}"},
    "rubric_legend": {
        "zh": "每项评分标准选一个等级；不适用的项目选“不适用”。带引号的描述是手册原文，注明出处；不带引号的描述是本单位的表述。"
        "标“关键项”的评分标准会限制最终等级，见页末“评分方法”。",
        "en": "Choose one level for each criterion, or “not applicable” where it does not apply. Descriptors in "
        "quotation marks translate the manual’s own words, with their source; the others are this "
        "organisation’s wording. Criteria marked “critical” can limit the final grade: see “How the score "
        "is worked out” at the end of the page.",
    },
    "assessment_fields": {"zh": "考核信息", "en": "Assessment details"},
    "field_assessor": {"zh": "评估人", "en": "Assessor"},
    "field_person": {"zh": "被评估人", "en": "Person assessed"},
    "field_context": {"zh": "考核场景", "en": "Context"},
    "field_context_hint": {
        "zh": "如：柜台现场观察、电话录音抽查",
        "en": "e.g. on-site observation at the counter, call recording spot check",
    },
    "criterion_header": {"zh": "评分标准", "en": "Criterion"},
    "weight": {"zh": "权重 {n}%", "en": "weight {n}%"},
    "critical": {"zh": "关键项", "en": "critical"},
    "not_applicable": {"zh": "不适用", "en": "Not applicable"},
    "points": {"zh": "计{n}%", "en": "{n}%"},
    "level_share": {"zh": "{name}计{n}%", "en": "{name}: {n}%"},
    "assesses": {"zh": "考核：", "en": "Assesses: "},
    "comment": {"zh": "备注", "en": "Comment"},
    "requirements_of": {"zh": "{section}的要求（{n}条）", "en": "The requirements of {section} ({n})"},
    "org_wording": {"zh": "本单位表述", "en": "this organisation’s wording"},
    "total_score": {"zh": "总分", "en": "Total score"},
    "final_grade": {"zh": "等级", "en": "Grade"},
    "sign_assessor": {"zh": "评估人签字", "en": "Assessor’s signature"},
    "sign_person": {"zh": "被评估人签字", "en": "Signature of person assessed"},
    "method": {"zh": "评分方法", "en": "How the score is worked out"},
    "method_levels": {
        "zh": "每项评分标准选一个等级，每个等级按一定比例计分：{levels}。",
        "en": "Each criterion is rated at one level, and each level counts for a share of the criterion’s weight: {levels}.",
    },
    "method_weights": {
        "zh": "每项得分 = 权重 × 所评等级的比例；各项得分相加即为总分，满分 100 分。权重见下表，合计 100%。"
        "例如权重 {weight}% 的“{criterion}”评为“{level}”（{share}%），得 {points} 分。",
        "en": "A criterion scores its weight × its level’s share, and the criteria’s scores add up to the total, out "
        "of 100. The weights are in the table below and add up to 100%. For example, “{criterion}”, weighing "
        "{weight}%, rated “{level}” ({share}%), scores {points}.",
    },
    "method_na": {
        "zh": "选“不适用”的项目不计入总分，其余项目的权重按比例放大，使总分仍以 100 分计。"
        "例如一项权重 10% 的项目不适用时，其余项目的分数之和除以 90%。",
        "en": "Criteria marked “not applicable” are left out, and the weights of the rest are scaled up in "
        "proportion so that the total is still out of 100. For example, if a criterion weighing 10% does not "
        "apply, the weighted points of the others are divided by 90%.",
    },
    "method_bands": {
        "zh": "总分对应的等级：{bands}。正好等于分数线的总分归入较高的等级。总分显示到小数点后一位（其后各位舍去）。",
        "en": "The total gives the grade: {bands}. A total exactly on a threshold takes the higher grade. The total "
        "is shown to one decimal place (further digits are dropped, not rounded).",
    },
    "band_at_least": {"zh": "{min}分及以上为{grade}", "en": "{grade} from {min}"},
    "band_below": {"zh": "{min}分以下为{grade}", "en": "{grade} below {min}"},
    "method_caps": {
        "zh": "关键项：以下情况无论总分多少，等级都不高于所列等级。",
        "en": "Critical criteria: in the cases below, the grade can be no better than the one given, whatever "
        "the total.",
    },
    "cap_rule": {
        "zh": "“{criterion}”评为“{level}”：等级最高为“{grade}”。{because}",
        "en": "“{criterion}” rated “{level}”: the grade is at most “{grade}”. {because}",
    },
    "cap_rule_or_lower": {
        "zh": "“{criterion}”评为“{level}”或更低：等级最高为“{grade}”。{because}",
        "en": "“{criterion}” rated “{level}” or lower: the grade is at most “{grade}”. {because}",
    },
    "method_settings": {
        "zh": "以上分数、权重、等级分数线和关键项是本单位的设定，手册没有规定这些数值；等级名称取自 {source}。",
        "en": "The points, weights, grade thresholds and critical criteria above are this organisation’s settings: "
        "the manual gives no such numbers. The grade names are those of {source}.",
    },
    "method_table_weight": {"zh": "权重", "en": "Weight"},
    "method_table_critical": {"zh": "关键项", "en": "Critical"},
    "rjs_score": {"zh": "总分 {score}/100", "en": "Total {score} out of 100"},
    "rjs_grade": {"zh": "等级：{grade}", "en": "Grade: {grade}"},
    "rjs_no_score": {"zh": "尚未评分", "en": "Not scored yet"},
    "rjs_rated": {"zh": "已评 {done}/{total} 项", "en": "{done} of {total} criteria rated"},
    "rjs_na": {"zh": "{n} 项不适用", "en": "{n} not applicable"},
    "rjs_provisional": {"zh": "尚有 {n} 项未评，结果为暂定", "en": "{n} still to rate: provisional"},
    "rjs_all_na": {
        "zh": "所有项目均为不适用，无法计分",
        "en": "Every criterion is marked not applicable, so there is no score",
    },
    "rjs_capped": {
        "zh": "按分数为“{by_score}”，但因关键项“{criterion}”评为“{level}”，等级最高为“{grade}”：{because}",
        "en": "The score alone gives “{by_score}”, but because the critical criterion “{criterion}” is "
        "rated “{level}”, the grade is at most “{grade}”: {because}",
    },
    "rjs_save": {"zh": "保存本次考核", "en": "Save this assessment"},
    "rjs_saved": {
        "zh": "已保存 {person} 的考核（{grade}），并已开始新的空白草稿。",
        "en": "Saved the assessment of {person} ({grade}) and started a new blank draft.",
    },
    "rjs_missing": {"zh": "尚不能保存：{what}。", "en": "Not saved yet: {what}."},
    "rjs_missing_fields": {"zh": "请填写{fields}", "en": "fill in {fields}"},
    "rjs_missing_standard": {
        "zh": "“{criterion}”：请写明评分所依据的本单位标准",
        "en": "“{criterion}”: write down the organisation standard you scored against",
    },
    "org_standard_unset": {
        "zh": "本单位尚未设定此标准：请写明评分所依据的标准，它随本次考核保存和导出。",
        "en": "This organisation has not set this standard yet: write down the standard you scored against; it is saved and exported with the assessment.",
    },
    "rjs_missing_criteria": {
        "zh": "还有 {n} 项评分标准未评（可选“不适用”）",
        "en": "{n} criteria are not rated yet (choose “not applicable” where one does not apply)",
    },
    "rjs_print_blank": {"zh": "打印空白观察表", "en": "Print blank sheet"},
    "rjs_print_filled": {"zh": "打印评定结果", "en": "Print result sheet"},
    "rjs_reset": {"zh": "清空草稿", "en": "Clear draft"},
    "rjs_reset_confirm": {
        "zh": "清空本次草稿中的全部评分、备注和考核信息？已保存的考核不受影响。",
        "en": "Clear every rating, comment and detail of this draft? Saved assessments are kept.",
    },
    "rjs_reset_yes": {"zh": "确定清空", "en": "Yes, clear it"},
    "rjs_reset_no": {"zh": "取消", "en": "Cancel"},
    "rjs_reset_done": {"zh": "草稿已清空。", "en": "Draft cleared."},
    "rjs_draft_kept": {"zh": "草稿自动保存在本浏览器中。", "en": "The draft is kept in this browser as you work."},
    "rjs_no_storage": {
        "zh": "此浏览器不允许保存数据：离开本页后草稿和已保存的考核都会丢失，请及时导出。",
        "en": "This browser does not allow saving: the draft and saved assessments will be lost "
        "when you leave the page, so export them first.",
    },
    "rjs_corrupt": {
        "zh": "本评分表已保存的数据无法读取，已从空白开始。",
        "en": "The saved data of this rubric could not be read, so it starts empty.",
    },
    "rjs_dropped": {
        "zh": "{n} 条已保存的考核记录已损坏，无法读取。",
        "en": "{n} saved assessments were damaged and could not be read.",
    },
    "rjs_changed": {
        "zh": "本评分表自草稿保存后已更新，{n} 项评分已失效，请重新评定标出的项目。",
        "en": "This rubric has changed since the draft was saved: {n} ratings no longer apply. "
        "Please rate the marked criteria again.",
    },
    "rjs_recheck": {"zh": "请重新评定", "en": "rate again"},
    "rjs_saved_heading": {"zh": "已保存的考核", "en": "Saved assessments"},
    "rjs_saved_none": {"zh": "本浏览器中还没有保存的考核。", "en": "No assessments are saved in this browser yet."},
    "rjs_saved_count": {"zh": "本浏览器中保存了 {n} 份考核。", "en": "{n} assessments are saved in this browser."},
    "rjs_col_date": {"zh": "日期", "en": "Date"},
    "rjs_col_person": {"zh": "被评估人", "en": "Person assessed"},
    "rjs_col_assessor": {"zh": "评估人", "en": "Assessor"},
    "rjs_col_score": {"zh": "总分", "en": "Score"},
    "rjs_col_grade": {"zh": "等级", "en": "Grade"},
    "rjs_col_actions": {"zh": "操作", "en": "Actions"},
    "rjs_export_csv": {"zh": "全部导出 CSV", "en": "Export all as CSV"},
    "rjs_export_json": {"zh": "全部导出 JSON", "en": "Export all as JSON"},
    "rjs_download_json": {"zh": "下载 JSON", "en": "Download JSON"},
    "rjs_delete": {"zh": "删除", "en": "Delete"},
    "rjs_delete_confirm": {"zh": "确定删除", "en": "Confirm delete"},
    "rjs_deleted": {"zh": "已删除 {person} 的考核。", "en": "Deleted the assessment of {person}."},
    "rjs_csv_assessment": {"zh": "考核编号", "en": "Assessment"},
    "rjs_csv_rubric": {"zh": "评分表", "en": "Rubric"},
    "rjs_csv_version": {"zh": "版本", "en": "Version"},
    "rjs_csv_saved": {"zh": "保存时间", "en": "Saved at"},
    "rjs_csv_capped": {"zh": "等级限制原因", "en": "Grade limited because"},
    "rjs_csv_criterion": {"zh": "评分标准", "en": "Criterion"},
    "rjs_csv_criterion_id": {"zh": "评分标准编号", "en": "Criterion id"},
    "rjs_csv_weight": {"zh": "权重", "en": "Weight"},
    "rjs_csv_level": {"zh": "所评等级", "en": "Level"},
    "rjs_csv_points": {"zh": "分数", "en": "Points"},
    "rjs_csv_comment": {"zh": "备注", "en": "Comment"},
    "rjs_csv_standard": {"zh": "所依据的本单位标准", "en": "Organisation standard applied"},
}
