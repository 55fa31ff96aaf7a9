"""Web push to a child's device, sent to a REAL local HTTP endpoint standing in for the push
service: the request is a valid Web Push (aes128gcm body, VAPID Authorization), decrypted
here with the device's own key it says only "你的建议有新消息" and a link, a push service that
forgot the device removes it, nothing about a held case is pushed, and only the browsers'
push services are accepted as endpoints."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlmodel import select

from models.assistant.conversation import token_hash
from models.notices import push
from models.notices.push import PushFollow, PushSubscription
from models.safety.safeguarding import open_for_suggestion
from models.suggestions import questions
from models.suggestions.tables import Suggestion
from tests.flow import actor, answer_it, new_suggestion
from webapp import background
from webapp.owner import OWNER_COOKIE


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PushService:
    """A tiny push service: records every request; a path with "gone" answers 410."""

    def __init__(self):
        self.requests: list[dict] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                service.requests.append({"path": self.path, "headers": headers, "body": body})
                self.send_response(410 if "gone" in self.path else 201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Device:
    """A browser's side of a subscription: its ECDH key and auth secret."""

    def __init__(self, endpoint: str):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        public = self.key.public_key().public_bytes(Encoding.X962,
                                                    PublicFormat.UncompressedPoint)
        self.subscription = {"endpoint": endpoint,
                             "keys": {"p256dh": _b64(public), "auth": _b64(self.auth)}}

    def read(self, body: bytes) -> dict:
        plain = http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth,
                                 version="aes128gcm")
        return json.loads(plain)


@pytest.fixture
def service():
    found = PushService()
    yield found
    found.close()


@pytest.fixture
def keys(app, service) -> push.PushKeys:
    """The site's VAPID key; the local service is the only push service it accepts."""
    app.config.update(VAPID_PRIVATE_KEY=push.new_private_pem(),
                      VAPID_SUBJECT="mailto:office@example.org", PUSH_SERVICES=service.url)
    app.extensions.pop("push_keys", None)
    return app.extensions["settings"].push.keys()


def _vapid_claims(header: str, keys: push.PushKeys) -> dict:
    """Check the VAPID Authorization header's signature with the site's public key."""
    scheme, _, rest = header.partition(" ")
    parts = dict(item.strip().split("=", 1) for item in rest.split(","))
    assert scheme == "vapid" and parts["k"] == keys.public_key
    head, claims, signature = parts["t"].split(".")
    assert json.loads(_unb64(head))["alg"] == "ES256"
    raw = _unb64(signature)
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _unb64(parts["k"]))
    public.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"),
                                       int.from_bytes(raw[32:], "big")),
                  f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    return json.loads(_unb64(claims))


def _device_wrote(client, session, text: str) -> Suggestion:
    """A suggestion written on this client's device, without an account (its ts_owner key)."""
    token = os.urandom(16).hex()
    client.set_cookie(OWNER_COOKIE, token)
    item = new_suggestion(session, text=text)
    item.member_id, item.owner_key_hash = None, token_hash(token)
    session.commit()
    return item


def test_an_answer_is_pushed_encrypted_with_nothing_personal_in_it(
        app, client, auth, session, service, keys):
    item = new_suggestion(session, text="学校门口的斑马线看不清了，希望重新画。")
    auth.child()
    device = Device(service.url + "/push/xiaoming")
    response = client.post("/push/on", json={"subscription": device.subscription})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert service.requests == []

    answer_it(session, item, words="谢谢你，斑马线下周重新画。")
    background.after_commit(session)  # no Redis: sent right after the commit

    assert len(service.requests) == 1
    sent = service.requests[0]
    assert sent["path"] == "/push/xiaoming", sent["headers"]
    assert sent["headers"].get("content-encoding") == "aes128gcm", sent["headers"]
    assert int(sent["headers"]["ttl"]) > 0
    claims = _vapid_claims(sent["headers"]["authorization"], keys)
    assert claims["aud"] == service.url and claims["sub"] == "mailto:office@example.org"
    assert claims["exp"] > time.time()
    said = device.read(sent["body"])
    assert said == {"title": "童声", "body": "你的建议有新消息", "url": "/me/"}
    plain = json.dumps(said, ensure_ascii=False)
    for personal in (item.tracking_code, "斑马线", "小明", "学校"):
        assert personal not in plain and personal.encode() not in sent["body"]
    session.expire_all()
    assert session.exec(select(PushSubscription)).one().pending_at is None


