"""A ceiling on the size of any request body, checked before a byte of it is read.

Django streams a file over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, so a big upload
does not fill memory, but it still fills the disk and holds a worker for as long as it takes
to arrive. This handler, first in FILE_UPLOAD_HANDLERS, refuses a multipart request whose
declared length is over UPLOAD_MAX_REQUEST_BYTES (the largest form is the Word import: 20 MB
of .docx) with Django's RequestDataTooBig, which home.views.bad_request answers as a 413 with a
Vietnamese message. The front server (nginx `client_max_body_size`) should say the same.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class RequestSizeLimit(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > settings.UPLOAD_MAX_REQUEST_BYTES:
            raise RequestDataTooBig("Request body over UPLOAD_MAX_REQUEST_BYTES.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data  # pass everything on to the next handler

    def file_complete(self, file_size):
        return None
