"""A real server for the page checks: gunicorn (DEBUG off) on its own throwaway data directory.

The pages and budgets come from tools/audit/audit.config.json, the same file `make audit` reads.
The server never touches the test database: it gets a fresh DATA_DIR with its own SQLite file
(DATABASE_URL and the other scale-tier variables are removed from its environment), migrated and
loaded with the demo content, with static files collected so WhiteNoise serves them as in
production. One Chromium runs axe-core on all pages in one node process; one Java process runs the
Nu HTML Checker on all of them.

Without Chromium, Java, Node or the npm packages the checks are skipped with the reason, except
when CI is set: there a missing tool fails the run, so a regression can never pass unseen.
"""

import pytest

from tests.audit.helpers import AuditServer, free_port, missing, missing_tools


@pytest.fixture(scope="session")
def audit_server(tmp_path_factory, _compiled_catalogs):
    problems = missing_tools()
    if problems:
        missing("page checks need " + "; ".join(problems))
    server = AuditServer(tmp_path_factory.mktemp("audit-data"), free_port())
    server.build()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def axe_results(audit_server):
    return audit_server.node("check.js")


@pytest.fixture(scope="session")
def vnu_results(audit_server):
    return audit_server.node("vnu.js")


@pytest.fixture
def audited_page(request, audit_server):
    """The resolved config entry (with its path) of the page named by the test's parameter."""
    return next(page for page in audit_server.config["pages"] if page["name"] == request.param)
