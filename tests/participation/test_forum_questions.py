"""A citizen sends a question to an upcoming forum; bots and floods are refused without a 5xx."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from forums.schedule import ForumSchedule
from participation.models import ContactDetails, Submission
from participation.statuses import Status
from tests.forums.helpers import publish
from tests.participation.helpers import QUESTION, post_form, question, upcoming_forum
from tests.search.test_hostile_input import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db


def form_url(forum):
    return f"/hoi-dap/dien-dan/{forum.pk}/"


def test_an_anonymous_question_gets_a_code_and_a_tracking_page(client):
    forum = upcoming_forum()
    response = post_form(client, form_url(forum), question())
    assert response.status_code == 303
    submission = Submission.objects.get()
    assert response["Location"] == f"/tra-cuu/{submission.code}/?moi=1"
    assert submission.forum == forum and submission.commune == forum.commune
    assert submission.status == Status.RECEIVED and submission.text == QUESTION
    assert not ContactDetails.objects.exists()  # anonymous: nothing personal stored
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert "Đã tiếp nhận" in page.content.decode() and submission.display_code in page.content.decode()


def test_the_form_page_is_private_and_the_forum_page_stays_public(client):
    forum = upcoming_forum()
    form = client.get(form_url(forum))
    assert (
        form.status_code == 200 and "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]
    )
    page = client.get(forum.url)
    assert page.status_code == 200 and page["Cache-Control"].startswith("public") and not page.cookies
    assert form_url(forum) in page.content.decode()  # the link to the form
    assert "Báo tin về an ninh trật tự" in page.content.decode()


def test_contact_details_need_consent_and_are_stored_apart(client):
    forum = upcoming_forum()
    fields = question(name="Trần Thị Mai", phone="0912 345 678", email="mai@example.vn")
    refused = post_form(client, form_url(forum), fields)
    assert refused.status_code == 400 and "đánh dấu đồng ý" in refused.content.decode()
    assert not Submission.objects.exists()
    accepted = post_form(client, form_url(forum), {**fields, "consent": "on", "notify_by_email": "on"})
    assert accepted.status_code == 303
    submission = Submission.objects.get()
    contact = submission.contact
    assert (contact.name, contact.phone, contact.email, contact.notify_by_email) == (
        "Trần Thị Mai",
        "0912 345 678",
        "mai@example.vn",
        True,
    )
    tracking = client.get(accepted["Location"]).content.decode()
    for secret in ("Trần Thị Mai", "0912 345 678", "mai@example.vn"):
        assert secret not in tracking


def test_a_honeypot_filled_by_a_bot_is_refused(client):
    response = post_form(client, form_url(upcoming_forum()), question(website="http://spam.example"))
    assert response.status_code == 400 and not Submission.objects.exists()


def test_a_post_faster_than_a_person_is_refused(client):
    response = post_form(client, form_url(upcoming_forum()), question(), age=1)
    assert response.status_code == 400 and "quá nhanh" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_forged_or_missing_timestamp_is_refused(client):
    url = form_url(upcoming_forum())
    for token in ("", "12345", "abc:def:ghi"):
        response = post_form(client, url, {**question(), "form_started": token})
        assert response.status_code == 400
    assert not Submission.objects.exists()


def test_without_csrf_the_post_is_refused():
    client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
    response = client.post(form_url(upcoming_forum()), question())
    assert response.status_code == 403 and not Submission.objects.exists()


def test_a_repeated_question_is_refused_as_a_duplicate(client):
    url = form_url(upcoming_forum())
    assert post_form(client, url, question()).status_code == 303
    again = post_form(client, url, question(text=QUESTION.upper() + "  "))
    assert again.status_code == 400 and "đã được gửi" in again.content.decode()
    assert Submission.objects.count() == 1


@override_settings(
    PARTICIPATION_RATE_LIMITS={
        "ip": (3, 600),
        "forum": (300, 3600),
        "commune": (300, 3600),
        "vote": (30, 600),
    }
)
def test_a_flood_from_one_address_is_throttled_in_vietnamese(client):
    url = form_url(upcoming_forum())
    for n in range(3):
        assert post_form(client, url, question(text=f"{QUESTION} Lần thứ {n}.")).status_code == 303
    response = post_form(client, url, question(text=f"{QUESTION} Lần thứ tư."))
    assert response.status_code == 429 and response["Retry-After"]
    assert "Bạn đã gửi nhiều lần" in response.content.decode()
    assert Submission.objects.count() == 3


def test_length_limits_and_plain_text(client):
    url = form_url(upcoming_forum())
    too_long = post_form(client, url, question(text="a" * 2001))
    assert too_long.status_code == 400 and not Submission.objects.exists()
    html = '<script>alert("x")</script> <a href="http://x.example">xem</a> câu hỏi về trật tự'
    assert post_form(client, url, question(text=html)).status_code == 303
    submission = Submission.objects.get()
    page = client.get(f"/tra-cuu/{submission.code}/").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page and 'href="http://x.example"' not in page


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_strings_never_break_the_form(client, text):
    url = form_url(upcoming_forum())
    response = post_form(
        client, url, question(text=f"Câu hỏi thử {text} về an ninh", name=text, consent="on")
    )
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "changes,words",
    [
        ({"schedule": ForumSchedule.CANCELLED, "schedule_notice": "Hủy vì bão."}, "đã hủy"),
        ({"schedule": ForumSchedule.POSTPONED, "schedule_notice": "Hoãn vì bão."}, "tạm hoãn"),
    ],
)
def test_a_cancelled_or_postponed_forum_says_why_it_takes_no_questions(client, changes, words):
    forum = publish(upcoming_forum(), **changes)
    page = client.get(form_url(forum))
    assert (
        page.status_code == 200
        and words in page.content.decode()
        and "<textarea" not in page.content.decode()
    )
    response = post_form(client, form_url(forum), question())
    assert response.status_code == 409 and not Submission.objects.exists()
    assert words in client.get(forum.url).content.decode()


def test_after_the_deadline_the_form_is_closed(client):
    forum = upcoming_forum()
    forum = publish(forum, questions_deadline=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(form_url(forum)).content.decode()
    assert "Đã hết hạn gửi câu hỏi" in page


def test_unknown_forums_and_bad_ids_answer_404(client):
    assert client.get("/hoi-dap/dien-dan/999999/").status_code == 404
    assert client.get("/hoi-dap/dien-dan/99999999999999999999/").status_code == 404
    assert client.get("/tra-cuu/%3Cscript%3E/").status_code == 404
    assert client.get("/tra-cuu/ABCDEFGH23/").status_code == 404
