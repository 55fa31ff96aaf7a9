"""Checklist 13: argon2id with OWASP's parameters, common passwords refused, passphrases welcome."""

import pytest

from models.people.accounts import authenticate_staff, create_account
from models.people.tables import Role

PASSPHRASE = "小溪边的柳树在春天里发芽了 and the kites fly over the river bank!!"


def _new(session, password):
    return create_account(session, username="new-coordinator", display_name="新同事",
                          password=password, role=Role.COORDINATOR, plan_id="hengyang")


def test_the_stored_hash_is_argon2id_with_19_mib_and_two_passes(session):
    account = _new(session, "Kite-over-the-river-7")
    assert account.password_hash.startswith("$argon2id$v=19$m=19456,t=2")


@pytest.mark.parametrize("password", ["password123", "12345678", "Tongsheng123", "aaaaaaaaaaaa"])
def test_common_or_short_passwords_are_refused_in_chinese(session, password):
    with pytest.raises(ValueError, match="密码"):
        _new(session, password)


def test_a_64_character_passphrase_is_accepted_and_signs_in(session):
    passphrase = (PASSPHRASE * 2)[:64]
    assert len(passphrase) == 64
    _new(session, passphrase)
    session.commit()
    assert authenticate_staff(session, "new-coordinator", passphrase) is not None
