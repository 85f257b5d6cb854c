"""schemathesis against the API's own OpenAPI document, through Django's WSGI application.

The document is the one served at /api/v2/openapi.json (built in process, so loading it needs no
database at collection time). Every generated request must answer without a 5xx, with a status
code, content type, headers and body the document declares. `positive_data_acceptance` is left
out: a slug that fits the schema's pattern may still name no province, which is a 400 by design.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.schema import openapi_document
from config.wsgi import application

schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI app would otherwise close the test's database
    connection after each request (inside the test transaction autocommit is off, which Django
    reads as an unusable connection; PostgreSQL then answers "the connection is closed")."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_its_schema_says(case):
    # Uncompressed: the WSGI test client does not decode brotli or gzip as real clients do.
    response = case.call(headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"})
    case.validate_response(response, checks=CHECKS)
