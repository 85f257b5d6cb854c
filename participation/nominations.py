"""A nomination becomes a draft story: its fields filled in, the featured person's consent not
yet recorded (so it cannot be published until an editor records it), linked back."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from stories.models import StoryIndexPage, StoryPage, StoryPerson
from stories.models.pages import DeedType


def story_section_for(commune):
    """The unit's story section covering the commune when there is one, else the whole section."""
    sections = list(StoryIndexPage.objects.order_by("depth", "path"))
    for section in sections:
        if section.depth > sections[0].depth and any(
            c.pk == commune.pk for c in (section.unit()["communes"] or [])
        ):
            return section
    return sections[0] if sections else None


def title_from(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    words = first.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")


@transaction.atomic
def draft_story(submission, user):
    """Create the draft (once) and return it."""
    if submission.story_id:
        return submission.story
    section = story_section_for(submission.commune)
    story = StoryPage(
        title=f"[Bản nháp từ lời giới thiệu] {title_from(submission.text)}"[:255],
        sapo=submission.text[:300],
        body=[("paragraph", "".join(f"<p>{line}</p>" for line in _escaped_lines(submission.text)))],
        deed_type=DeedType.OTHER,
        deed_date=submission.happened_on or timezone.localdate(),
        commune=submission.commune,
        byline=f"Theo lời giới thiệu {submission.display_code}",
        live=False,
    )
    photo = _image_of(submission)
    if photo is not None:
        story.hero_image = photo
        story.hero_credit = "Ảnh người dân gửi"
    if submission.featured_person:
        # Consent not recorded: the story's publish blockers refuse it until an editor records it,
        # and the photo (taken as the person's) stays hidden until then.
        story.people = [
            StoryPerson(full_name=submission.featured_person[:120], consent_given=False, photo=photo)
        ]
    section.add_child(instance=story)
    story.save_revision(user=user, log_action=True)
    submission.story = story
    submission.save(update_fields=["story"])
    log(submission, "participation.story_drafted", user=user, data={"story": story.pk})
    return story


def _image_of(submission):
    """The nomination's photo as an image of the library (in the root collection), or None."""
    if not submission.photo:
        return None
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    with submission.photo.open("rb") as source:
        content = io.BytesIO(source.read())
    name = submission.photo.name.rsplit("/", 1)[-1]
    image = get_image_model()(
        title=f"Ảnh từ lời giới thiệu {submission.display_code}", file=ImageFile(content, name=name)
    )
    image.save()
    return image


def _escaped_lines(text):
    from django.utils.html import escape

    return [escape(line) for line in text.split("\n") if line.strip()]
