"""One-time codes (TOTP) for staff: a stolen password alone never opens a session."""

from __future__ import annotations

import hmac
import io
from datetime import UTC, datetime

import pyotp
import qrcode
import qrcode.image.svg
from sqlalchemy import or_, update
from sqlmodel import Session, select

from models.people.tables import Account

ISSUER = "童声 TongSheng"


def new_secret() -> str:
    return pyotp.random_base32()


def _clean(code: str) -> str:
    return (code or "").strip().replace(" ", "")


def matching_step(secret: str | None, code: str, at: datetime | None = None) -> int | None:
    """The time step whose code this is (now, or one before or after for slow phones)."""
    code = _clean(code)
    if not secret or not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(at or datetime.now(UTC))
    return next((step for step in (now - 1, now, now + 1)
                 if hmac.compare_digest(totp.generate_otp(step), code)), None)


def use_code(session: Session, account: Account, code: str, secret: str | None = None,
             at: datetime | None = None) -> bool:
    """True once per code: the step is kept, and a step at or before the last one is refused.

    One conditional UPDATE, so two requests racing with the same code cannot both win.
    """
    step = matching_step(secret or account.totp_secret, code, at)
    if step is None:
        return False
    used = session.execute(
        update(Account).where(Account.id == account.id,
                              or_(Account.totp_last_step.is_(None),
                                  Account.totp_last_step < step))
        .values(totp_last_step=step).execution_options(synchronize_session=False))
    session.commit()
    session.refresh(account)
    return used.rowcount == 1


def provisioning_uri(account: Account, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account.username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG markup (no script, no external request)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue().decode()


def enrol(session: Session, account: Account, secret: str, code: str) -> bool:
    """Keep the secret only once the person proved their app shows the right code."""
    if not use_code(session, account, code, secret=secret):
        return False
    account.totp_secret = secret
    session.add(account)
    session.commit()
    return True


DEMO_DOMAIN = "@demo.tongsheng.invalid"


def is_demo(account: Account) -> bool:
    return (account.email or "").endswith(DEMO_DOMAIN)


def enrol_demo_staff(session: Session) -> None:
    """Demo staff sign in with codes like real staff; `tongsheng demo-code` shows them."""
    for account in session.exec(select(Account)).all():
        if is_demo(account) and not account.totp_secret:
            account.totp_secret = new_secret()
            session.add(account)
    session.commit()


def demo_code(session: Session, username: str) -> str | None:
    """The current code of a demo staff account; None for every real account."""
    account = session.exec(select(Account).where(Account.username == username)).first()
    if account is None or not is_demo(account) or not account.totp_secret:
        return None
    return pyotp.TOTP(account.totp_secret).now()
