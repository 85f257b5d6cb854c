"""No admin or public page makes the browser ask another host for anything.

One signed-in editor's Chromium walks the screens staff use every day and the public pages the
page audit does not load (the feed builder, the widget, a missing page, search without hits).
Chrome's own network log is read after each page (`other_hosts_requested`): scripts, styles,
fonts, images, frames, fetches and beacons all count. The `browser` fixture checks the same for
every browser test; this one names the page that asked.
"""

from forums.models import ForumAnnouncementPage
from models_showcase.models import ModelShowcasePage
from stories.models import StoryIndexPage, StoryPage
from tests.browser import BROWSER_MARKS, other_hosts_requested
from tests.editorial.browser_steps import sign_in

pytestmark = BROWSER_MARKS


def test_no_page_staff_or_readers_open_asks_another_host(site_server, browser, django_user_model):
    django_user_model.objects.create_superuser("quan-tri-thu", "qt@example.vn", "mat-khau-thu-nghiem")
    story, showcase, forum = (
        model.objects.live().first() for model in (StoryPage, ModelShowcasePage, ForumAnnouncementPage)
    )
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")

    browser.get(f"{site_server}/admin/login/")
    assert other_hosts_requested(browser) == [], "the login page"
    sign_in(browser, site_server, "quan-tri-thu", "mat-khau-thu-nghiem")

    admin_pages = [
        "/admin/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{showcase.pk}/edit/",
        f"/admin/pages/{forum.pk}/edit/",
        f"/admin/pages/add/stories/storypage/{section.pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/workflows/list/",
    ]
    public_pages = [
        "/lay-tin/",
        "/nhung/?loai=nguoi-tot-viec-tot",
        "/khong-co-trang-nay/",
        "/tim-kiem/?q=zzzz",
    ]
    asked = {}
    for path in admin_pages + public_pages:
        browser.get(site_server + path)
        assert "Server Error" not in browser.title, path
        found = other_hosts_requested(browser)
        if found:
            asked[path] = found
    assert asked == {}
