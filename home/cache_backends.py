"""A Redis cache that degrades instead of failing (CACHE_URL=redis://…).

Django's Redis backend raises when Redis cannot be reached, and nearly every public page reads
the cache (menus, the content version, feeds, locality lookups), so a dead Redis turned most of
the site into 500s. Here, while Redis is unreachable, reads miss and writes are dropped: pages
are built from the database, slower but whole. The outage is logged once, and Redis is not
tried again for RETRY_AFTER seconds, so requests do not each wait for a connection timeout.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 30.0  # seconds without trying Redis after a failure
TIMEOUT = 0.5  # seconds to connect or answer, unless OPTIONS say otherwise


class _Breaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: Exception):
        with self._lock:
            was_open = self.is_open()
            self._open_until = time.monotonic() + RETRY_AFTER
        if not was_open:
            logger.warning(
                "Redis cache unreachable (%s: %s); pages are built without it for %ss.",
                type(error).__name__,
                error,
                RETRY_AFTER,
            )

    def reset(self):
        with self._lock:
            self._open_until = 0.0


breaker = _Breaker()


def _degrading(name: str, fallback):
    def method(self, *args, **kwargs):
        if breaker.is_open():
            return fallback(*args, **kwargs)
        try:
            return getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
        except OUTAGE as error:
            breaker.trip(error)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", TIMEOUT)
        options.setdefault("socket_timeout", TIMEOUT)
        params["OPTIONS"] = options
        super().__init__(server, params)

    get = _degrading("get", _default)
    get_many = _degrading("get_many", lambda keys, *args, **kwargs: {})
    has_key = _degrading("has_key", lambda *args, **kwargs: False)
    set = _degrading("set", lambda *args, **kwargs: None)
    add = _degrading("add", lambda *args, **kwargs: False)
    touch = _degrading("touch", lambda *args, **kwargs: False)
    set_many = _degrading("set_many", lambda data, *args, **kwargs: list(data))
    delete = _degrading("delete", lambda *args, **kwargs: False)
    delete_many = _degrading("delete_many", lambda *args, **kwargs: None)
    clear = _degrading("clear", lambda *args, **kwargs: False)
