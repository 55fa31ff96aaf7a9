"""Words a child understands: official jargon found in an agency's answer, with plain words.

The same glossary serves three places: the check an agency clerk sees before an answer goes
to a child (with a suggested rewrite), the child's timeline (every status and agency role in
children's words), and the glossary page for children (/words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.i18n import N_

# term → (plain words for a child, what it means, for the glossary page). Longer terms first
# where one contains another (市政府妇儿工委办 before 妇儿工委办).
_OFFICE = N_("政府里专门关心妇女和儿童的办公室，童声里的建议由它来安排和催办。")
GLOSSARY: dict[str, tuple[str, str]] = {
    "市政府妇儿工委办": (N_("市里为儿童办事的办公室"), _OFFICE),
    "区妇儿工委办": (N_("区里为儿童办事的办公室"), _OFFICE),
    "妇儿工委办公室": (N_("为儿童办事的办公室"), _OFFICE),
    "妇儿工委办": (N_("为儿童办事的办公室"), _OFFICE),
    "特此函复": ("", N_("公文的结尾套话，意思是“这就是我们的回信”。给孩子写时可以不写。")),
    "特此告知": ("", N_("公文的结尾套话，意思是“告诉你一声”。")),
    "特此说明": ("", N_("公文的结尾套话，意思是“解释到这里”。")),
    "函复": (N_("回信"), N_("用公文的方式回信。")),
    "来信收悉": (N_("收到你的信了"), N_("我们收到并读过你的信了。")),
    "职能不符": (N_("这件事不归这个部门管"), N_("部门说这件事不是他们负责的，要换一个部门来办。")),
    "属地不符": (N_("这件事归别的地方管"), N_("这件事发生的地方归另一个区或街道管。")),
    "权属不清": (N_("还不清楚归谁管"), N_("还不知道应该由哪个部门来负责。")),
    "职能交叉": (N_("几个部门都管一点"), N_("这件事好几个部门都有份，要商量谁来牵头。")),
    "牵头单位": (N_("主要负责的部门"), N_("一件事里带头办、最后给你回信的部门。")),
    "配合单位": (N_("一起帮忙的部门"), N_("帮主要负责的部门一起办这件事。")),
    "协办单位": (N_("一起帮忙的部门"), N_("帮主要负责的部门一起办这件事。")),
    "经研究": (N_("我们商量后"), N_("部门里的人一起讨论过了。")),
    "予以采纳": (N_("我们会照你说的做"), N_("你的建议被接受了。")),
    "暂不予采纳": (N_("这次还做不到"), N_("现在还不能照你的建议做，回信里会说原因。")),
    "依法依规": (N_("按照规定"), N_("按照法律和规定来办。")),
    "整改": (N_("改正"), N_("发现问题以后把它改好。")),
    "落实": (N_("真的做到"), N_("把说好的事情真的去做。")),
    "办结": (N_("办完了"), N_("这件事已经办完了。")),
    "督办": (N_("催着办"), N_("为儿童办事的办公室正式催部门快点办好。")),
    "相关部门": (N_("负责的部门"), N_("管这件事的政府部门。")),
    "有关部门": (N_("负责的部门"), N_("管这件事的政府部门。")),
}
CITATION = re.compile(
    r"(?:根据|依据|按照|依照)?《[^》]{2,30}》(?:第[一二三四五六七八九十百零\d]+条)?")
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
LONG_SENTENCE = 40  # characters: longer than this a young reader loses the thread
CITATION_PLAIN = "按照规定"


@dataclass(frozen=True)
class Finding:
    """One thing in a text a child would not understand, and what to write instead."""

    found: str
    plain: str
    kind: str  # "term", "citation" or "long"


def _terms_in(text: str) -> list[Finding]:
    seen, found = text, []
    for term, (plain, _meaning) in GLOSSARY.items():
        if term in seen:
            found.append(Finding(term, plain or "（可以删掉）", "term"))
            seen = seen.replace(term, "")
    return found


def check(text: str) -> list[Finding]:
    """Jargon, legal citations and sentences too long for a child, in reading order of kind."""
    text = text or ""
    found = [Finding(m.group(0), CITATION_PLAIN, "citation") for m in CITATION.finditer(text)]
    found += _terms_in(CITATION.sub("", text))
    found += [Finding(s.strip(), "", "long") for s in SENTENCE.findall(text)
              if len(s.strip()) > LONG_SENTENCE]
    return found


def plain_version(text: str) -> str:
    """The text with citations and terms replaced by plain words: a start for the rewrite."""
    text = CITATION.sub(CITATION_PLAIN, text or "")
    for term, (plain, _meaning) in GLOSSARY.items():
        text = text.replace(term, plain)
    text = re.sub(r"按照规定[，,]\s*按照规定", CITATION_PLAIN, text)
    return re.sub(r"[，,]\s*。", "。", re.sub(r"。\s*。", "。", text)).strip()


def for_child(text: str) -> str:
    """Words shown to a child (timeline titles, reasons): every glossary term made plain.

    A text with no term is returned as it is, so a platform message keeps its translation.
    """
    for term, (plain, _meaning) in GLOSSARY.items():
        if term in text:
            text = text.replace(term, plain)
    return text


def glossary() -> list[tuple[str, str, str]]:
    """(term, plain words, meaning) for the children's glossary page, without duplicates."""
    return [(term, plain, meaning) for term, (plain, meaning) in GLOSSARY.items()
            if not term.startswith(("市政府", "区"))]
