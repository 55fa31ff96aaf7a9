"""Safeguarding screen: flag texts where a child may be in danger now (recall first)."""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from classifier import safeguard_rules as rules
from classifier.normalise import normalise
from classifier.pinyin import split_syllables, syllables_by_word
from classifier.pinyin_reading import read_back
from classifier.regional import mandarin_reading
from classifier.safeguard_concepts import family_hits

_CLAUSE_RE = re.compile(r"[，。！？；,.!?;…\n]+")
_LATIN_RE = re.compile(r"[a-z]")
_SPACE_RE = re.compile(r"\s+")
_CONTENT_RE = re.compile(r"[\u4e00-\u9fffa-z0-9]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD_RE = re.compile(r"[a-z]{2,}")
# A progress code typed back ("查进度 ts-zs3nwz", "zs3nwz"): random letters from the code
# alphabet, not words, so "zs" or "qq" inside one is no evidence. Normalising may shorten
# "qqq" to "qq", hence four to six. Without the TS prefix or a progress word before it, a code
# is only recognised with a digit in it, and a contact handle (qq…, wx…, vx…) never is.
_CODE_ALPHABET = "[2-9a-hjkmnp-z]"
_PROGRESS_CODE_RE = re.compile(
    rf"(?<![a-z0-9])(?:ts[-\s]?{_CODE_ALPHABET}{{4,6}}|(?!qq|wx|vx)(?=[a-z]*[2-9]){_CODE_ALPHABET}{{5,6}})"
    r"(?![a-z0-9])"
)
_CODE_AFTER_WORD_RE = re.compile(rf"(进度|码)[是\s:：]*{_CODE_ALPHABET}{{4,6}}(?![a-z0-9])")
MIN_NET_CONTENT = 5
SCREEN_BATCH = 256  # well under the 1,024 texts whose concepts safeguard_concepts keeps
SHORT_LATIN = 12
# Medicine beside an illness (感冒吃药, 发烧打针) is care; without an amount (好多, 一瓶, 攒)
# the net does not read the medicine words.
_ILLNESS = re.compile(r"感冒|发烧|咳嗽|嗓子(疼|痛)|拉肚子|流鼻涕|牙(疼|痛)|过敏|鼻炎|生病|住院")
_OVERDOSE = re.compile(r"好多|很多|一把|一瓶|一板|一盒|攒|吞|全部|整(瓶|板|盒)")
# Medicine for an illness is blanked with the words around it (今天又吃药了): left behind, 又…了
# reads like a child who has done it again.
_MEDS = re.compile(r"(?:今天|又|还|要|在)*(?:吃药|喝药|打针|输液|(?<![火炸弹])药)了?")


def blank_progress_codes(norm: str) -> str:
    """Normalised text with any progress code typed back blanked, with the 码 or 进度 naming it
    (the other words stay): "我的码是 zs3nwz" leaves "我的", too little for the net to read."""
    return _PROGRESS_CODE_RE.sub(" ", _CODE_AFTER_WORD_RE.sub(" ", norm))


def screen_form(norm: str) -> str:
    """What the rules and the net read: progress codes blanked, written Cantonese in Mandarin."""
    return mandarin_reading(blank_progress_codes(norm))


@dataclass(frozen=True)
class Urgency:
    """Whether a text needs a person now, which kinds of danger, and the phrases that matched."""

    urgent: bool
    kinds: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)


