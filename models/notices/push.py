"""Web push to a child's device when an answer or a question reaches a suggestion it follows.

A device (anonymous, with the codes its browser keeps, or a signed-in child's) subscribes
through its browser's push service; the subscription follows the suggestions of that device
or child (``PushFollow``), and a signed-in child's subscription also follows whatever the
child writes later. When an answer or a facilitator's question arrives, the subscriptions
that follow the suggestion are marked pending in the same transaction as the event; the
queue job (or, without Redis, the request right after its commit, and the sweep) sends each
one push: "你的建议有新消息" and a link to the device's list. Nothing else: no code, no
words of the child, no name, so a locked phone's screen or the push service learn nothing.
A suggestion held for a safeguarding case (``case_id``) is never pushed about.

The message is encrypted for the device (RFC 8291, aes128gcm) and signed with the site's
VAPID key (RFC 8292) by ``pywebpush``. A push service that answers 404 or 410 has forgotten
the subscription: it is deleted. Endpoints are accepted only on the push services named in
the configuration, so the site never posts to an address a visitor made up.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import delete, or_, update
from sqlmodel import Field, Session, SQLModel, UniqueConstraint, select

from models.common import utcnow
from models.i18n import N_
from models.refusals import Invalid
from models.suggestions.tables import Suggestion

log = logging.getLogger("tongsheng.push")
PUSH_PENDING = "tongsheng_push_pending"
NEWS = N_("你的建议有新消息")
TITLE = N_("童声")
# The push services of the browsers children use (host, or a parent domain of it).
KNOWN_SERVICES = ("fcm.googleapis.com", "updates.push.services.mozilla.com",
                  "notify.windows.com", "push.apple.com")
GONE = (404, 410)


class PushSubscription(SQLModel, table=True):
    """One browser's push subscription: where to post, and the keys to encrypt for it."""

    __tablename__ = "push_subscription"

    id: int | None = Field(default=None, primary_key=True)
    endpoint: str = Field(max_length=1000, unique=True)
    p256dh: str = Field(max_length=200)
    auth: str = Field(max_length=100)
    # A signed-in child's device (their later suggestions are followed too); None: anonymous.
    member_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    lang: str = Field(default="zh", max_length=10)
    created_at: datetime = Field(default_factory=utcnow)
    # Something new waits to be pushed (set with the event, cleared when sent).
    pending_at: datetime | None = Field(default=None, index=True)
    sent_at: datetime | None = None


class PushFollow(SQLModel, table=True):
    """A suggestion a subscribed device follows."""

    __tablename__ = "push_follow"
    __table_args__ = (UniqueConstraint("subscription_id", "suggestion_id"),)

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="push_subscription.id", index=True)
    suggestion_id: int = Field(foreign_key="suggestion.id", index=True)


@dataclass(frozen=True)
class PushKeys:
    """The site's VAPID key (PEM), the contact the push services may write to, and the push
    services whose endpoints are accepted (hosts; a full origin such as a test's
    ``http://127.0.0.1:8123`` is matched as a prefix)."""

    private_pem: str
    subject: str
    services: tuple[str, ...] = KNOWN_SERVICES

    @property
    def public_key(self) -> str:
        """The applicationServerKey a browser subscribes with (base64url, uncompressed)."""
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            PublicFormat,
            load_pem_private_key,
        )

        key = load_pem_private_key(self.private_pem.encode(), password=None)
        raw = key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def accepts(self, endpoint: str) -> bool:
        parts = urlsplit(endpoint)
        for service in self.services:
            if "://" in service:
                if endpoint.startswith(service.rstrip("/") + "/"):
                    return True
            elif parts.scheme == "https" and parts.hostname and (
                    parts.hostname == service or parts.hostname.endswith("." + service)):
                return True
        return False


def new_private_pem() -> str:
    """A fresh VAPID key (P-256), for a single-machine site's instance folder."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()


def subscribe(session: Session, keys: PushKeys, *, endpoint: str, p256dh: str, auth: str,
              suggestions: Iterable[Suggestion], member_id: int | None = None,
              lang: str = "zh") -> PushSubscription:
    """Store (or refresh) a browser's subscription and the suggestions it follows.

    Subscribing again from the same browser replaces what it follows with ``suggestions``
    (the device's list as it is now)."""
    endpoint, p256dh, auth = (endpoint or "").strip(), (p256dh or "").strip(), (auth or "").strip()
    if not keys.accepts(endpoint) or len(endpoint) > 1000 or not _key(p256dh, 65) \
            or not _key(auth, 16):
        raise Invalid(N_("这个浏览器的提醒设置不对，换个浏览器试试吧。"))
    found = session.exec(select(PushSubscription).where(
        PushSubscription.endpoint == endpoint)).first()
    if found is None:
        found = PushSubscription(endpoint=endpoint, p256dh=p256dh, auth=auth)
    found.p256dh, found.auth, found.member_id, found.lang = p256dh, auth, member_id, lang
    session.add(found)
    session.flush()
    session.execute(delete(PushFollow).where(PushFollow.subscription_id == found.id))
    ids = sorted({s.id for s in suggestions if s.case_id is None})
    session.add_all([PushFollow(subscription_id=found.id, suggestion_id=i) for i in ids])
    session.flush()
    return found


def _key(value: str, size: int) -> bool:
    """A base64url key of the expected length (65 bytes for p256dh, 16 for auth)."""
    try:
        return len(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))) == size
    except (ValueError, TypeError):
        return False


