"""Withdrawing a featured person's consent, effective on the next render of the live page.

The live page is rendered from the page row, so withdrawal changes the row itself (and the
latest revision, so the next edit does not bring the name back) instead of waiting for a new
approval. Afterwards the person appears by initials only, their photo is taken out of the lead
image, the body and galleries, and their full name and its short forms are replaced by
initials in the page's text (title, sapo, captions, body, the other people's roles): "Lê Văn
Tâm" becomes "L.V.T." and "anh Tâm" "anh T.", as Vietnamese papers write a person who may not
be named. A slug that spells the name ("...-le-van-tam") is rewritten with the initials; the
old address answers with a redirect (Wagtail's redirects app), so shared links keep working.
Older revisions stay in the history for the audit trail.

The person's photo is deleted from the image library with all its renditions (Wagtail removes
the files once the transaction commits), so none of the addresses already published for it
answers any more; the page's share cards are dropped (feeds), and the page, its section, the
home page and the photo's addresses are purged from the front-end cache (`home.signals.
page_redacted`). Wherever else the photo was used, it disappears too: the person withdrew
their consent to the photo, not to one page.

Replacing, rather than unpublishing, keeps a good deed on the site while the person is no
longer identifiable; the texts then pass the same check that stops a page naming such a person
from going live (`stories.names`). An approver may still unpublish at the same time.
"""

import json
import re

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.search import index

from home.signals import page_redacted
from stories.models import StoryPage, StoryPerson
from stories.names import NameFinder, ascii_initials

TEXT_FIELDS = (
    "title",
    "draft_title",
    "seo_title",
    "search_description",
    "sapo",
    "hero_caption",
    "hero_credit",
)


def _replace(value, finder: NameFinder):
    if isinstance(value, str):
        return finder.replace(value)
    if isinstance(value, list):
        return [_replace(v, finder) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("type", "id") else _replace(v, finder) for k, v in value.items()}
    return value


def redacted_slug(slug: str, finder: NameFinder) -> str:
    """The slug with the name spelled in it ("anh-le-van-tam-...") written as initials ("anh-lvt-...")."""
    written = finder.in_slug(slug)
    if not written:
        return slug
    pattern = rf"(?:^|(?<=-)){re.escape(written)}(?=-|$)"
    return re.sub(pattern, ascii_initials(finder.words), slug)


def _strip_images(blocks: list, image_id: int) -> list:
    """Body blocks (raw JSON) without image blocks of this image and without it in galleries."""
    kept = []
    for block in blocks:
        value = block.get("value")
        if block.get("type") == "image" and isinstance(value, dict) and value.get("image") == image_id:
            continue
        if block.get("type") == "gallery" and isinstance(value, dict):
            images = []
            for item in value.get("images", []):
                inner = item.get("value", item) if isinstance(item, dict) and "type" in item else item
                if isinstance(inner, dict) and inner.get("image") == image_id:
                    continue
                images.append(item)
            if not images:
                continue
            block = {**block, "value": {**value, "images": images}}
        kept.append(block)
    return kept


def redact(page: StoryPage, person_match, full_name: str, photo_id: int | None, when) -> bool:
    """Apply a withdrawal to one version of the page (live row or a revision's object)."""
    finder = NameFinder(full_name)
    found = False
    people = list(page.people.all())
    for person in people:
        if person_match(person):
            found = True
            person.consent_given = False
            person.guardian_consent = False
            person.initials_only = True
            person.consent_withdrawn_at = when
    for field in TEXT_FIELDS:
        value = getattr(page, field, None)
        if value:
            setattr(page, field, _replace(value, finder))
    page.slug = redacted_slug(page.slug, finder)
    raw = json.loads(json.dumps(list(page.body.raw_data), default=str))
    raw = _replace(raw, finder)
    if photo_id:
        raw = _strip_images(raw, photo_id)
        if page.hero_image_id == photo_id:
            page.hero_image = None
    page.body = raw
    # Other people's texts (role) may mention the name too.
    for person in people:
        person.role = _replace(person.role, finder)
    page.people = people  # held in memory, written with the page
    return found


@transaction.atomic
def withdraw_consent(person: StoryPerson, user, reason: str = "", unpublish: bool = False) -> StoryPage:
    """Withdraw `person`'s consent on the live page and its latest draft; log who did it."""
    page = StoryPage.objects.select_for_update().get(pk=person.page_id)
    full_name, photo_id, person_pk = person.full_name, person.photo_id, person.pk
    initials = person.initials
    when = timezone.now()

    def same(candidate):
        return candidate.pk == person_pk if candidate.pk else candidate.full_name == full_name

    old_slug, old_path, site = page.slug, page.url, page.get_site()
    redact(page, same, full_name, photo_id, when)
    page.save(clean=False)
    if page.slug != old_slug and old_path:
        # Links shared before keep working; the new address no longer spells the name.
        Redirect.add_redirect(old_path=Redirect.normalise_path(old_path), redirect_to=page, site=site)

    revisions = {r.pk: r for r in (page.live_revision, page.latest_revision) if r is not None}
    for revision in revisions.values():
        obj = revision.as_object()
        if redact(obj, same, full_name, photo_id, when):
            revision.content = obj.serializable_data()
            revision.object_str = str(obj)
            revision.save(update_fields=["content", "object_str"])

    photo_urls = _delete_photo(photo_id)
    if unpublish and page.live:
        page.unpublish(user=user)
    log(
        instance=page,
        action="binhyen.consent_withdrawn",
        user=user,
        data={
            "person": initials,
            "person_id": person_pk,
            "reason": reason,
            "unpublished": unpublish,
            "photo_deleted": bool(photo_urls),
        },
    )
    page = StoryPage.objects.get(pk=page.pk)
    if page.live:
        index.insert_or_update_object(page)
    else:
        index.remove_object(page)
    site_root = site.root_url if site else ""
    old_url = f"{site_root}{old_path}" if old_path else ""
    urls = [url if "://" in url else site_root + url for url in photo_urls] + ([old_url] if old_url else [])
    transaction.on_commit(lambda: page_redacted.send(sender=StoryPage, instance=page, urls=urls))
    return page


def _delete_photo(photo_id: int | None) -> list[str]:
    """Delete the person's photo and its renditions; the addresses they answered at."""
    image = get_image_model().objects.filter(pk=photo_id).first() if photo_id else None
    if image is None:
        return []
    urls = [image.file.url, *(rendition.url for rendition in image.renditions.all())]
    image.delete()  # files removed by Wagtail once the transaction commits
    return urls
