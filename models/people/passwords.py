"""Password and PIN hashing with argon2id, and the refusal of passwords anyone could guess."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.i18n import N_

# OWASP's argon2id baseline: 19 MiB, two passes, one lane.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128

_COMMON = frozenset("""
password password1 password123 passw0rd 12345678 123456789 1234567890 qwerty123 qwertyuiop
iloveyou admin123 welcome1 abc123456 11111111 00000000 88888888 66666666 woaini1314
a123456789 1qaz2wsx 1q2w3e4r5t zxcvbnm123 aa123456 qq123456 123123123 5201314520
letmein123 football1 baseball1 sunshine1 princess1 dragon1234 monkey1234 tongsheng
tongsheng123 changeme123 administrator
""".split())


def hash_secret(secret: str) -> str:
    """An argon2id hash of a password or a child's PIN."""
    return _hasher.hash(secret)


def verify_secret(stored_hash: str, secret: str) -> bool:
    """True when the secret matches; never raises on a malformed hash."""
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """Why a staff password is refused, in words for the person choosing it, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return (N_("密码至少需要 %(min_password_length)s 个字符。")
                % {"min_password_length": MIN_PASSWORD_LENGTH})
    if len(password) > MAX_PASSWORD_LENGTH:
        return (N_("密码最多 %(max_password_length)s 个字符。")
                % {"max_password_length": MAX_PASSWORD_LENGTH})
    if password.lower() in _COMMON or len(set(password)) < 4:
        return N_("这个密码太常见了，很容易被猜到，请换一个。")
    return None
