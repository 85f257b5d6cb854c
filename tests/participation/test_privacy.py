"""Contact details: withdrawn by the citizen, erased after the retention period, never leaked."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from participation.models import ContactDetails, Submission
from participation.statuses import Status
from tests.participation.helpers import post_form, question, upcoming_forum

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Đỗ Thị Lan", "phone": "0977 000 111", "email": "lan@example.vn", "consent": "on"}


def send(client, **fields):
    response = post_form(client, f"/hoi-dap/dien-dan/{upcoming_forum().pk}/", question(**CONTACT, **fields))
    assert response.status_code == 303
    return Submission.objects.latest("pk")


def test_the_citizen_withdraws_their_contact_details_from_the_tracking_page(client):
    submission = send(client)
    url = f"/tra-cuu/{submission.code}/"
    assert "Xóa thông tin liên hệ của tôi" in client.get(url).content.decode()
    response = client.post(url, {"rut-thong-tin": "1"})
    assert response.status_code == 200 and "đã được xóa" in response.content.decode()
    assert not ContactDetails.objects.exists() and Submission.objects.filter(pk=submission.pk).exists()


def test_after_the_retention_period_contact_details_of_a_closed_question_are_gone(client, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    closed = send(client)
    closed.set_status(Status.ANSWERED_IN_WRITING)
    still_open = send(client, text="Một câu hỏi khác về trật tự ở ấp 3, vẫn đang chờ được xử lý.")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=29)):
        call_command("erase_contact_details", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert ContactDetails.objects.count() == 2
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        call_command("erase_contact_details", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not ContactDetails.objects.filter(submission=closed).exists()
    assert ContactDetails.objects.filter(submission=still_open).exists()  # not closed: kept
    assert Submission.objects.count() == 2  # the questions themselves stay


def test_a_citizen_who_asked_is_told_of_the_answer_by_mail(
    client, django_user_model, django_capture_on_commit_callbacks
):
    submission = send(client, notify_by_email="on")
    admin = client.__class__(HTTP_HOST="127.0.0.1")
    admin.force_login(django_user_model.objects.create_superuser("qt", "qt@example.vn", "x"))
    mail.outbox.clear()
    data = {
        "status": Status.ANSWERED_IN_WRITING,
        "status_note": "",
        "answer": "Xã đã bố trí tuần tra.",
        "answered_by": "Công an xã",
        "public_question": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(reverse("participation_admin:edit", args=[submission.pk]), data).status_code == 302
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    assert f"/tra-cuu/{submission.code}/" in mail.outbox[0].body


def test_contact_details_are_in_no_public_surface(client):
    submission = send(client)
    submission.public_question = "Câu hỏi về tuần tra"
    submission.answer = "Đã trả lời"
    submission.published_at = timezone.now()
    submission.save()
    urls = [upcoming_forum().url, f"/tra-cuu/{submission.code}/", "/nguon-tin/rss/", "/nguon-tin/json/"]
    urls.append("/tim-kiem/?q=tuan+tra")
    for url in urls:
        body = client.get(url).content.decode()
        for value in (CONTACT["name"], CONTACT["phone"], CONTACT["email"]):
            assert value not in body, (url, value)
