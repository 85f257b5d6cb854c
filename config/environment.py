"""Reading the environment for config/settings.py: yes/no, list and number variables, and the
database and cache settings built from DATABASE_URL and CACHE_URL. Only settings.py imports
this; it holds no setting of its own."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; anything unrecognised is a configuration error, not a guess."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


# --- Database -----------------------------------------------------------------------------

SQLITE_OPTIONS = {
    # BEGIN IMMEDIATE takes the write lock at the start of a transaction, so two editors saving
    # at once queue behind the busy timeout instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,  # seconds a writer waits for the lock
    "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;",
}


def database(data_dir: Path) -> dict:
    """DATABASE_URL: unset -> SQLite in `data_dir`; otherwise what the URL says."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": data_dir / "db.sqlite3"}
    else:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        # A worker thread keeps its connection: opening one reads and parses the whole schema
        # (a hundred Wagtail tables), ~1.4 ms, six times what a page-cache hit costs otherwise.
        config["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 600)
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: a search over a large index is estimated costly enough to trigger
        # it, and compiling took ~50 ms of a query the site wants answered in a few. Random
        # reads priced as on an SSD (PostgreSQL's default of 4 is a spinning disk's): with it,
        # the stories of one province come through the commune index instead of a scan of
        # every story (39 ms instead of 170 ms at 330,000 stories). DATABASE_URL's own
        # `?options=` comes last, so it can set either back.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"-c jit=off -c random_page_cost=1.1 {options.get('options', '')}".strip()
        # Prepared statements: a query the site sends again and again (a feed's rows, the
        # content version) is parsed and planned once per connection instead of every time;
        # planning was half of the database's time of a feed (1.5 ms of the rows query's 2.5).
        # They need the parameters bound on the server and a connection of one's own: set
        # DB_PREPARED_STATEMENTS=0 behind a pooler in transaction mode (PgBouncer), which
        # shares server connections between clients.
        if env_bool("DB_PREPARED_STATEMENTS", True):
            options.setdefault("server_side_binding", True)
            options.setdefault("prepare_threshold", 5)
    return config


# --- Cache --------------------------------------------------------------------------------


def caches() -> dict:
    """CACHE_URL: unset -> local memory; redis://… / rediss://… -> Redis; dummy:// -> none.

    Two aliases: `default` (the page cache, cached fragments, sessions' helpers) and
    `renditions`, which Wagtail uses for image renditions when it exists. A story page touches
    a dozen rendition keys; sharing one small local-memory cache, they pushed the page entries
    out before a reader came back (300 entries, Django's default). Locally each gets its own
    room; on Redis they share the server under their own key prefix."""
    url = os.environ.get("CACHE_URL", "").strip()
    if not url or url.startswith("locmem://"):
        local = "django.core.cache.backends.locmem.LocMemCache"
        return {
            # A page entry is its body twice compressed (~10 KB for a story): ~50 MB at most.
            "default": {"BACKEND": local, "LOCATION": "binhyen", "OPTIONS": {"MAX_ENTRIES": 5000}},
            # A rendition entry is a few hundred bytes.
            "renditions": {
                "BACKEND": local,
                "LOCATION": "binhyen-renditions",
                "OPTIONS": {"MAX_ENTRIES": 20000},
            },
        }
    if url.startswith(("redis://", "rediss://")):
        # Django's Redis backend, degrading to "no cache" while Redis is down (home/cache_backends.py).
        redis = {"BACKEND": "home.cache_backends.ResilientRedisCache", "LOCATION": url}
        return {"default": redis, "renditions": {**redis, "KEY_PREFIX": "renditions"}}
    if url.startswith("dummy://"):
        dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        return {"default": dummy, "renditions": dummy}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with redis://, rediss://, locmem:// or dummy://; got {url!r}"
    )
