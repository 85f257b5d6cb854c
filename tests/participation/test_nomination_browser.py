"""A moderator turns a nomination into a draft story in two clicks; the featured person's
consent shows as missing and publishing is refused until it is recorded."""

from django.urls import reverse

from editorial.models import publish_blockers
from participation.models import Submission
from stories.models import StoryPage
from tests.browser import BROWSER_MARKS, tap
from tests.editorial.browser_steps import sign_in
from tests.participation.helpers import PASSWORD, post_form
from tests.participation.test_feedback_and_nominations import NOMINATION

pytestmark = BROWSER_MARKS


def shown(driver) -> str:
    """The admin's messages on the page."""
    return " ".join(e.text for e in driver.find_elements("css selector", ".messages li"))


def test_a_nomination_becomes_a_draft_that_waits_for_consent(site_server, browser, client, django_user_model):
    from selenium.webdriver.common.by import By

    assert post_form(client, "/hoi-dap/guong-nguoi-tot/", NOMINATION).status_code == 303  # the citizen's form
    submission = Submission.objects.get()
    # The demo's Hoàn Kiếm ward group edits the ward's stories and moderates its submissions.
    editor = django_user_model.objects.get(username="bientap-hoankiem")
    editor.set_password(PASSWORD)
    editor.save()
    sign_in(browser, site_server, "bientap-hoankiem", PASSWORD)
    browser.get(f"{site_server}{reverse('participation_admin:edit', args=[submission.pk])}")
    tap(browser, "Tạo bài nháp từ lời giới thiệu")  # first click
    tap(browser, "Tạo bài nháp", tag="button", within="main")  # second click
    story = StoryPage.objects.get(nominations=submission)
    assert browser.current_url.endswith(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert "Nhân vật chưa có sự đồng ý" in shown(browser)
    name = browser.find_element(By.CSS_SELECTOR, "input[name$='full_name']")
    assert name.get_attribute("value") == "Anh Nguyễn Văn Bình"
    assert not browser.find_element(By.CSS_SELECTOR, "input[name$='consent_given']").is_selected()

    # A ward editor has no publish button (a leader approves); the approval and every publish
    # path refuse while the consent is missing (editorial.models.publish_blockers).
    assert not browser.find_elements(By.CSS_SELECTOR, "button[name=action-publish]")
    assert any("đồng ý" in problem for problem in publish_blockers(StoryPage.objects.get(pk=story.pk)))
