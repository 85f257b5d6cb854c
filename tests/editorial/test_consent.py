"""Consent of the people featured: publishing is refused without it, withdrawal acts at once."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from stories.models import StoryPage, StoryPerson
from tests.editorial.helpers import (
    as_user,
    consenting_adult,
    create_story,
    edit_story,
    html,
    messages_of,
    person,
)

pytestmark = pytest.mark.django_db


def test_publishing_without_consent_is_refused_with_a_clear_message(leader, stories_index, client):
    response, page = create_story(leader, stories_index, people=[person()], action="action-publish")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live  # refused …
    assert page.get_latest_revision() is not None  # … but nothing the editor wrote is lost
    shown = html(leader.get(response["Location"]))
    assert "Chưa thể đăng: nhân vật “Nguyễn Văn Hùng” còn thiếu sự đồng ý của chính nhân vật" in shown
    assert "hoặc chọn “Chỉ hiện tên viết tắt”" in shown  # the way out, in the message itself
    assert PageLogEntry.objects.filter(page=page, action="binhyen.publish_refused").exists()
    assert client.get(f"/nguoi-tot-viec-tot/{page.slug}/").status_code == 404

    # Initials only is always allowed: the same story goes live, and names nobody.
    response = edit_story(
        leader,
        page,
        title=page.title,
        people=[person(id=page.people.get().pk, initials_only=True)],
        initial_people=1,
        action="action-publish",
    )
    page = StoryPage.objects.get(pk=page.pk)
    assert page.live, messages_of(response)
    public = html(client.get(page.url))
    assert "N.V.H." in public and "Nguyễn Văn Hùng" not in public


def test_a_minor_needs_their_own_and_a_guardians_consent(leader, stories_index, client):
    child = {
        "full_name": "Trần Bảo Ngọc",
        "age": "12",
        "age_group": "7-den-duoi-18",
        "role": "học sinh lớp 7",
    }
    response, page = create_story(
        leader, stories_index, people=[consenting_adult(**child)], action="action-publish"
    )
    page.refresh_from_db()
    assert not page.live
    assert "sự đồng ý của cha, mẹ hoặc người giám hộ" in html(leader.get(response["Location"]))

    with_guardian = consenting_adult(
        **child, guardian_consent=True, guardian_consent_date="02/11/2026", guardian_relation="mẹ"
    )
    with_guardian["id"] = page.people.get().pk
    edit_story(
        leader, page, title=page.title, people=[with_guardian], initial_people=1, action="action-publish"
    )
    page = StoryPage.objects.get(pk=page.pk)
    assert page.live
    assert "Trần Bảo Ngọc" in html(client.get(page.url))


def test_the_age_decides_the_age_group(leader, stories_index):
    """The group an age falls in is filled from the age (the select may still show its first
    choice): no error against it, and the rules of that group apply."""
    response, page = create_story(
        leader,
        stories_index,
        people=[consenting_adult(age="14", age_group="nguoi-lon")],
        action="action-publish",
    )
    assert response.status_code == 302 and page is not None
    assert page.people.get().age_group == "7-den-duoi-18"
    page.refresh_from_db()
    assert not page.live  # a 14-year-old also needs a guardian's consent
    assert "sự đồng ý của cha, mẹ hoặc người giám hộ" in html(leader.get(response["Location"]))


def test_a_leader_cannot_approve_a_story_without_consent(editor, leader, stories_index):
    response, page = create_story(editor, stories_index, people=[person()], action="action-submit")
    assert response.status_code == 302
    assert "chưa thể được duyệt" in html(editor.get(response["Location"]))
    task_state = page.current_workflow_task_state
    response = leader.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    shown = html(leader.get(response["Location"], follow=True))
    assert "Chưa duyệt được" in shown and "còn thiếu sự đồng ý của chính nhân vật" in shown
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert PageLogEntry.objects.filter(page=page, action="binhyen.approval_refused").exists()


def test_scheduled_publishing_refuses_a_story_without_consent(editor, stories_index):
    _response, page = create_story(editor, stories_index, people=[person()])
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live and revision.approved_go_live_at is None
    entry = PageLogEntry.objects.get(page=page, action="binhyen.publish_refused")
    assert entry.data["scheduled"] is True


def test_photos_of_a_person_without_consent_are_not_shown(client):
    story = StoryPage.objects.get(title__startswith="Người mẹ trẻ")
    body_image = next(block.value["image"] for block in story.body if block.block_type == "image")
    stem = body_image.get_rendition("format-jpeg|width-400").url
    assert stem in html(client.get(story.url))
    StoryPerson.objects.filter(page=story).update(photo=body_image)
    # Written past Wagtail's log, so the content version is unchanged: the page cache still
    # holds the page (editors' changes, and consent withdrawal, are logged and replace it).
    cache.clear()
    assert stem not in html(client.get(story.url))


def card_of(listing_html: str, title: str) -> str:
    for card in re.findall(r'<article class="card">.*?</article>', listing_html, flags=re.S):
        if title in card:
            return card
    raise AssertionError(f"no card for {title}")


def test_withdrawing_consent_takes_effect_everywhere_at_once(editor, client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    person_obj = story.people.get(full_name="Đỗ Văn Thành")
    StoryPerson.objects.filter(pk=person_obj.pk).update(photo=story.hero_image)  # the lead photo shows him
    hero_stem = story.hero_image.get_rendition("format-jpeg|width-400").url

    def search_hits():
        return list(StoryPage.objects.live().search("Đỗ Văn Thành", operator="and"))

    before = html(client.get(story.url))
    assert "Đỗ Văn Thành" in before and hero_stem in before
    assert story in search_hits()

    form = editor.get(f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/")
    assert form.status_code == 200 and "Rút lại đồng ý của nhân vật" in html(form)
    response = editor.post(
        f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/",
        {"person": person_obj.pk, "reason": "Anh gọi điện tới đường dây nóng đề nghị gỡ tên."},
    )
    assert response.status_code == 302

    story = StoryPage.objects.get(pk=story.pk)
    assert story.live  # no re-approval needed
    page_html = html(client.get(story.url))
    assert "Đỗ Văn Thành" not in page_html and "Đ.V.T." in page_html
    assert hero_stem not in page_html and 'class="hero"' not in page_html
    for listing in ("/nguoi-tot-viec-tot/", "/"):
        assert "Đỗ Văn Thành" not in html(client.get(listing))
    card = card_of(html(client.get("/nguoi-tot-viec-tot/")), story.title)  # the section lists it
    assert "<img" not in card and "<picture" not in card
    assert story.visible_hero_image is None  # what feeds and share previews read
    assert all(p.display_name != "Đỗ Văn Thành" for p in story.featured_people())
    # Search folds marks, so other pages with "do", "van", "thanh" may still match; this one not.
    assert story not in search_hits()
    assert "Đỗ Văn Thành" not in str(story.get_latest_revision().content.get("sapo"))

    entry = PageLogEntry.objects.get(page=story, action="binhyen.consent_withdrawn")
    assert entry.user.username == "bientap" and entry.data["person"] == "Đ.V.T."
    history = html(editor.get(f"/admin/pages/{story.pk}/history/"))
    assert "Nhân vật rút lại đồng ý" in history
    assert editor.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


def test_a_photo_without_consent_is_hidden_wherever_the_story_is_reused(client):
    """Initials only (always publishable) with the person's photo as the lead image: the page
    hides the photo, and so must the widget, the oEmbed card and the feeds' enclosures."""
    # A story whose texts name the girl by initials only (a story naming an initials-only
    # person in its text could not be published at all).
    story = StoryPage.objects.get(title__startswith="Học sinh lớp 9")
    assert story.hero_image is not None
    StoryPerson.objects.filter(page=story).update(photo=story.hero_image, initials_only=True)
    story.save_revision().publish()  # a new content version: nothing cached survives
    assert StoryPage.objects.get(pk=story.pk).visible_hero_image is None
    for embedded in (f"/nhung/trang/{story.pk}/", "/nhung/?loai=nguoi-tot-viec-tot&so=20"):
        widget_html = html(client.get(embedded))
        card = next(li for li in widget_html.split("<li>") if story.title in li)
        assert "<img" not in card, embedded
    for fmt in ("rss", "atom", "json"):
        body = client.get(f"/nguon-tin/{fmt}/?loai=nguoi-tot-viec-tot").content.decode()
        entry = body[body.index(story.title) :][:3000].split("</item>")[0].split("</entry>")[0]
        entry = entry.split('"language"')[0]  # JSON Feed: up to the end of this item
        assert "enclosure" not in entry and "media:content" not in entry and '"image"' not in entry, fmt


