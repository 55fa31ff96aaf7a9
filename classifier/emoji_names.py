"""Words for emoji the hand-made table lacks, read from their Unicode names.

An emoji's Unicode name (``unicodedata.name``: "MONEY WITH WINGS", "RABBIT FACE", "KNOT")
carries its meaning; a word of the name found here gives the emoji a Chinese word, so every
emoji of money, cameras, locks, doors, rope, coffins or dizziness reads as what it shows,
including ones nobody listed. Names are matched word by word, longest phrase first.
"""

import unicodedata
from functools import lru_cache

NAME_WORDS: dict[str, str] = {
    "PILL": "药",
    "SYRINGE": "打针",
    "DROP OF BLOOD": "血",
    "ADHESIVE BANDAGE": "创可贴",
    # A plate with a knife and fork (🍽🍴) is a meal, not a knife.
    "FORK AND KNIFE": "吃饭",
    "HOCHO": "刀",
    "KNIFE": "刀",
    "DAGGER": "刀",
    "RAZOR": "刀片",
    "SCISSORS": "剪刀",
    "KNOT": "绳子",
    "CHAINS": "锁链",
    "COFFIN": "死",
    "HEADSTONE": "墓",
    "SKULL": "死",
    "DIZZY": "晕",
    "CROSSED-OUT EYES": "晕",
    "FACE WITH SPIRAL EYES": "晕",
    "ZEBRA": "斑马",
    "DOOR": "门",
    "LOCK": "锁",
    "KEY": "钥匙",
    "MONEY": "钱",
    "BANKNOTE": "钱",
    "COIN": "钱",
    "CREDIT CARD": "钱",
    "CAMERA": "照片",
    "FRAMED PICTURE": "照片",
    "FACTORY": "工厂",
    "ZIPPER-MOUTH": "别说",
    "FINGER COVERING CLOSED LIPS": "秘密",
    "SHUSHING": "秘密",
    "RABBIT": "兔子",
    "BEER": "酒",
    "WINE": "酒",
    "SAKE": "酒",
    "TUMBLER GLASS": "酒",
    "SMOKING": "烟",
    "CIGARETTE": "烟",
    "CHECK MARK": "完成",
    "BED": "床",
    "LADDER": "梯子",
    "OFFICE BUILDING": "楼",
    "CITYSCAPE": "楼",
    "HOUSE": "家",
    "POLICE": "警察",
    "AMBULANCE": "救护车",
    "HOSPITAL": "医院",
    "BOMB": "炸弹",
    "PISTOL": "枪",
    "FIRE": "火",
    "GHOST": "鬼",
    "ANGEL": "天使",
    "WING": "飞走",
    "BROKEN HEART": "伤心",
    "CRYING": "哭",
    "LOUDLY CRYING": "大哭",
    "TEAR": "哭",
    "WEARY": "累",
    "TIRED": "累",
    "FEARFUL": "害怕",
    "SCREAMING": "害怕",
    "ANXIOUS": "害怕",
    "COLD SWEAT": "害怕",
    "ANGRY": "生气",
    "POUTING": "生气",
    "FACE WITH HEAD-BANDAGE": "受伤",
    "BANDAGE": "受伤",
    "HAMMER": "锤子",
    "STOP": "停",
    "SOS": "救命",
    "WARNING": "危险",
    "NO ENTRY": "禁止",
}

_PHRASES = sorted(NAME_WORDS, key=len, reverse=True)


@lru_cache(maxsize=2048)
def emoji_word(char: str) -> str:
    """A Chinese word for one emoji from its Unicode name, or "" when no name word is known."""
    name = f" {unicodedata.name(char, '')} "
    for phrase in _PHRASES:
        if f" {phrase} " in name or f" {phrase}-" in name or f"-{phrase} " in name:
            return NAME_WORDS[phrase]
    return ""
