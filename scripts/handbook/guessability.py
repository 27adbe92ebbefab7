"""How far a test-wise reader gets on the question banks without knowing the handbook.

Each strategy answers from the wording or the layout alone: "false when the
statement says 只 or 一律", "the longest option", "the key is usually in the
same place". A bank whose items give the answer away measures reading tricks,
not the handbook, so each strategy has a budget (chance plus a small margin).
The budgets below are the item-writing rules in CONTRIBUTING.md; they are
checked by `scripts/hb check` and printed per bank by `scripts/hb guess`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .model import Question, Quiz
from .problems import Problems

# --- The budgets: every threshold of the guessability checks, in one place. ---

# True/false: answer "false" when the Chinese statement contains one of these words.
TF_CUE_WORDS = ("只", "仅", "不必", "无需", "即可", "就可以", "一律", "总是", "从不", "绝对", "完全不", "所有", "任何")
TF_CUE_MAX = 0.60  # the cue strategy (and its opposite) may score at most this share
TF_CUE_MIN_BANK_ITEMS = 5  # a bank's own cue score is judged from this many true/false items
TF_TRUE_SHARE_ALL = (0.40, 0.60)  # share of true statements over all banks
TF_TRUE_SHARE_BANK = (0.25, 0.75)  # ... and in one bank
TF_BALANCE_MIN_BANK_ITEMS = 4  # a bank's balance is judged from this many true/false items

# Single choice: three strategies that answer from the options' Chinese length
# (whitespace not counted) may each score at most chance plus this margin:
# - longest: the longest option (k tied: each gets 1/k of the pick);
# - shortest: the shortest option (likewise);
# - middle: an option chosen uniformly among those that are neither the unique
#   longest nor the unique shortest (a length shared by two options is no
#   extreme; if no option is left, among all). It catches banks that keep their
#   keys away from both extremes, which the first two budgets alone reward.
SINGLE_MARGIN = 0.10
SINGLE_MIN_BANK_ITEMS = 5

# Multiple choice: "choose everything that is not absurd" works when one option is wrong.
MC_ONE_WRONG_MAX = 0.25  # share of multiple-choice questions with exactly one wrong option
MC_ONE_WRONG_MIN_ITEMS = 4  # judged from this many multiple-choice questions
MC_MIN_RIGHT = 2  # fewer right options is a single-choice question in disguise
MC_MIN_WRONG = 1

# Every budget is also judged over all banks together, from the same minimum
# number of items: a share of one or two items says nothing about a bank set.

# Answer positions (the YAML order, which the paper quiz prints): the share of
# keys at each position stays within this margin of what chance puts there.
POSITION_MARGIN = 0.10
# A position held by fewer items is not judged: one five-option question cannot
# put "a fifth" of a key in its fifth place.
POSITION_MIN_ITEMS = 5

# Options that are answered from their form, not from the handbook.
ALL_NONE_OF_THE_ABOVE = (
    "以上都",
    "以上皆",
    "以上均",
    "以上全",
    "都不对",
    "都不是",
    "都正确",
    "all of the above",
    "none of the above",
    "both of the above",
)


# --- The strategies, item by item. ---


def cue_words(question: Question) -> list[str]:
    return [word for word in TF_CUE_WORDS if word in question.question.zh]


def cue_answer(question: Question) -> bool:
    """The cue strategy's answer: false when a cue word is present."""
    return not cue_words(question)


def _length(text: str) -> int:
    return len("".join(text.split()))


def extreme_option_credit(question: Question, longest: bool) -> Fraction:
    """Expected credit of picking the longest (or shortest) option: 1/k if the key is among the k tied."""
    lengths = [_length(option.text.zh) for option in question.options]
    target = max(lengths) if longest else min(lengths)
    picked = [option for option, n in zip(question.options, lengths) if n == target]
    return Fraction(sum(option.correct for option in picked), len(picked))


def middle_options(question: Question) -> list:
    """The options the middle strategy chooses among: all but the unique longest and the unique
    shortest (all options, if that leaves none)."""
    lengths = [_length(option.text.zh) for option in question.options]
    extremes = {n for n in (max(lengths), min(lengths)) if lengths.count(n) == 1}
    return [o for o, n in zip(question.options, lengths) if n not in extremes] or list(question.options)


def middle_option_credit(question: Question) -> Fraction:
    """Expected credit of choosing uniformly among the middle options (see SINGLE_MARGIN): the
    strategy of a reader who has learnt that a bank keeps its key away from either extreme."""
    middle = middle_options(question)
    return Fraction(sum(option.correct for option in middle), len(middle))


