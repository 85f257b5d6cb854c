"""Keeping a Word import's upload across a validation error.

A browser cannot refill a file input, so after an error elsewhere in the import form (a date
in the future, no commune) the editor would have to find the file again. A .docx that was
read without error is kept in a private temporary folder (never under MEDIA_ROOT, which is
public) under a random token that only this editor's session knows; the form sends the token
back in a hidden field. Kept files are removed once imported, and any older than a day
whenever another is kept.
"""

import re
import secrets
import tempfile
import time
from pathlib import Path

from django.core.files import File

KEPT_SESSION_KEY = "stories_word_import_kept"
KEPT_MAX_PER_SESSION = 5
KEPT_MAX_AGE_SECONDS = 24 * 3600
_TOKEN = re.compile(r"[0-9a-f]{32}")


def kept_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "binhyen-word-import"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _kept_path(token: str) -> Path | None:
    return kept_dir() / f"{token}.docx" if _TOKEN.fullmatch(token or "") else None


def keep_upload(session, uploaded) -> str:
    """Keep `uploaded` for this session; returns the token the form carries."""
    token = secrets.token_hex(16)
    uploaded.seek(0)
    with open(_kept_path(token), "wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    kept = dict(session.get(KEPT_SESSION_KEY, {}))
    kept[token] = uploaded.name
    for old in list(kept)[:-KEPT_MAX_PER_SESSION]:
        discard_upload(session, old, kept)
    session[KEPT_SESSION_KEY] = kept
    _remove_stale_files()
    return token


def kept_upload(session, token: str):
    """The kept file of `token` (a Django File, open for reading), or None if this session
    kept no such file (or it has been cleaned away)."""
    name = session.get(KEPT_SESSION_KEY, {}).get(token)
    path = _kept_path(token)
    if name is None or path is None or not path.is_file():
        return None
    return File(open(path, "rb"), name=name)  # the caller closes it


def discard_upload(session, token: str, kept: dict | None = None) -> None:
    own = kept is None
    kept = dict(session.get(KEPT_SESSION_KEY, {})) if own else kept
    if kept.pop(token, None) is not None and (path := _kept_path(token)):
        path.unlink(missing_ok=True)
    if own:
        session[KEPT_SESSION_KEY] = kept


def _remove_stale_files() -> None:
    limit = time.time() - KEPT_MAX_AGE_SECONDS
    for path in kept_dir().glob("*.docx"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass
