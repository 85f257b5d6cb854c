"""A unit's moderator finds, answers and publishes its questions; another unit never sees them."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participation.models import Submission
from participation.statuses import Status
from tests.participation.helpers import post_form, question, unit_moderator, upcoming_forum

pytestmark = pytest.mark.django_db

HOAN_KIEM, CU_CHI = 70, 27553
NAME, PHONE = "Lê Văn Tám", "0987 654 321"


@pytest.fixture
def submission(client):
    forum = upcoming_forum()
    fields = question(name=NAME, phone=PHONE, consent="on")
    assert post_form(client, f"/hoi-dap/dien-dan/{forum.pk}/", fields).status_code == 303
    return Submission.objects.get()


@pytest.fixture
def moderator(django_user_model):
    return unit_moderator(django_user_model, "tiepnhan-cuchi", CU_CHI)


@pytest.fixture
def stranger(django_user_model):
    return unit_moderator(django_user_model, "tiepnhan-hoankiem", HOAN_KIEM)


def signed_in(user):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def edit_url(submission):
    return reverse("participation_admin:edit", args=[submission.pk])


def answer_data(**changes):
    return {
        "status": Status.ANSWERED_AT_FORUM,
        "status_note": "",
        "answer": "Công an xã bố trí tổ tuần tra ban đêm ở ấp 3 từ tháng này.",
        "answered_by": "Trưởng Công an xã",
        "public_question": "Kế hoạch tuần tra ban đêm ở ấp 3 khi có trộm gia súc?",
        "publish": "on",
        **changes,
    }


def test_the_units_moderator_sees_the_question_in_the_queue(submission, moderator):
    client = signed_in(moderator)
    page = client.get(reverse("participation_admin:list"))
    assert page.status_code == 200 and submission.display_code in page.content.decode()
    edit = client.get(edit_url(submission))
    assert edit.status_code == 200
    assert NAME in edit.content.decode() and PHONE in edit.content.decode()  # the unit sees the contact


def test_another_units_moderator_never_sees_it(submission, stranger):
    client = signed_in(stranger)
    listing = client.get(reverse("participation_admin:list"))
    assert listing.status_code == 200 and submission.display_code not in listing.content.decode()
    for url in (
        edit_url(submission),
        reverse("participation_admin:history", args=[submission.pk]),
        reverse("participation_admin:delete", args=[submission.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(edit_url(submission), answer_data()).status_code == 404
    assert Submission.objects.get().status == Status.RECEIVED
    assert submission.code not in body_of(client.get(reverse("participation_admin:list") + "?export=csv"))


def test_contact_details_need_their_own_permission(submission, django_user_model):
    user = unit_moderator(django_user_model, "tiepnhan-cuchi-2", CU_CHI, see_contacts=False)
    page = signed_in(user).get(edit_url(submission)).content.decode()
    assert NAME not in page and PHONE not in page and "không có quyền xem thông tin liên hệ" in page


def test_answering_and_publishing_shows_the_qa_on_the_forum_without_personal_data(
    client, submission, moderator
):
    admin = signed_in(moderator)
    response = admin.post(edit_url(submission), answer_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    submission.refresh_from_db()
    assert (
        submission.status == Status.ANSWERED_AT_FORUM and submission.published_at and submission.answered_at
    )
    assert [step.status for step in submission.history.all()] == [Status.RECEIVED, Status.ANSWERED_AT_FORUM]
    actions = set(ModelLogEntry.objects.filter(object_id=str(submission.pk)).values_list("action", flat=True))
    assert {"participation.status", "participation.published"} <= actions

    forum = upcoming_forum()
    page = client.get(forum.url)
    html = page.content.decode()
    assert page["Cache-Control"].startswith("public")
    assert "Kế hoạch tuần tra ban đêm ở ấp 3 khi có trộm gia súc?" in html
    assert "bố trí tổ tuần tra ban đêm" in html and "Trưởng Công an xã" in html
    assert NAME not in html and PHONE not in html and submission.text not in html
    tracking = client.get(f"/tra-cuu/{submission.code}/").content.decode()
    assert "Đã trả lời tại diễn đàn" in tracking and "bố trí tổ tuần tra ban đêm" in tracking
    assert NAME not in tracking and PHONE not in tracking


def test_publishing_needs_a_public_question_and_an_answer(submission, moderator):
    response = signed_in(moderator).post(edit_url(submission), answer_data(public_question="", answer=""))
    assert response.status_code == 200
    assert Submission.objects.get().published_at is None


def test_a_transfer_names_the_body_and_the_tracking_page_says_it(client, submission, moderator):
    data = answer_data(status=Status.TRANSFERRED, status_note="Công an Thành phố Hồ Chí Minh", publish="")
    assert signed_in(moderator).post(edit_url(submission), data).status_code == 302
    tracking = client.get(f"/tra-cuu/{submission.code}/").content.decode()
    assert "Đã chuyển đến Công an Thành phố Hồ Chí Minh" in tracking
    assert Submission.objects.get().closed_at is not None


def test_nothing_is_public_until_published(client, submission):
    html = client.get(upcoming_forum().url).content.decode()
    assert submission.text not in html
    assert client.get("/tim-kiem/?q=tuan+tra+ban+dem+gia+suc").content.decode().count(submission.text) == 0
    for feed in ("/nguon-tin/rss/", "/nguon-tin/json/"):
        body = client.get(feed).content.decode()
        assert submission.text not in body and NAME not in body


def test_the_export_has_statuses_and_contact_details_only_with_the_permission(
    submission, moderator, django_user_model
):
    without = unit_moderator(django_user_model, "tiepnhan-cuchi-2", CU_CHI, see_contacts=False)
    response = signed_in(without).get(reverse("participation_admin:list") + "?export=csv")
    body = body_of(response)
    assert response.status_code == 200 and submission.code in body and "Đã tiếp nhận" in body
    assert NAME not in body and PHONE not in body
    body = body_of(signed_in(moderator).get(reverse("participation_admin:list") + "?export=csv"))
    assert NAME in body and PHONE in body and "Số điện thoại" in body


def test_a_user_without_the_moderation_permission_has_no_queue(submission, django_user_model):
    user = unit_moderator(django_user_model, "bientap-cuchi", CU_CHI)
    for group in user.groups.all():
        group.permissions.remove(Permission.objects.get(codename="change_submission"))
    user = django_user_model.objects.get(pk=user.pk)
    assert signed_in(user).get(edit_url(submission)).status_code in (302, 403, 404)


def test_the_queue_filters_by_status_and_report_channel(submission, moderator):
    client = signed_in(moderator)
    listing = reverse("participation_admin:list")
    assert submission.display_code in client.get(f"{listing}?status=da-tiep-nhan").content.decode()
    assert submission.display_code not in client.get(f"{listing}?status=dang-xu-ly").content.decode()
    assert submission.display_code not in client.get(f"{listing}?report_channel=true").content.decode()
    assert client.post(edit_url(submission), answer_data(report_channel="on", publish="")).status_code == 302
    assert submission.display_code in client.get(f"{listing}?report_channel=true").content.decode()
    assert submission.display_code in client.get(f"{listing}?q=tuần tra").content.decode()