def key_is_unique_extreme(question: Question, longest: bool) -> bool:
    return extreme_option_credit(question, longest) == 1


def chance(question: Question) -> Fraction:
    return Fraction(1, len(question.options))


# --- Scores over a set of questions. ---


@dataclass
class Located:
    """A question with the file and line it is written at."""

    question: Question
    file: Path
    bank: str

    @property
    def line(self) -> int:
        return self.question.origin.line


@dataclass
class Scores:
    """Every strategy's score over one bank, or over all banks."""

    name: str
    tf: list[Located] = field(default_factory=list)
    single: list[Located] = field(default_factory=list)
    multiple: list[Located] = field(default_factory=list)

    @property
    def tf_true_share(self) -> float | None:
        return _mean([q.question.answer is True for q in self.tf])

    @property
    def tf_cue(self) -> float | None:
        return _mean([cue_answer(q.question) == q.question.answer for q in self.tf])

    @property
    def tf_cue_opposite(self) -> float | None:
        return _mean([cue_answer(q.question) != q.question.answer for q in self.tf])

    @property
    def single_chance(self) -> float | None:
        return _mean([chance(q.question) for q in self.single])

    @property
    def single_longest(self) -> float | None:
        return _mean([extreme_option_credit(q.question, True) for q in self.single])

    @property
    def single_shortest(self) -> float | None:
        return _mean([extreme_option_credit(q.question, False) for q in self.single])

    @property
    def single_middle(self) -> float | None:
        return _mean([middle_option_credit(q.question) for q in self.single])

    @property
    def mc_one_wrong(self) -> list[Located]:
        return [q for q in self.multiple if sum(not o.correct for o in q.question.options) == 1]

    @property
    def mc_one_wrong_share(self) -> float | None:
        return len(self.mc_one_wrong) / len(self.multiple) if self.multiple else None


def _mean(values) -> float | None:
    values = list(values)
    return float(sum(values) / len(values)) if values else None


def located(quizzes: list[Quiz]) -> list[Located]:
    return [Located(question, quiz.origin.file, quiz.id) for quiz in quizzes for question in quiz.questions]


def scores(name: str, items: list[Located]) -> Scores:
    result = Scores(name)
    for item in items:
        kind = item.question.type
        if kind == "true-false" and item.question.answer is not None:
            result.tf.append(item)
        elif kind == "single" and item.question.options:
            result.single.append(item)
        elif kind == "multiple" and item.question.options:
            result.multiple.append(item)
    return result


def per_bank(quizzes: list[Quiz]) -> list[Scores]:
    return [scores(quiz.id, located([quiz])) for quiz in quizzes]


@dataclass
class Position:
    """How often an option at one position (1-based) is a key, against what chance gives."""

    kind: str  # single | multiple
    position: int
    items: list[Located]  # the questions that have an option at this position
    keyed: list[Located]  # ... of which the option there is correct

    @property
    def share(self) -> float:
        return len(self.keyed) / len(self.items)

    @property
    def expected(self) -> float:
        return float(
            sum(Fraction(sum(o.correct for o in q.question.options), len(q.question.options)) for q in self.items)
            / len(self.items)
        )

    @property
    def judged(self) -> bool:
        return len(self.items) >= POSITION_MIN_ITEMS

    @property
    def ok(self) -> bool:
        return not self.judged or abs(self.share - self.expected) <= POSITION_MARGIN + 1e-9


def positions(kind: str, items: list[Located]) -> list[Position]:
    having: dict[int, list[Located]] = defaultdict(list)
    keyed: dict[int, list[Located]] = defaultdict(list)
    for item in items:
        for i, option in enumerate(item.question.options):
            having[i + 1].append(item)
            if option.correct:
                keyed[i + 1].append(item)
    return [Position(kind, p, having[p], keyed[p]) for p in sorted(having)]


# --- The check. ---


