"""Read-aloud from the server where the browser has no Chinese voice (subprocess: a fixed
program with fixed arguments and no shell; the words go on stdin).

The engine is a packaged one (espeak-ng's Mandarin voice ``cmn``). It is no free
text-to-speech service: only lines the site itself wrote may be spoken, each carrying an
HMAC of its words made with the site's secret (``signature``); a line is at most
``MAX_CHARS`` long; the words reach the engine on stdin, never as an argument (a line
starting with "-" is no option); the engine is stopped after ``TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import hashlib
import hmac
import shutil
import subprocess  # nosec B404
import tempfile

MAX_CHARS = 300
TIMEOUT_SECONDS = 5
VOICE = "cmn"
WORDS_PER_MINUTE = "150"  # a little slower than espeak-ng's 175: young listeners


class SpeechFailed(RuntimeError):
    """The engine did not make a sound file (missing, too slow, or it failed)."""


def find_engine(setting: str | None) -> str | None:
    """The engine's path: "auto" looks for espeak-ng; "" or "none" turns read-aloud off."""
    if not setting or setting.lower() == "none":
        return None
    return shutil.which("espeak-ng") if setting.lower() == "auto" else setting


def signature(secret: bytes, text: str) -> str:
    """The mark a 🔊 button carries: these words were written by this site."""
    return hmac.new(secret, b"speak\0" + text.encode(), hashlib.sha256).hexdigest()[:32]


def signed(secret: bytes, text: str, mark: str) -> bool:
    return 0 < len(text) <= MAX_CHARS and hmac.compare_digest(signature(secret, text), mark)


def synthesise(engine: str, text: str) -> bytes:
    """A WAV file of the words in the Mandarin voice."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as out:
        try:
            subprocess.run(
                [engine, "-v", VOICE, "-s", WORDS_PER_MINUTE, "--stdin", "-w", out.name],
                input=text.encode(), capture_output=True, timeout=TIMEOUT_SECONDS,
                check=True)  # nosec B603
        except (OSError, subprocess.SubprocessError) as failed:
            raise SpeechFailed(str(failed)) from failed
        audio = out.read()
    if not audio.startswith(b"RIFF"):
        raise SpeechFailed("no sound")
    return audio
