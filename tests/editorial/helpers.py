"""Helpers of the editorial tests: signed-in clients, story form data as the admin posts it, reading messages."""

import datetime

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.blocks import BODY_FEATURES
from home.models import Commune
from home.slugs import ascii_slugify
from stories.models import StoryPage

PERSON_DEFAULTS = {
    "full_name": "Nguyễn Văn Hùng",
    "age": "40",
    "age_group": "nguoi-lon",
    "role": "tài xế",
    "photo": "",
    "initials_only": "false",
    "consent_given": "false",
    "consent_date": "",
    "consent_scope": "ten-va-anh",
    "consent_note": "",
    "guardian_consent": "false",
    "guardian_consent_date": "",
    "guardian_relation": "",
}


def as_user(username: str) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    return client


def person(**fields) -> dict:
    return {**PERSON_DEFAULTS, **{k: str(v).lower() if isinstance(v, bool) else v for k, v in fields.items()}}


def consenting_adult(**fields) -> dict:
    return person(consent_given=True, consent_date="01/11/2026", **fields)


def story_data(title="Anh xe ôm giúp cụ bà qua đường", people=(), action=None, initial_people=0, **fields):
    """POST data of the story edit/create form, as the admin's own form sends it."""
    commune = Commune.objects.get(name="Phường Hoàn Kiếm")
    data = nested_form_data(
        {
            "title": title,
            "slug": ascii_slugify(title, max_length=80),
            "sapo": f"{title}: một việc tốt giữa phố đông người, được người dân kể lại.",
            "hero_image": "",
            "hero_caption": "",
            "hero_credit": "",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text(
                            "<h2>Diễn biến</h2><p>Câu chuyện xảy ra chiều qua.</p>", features=BODY_FEATURES
                        ),
                    )
                ]
            ),
            "deed_type": "khac",
            "deed_date": "01/11/2026",
            "commune": str(commune.pk),
            "people": inline_formset(list(people), initial=initial_people),
            "commendation_by": "",
            "commendation_kind": "",
            "commendation_date": "",
            "byline": "Minh Châu",
            "source_url": "",
            "related_showcase": "",
            "tags": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **fields,
        }
    )
    if action:
        data[action] = "1"
    return data


def create_story(client, parent: Page, **kwargs):
    """Create a story through the admin's create view; returns (response, page or None)."""
    before = set(StoryPage.objects.values_list("pk", flat=True))
    response = client.post(f"/admin/pages/add/stories/storypage/{parent.pk}/", story_data(**kwargs))
    created = StoryPage.objects.exclude(pk__in=before)
    return response, created.first()


def edit_story(client, page, **kwargs):
    return client.post(f"/admin/pages/{page.pk}/edit/", story_data(**kwargs))


def messages_of(response) -> list[str]:
    """Messages shown with a rendered response, and a form's errors when it did not validate."""
    if not response.context:
        return []
    found = [str(m) for m in response.context.get("messages", [])]
    form = response.context.get("form")
    if form is not None and hasattr(form, "errors"):
        found.append(repr(form.errors))
        for name, formset in getattr(form, "formsets", {}).items():
            found.append(f"{name}: {formset.errors!r} {formset.non_form_errors()!r}")
    return found


def html(response) -> str:
    return response.content.decode()


TODAY = datetime.date(2026, 11, 21)
