""" "Hỏi đáp – Góp ý" to a commune typed without marks, and nominations that become draft stories."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from participation.models import Submission
from participation.scope import moderators_of
from participation.statuses import Kind
from stories.models import StoryPage
from tests.participation.helpers import post_form, unit_moderator
from tests.search.test_hostile_input import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

HOAN_KIEM = 70
FEEDBACK = {
    "province": "1",
    "commune_name": "hoan kiem",
    "topic": "giao-thong",
    "text": "Đề nghị phường bố trí người điều tiết giao thông trước cổng trường vào giờ tan học.",
}
NOMINATION = {
    "province": "1",
    "commune_name": "Hoàn Kiếm",
    "text": "Anh xe ôm trả lại chiếc ví có 20 triệu đồng cho một du khách bị đánh rơi trên phố Hàng Bạc.",
    "happened_on": "2026-11-20",
    "place": "Phố Hàng Bạc",
    "featured_person": "Anh Nguyễn Văn Bình",
}


def test_feedback_reaches_the_commune_typed_without_marks(
    client, django_user_model, django_capture_on_commit_callbacks
):
    unit_moderator(django_user_model, "tiepnhan-hk", HOAN_KIEM)  # the unit gets the mail
    unit_moderator(django_user_model, "tiepnhan-cc", 27553)  # another unit does not
    page = client.get("/hoi-dap/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Báo tin về an ninh trật tự" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, "/hoi-dap/", FEEDBACK)
    assert response.status_code == 303
    submission = Submission.objects.get()
    assert (
        submission.kind == Kind.FEEDBACK and submission.commune_id == HOAN_KIEM and submission.forum is None
    )
    # The unit's moderators: the new one and the demo's Hoàn Kiếm ward group; no other unit.
    (message,) = mail.outbox
    assert "tiepnhan-hk@example.vn" in message.to
    assert set(message.to) == {u.email for u in moderators_of(submission.commune) if u.email}
    assert "tiepnhan-cc@example.vn" not in message.to
    assert submission.text not in message.body  # the mail names the code, not what was sent


def test_an_unknown_or_ambiguous_commune_is_a_form_error(client):
    response = post_form(client, "/hoi-dap/", {**FEEDBACK, "commune_name": "khong co noi nay"})
    assert response.status_code == 400 and "Không tìm thấy" in response.content.decode()
    response = post_form(client, "/hoi-dap/", {**FEEDBACK, "province": "99999"})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_a_nomination_becomes_a_draft_story_in_two_clicks_with_consent_missing(client, django_user_model):
    moderator = unit_moderator(django_user_model, "tiepnhan-hk", HOAN_KIEM)
    assert post_form(client, "/hoi-dap/guong-nguoi-tot/", NOMINATION).status_code == 303
    submission = Submission.objects.get(kind=Kind.NOMINATION)
    assert submission.happened_on == datetime.date(2026, 11, 20) and submission.place == "Phố Hàng Bạc"

    admin = client.__class__(HTTP_HOST="127.0.0.1")
    admin.force_login(moderator)
    edit = admin.get(reverse("participation_admin:edit", args=[submission.pk])).content.decode()
    confirm_url = reverse("participation_nomination_story", args=[submission.pk])
    assert confirm_url in edit  # first click
    assert admin.get(confirm_url).status_code == 200
    response = admin.post(confirm_url)  # second click
    story = StoryPage.objects.get(nominations=submission)
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[story.pk]
    )
    assert not story.live and story.commune_id == HOAN_KIEM and story.deed_date == datetime.date(2026, 11, 20)
    person = story.people.get()
    assert person.full_name == "Anh Nguyễn Văn Bình" and not person.consent_given
    assert story.get_publish_blockers()  # cannot be published until consent is recorded

    tracking = client.get(f"/tra-cuu/{submission.code}/").content.decode()
    assert story.title not in tracking  # not published yet
    story.people.update(consent_given=True, consent_date=datetime.date(2026, 11, 25), age_group="nguoi-lon")
    story = StoryPage.objects.get(pk=story.pk)
    story.save_revision().publish()
    tracking = client.get(f"/tra-cuu/{submission.code}/").content.decode()
    assert "Câu chuyện đã được đăng" in tracking


def test_another_unit_cannot_draft_a_story_from_the_nomination(client, django_user_model):
    stranger = unit_moderator(django_user_model, "tiepnhan-cc", 27553)
    assert post_form(client, "/hoi-dap/guong-nguoi-tot/", NOMINATION).status_code == 303
    submission = Submission.objects.get()
    admin = client.__class__(HTTP_HOST="127.0.0.1")
    admin.force_login(stranger)
    assert admin.post(reverse("participation_nomination_story", args=[submission.pk])).status_code == 404
    assert not StoryPage.objects.filter(nominations=submission).exists()


def test_a_nomination_of_a_future_date_is_refused(client):
    response = post_form(client, "/hoi-dap/guong-nguoi-tot/", {**NOMINATION, "happened_on": "2099-01-01"})
    assert response.status_code == 400 and not Submission.objects.exists()


def png(size=(40, 30)) -> bytes:
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, format="PNG")
    return output.getvalue()


def test_a_nominations_photo_is_private_to_the_unit_and_hidden_in_the_draft(client, django_user_model):
    from django.core.files.uploadedfile import SimpleUploadedFile

    moderator = unit_moderator(django_user_model, "tiepnhan-hk", HOAN_KIEM)
    stranger = unit_moderator(django_user_model, "tiepnhan-cc", 27553)
    photo = SimpleUploadedFile("ong-binh-nha-so-5.png", png(), content_type="image/png")
    assert post_form(client, "/hoi-dap/guong-nguoi-tot/", {**NOMINATION, "photo": photo}).status_code == 303
    submission = Submission.objects.get()
    assert submission.photo.name.startswith("citizen-photos/") and "binh" not in submission.photo.name
    assert client.get(f"/media/{submission.photo.name}").status_code == 404  # never a public file
    photo_url = reverse("participation_nomination_photo", args=[submission.pk])
    admin, other = (client.__class__(HTTP_HOST="127.0.0.1") for _ in range(2))
    admin.force_login(moderator)
    other.force_login(stranger)
    response = admin.get(photo_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == png()
    assert other.get(photo_url).status_code == 404
    admin.post(reverse("participation_nomination_story", args=[submission.pk]))
    story = StoryPage.objects.get(nominations=submission)
    assert story.hero_image is not None and story.visible_hero_image is None  # consent missing


def test_a_file_that_only_pretends_to_be_an_image_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.png", b"GIF89a<html><script>alert(1)</script>", content_type="image/png")
    response = post_form(client, "/hoi-dap/guong-nguoi-tot/", {**NOMINATION, "photo": fake})
    assert response.status_code == 400 and not Submission.objects.exists()


@pytest.mark.parametrize("text", HOSTILE_QUERIES[::3])
def test_hostile_strings_never_break_the_feedback_form(client, text):
    fields = {**FEEDBACK, "commune_name": text, "text": f"Góp ý thử {text} về trật tự", "place": text}
    response = post_form(client, "/hoi-dap/", fields)
    assert response.status_code in (303, 400)
    response = post_form(
        client, "/hoi-dap/guong-nguoi-tot/", {**NOMINATION, "featured_person": text, "place": text}
    )
    assert response.status_code in (303, 400)


@override_settings(
    PARTICIPATION_RATE_LIMITS={
        "ip": (100, 600),
        "forum": (300, 3600),
        "commune": (2, 3600),
        "vote": (30, 600),
    }
)
def test_a_flood_at_one_commune_from_many_addresses_is_throttled(client):
    for n in range(3):
        fields = {**FEEDBACK, "text": f"{FEEDBACK['text']} Lần {n}."}
        response = post_form(client, "/hoi-dap/", fields, REMOTE_ADDR=f"10.0.0.{n}")
    assert response.status_code == 429 and Submission.objects.count() == 2
