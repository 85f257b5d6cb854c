"""Tracking codes: short, typed by hand from a phone, impossible to guess."""

import secrets

# No 0/O, 1/I/L: a code read aloud or copied from paper is not mistaken.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10  # 31**10 ≈ 8·10^14 codes: guessing one in a rate-limited form is hopeless


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str:
    """What a citizen typed ("abcd-efgh 23"), as stored ("ABCDEFGH23"); "" if it cannot be a code."""
    code = "".join(ch for ch in (text or "").upper() if ch not in " -.")[:40]
    return code if len(code) == LENGTH and all(ch in ALPHABET for ch in code) else ""


def display(code: str) -> str:
    """ "ABCD-EFGH-23", easier to copy."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"
