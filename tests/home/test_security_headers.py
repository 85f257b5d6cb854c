"""Security headers: a Content-Security-Policy without inline scripts on public pages, a working
one for the admin, Permissions-Policy everywhere, CORP on HTML pages. (Every browser journey
also fails on any CSP violation the console reports: tests/browser.py.)"""

import pytest

from tests.helpers import a_story

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.partition(" ")[2] for part in policy.split("; ")}


@pytest.mark.parametrize("url", ["/", "STORY", "/tim-kiem/?q=camera", "/khong-co-trang-nay/"])
def test_public_pages_run_only_scripts_from_files(client, url):
    url = a_story().url if url == "STORY" else url
    for _ in range(2):  # built, then (for pages) answered from the page cache
        response = client.get(url)
        policy = directives(response)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
        assert (
            "camera=()" in response["Permissions-Policy"]
            and "geolocation=()" in response["Permissions-Policy"]
        )
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_admin_has_its_own_working_policy(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["frame-ancestors"] == "'self'"  # previews frame the admin itself
    assert "https:" not in policy["script-src"] and "*" not in policy["script-src"]


def test_the_widget_and_documents_keep_their_own_policies(client):
    widget = client.get("/nhung/")
    assert directives(widget)["frame-ancestors"] == "*"
    assert "Cross-Origin-Resource-Policy" not in widget
