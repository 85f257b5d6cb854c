"""E-mail for local runs: Django's file backend in a folder only the operator can read.

The console backend prints every message, password-reset links included, to the server's
output, which ends up in logs others read. Here each message is a file in EMAIL_FILE_PATH
(DATA_DIR/mail), created with mode 0700 for the folder and 0600 for the files.
"""

import os

from django.core.mail.backends.filebased import EmailBackend


class PrivateFileEmailBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        os.chmod(self.file_path, 0o700)

    def open(self):
        if self.stream is None:
            previous = os.umask(0o077)
            try:
                return super().open()
            finally:
                os.umask(previous)
        return False