def test_a_question_is_pushed_and_a_forgotten_device_is_removed(
        app, client, session, service, keys):
    # A device without an account: it follows the suggestions its key wrote.
    item = _device_wrote(client, session, "操场的秋千坏了，希望快点修好。")
    device = Device(service.url + "/push/gone-device")
    assert client.post("/push/on", json={"subscription": device.subscription}).status_code == 200
    row = session.exec(select(PushSubscription)).one()
    assert row.member_id is None
    assert [f.suggestion_id for f in session.exec(select(PushFollow))] == [item.id]

    questions.ask(session, item, actor=actor(session, "coordinator"),
                  question="是哪个操场的秋千呢？")
    session.commit()
    background.after_commit(session)

    assert len(service.requests) == 1
    assert device.read(service.requests[0]["body"])["url"] == "/mine"
    session.expire_all()
    assert session.exec(select(PushSubscription)).all() == []  # 410: forgotten
    assert session.exec(select(PushFollow)).all() == []


def test_nothing_about_a_held_case_is_pushed(app, client, auth, session, service, keys):
    held = new_suggestion(session, text="有人打我，我不敢回家。", urgent=True)
    open_for_suggestion(session, held, thread=None, channel="form")
    session.commit()
    assert held.case_id is not None
    auth.child()
    device = Device(service.url + "/push/held")
    assert client.post("/push/on", json={"subscription": device.subscription}).status_code == 200
    followed = [f.suggestion_id for f in session.exec(select(PushFollow))]
    assert followed and held.id not in followed  # a held case is not followed

    push.news(session, held)  # even if news reached it, the child's own device hears nothing
    session.commit()
    background.after_commit(session)
    app.extensions["settings"].push.deliver(session)
    assert service.requests == []


def test_only_a_push_service_is_accepted_and_a_device_can_unsubscribe(
        app, client, auth, session, service, keys):
    new_suggestion(session)
    auth.child()
    for endpoint in ("http://169.254.169.254/latest/meta-data", "https://example.org/push/1",
                     "file:///etc/passwd"):
        refused = client.post("/push/on", json={"subscription": Device(endpoint).subscription})
        assert refused.status_code == 400 and "换个浏览器" in refused.get_json()["error"]
    bad_keys = Device(service.url + "/push/x").subscription
    bad_keys["keys"]["p256dh"] = "AAAA"
    assert client.post("/push/on", json={"subscription": bad_keys}).status_code == 400
    assert session.exec(select(PushSubscription)).all() == []

    device = Device(service.url + "/push/mine")
    assert client.post("/push/on", json={"subscription": device.subscription}).status_code == 200
    assert client.post("/push/off", json={"endpoint": device.subscription["endpoint"]}
                       ).get_json() == {"ok": True}
    session.expire_all()
    assert session.exec(select(PushSubscription)).all() == []


def test_a_device_with_nothing_to_follow_is_told_so_and_the_page_names_the_key(
        app, client, session, keys):
    device = Device(keys.services[0] + "/push/new")
    refused = client.post("/push/on", json={"subscription": device.subscription})
    assert refused.status_code == 400 and "先提一个建议" in refused.get_json()["error"]
    _device_wrote(client, session, "图书馆的椅子太高了，希望换矮一点的。")
    page = client.get("/mine").get_data(as_text=True)
    assert f'data-key="{keys.public_key}"' in page and 'id="push-box" hidden' in page
