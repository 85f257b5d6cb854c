"""One rule for the address behind rate limits and sign-in lockout."""

from django.test import RequestFactory

from home.client_address import client_address


def test_the_peer_address_without_a_proxy_whatever_the_client_claims(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_address(request) == "203.0.113.7"


def test_behind_the_proxy_the_address_it_appended_last(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20",  # 1.2.3.4: forged
    )
    assert client_address(request) == "198.51.100.20"