def _compile(table: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
    """Compile a kind → patterns table into (kind, regex) pairs."""
    return [(kind, re.compile(p)) for kind, patterns in table.items() for p in patterns]


STRONG = _compile(rules.STRONG)
WEAK = _compile(rules.WEAK)
WHOLE = _compile(rules.WHOLE)
PINYIN = _compile(rules.PINYIN)
PINYIN_WEAK = _compile(rules.PINYIN_WEAK)
GUARD = re.compile(rules.GUARD)
FIGURE_HELP = re.compile(rules.FIGURE_HELP)
CHORE = re.compile(rules.CHORE)
# Words typed with "shi" that read as 死 once sh and s are merged, spelt so the pinyin rules
# for 去死 and 想死 do not see them: 去世 (passed away) as 过世; 现实, 显示, 限时, 先是 and
# 像是 as 限制 (a child who means 想死 types "si").
_TYPED_SHI = (
    (re.compile(r"(?<![a-z])qu ?shi(?![aeiou])"), "guo shi"),
    (re.compile(r"(?<![a-z])xiang? ?shi(?![aeiou])"), "xian zhi"),
)
FORMAL = re.compile(rules.FORMAL)
PLAY = re.compile(rules.PLAY)
PLAY_AGAIN = re.compile(rules.PLAY_AGAIN)
BENIGN = re.compile(rules.BENIGN)


def _clauses(norm: str) -> list[str]:
    """Split normalised text into clauses and join spaced-out characters (想 死 了 → 想死了)."""
    return [c for c in (_SPACE_RE.sub("", part) for part in _CLAUSE_RE.split(norm)) if c]


def _scan(text: str, table: list[tuple[str, re.Pattern]], hits: dict[str, str]) -> None:
    """Record the first matching phrase per kind."""
    for kind, pattern in table:
        match = pattern.search(text)
        if match and kind not in hits:
            hits[kind] = match.group(0)


def rule_hits(norm: str) -> dict[str, str]:
    """Return kind → matched phrase from the lexicon, clause by clause, pinyin matches and the
    families of harm told by their parts (a family's hit names the family)."""
    norm = blank_figures(norm)
    hits: dict[str, str] = {}
    formal = bool(FORMAL.search(norm)) or _is_play(norm)
    if not formal:
        for kind, name in family_hits(norm).items():
            hits.setdefault(kind, name)
    _scan_clauses(norm, formal, hits)
    _scan(_SPACE_RE.sub("", norm), WHOLE, hits)
    if _LATIN_RE.search(norm):
        read = read_back(norm)
        _scan_clauses(read, formal, hits)
        _scan(_SPACE_RE.sub("", read), WHOLE, hits)
        table = PINYIN if formal or GUARD.search(norm) else PINYIN + PINYIN_WEAK
        _scan_pinyin(norm, table, hits)
    return hits


def _is_play(norm: str) -> bool:
    """Whether the text tells of a game, once: only the strong rules read it then."""
    return bool(PLAY.search(norm)) and not PLAY_AGAIN.search(norm)


def _scan_clauses(norm: str, formal: bool, hits: dict[str, str]) -> None:
    """Strong patterns on every clause, weak ones on clauses without a GUARD word."""
    for clause in _clauses(norm):
        _scan(clause, STRONG, hits)
        if not formal and not GUARD.search(clause):
            _scan(clause, WEAK, hits)


def blank_figures(norm: str) -> str:
    """Normalised text with 救命 blanked when homework or laughter make it a figure of speech."""
    return FIGURE_HELP.sub("，", norm) if CHORE.search(norm) else norm


def _scan_pinyin(norm: str, table: list[tuple[str, re.Pattern]], hits: dict[str, str]) -> None:
    """Match pinyin rules clause by clause ("da yin ji mei mo le, wo" is no "mo le wo")."""
    for pattern, spelling in _TYPED_SHI:
        norm = pattern.sub(spelling, norm)
    for clause in _CLAUSE_RE.split(norm):
        if _LATIN_RE.search(clause):
            _scan_pinyin_clause(clause, table, hits)


def _scan_pinyin_clause(
    norm: str, table: list[tuple[str, re.Pattern]], hits: dict[str, str]
) -> None:
    """Match pinyin rules, keeping only matches that rest on syllables typed in Latin letters."""
    words = syllables_by_word(norm)
    text = " ".join(s for s, _ in words)
    owner = [k for k, (s, _) in enumerate(words) for _ in range(len(s) + 1)]
    for kind, pattern in table:
        for match in pattern.finditer(text):
            if kind in hits:
                break
            if _typed_evidence(words, sorted(set(owner[match.start() : match.end()]))):
                hits[kind] = match.group(0)


def _typed_evidence(words: list[tuple[str, int | None]], span: list[int]) -> bool:
    """Whether a match is made of what the child typed: some syllable typed in Latin letters, and
    not only the tail of one typed word read on into the hanzi after it (电梯我 typed "dianti我"
    reads "dian ti wo", but the child typed no 踢我)."""
    typed = {words[k][1] for k in span} - {None}
    if not typed:
        return False
    first = span[0]
    word = words[first][1]
    mid_word = word is not None and first > 0 and words[first - 1][1] == word
    has_hanzi = any(words[k][1] is None for k in span)
    return not (mid_word and has_hanzi and len(typed) == 1)


@lru_cache(maxsize=1)
def _model():
    """Load the optional char n-gram safeguarding model shipped with the topic model, if any."""
    from classifier.safeguard_model import load_safeguard_model

    return load_safeguard_model()


def is_urgent(text: str) -> Urgency:
    """Screen one text: lexicon and pinyin rules, then the n-gram model as a safety net."""
    return is_urgent_many([text])[0]


def blank_benign(norm: str) -> str:
    """Normalised text with idioms, laughter and medicine taken for an illness blanked."""
    view = BENIGN.sub("，", blank_figures(norm))
    if _ILLNESS.search(view) and not _OVERDOSE.search(view):
        view = _MEDS.sub("，", view)
    return view


def net_view(norm: str) -> str | None:
    """What the net reads: idioms and laughter blanked; None when too little is left to read.

    A handful of characters is no evidence either way: the net's score for "我的" or what
    "笑死我了" leaves once the idiom is blanked is only its bias (the rules still read the text).
    """
    view = blank_benign(norm)
    content = len(_CONTENT_RE.findall(view))
    if content < MIN_NET_CONTENT:
        return None
    if (
        not _HAN_RE.search(view)
        and content < SHORT_LATIN
        and not any(split_syllables(w) for w in _LATIN_WORD_RE.findall(view))
    ):
        return None  # a short code or word in no language the net reads (TS-ABC234, ok)
    return view


def is_urgent_many(texts: list[str]) -> list[Urgency]:
    """Screen many texts; the safety net scores every text the rules did not flag in one call."""
    return screen_normalised([normalise(t) for t in texts])


def screen_normalised(norms: list[str]) -> list[Urgency]:
    """Screen texts already normalised (a PreparedText's `normalised`): no second normalise.

    In batches of SCREEN_BATCH texts, so the net reads the parts of harm the rules have just
    found in the same texts (`safeguard_concepts` keeps the last 1,024) instead of again.
    """
    return [
        urgency
        for begin in range(0, len(norms), SCREEN_BATCH)
        for urgency in _screen_batch(norms[begin : begin + SCREEN_BATCH])
    ]


def _screen_batch(norms: list[str]) -> list[Urgency]:
    """Rules on every text, then the safety net on those the rules did not flag, in one call."""
    norms = [screen_form(n) for n in norms]
    hits = [rule_hits(n) for n in norms]
    model = _model()
    views = {i: net_view(norms[i]) for i, h in enumerate(hits) if not h}
    rest = [i for i, v in views.items() if v is not None]
    if model is not None and rest:
        scores = model.scores([views[i] for i in rest])
        for i, score in zip(rest, scores, strict=False):
            if score >= model.threshold:
                hits[i]["model"] = f"p={score:.2f}"
    return [Urgency(bool(h), sorted(h), [h[k] for k in sorted(h)]) for h in hits]
