"""A password-protected page's form takes a few wrong passwords, not thirty: then the address
waits, with a Vietnamese message, and even the right password waits."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def protected(settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = StoryPage.objects.live().first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-dung"
    )
    return page, f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def _try(client, url, page, password):
    return client.post(url, {"password": password, "return_url": page.url})


def test_five_wrong_passwords_lock_the_address_out_even_with_the_right_one(client, protected, settings):
    page, url = protected
    for _ in range(settings.AXES_FAILURE_LIMIT):
        wrong = _try(client, url, page, "doan-bua")
        assert wrong.status_code == 200 and "mat-khau-dung" not in wrong.content.decode()
    locked = _try(client, url, page, "mat-khau-dung")
    assert locked.status_code == 429
    assert "Bạn đã nhập sai mật khẩu nhiều lần. Hãy thử lại sau 30 phút." in locked.content.decode()
    assert client.get(page.url).status_code == 200 and page.title not in client.get(page.url).content.decode()

    cache.clear()  # the 30 minutes have passed
    opened = _try(client, url, page, "mat-khau-dung")
    assert opened.status_code == 302 and opened["Location"] == page.url


def test_the_right_password_clears_the_count(client, protected, settings):
    page, url = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, url, page, "doan-bua")
    assert _try(client, url, page, "mat-khau-dung").status_code == 302
    other = type(client)(HTTP_HOST="127.0.0.1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(other, url, page, "doan-bua").status_code == 200
    assert _try(other, url, page, "mat-khau-dung").status_code == 302
