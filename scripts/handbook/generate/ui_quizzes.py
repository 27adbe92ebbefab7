"""The interface words of the quizzes, the onboarding path and the paper quizzes, in both languages.

Keys starting `qjs_` go to the quiz widget (assets/js/quiz.js); `ojs_` to the
onboarding path (assets/js/onboarding.js).
"""

from __future__ import annotations

QUIZ_STRINGS: dict[str, dict[str, str]] = {
    "quizzes": {"zh": "测验", "en": "Quizzes"},
    "quizzes_intro": {
        "zh": "每章一套自测题，题目都出自手册原文，并链接到所考的章节。练习模式逐题给出反馈，可只重做答错的题；"
        "考试模式全部答完后一次交卷，按及格线评定。成绩只保存在本浏览器中。",
        "en": "One self-assessment quiz per chapter. Every question is drawn from the handbook and links to the "
        "section it tests. Practice mode gives feedback on each answer and lets you redo only the ones you "
        "got wrong; exam mode is submitted once, when every question is answered, and marked against the "
        "pass mark. Scores are kept in this browser only.",
    },
    "pass_mark_note": {
        "zh": "及格线：{n}%（本单位设定，不是手册的规定）。",
        "en": "Pass mark: {n}% (this organisation’s setting, not a rule of the manuals).",
    },
    "quiz_title": {"zh": "测验：{chapter}", "en": "Quiz: {chapter}"},
    "question_count": {"zh": "{n}道题", "en": "{n} questions"},
    "quiz_column_chapter": {"zh": "章节", "en": "Chapter"},
    "quiz_column_questions": {"zh": "题数", "en": "Questions"},
    "quiz_column_best": {"zh": "最好成绩", "en": "Best score"},
    "quiz_column_print": {"zh": "培训师用", "en": "For trainers"},
    "type_single": {"zh": "单选", "en": "single choice"},
    "type_multiple": {"zh": "多选", "en": "multiple choice"},
    "type_true-false": {"zh": "判断", "en": "true or false"},
    "type_ordering": {"zh": "排序", "en": "ordering"},
    "paper_quiz": {"zh": "纸质版", "en": "paper quiz"},
    "answer_key": {"zh": "答案", "en": "answer key"},
    "for_trainers": {"zh": "培训师用：", "en": "For trainers: "},
    "quiz_sections": {"zh": "本测验考查的章节", "en": "Sections this quiz tests"},
    "quiz_noscript": {
        "zh": "在线测验需要启用 JavaScript。也可以打印纸质版作答。",
        "en": "The online quiz needs JavaScript. You can also print the paper quiz and answer it on paper.",
    },
    "test_yourself": {"zh": "自测：", "en": "Test yourself: "},
    "gift_title": {"zh": "导出到学习管理系统", "en": "Export to a learning management system"},
    "gift_intro": {
        "zh": "整个题库（{n}道题）可导出为 Moodle GIFT 格式，导入学习管理系统：在 Moodle 的“题库 → 导入”中选择 GIFT 格式。"
        "每章为一个类别；排序题导出为配对题（为每个步骤选择其顺序号）。",
        "en": "The whole question bank ({n} questions) can be exported in Moodle GIFT format and imported into a "
        "learning management system: in Moodle, choose Question bank → Import, format GIFT. Each chapter is "
        "a category; ordering questions are exported as matching questions (give each step its position).",
    },
    "gift_download": {"zh": "下载 GIFT 文件（{language}）", "en": "Download the GIFT file ({language})"},
    "language_zh": {"zh": "中文", "en": "Chinese"},
    "language_en": {"zh": "英文", "en": "English"},
    "gift_order_prompt": {
        "zh": "为每个步骤选择它在顺序中的位置。",
        "en": "Give each step its position in the sequence.",
    },
    # Paper quiz and answer key
    "paper_title": {"zh": "纸质测验：{chapter}", "en": "Paper quiz: {chapter}"},
    "key_title": {"zh": "答案：{chapter}", "en": "Answer key: {chapter}"},
    "paper_instructions": {
        "zh": "单选题和判断题在一个方框内打“✓”；多选题在所有正确选项的方框内打“✓”；排序题在每个步骤前的方框内写上它的顺序号（1 为第一步）。",
        "en": "Single-choice and true-or-false questions: tick one box. Multiple-choice questions: tick every right "
        "answer. Ordering questions: write each step’s position in its box (1 for the first step).",
    },
    "paper_pass": {
        "zh": "及格线：{n}%，共{total}道题，每题答对得1分。",
        "en": "Pass mark: {n}%. {total} questions, one mark each.",
    },
    "field_candidate": {"zh": "姓名", "en": "Name"},
    "field_score": {"zh": "得分", "en": "Score"},
    "field_marker": {"zh": "阅卷人", "en": "Marked by"},
    "true": {"zh": "对", "en": "True"},
    "false": {"zh": "错", "en": "False"},
    "key_intro": {
        "zh": "与纸质测验配套的答案，题号和选项字母与纸质版一致；排序题的答案是纸质版中各方框自上而下应填的顺序号。"
        "请与试卷分开打印和保管。",
        "en": "The answers to the paper quiz, with the same question numbers and option letters; for an ordering "
        "question, the numbers to write in its boxes, top to bottom. Print and keep it apart from the quiz.",
    },
    "key_column_number": {"zh": "题号", "en": "No."},
    "key_column_answer": {"zh": "答案", "en": "Answer"},
    "key_column_why": {"zh": "依据", "en": "Why"},
    "print_paper": {"zh": "打印纸质测验", "en": "Print the paper quiz"},
    "print_key": {"zh": "打印答案", "en": "Print the answer key"},
    "back_to_quiz": {"zh": "返回在线测验", "en": "Back to the online quiz"},
    # Onboarding
    "onboarding": {"zh": "入职学习路径", "en": "Onboarding path"},
    "onboarding_intro": {
        "zh": "新员工按下面的顺序阅读各章，每读完一章就做该章测验（考试模式达到及格线即为通过），最后参加从全部题库随机抽题的最终考核。"
        "进度和成绩保存在本浏览器中；全部完成后可打印学习记录。",
        "en": "New staff read the chapters in the order below, take each chapter’s quiz after reading it (passing "
        "means reaching the pass mark in exam mode), and finish with a final assessment drawn at random from "
        "all question banks. Progress and scores are kept in this browser; when you are done, print the "
        "completion record.",
    },
    "onboarding_minimum": {
        "zh": "手册要求：{rule}（{source}）。",
        "en": "The handbook requires: {rule} ({source})",
    },
    "onboarding_estimate": {
        "zh": "估计学习时间：阅读约{reading}，测验约{quizzes}，合计约{total}。按每分钟阅读{speed}个汉字、每道题{per}分钟估算（本单位设定）。",
        "en": "Estimated study time: about {reading} of reading and {quizzes} of quizzes, {total} in all, "
        "at {speed} words a minute and {per} minute(s) a question (this organisation’s settings).",
    },
    "hours_minutes": {"zh": "{h}小时{m}分钟", "en": "{h} h {m} min"},
    "minutes": {"zh": "{m}分钟", "en": "{m} min"},
    "stage": {"zh": "第{n}阶段：{title}", "en": "Stage {n}: {title}"},
    "path_column_read": {"zh": "阅读", "en": "Reading"},
    "path_column_quiz": {"zh": "测验", "en": "Quiz"},
    "path_column_status": {"zh": "状态", "en": "Status"},
    "final_assessment": {"zh": "最终考核", "en": "Final assessment"},
    "final_intro": {
        "zh": "最终考核共{n}道题，每次从全部题库随机抽取：每章至少一道，其余从所有题目中抽取。只有考试模式，交卷后按及格线{pass_mark}%评定。",
        "en": "The final assessment has {n} questions, drawn at random from all banks for each attempt: at least "
        "one from every chapter, the rest from all questions. It is exam mode only, marked against the "
        "pass mark of {pass_mark}%.",
    },
    "take_final": {"zh": "参加最终考核", "en": "Take the final assessment"},
    "final_result": {"zh": "结果：", "en": "Result: "},
    "record": {"zh": "学习记录", "en": "Completion record"},
    "record_title": {"zh": "新员工入职学习记录", "en": "New staff onboarding completion record"},
    "record_intro": {
        "zh": "填写姓名和日期后打印，由新员工和培训师签字。打印的记录列出每章测验的最好成绩和最终考核结果。",
        "en": "Fill in the name and date, print, and have the new staff member and the trainer sign. The printed "
        "record lists each chapter quiz’s best score and the final assessment result.",
    },
    "field_learner": {"zh": "新员工姓名", "en": "New staff member"},
    "field_record_date": {"zh": "日期", "en": "Date"},
    "sign_learner": {"zh": "新员工签名", "en": "Signature of the new staff member"},
    "sign_trainer": {"zh": "培训师签名", "en": "Signature of the trainer"},
    "print_record": {"zh": "打印学习记录", "en": "Print the completion record"},
    # The quiz widget
    "qjs_practice": {"zh": "练习模式", "en": "Practice"},
    "qjs_exam": {"zh": "考试模式", "en": "Exam"},
    "qjs_mode": {"zh": "模式", "en": "Mode"},
    "qjs_practice_help": {
        "zh": "逐题作答，检查后立即看到反馈和解释。",
        "en": "Answer one question at a time and check it: you see feedback and the explanation at once.",
    },
    "qjs_exam_help": {
        "zh": "全部答完后一次交卷，及格线{pass}%。交卷后可逐题查看。",
        "en": "Answer every question, then submit once. Pass mark {pass}%. After submitting, review each question.",
    },
    "qjs_question": {"zh": "第{n}题，共{total}题", "en": "Question {n} of {total}"},
    "qjs_check": {"zh": "检查答案", "en": "Check answer"},
    "qjs_retry": {"zh": "再试一次", "en": "Try again"},
    "qjs_right": {"zh": "回答正确。", "en": "Correct."},
    "qjs_wrong": {"zh": "回答错误。", "en": "Not correct."},
    "qjs_unanswered": {"zh": "未作答。", "en": "Not answered."},
    "qjs_correct_answer": {"zh": "正确答案：{answer}", "en": "Correct answer: {answer}"},
    "qjs_correct_order": {"zh": "正确顺序：{answer}", "en": "Correct order: {answer}"},
    "qjs_read": {"zh": "阅读：{section}", "en": "Read: {section}"},
    "qjs_choose_first": {"zh": "请先作答。", "en": "Answer the question first."},
    "qjs_move_up": {"zh": "上移", "en": "Move up"},
    "qjs_move_down": {"zh": "下移", "en": "Move down"},
    "qjs_moved": {"zh": "“{step}”移到第{n}位", "en": "“{step}” moved to position {n}"},
    "qjs_position": {"zh": "第{n}步", "en": "Step {n}"},
    "qjs_true": {"zh": "对", "en": "True"},
    "qjs_false": {"zh": "错", "en": "False"},
    "qjs_practice_status": {
        "zh": "已检查{checked}/{total}题，答对{right}题",
        "en": "{checked} of {total} checked, {right} correct",
    },
    "qjs_wrong_only": {"zh": "只练答错的题（{n}）", "en": "Practise only the ones I got wrong ({n})"},
    "qjs_all_questions": {"zh": "练习全部题目", "en": "Practise all questions"},
    "qjs_restart": {"zh": "重新开始", "en": "Start again"},
    "qjs_wrong_only_note": {"zh": "正在练习答错的{n}道题。", "en": "Practising the {n} questions you got wrong."},
    "qjs_exam_status": {"zh": "已答{answered}/{total}题", "en": "{answered} of {total} answered"},
    "qjs_submit": {"zh": "交卷", "en": "Submit answers"},
    "qjs_submit_missing": {
        "zh": "还有{n}道题未作答，未答的题按错误计。确定交卷吗？",
        "en": "{n} question(s) not answered; they count as wrong. Submit anyway?",
    },
    "qjs_yes_submit": {"zh": "确定交卷", "en": "Submit"},
    "qjs_keep_going": {"zh": "继续作答", "en": "Keep answering"},
    "qjs_result": {
        "zh": "得分：{right}/{total}（{pct}%），{verdict}。及格线{pass}%。",
        "en": "Score: {right}/{total} ({pct}%), {verdict}. Pass mark {pass}%.",
    },
    "qjs_passed": {"zh": "通过", "en": "passed"},
    "qjs_failed": {"zh": "未通过", "en": "not passed"},
    "qjs_best": {"zh": "最好成绩：{pct}%（{date}）", "en": "Best score: {pct}% ({date})"},
    "qjs_new_attempt": {"zh": "重新考试", "en": "New attempt"},
    "qjs_export_result": {
        "zh": "下载成绩文件（交培训负责人统计）",
        "en": "Download the result (for your trainer’s statistics)",
    },
    "qjs_review_wrong": {"zh": "练习答错的题", "en": "Practise the ones I got wrong"},
    "qjs_corrupt": {
        "zh": "本测验保存的进度已损坏，无法读取，已重新开始。",
        "en": "This quiz’s saved progress was damaged and could not be read, so it starts afresh.",
    },
    "qjs_changed": {
        "zh": "题库已更新：{n}道已改动或删除的题的答案已清除。",
        "en": "The questions have been updated: answers to {n} changed or removed question(s) were cleared.",
    },
    "qjs_no_storage": {
        "zh": "本浏览器不允许保存数据：进度和成绩在关闭页面后不会保留。",
        "en": "This browser does not allow saving: progress and scores will not be kept after you leave the page.",
    },
    "ojs_passed": {"zh": "已通过", "en": "Passed"},
    "ojs_tried": {"zh": "未通过", "en": "Not yet passed"},
    "ojs_todo": {"zh": "未开始", "en": "Not started"},
    "ojs_progress": {"zh": "已通过{n}/{total}章测验", "en": "{n} of {total} chapter quizzes passed"},
    "ojs_final": {"zh": "最终考核：{result}", "en": "Final assessment: {result}"},
    "ojs_final_none": {"zh": "未参加", "en": "not taken"},
    "ojs_export_record": {
        "zh": "下载学习记录（交培训负责人统计）",
        "en": "Download the record (for your trainer’s statistics)",
    },
    "ojs_complete": {"zh": "学习路径已全部完成。", "en": "The onboarding path is complete."},
}
