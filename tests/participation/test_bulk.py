"""Bulk status changes stay inside the unit."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from participation.models import Submission
from participation.statuses import Status
from tests.participation.helpers import post_form, question, unit_moderator, upcoming_forum

pytestmark = pytest.mark.django_db

URL = "/admin/bulk/participation/submission/doi-tinh-trang/"


def signed_in(user):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


@pytest.fixture
def two_questions(client):
    url = f"/hoi-dap/dien-dan/{upcoming_forum().pk}/"
    for n in range(2):
        assert (
            post_form(client, url, question(text=f"Câu hỏi số {n} về tuần tra ban đêm ở ấp 3.")).status_code
            == 303
        )
    return list(Submission.objects.order_by("pk"))


def test_the_unit_changes_the_status_of_several_at_once(two_questions, django_user_model):
    moderator = unit_moderator(django_user_model, "tiepnhan-cuchi", 27553)
    ids = "&".join(f"id={s.pk}" for s in two_questions)
    client = signed_in(moderator)
    assert client.get(f"{URL}?{ids}").status_code == 200
    response = client.post(f"{URL}?{ids}", {"status": Status.PROCESSING, "note": ""})
    assert response.status_code == 302
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.PROCESSING}
    assert ModelLogEntry.objects.filter(action="participation.status").count() == 2
    for submission in two_questions:
        assert [s.status for s in submission.history.all()] == [Status.RECEIVED, Status.PROCESSING]


def test_another_unit_changes_nothing(two_questions, django_user_model):
    stranger = unit_moderator(django_user_model, "tiepnhan-hoankiem", 70)
    client = signed_in(stranger)
    ids = "&".join(f"id={s.pk}" for s in two_questions)
    page = client.get(f"{URL}?{ids}").content.decode()
    assert not any(s.display_code in page for s in two_questions)
    client.post(f"{URL}?id=all", {"status": Status.OUT_OF_SCOPE, "note": "Không thuộc phạm vi"})
    client.post(f"{URL}?{ids}", {"status": Status.OUT_OF_SCOPE, "note": "Không thuộc phạm vi"})
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.RECEIVED}
