"""A unit editor's page chooser lists only what readers may see and the unit's own pages."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.slugs import ascii_slugify
from stories.models import StoryPage
from tests.helpers import a_story


def new_story(parent, title, live=True):
    model = a_story()
    page = StoryPage(
        title=title,
        slug=ascii_slugify(title),
        sapo="Một câu chuyện để thử bộ chọn trang.",
        deed_type=model.deed_type,
        deed_date=model.deed_date,
        commune=model.commune,
        byline=model.byline,
        live=live,
    )
    return parent.add_child(instance=page)


pytestmark = pytest.mark.django_db


def titles_in(response) -> str:
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):  # browsing answers JSON, search HTML
        return response.json()["html"]
    return response.content.decode()


def test_another_units_draft_restricted_and_scheduled_pages_stay_out_of_the_chooser(
    ward_editor, stories_index, ward_index
):
    draft = new_story(stories_index, "Bản nháp của đơn vị khác", live=False)
    restricted = new_story(stories_index, "Bài chỉ dành cho cán bộ")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    scheduled = new_story(stories_index, "Bài hẹn giờ của đơn vị khác", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()  # a future go-live: Wagtail keeps it scheduled, not live
    own_draft = new_story(ward_index, "Bản nháp của phường mình", live=False)
    public = StoryPage.objects.live().public().first()

    listed = titles_in(ward_editor.get(f"/admin/choose-page/{stories_index.pk}/"))
    found = titles_in(ward_editor.get("/admin/choose-page/search/", {"q": "đơn vị khác"}))
    for hidden in (draft, restricted, scheduled):
        assert hidden.title not in listed and hidden.title not in found, hidden.title
    assert public.title in titles_in(ward_editor.get("/admin/choose-page/search/", {"q": public.title}))
    assert own_draft.title in titles_in(ward_editor.get(f"/admin/choose-page/{ward_index.pk}/"))
