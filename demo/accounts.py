"""Demo accounts for a local run: passwords generated once, kept in DATA_DIR, never in git."""

import json
import secrets

from django.conf import settings

FILE_NAME = "demo-accounts.json"


def password_file():
    return settings.DATA_DIR / FILE_NAME


def stored_passwords() -> dict[str, str]:
    path = password_file()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text())
    except ValueError:
        return {}


def password_for(username: str) -> str:
    """The stored password of a demo account, generated and stored on first use."""
    passwords = stored_passwords()
    if username not in passwords:
        passwords[username] = secrets.token_urlsafe(12)
        path = password_file()
        path.write_text(json.dumps(passwords, indent=2) + "\n")
        path.chmod(0o600)
    return passwords[username]