def check_guessability(quizzes: list[Quiz], problems: Problems) -> None:
    """Report each budget a bank, or all banks together, exceeds.

    A bank's problem is reported at the bank's first line, a problem over all
    banks at the banks' folder; each names the file:line of the items that carry
    the cue."""
    everything = scores("all banks", located(quizzes))
    for quiz in quizzes:
        bank = scores(quiz.id, located([quiz]))
        _check_tf(
            bank,
            problems,
            quiz.origin.file,
            1,
            TF_TRUE_SHARE_BANK,
            judge_cue=len(bank.tf) >= TF_CUE_MIN_BANK_ITEMS,
            judge_opposite=False,
            judge_balance=len(bank.tf) >= TF_BALANCE_MIN_BANK_ITEMS,
        )
        if len(bank.single) >= SINGLE_MIN_BANK_ITEMS:
            _check_single(bank, problems, quiz.origin.file, 1)
    if not quizzes:
        return
    first = quizzes[0].origin.file.parent
    judge_cue = len(everything.tf) >= TF_CUE_MIN_BANK_ITEMS
    _check_tf(
        everything,
        problems,
        first,
        1,
        TF_TRUE_SHARE_ALL,
        judge_cue=judge_cue,
        judge_opposite=judge_cue,
        judge_balance=len(everything.tf) >= TF_BALANCE_MIN_BANK_ITEMS,
    )
    if len(everything.single) >= SINGLE_MIN_BANK_ITEMS:
        _check_single(everything, problems, first, 1)
    if len(everything.multiple) >= MC_ONE_WRONG_MIN_ITEMS:
        _check_mc(everything, problems, first)
    for kind, items in (("single", everything.single), ("multiple", everything.multiple)):
        for position in positions(kind, items):
            if not position.ok:
                _position_problem(position, problems, first)


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def where(items: list[Located], root: Problems, note=None) -> str:
    """'checklists/quizzes/001-5.yml:12 (只), :40; …/003-1.yml:7' — file:line, grouped by file."""
    parts, last = [], None
    for item in sorted(items, key=lambda i: (str(i.file), i.line)):
        extra = f" ({note(item)})" if note else ""
        if item.file == last:
            parts.append(f":{item.line}{extra}")
        else:
            parts.append(f"{root.relative(item.file)}:{item.line}{extra}")
            last = item.file
    return ", ".join(parts)


def _check_tf(
    bank: Scores,
    problems: Problems,
    file: Path,
    line: int,
    balance: tuple[float, float],
    judge_cue: bool,
    judge_opposite: bool,
    judge_balance: bool,
) -> None:
    scope = "over all banks" if bank.name == "all banks" else f"in bank {bank.name}"
    if judge_cue and bank.tf_cue > TF_CUE_MAX + 1e-9:
        gave_away = [q for q in bank.tf if cue_words(q.question) and q.question.answer is False]
        plain_true = [q for q in bank.tf if not cue_words(q.question) and q.question.answer is True]
        problems.add(
            file,
            line,
            f"true/false {scope}: answering 'false' when the statement has a cue word "
            f"({'、'.join(TF_CUE_WORDS)}) and 'true' otherwise scores {_pct(bank.tf_cue)} "
            f"of {len(bank.tf)} (at most {_pct(TF_CUE_MAX)}); false statements with a cue word: "
            f"{where(gave_away, problems, lambda q: '、'.join(cue_words(q.question)))}"
            + (f"; true statements without one: {len(plain_true)}" if plain_true else ""),
            "write false statements without these words, and put qualifiers such as 只 or 一律 "
            "into true statements too, where the handbook says them",
        )
    if judge_opposite and bank.tf_cue_opposite > TF_CUE_MAX + 1e-9:
        gave_away = [q for q in bank.tf if cue_words(q.question) and q.question.answer is True]
        problems.add(
            file,
            line,
            f"true/false {scope}: answering 'true' when the statement has a cue word and 'false' "
            f"otherwise scores {_pct(bank.tf_cue_opposite)} of {len(bank.tf)} (at most {_pct(TF_CUE_MAX)}); "
            f"true statements with a cue word: "
            f"{where(gave_away, problems, lambda q: '、'.join(cue_words(q.question)))}",
            "balance the qualifiers between true and false statements",
        )
    share = bank.tf_true_share
    if judge_balance and not balance[0] - 1e-9 <= share <= balance[1] + 1e-9:
        trues = sum(q.question.answer is True for q in bank.tf)
        problems.add(
            file,
            line,
            f"true/false {scope}: {trues} of {len(bank.tf)} statements are true ({_pct(share)}); "
            f"keep the share between {_pct(balance[0])} and {_pct(balance[1])}",
            "rewrite some statements to the other answer, so that always answering "
            f"'{'true' if share > 0.5 else 'false'}' does not pass",
        )


