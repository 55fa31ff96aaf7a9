"""Views of a text in which personal details are easier to find, each exactly as long as the text.

Every view maps one character to one character, so a span found in a view is the same span in
the child's own words, and the mask covers exactly what the child wrote: a phone number read
out as 一三八幺二三四五六七八 is found in the digit view as 13812345678 and masked where it
stands. (A converter such as cn2an gives a number's value, not where its characters are, and
that is what a mask needs.) Traditional characters are read one by one through the same table
as normalisation, not OpenCC's phrase converter (about 25 MB and half a second to load).
"""

from classifier.normalise import to_simplified

# Full-width letters, digits and the signs that appear in numbers, ids and e-mail addresses.
_WIDE = {
    c: c - 0xFEE0
    for c in range(0xFF01, 0xFF5F)
    if chr(c - 0xFEE0).isalnum() or chr(c - 0xFEE0) in "@+-._:()/"
}
_WIDE[0x3000] = 0x20
# Digits as children write them: 幺 is 1 and 两 is 2 when a number is read out; capitals too.
CN_DIGITS = "零〇○一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖"
_DIGITS = str.maketrans(CN_DIGITS, "000" + "123456789" + "12" + "123456789")


def plain_view(text: str) -> str:
    """Half-width and simplified, character for character (traditional 張 reads as 张)."""
    text = text.translate(_WIDE)
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text


def digit_view(view: str) -> str:
    """The plain view with every Chinese digit written as an ASCII digit."""
    return view.translate(_DIGITS)
