"""A per-address fixed-window limit for hot paths, without a thread per request.

``limits``' memory storage starts a timer thread on almost every hit to expire keys, which
cost the submit path a millisecond of CPU and several of waiting. ``WindowCounts`` never
needs a thread; with Redis configured the site's Redis storage is used instead, so every
worker shares the count.
"""

from __future__ import annotations

import threading
import time
from functools import cache

from flask import current_app
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter

EXTENSION = "tongsheng.window_limiter"


class WindowCounts(Storage):
    """Fixed-window counts in this process's memory; an ended window is dropped at its next hit."""

    STORAGE_SCHEME = ["tongsheng-memory"]
    PURGE_ABOVE = 4096

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        self.windows: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception]:
        return ValueError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        with self.lock:
            count, ends = self.windows.get(key, (0, 0.0))
            if ends <= now:
                count, ends = 0, now + expiry
                if len(self.windows) > self.PURGE_ABOVE:
                    self.windows = {k: v for k, v in self.windows.items() if v[1] > now}
            self.windows[key] = (count + amount, ends)
            return count + amount

    def get(self, key: str) -> int:
        count, ends = self.windows.get(key, (0, 0.0))
        return count if ends > time.time() else 0

    def get_expiry(self, key: str) -> float:
        return self.windows.get(key, (0, time.time()))[1]

    def check(self) -> bool:
        return True

    def reset(self) -> int:
        with self.lock:
            count, self.windows = len(self.windows), {}
        return count

    def clear(self, key: str) -> None:
        with self.lock:
            self.windows.pop(key, None)


def init_app(app) -> None:
    """Count where the site's limiter does: Redis if configured, else this process."""
    uri = app.config.get("RATELIMIT_STORAGE_URI") or "memory://"
    storage = WindowCounts() if uri.startswith("memory://") else storage_from_string(uri)
    app.extensions[EXTENSION] = FixedWindowRateLimiter(storage)


@cache
def _parsed(limit: str) -> RateLimitItem:
    return parse(limit)


def over_limit(name: str, limit: str) -> bool:
    """Count one hit of ``name`` from this address; True once ``limit`` is used up."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return False
    limiter = current_app.extensions[EXTENSION]
    return not limiter.hit(_parsed(limit), name, get_remote_address())