def _check_single(bank: Scores, problems: Problems, file: Path, line: int) -> None:
    scope = "over all banks" if bank.name == "all banks" else f"in bank {bank.name}"
    limit = bank.single_chance + SINGLE_MARGIN
    for longest, score in ((True, bank.single_longest), (False, bank.single_shortest)):
        if score > limit + 1e-9:
            word = "longest" if longest else "shortest"
            unique = [q for q in bank.single if key_is_unique_extreme(q.question, longest)]
            problems.add(
                file,
                line,
                f"single choice {scope}: always choosing the {word} option scores {_pct(score)} "
                f"of {len(bank.single)} (chance {_pct(bank.single_chance)}, at most {_pct(limit)}); "
                f"the key is the {word} option at {where(unique, problems)}",
                "make the options about equally long: a distractor as complete and qualified as the key",
            )
    if bank.single_middle > limit + 1e-9:
        # The items that pay the strategy more than chance: the key is in a small middle group.
        paying = [q for q in bank.single if middle_option_credit(q.question) > chance(q.question)]
        problems.add(
            file,
            line,
            f"single choice {scope}: choosing among the options that are neither the longest nor the "
            f"shortest scores {_pct(bank.single_middle)} of {len(bank.single)} "
            f"(chance {_pct(bank.single_chance)}, at most {_pct(limit)}); the key is neither the longest "
            f"nor the shortest option at {where(paying, problems)}",
            "let the key be the longest option in about a quarter of the questions and the shortest in "
            "about a quarter: shorten or lengthen the key or a distractor without changing what it says",
        )


def _check_mc(bank: Scores, problems: Problems, file: Path) -> None:
    share = bank.mc_one_wrong_share
    if share is not None and share > MC_ONE_WRONG_MAX + 1e-9:
        one_wrong = bank.mc_one_wrong
        problems.add(
            file,
            1,
            f"multiple choice over all banks: {len(one_wrong)} of {len(bank.multiple)} questions "
            f"({_pct(share)}) have exactly one wrong option (at most {_pct(MC_ONE_WRONG_MAX)}): "
            f"{where(one_wrong, problems)}",
            "give these questions a second plausible wrong option, each contradicting a named rule",
        )


def _position_problem(position: Position, problems: Problems, file: Path) -> None:
    what = "keys" if position.kind == "single" else "options"
    problems.add(
        file,
        1,
        f"{position.kind} choice over all banks: option {position.position} is correct in "
        f"{len(position.keyed)} of the {len(position.items)} questions that have it ({_pct(position.share)}); "
        f"chance gives {_pct(position.expected)} ± {_pct(POSITION_MARGIN)}"
        + (f"; keyed there: {where(position.keyed, problems)}" if position.share > position.expected else ""),
        f"move some {what} to other positions (the order in the YAML is the order the paper quiz prints)",
    )


# --- The table for `scripts/hb guess`. ---


def table(quizzes: list[Quiz]) -> str:
    rows = per_bank(quizzes) + [scores("all banks", located(quizzes))]

    def cell(value: float | None) -> str:
        return "–" if value is None else _pct(value)

    lines = [
        "| bank | T/F | true | cue | opposite | single | chance | longest | shortest | middle | multiple | one wrong |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {len(row.tf)} | {cell(row.tf_true_share)} | {cell(row.tf_cue)} | "
            f"{cell(row.tf_cue_opposite)} | {len(row.single)} | {cell(row.single_chance)} | "
            f"{cell(row.single_longest)} | {cell(row.single_shortest)} | {cell(row.single_middle)} | {len(row.multiple)} | "
            f"{cell(row.mc_one_wrong_share)} |"
        )
    everything = rows[-1]
    lines += [
        "",
        "Budgets: cue and opposite ≤ " + _pct(TF_CUE_MAX) + f" (banks with ≥ {TF_CUE_MIN_BANK_ITEMS} T/F); "
        f"true {_pct(TF_TRUE_SHARE_ALL[0])}–{_pct(TF_TRUE_SHARE_ALL[1])} over all, "
        f"{_pct(TF_TRUE_SHARE_BANK[0])}–{_pct(TF_TRUE_SHARE_BANK[1])} per bank (≥ {TF_BALANCE_MIN_BANK_ITEMS} T/F); "
        f"longest, shortest and middle ≤ chance + {_pct(SINGLE_MARGIN)} (banks with ≥ {SINGLE_MIN_BANK_ITEMS} single); "
        f"one wrong ≤ {_pct(MC_ONE_WRONG_MAX)} over all. "
        "middle: a random option that is neither the unique longest nor the unique shortest.",
        "",
        "| kind | position | questions | keyed | share | chance | within ±" + _pct(POSITION_MARGIN) + " |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for kind, items in (("single", everything.single), ("multiple", everything.multiple)):
        for position in positions(kind, items):
            verdict = ("yes" if position.ok else "NO") if position.judged else f"not judged (< {POSITION_MIN_ITEMS})"
            lines.append(
                f"| {kind} | {position.position} | {len(position.items)} | {len(position.keyed)} | "
                f"{_pct(position.share)} | {_pct(position.expected)} | {verdict} |"
            )
    return "\n".join(lines) + "\n"