def unsubscribe(session: Session, endpoint: str) -> bool:
    """Forget a browser's subscription (the browser holds its endpoint, nobody else)."""
    found = session.exec(select(PushSubscription).where(
        PushSubscription.endpoint == (endpoint or "").strip())).first()
    if found is None:
        return False
    _forget(session, found)
    return True


def _forget(session: Session, found: PushSubscription) -> None:
    session.execute(delete(PushFollow).where(PushFollow.subscription_id == found.id))
    session.delete(found)
    session.flush()


def news(session: Session, suggestion: Suggestion) -> None:
    """Something the child should see reached ``suggestion``: its followers wait for a push.

    Nothing about a suggestion held for a safeguarding case is pushed."""
    if suggestion.case_id is not None or suggestion.id is None:
        return
    followers = select(PushFollow.subscription_id).where(
        PushFollow.suggestion_id == suggestion.id)
    who = PushSubscription.id.in_(followers)
    if suggestion.member_id is not None:
        who = or_(who, PushSubscription.member_id == suggestion.member_id)
    moved = session.execute(update(PushSubscription).where(who).values(pending_at=utcnow())
                            .execution_options(synchronize_session=False))
    if moved.rowcount:
        session.info[PUSH_PENDING] = True


def payload(found: PushSubscription, translate: Callable[[str, str], str],
            links: dict[str, str]) -> bytes:
    """The whole message: two words and a link, in the device's language."""
    link = links["member" if found.member_id is not None else "device"]
    return json.dumps({"title": translate(TITLE, found.lang),
                       "body": translate(NEWS, found.lang), "url": link},
                      ensure_ascii=False).encode()


def _send_webpush(found: PushSubscription, data: bytes, keys: PushKeys) -> int:
    """Post one encrypted push; the push service's HTTP status."""
    from py_vapid import Vapid
    from pywebpush import WebPushException, webpush

    info = {"endpoint": found.endpoint, "keys": {"p256dh": found.p256dh, "auth": found.auth}}
    try:
        response = webpush(info, data=data,
                           vapid_private_key=Vapid.from_pem(keys.private_pem.encode()),
                           vapid_claims={"sub": keys.subject}, content_encoding="aes128gcm",
                           ttl=24 * 3600, timeout=10)
    except WebPushException as problem:
        return problem.response.status_code if problem.response is not None else 0
    return response.status_code


def deliver_pending(session: Session, keys: PushKeys | None, *,
                    translate: Callable[[str, str], str] = lambda text, _lang: text,
                    links: dict[str, str] | None = None, send=_send_webpush,
                    limit: int = 500) -> dict[str, int]:
    """Send every waiting push, one subscription per transaction (claimed, sent, marked).

    A push service's 404/410 deletes the subscription; any other failure keeps it waiting
    for the next run (the sweep). Only queue jobs, the sweep and a request after its own
    commit call it."""
    done = {"sent": 0, "gone": 0, "failed": 0}
    if keys is None:
        return done
    links = links or {"device": "/mine", "member": "/me/"}
    tried: set[int] = set()
    while sum(done.values()) < limit:
        query = (select(PushSubscription).where(PushSubscription.pending_at.is_not(None),
                                                PushSubscription.id.not_in(tried))
                 .order_by(PushSubscription.id).limit(1)
                 .with_for_update(skip_locked=True))
        found = session.exec(query).first()
        if found is None:
            break
        tried.add(found.id)
        try:
            status = send(found, payload(found, translate, links), keys)
        except Exception:  # noqa: BLE001 - a network problem: it waits for the next run
            log.exception("push left for the next run")
            status = 0
        if 200 <= status < 300:
            found.pending_at, found.sent_at = None, utcnow()
            session.add(found)
            done["sent"] += 1
        elif status in GONE:
            _forget(session, found)
            done["gone"] += 1
        else:
            done["failed"] += 1
        session.commit()
    return done
