"""Build the demo site from demo.content. Idempotent: what exists is left as it is.

A page is found by its slug under its parent; an image by its title. Nothing is updated once
it exists, so running the command again never duplicates anything nor overwrites an editor.
"""

import datetime
import hashlib
import io
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from demo import accounts, content, participation
from demo.forums import FORUMS
from demo.showcases import RECORDS, SHOWCASES, VILLAGES
from forums.models import ForumAnnouncementPage, ForumIndexPage, ForumSeries
from home.models import Commune, HomePage, SiteSettings
from home.slugs import ascii_slugify
from models_showcase.models import (
    FigureValue,
    LifecycleEvent,
    ModelShowcasePage,
    ModelType,
    ReplicationPoint,
    ShowcaseIndexPage,
)
from models_showcase.models.records import guess_metric
from stories.models import StoryIndexPage, StoryPage, StoryPerson

PALETTES = [
    ((183, 28, 28), (255, 193, 7)),
    ((13, 71, 161), (129, 212, 250)),
    ((27, 94, 32), (197, 225, 165)),
    ((74, 20, 140), (244, 143, 177)),
    ((230, 81, 0), (255, 224, 178)),
    ((0, 77, 64), (128, 203, 196)),
]


def make_image(title: str, collection: Collection) -> Image:
    """A deterministic 1600x900 illustration (gradient, sun and rooftops), drawn locally."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    seed = int(hashlib.sha256(title.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    width, height = 1600, 900
    img = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    sun_x = rng.randint(200, 1400)
    draw.ellipse([sun_x - 90, 120, sun_x + 90, 300], fill=(255, 245, 200))
    x = 0
    while x < width:
        w, h = rng.randint(90, 220), rng.randint(180, 480)
        shade = rng.randint(20, 70)
        draw.rectangle([x, height - h, x + w, height], fill=(shade, shade, shade + 10))
        draw.polygon(
            [(x - 10, height - h), (x + w // 2, height - h - 60), (x + w + 10, height - h)], fill=top
        )
        x += w + rng.randint(0, 30)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=82)
    image = Image(
        title=title,
        description=f"Ảnh minh họa: {title}",
        collection=collection,
        file=ImageFile(buffer, name=f"{ascii_slugify(title, max_length=60)}.jpg"),
    )
    image.save()
    return image


def child(parent: Page, model, slug: str, publish: bool = True, **fields):
    """The child page of `parent` with this slug, created (and published) if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    if not publish:
        fields = {**fields, "live": False, "has_unpublished_changes": True}
        fields.pop("first_published_at", None)
    page = model(slug=slug, **{k: v for k, v in fields.items() if k not in {"people", "communes", "tags"}})
    for name in ("communes",):
        if name in fields:
            setattr(page, name, fields[name])
    if "tags" in fields:
        page.tags.add(*fields["tags"])
    for person in fields.get("people", []):
        page.people.add(StoryPerson(**person))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0

    def log(self, message: str):
        if self.stdout:
            self.stdout.write(message)

    def commune(self, key: str) -> Commune:
        return Commune.objects.select_related("province").get(code=content.COMMUNES[key])

    @transaction.atomic
    def build(self):
        home = HomePage.objects.first()
        if home is None:
            raise RuntimeError("Chưa có trang chủ: hãy chạy `manage.py migrate` trước.")
        self.collection = self._collection()
        self._site_settings(home)
        sections = {
            key: self._add(
                child(
                    home,
                    model,
                    spec["slug"],
                    title=spec["title"],
                    intro=spec["intro"],
                    show_in_menus=True,
                )
            )
            for key, model, spec in (
                ("stories", StoryIndexPage, content.SECTIONS["stories"]),
                ("showcases", ShowcaseIndexPage, content.SECTIONS["showcases"]),
                ("forums", ForumIndexPage, content.SECTIONS["forums"]),
            )
        }
        showcases = {spec["slug"]: self._showcase(sections["showcases"], spec) for spec in SHOWCASES}
        stories = [self._story(sections["stories"], spec, showcases) for spec in content.STORIES]
        ward = self._add(
            child(
                sections["stories"],
                StoryIndexPage,
                content.WARD_SECTION["slug"],
                title=content.WARD_SECTION["title"],
                intro=content.WARD_SECTION["intro"],
            )
        )
        for spec in content.WARD_STORIES:
            self._story(ward, spec, showcases)
        for spec in content.WARD_DRAFTS:
            self._story(ward, spec, showcases, publish=False)
        self._ward_editors(ward)
        self._accounts()
        for spec in FORUMS:
            self._forum(sections["forums"], spec)
        participation.build(participation.forum_of_demo())
        if home.featured_story_id is None and stories:
            home.featured_story = stories[2]
            home.save_revision().publish()
        self.log(f"Trang mới tạo: {self.created}")
        return self.created

    def _add(self, result):
        page, created = result
        self.created += int(created)
        return page

    def _collection(self) -> Collection:
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name="Ảnh minh họa").first()
        return existing or root.add_child(name="Ảnh minh họa")

    def _site_settings(self, home: HomePage):
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        if settings_obj.operating_unit:
            return
        for field, value in content.SITE_SETTINGS.items():
            setattr(settings_obj, field, value)
        settings_obj.default_share_image = make_image("Bình Yên – ảnh chia sẻ", self.collection)
        settings_obj.save()

    @staticmethod
    def _published(date: datetime.date) -> datetime.datetime:
        """Stories are published two days after the deed, at 8:00 Vietnam time."""
        return timezone.make_aware(
            datetime.datetime.combine(date + datetime.timedelta(days=2), datetime.time(8))
        )

    def _showcase(self, parent, spec):
        commune_objs = [self.commune(key) for key in spec["communes"]]
        return self._add(
            child(
                parent,
                ModelShowcasePage,
                spec["slug"],
                title=spec["title"],
                sapo=spec["sapo"],
                hero_image=make_image(spec["title"], self.collection),
                hero_credit="Ảnh minh họa",
                model_type=ModelType.objects.get(slug=spec["model_type"]),
                province_id=spec["province"],
                communes=commune_objs,
                coordinating_unit=spec["coordinating_unit"],
                year_started=spec["year_started"],
                status=spec["status"],
                figures=[
                    FigureValue(metric=guess_metric(label), label=label, value=value, unit=unit, as_of=as_of)
                    for label, value, unit, as_of in spec["figures"]
                ],
                **self._records(spec["slug"]),
                how_it_works=f"<p>{spec['how']}</p>",
                join_text=f"<p>{spec['join']}</p>",
                join_hotline=spec["hotline"],
                funding=spec["funding"],
                funding_note=spec["funding_note"],
                gallery=[
                    {
                        "type": "image",
                        "value": {
                            "image": make_image(f"{spec['title']} – ảnh {n}", self.collection).pk,
                            "caption": f"Hoạt động của mô hình ({n})",
                            "credit": "Ảnh minh họa",
                        },
                    }
                    for n in (1, 2)
                ],
                first_published_at=self._published(datetime.date(spec["year_started"], 6, 1)),
            )
        )

    def _records(self, slug: str) -> dict:
        """Lifecycle steps and replication points of a demo model, as rows of the page."""
        records = RECORDS.get(slug, {})
        lifecycle = [
            LifecycleEvent(stage=stage, date=date, decided_by=who)
            for stage, date, who in records.get("lifecycle", [])
        ]
        points = [
            ReplicationPoint(
                commune=self.commune(key),
                place=place,
                started_on=started,
                households=households,
                members=members,
            )
            for key, place, started, households, members in records.get("points", [])
        ]
        if records.get("bulk_points"):
            commune, rng = self.commune(records["bulk_commune"]), random.Random(slug)
            points += [
                ReplicationPoint(
                    commune=commune,
                    place=records["bulk_place"].format(n=n, village=VILLAGES[n % len(VILLAGES)]),
                    started_on=datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800)),
                    households=rng.randint(4, 12),
                )
                for n in range(1, records["bulk_points"] + 1)
            ]
        return {"lifecycle": lifecycle, "replication_points": points}

    def _ward_editors(self, section: Page):
        """A unit-scoped editors group: add and edit pages only in the ward's own sub-section."""
        group, created = Group.objects.get_or_create(name=content.WARD_EDITORS_GROUP)
        # The ward's moderators of citizens' questions too (participation: scoped to the same unit).
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="participation",
                codename__in=("change_submission", "view_contact_details"),
            )
        )
        if not created:
            return
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=section,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        root = Collection.get_first_root_node()
        for app_label, codename in (
            ("wagtailimages", "add_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "choose_document"),
        ):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )

    def _accounts(self):
        """Local demo accounts, one per role; an existing account is never changed."""
        User = get_user_model()
        for spec in content.DEMO_ACCOUNTS:
            if User.objects.filter(username=spec["username"]).exists():
                continue
            user = User.objects.create_user(
                spec["username"],
                email=f"{spec['username']}@example.vn",
                password=accounts.password_for(spec["username"]),
                first_name=spec["name"],
            )
            user.groups.add(Group.objects.get(name=spec["group"]))

    def _story(self, parent, spec, showcases, publish=True):
        by, kind, date = spec.get("commendation", ("", "", None))
        body = list(spec["body"])
        body.insert(
            1,
            {
                "type": "image",
                "value": {
                    "image": make_image(f"{spec['title']} – hiện trường", self.collection).pk,
                    "caption": "Nơi sự việc diễn ra",
                    "credit": "Ảnh minh họa",
                },
            },
        )
        return self._add(
            child(
                parent,
                StoryPage,
                ascii_slugify(spec["title"], max_length=80),
                title=spec["title"],
                sapo=spec["sapo"],
                hero_image=make_image(spec["title"], self.collection),
                hero_caption=spec["sapo"].split(",")[0] + ".",
                hero_credit="Ảnh minh họa",
                body=body,
                deed_type=spec["deed_type"],
                deed_date=spec["deed_date"],
                commune=self.commune(spec["commune"]),
                commendation_by=by,
                commendation_kind=kind,
                commendation_date=date,
                byline=spec["byline"],
                related_showcase=showcases.get(spec.get("related_showcase")),
                tags=spec["tags"],
                people=spec["people"],
                first_published_at=self._published(spec["deed_date"]),
                publish=publish,
            )
        )

    def _forum(self, parent, spec):
        series, _ = ForumSeries.objects.get_or_create(
            name=content.FORUM_SERIES[0][0], defaults={"description": content.FORUM_SERIES[0][1]}
        )
        if "starts_at" in spec:
            starts = timezone.make_aware(spec["starts_at"])
        else:
            day = timezone.localdate() + datetime.timedelta(days=spec["days_ahead"])
            starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(spec["hour"])))
        ends = starts + datetime.timedelta(hours=spec["hours"])
        return self._add(
            child(
                parent,
                ForumAnnouncementPage,
                ascii_slugify(spec["title"], max_length=80),
                title=spec["title"],
                sapo=spec["sapo"],
                hero_image=make_image(spec["title"], self.collection),
                hero_credit="Ảnh minh họa",
                topic=spec["topic"],
                series=series,
                starts_at=starts,
                ends_at=ends,
                venue=spec["venue"],
                address=spec["address"],
                commune=self.commune(spec["commune"]),
                hosting_units=spec["hosting_units"],
                chairs=[
                    {"type": "chair", "value": {"name": n, "position": pos}} for n, pos in spec["chairs"]
                ],
                agenda=[
                    {
                        "type": "item",
                        "value": {
                            "time": starts.astimezone(timezone.get_current_timezone())
                            .time()
                            .strftime("%H:%M"),
                            "item": "Khai mạc, giới thiệu đại biểu",
                        },
                    },
                    {"type": "item", "value": {"time": None, "item": "Báo cáo tình hình an ninh trật tự"}},
                    {"type": "item", "value": {"time": None, "item": "Người dân phát biểu, đặt câu hỏi"}},
                    {"type": "item", "value": {"time": None, "item": "Lãnh đạo trả lời, kết luận"}},
                ],
                how_to_take_part="<p>Người dân trên địa bàn được mời tham dự trực tiếp, không cần đăng ký. "
                "Câu hỏi gửi trước qua cảnh sát khu vực hoặc nhóm Zalo của tổ dân phố.</p>",
                questions_deadline=starts - datetime.timedelta(days=2),
                livestream_url=spec.get("livestream_url", ""),
                schedule="hoan" if spec.get("postponed") else "theo-ke-hoach",
                schedule_notice=spec.get("notice", ""),
                summary=f"<p>{spec['summary']}</p>" if spec.get("summary") else "",
                outcomes=f"<p>{spec['outcomes']}</p>" if spec.get("outcomes") else "",
                first_published_at=starts - datetime.timedelta(days=14),
            )
        )