def test_a_leader_can_withdraw_and_unpublish(leader, client):
    story = StoryPage.objects.get(title__startswith="Ngư dân Sơn Trà")
    url = story.url
    assert client.get(url).status_code == 200
    person_obj = story.people.get()
    response = leader.post(
        f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/", {"person": person_obj.pk, "unpublish": "on"}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert client.get(url).status_code == 404
    assert PageLogEntry.objects.filter(page=story, action="wagtail.unpublish").exists()


def test_editors_cannot_unpublish_and_other_units_cannot_withdraw(editor, ward_editor):
    story = StoryPage.objects.get(title__startswith="Ngư dân Sơn Trà")
    assert 'name="unpublish"' not in html(editor.get(f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/"))
    response = ward_editor.post(
        f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/", {"person": story.people.get().pk}
    )
    assert response.status_code == 403
    assert story.people.get().consent_given


def test_consent_changes_are_in_the_audit_log(leader, stories_index):
    _response, page = create_story(
        leader, stories_index, people=[consenting_adult()], action="action-publish"
    )
    page = StoryPage.objects.get(pk=page.pk)
    assert page.live
    existing = page.people.get()
    edit_story(
        leader,
        page,
        title=page.title,
        people=[consenting_adult(id=existing.pk, consent_scope="chi-ten")],
        initial_people=1,
    )
    entries = PageLogEntry.objects.filter(page=page, action="binhyen.consent_changed")
    # One entry per save: the published creation (a person added), then this edit.
    assert entries.count() == 2
    entry = entries.latest("timestamp")
    assert entry.data["people"] == [{"person": "N.V.H.", "changes": ["phạm vi đồng ý"]}]
    assert entry.user.username == "lanhdao"
    assert "Thay đổi sự đồng ý" in html(as_user("lanhdao").get(f"/admin/pages/{page.pk}/history/"))


def test_bulk_publishing_refuses_a_story_without_consent(leader, stories_index, client):
    _response, page = create_story(leader, stories_index, people=[person()])  # saved as a draft
    page = StoryPage.objects.get(pk=page.pk)
    assert not page.live
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/pages/{stories_index.pk}/"
    response = leader.post(url, {})
    assert response.status_code == 302
    assert not StoryPage.objects.get(pk=page.pk).live
    assert PageLogEntry.objects.filter(page=page, action="binhyen.publish_refused").exists()
    assert client.get(f"/nguoi-tot-viec-tot/{page.slug}/").status_code == 404


def test_withdrawal_deletes_every_published_file_of_the_photo_and_purges_the_page(
    editor, client, settings, front_cache_purges, django_capture_on_commit_callbacks
):
    """All addresses already published for the person's photo (original, every rendition) and
    the page's share cards stop answering; the page, its section, the home page and those
    addresses are purged from the front-end cache."""
    import os

    from wagtail.images import get_image_model

    from feeds import sharecard

    purged = front_cache_purges
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    # A photo of its own: the demo's images are shared by the whole test session, and deleting
    # files is not rolled back with the test's transaction.
    photo = get_image_model().objects.create(title="Ảnh anh Thành", file=jpeg_file("anh-thanh.jpg"))
    StoryPage.objects.filter(pk=story.pk).update(hero_image=photo)
    story = StoryPage.objects.get(pk=story.pk)
    person_obj = story.people.get(full_name="Đỗ Văn Thành")
    StoryPerson.objects.filter(pk=person_obj.pk).update(photo=photo)
    page_html = html(client.get(story.url))
    renditions = [rendition.url for rendition in photo.renditions.all()]
    assert any(url in page_html for url in renditions)  # the page printed renditions of the photo
    card = re.search(r'property="og:image" content="[^"]*(/anh-chia-se/[^"]+)"', page_html).group(1)
    assert client.get(card).status_code == 200
    # Every card stored for the story (publishing draws one too, and the media folder outlives
    # each test), the one this photo is on among them.
    card_files = [
        n for n in sharecard.default_storage.listdir(sharecard.STORAGE_DIR)[1] if n.startswith(f"{story.pk}-")
    ]
    assert any(name.removesuffix(".jpg").split("-", 1)[1] in card for name in card_files), (card, card_files)
    old = [photo.file.url, *renditions, *(f"/media/{sharecard.STORAGE_DIR}/{name}" for name in card_files)]
    assert all(client.get(url).status_code == 200 for url in old)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/",
            {"person": person_obj.pk, "reason": "Anh đề nghị gỡ ảnh."},
        )
    assert response.status_code == 302
    for url in old:
        assert client.get(url).status_code == 404, url
        assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, url.removeprefix("/media/"))), url
    assert not get_image_model().objects.filter(pk=photo.pk).exists()
    paths = {url.split("://", 1)[-1].split("/", 1)[-1] for url in purged}
    paths = {"/" + p for p in paths}
    assert {story.url, "/nguoi-tot-viec-tot/", "/", card, photo.file.url} <= paths, paths
    assert "/nguon-tin/rss/" in paths
    new_card = re.search(
        r'property="og:image" content="[^"]*(/anh-chia-se/[^"]+)"', html(client.get(story.url))
    )
    assert new_card.group(1) != card


def jpeg_file(name):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (90, 140, 60)).save(buffer, "JPEG")
    return ImageFile(buffer, name=name)
