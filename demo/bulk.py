"""Synthetic stories in bulk, for benchmarks: 10,000 in well under a minute.

Creating pages one by one through `add_child` costs ~30 ms each (tree bookkeeping, revision,
search index, signals), so 10,000 would take five minutes. Here the tree paths are computed
once, base page rows go in with `bulk_create`, the StoryPage rows with one executemany, and
the search index is filled in batches through the configured backend.

They look like real stories to every listing and feed: each has a lead image (the demo's own
images, in turn), one or two topics and a featured person who has consented, so benchmarks pay
for images, tags and the consent check as they would in production.
"""

import datetime
import multiprocessing
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from home.models import Commune
from home.slugs import ascii_slugify
from search.backends.postgres import title_norms_deferred
from stories.models import AgeGroup, ConsentScope, DeedType, StoryIndexPage, StoryPage, StoryPerson, StoryTag

SUBJECTS = [
    "Tài xế xe ôm",
    "Học sinh lớp 8",
    "Chủ nhà trọ",
    "Tổ trưởng tổ dân phố",
    "Người bán hàng rong",
    "Cựu chiến binh",
    "Nữ sinh viên",
    "Bảo vệ chung cư",
    "Ngư dân",
    "Nông dân",
    "Đoàn viên thanh niên",
    "Tiểu thương chợ",
]
DEEDS = {
    DeedType.CATCH_THIEF: "cùng người dân bắt giữ kẻ trộm xe máy",
    DeedType.RESCUE: "cứu người gặp nạn giữa đêm mưa",
    DeedType.RETURN_PROPERTY: "trả lại ví tiền nhặt được cho người đánh rơi",
    DeedType.FIREFIGHTING: "dập tắt đám cháy trong khu dân cư",
    DeedType.REPORT_CRIME: "báo tin giúp công an triệt phá ổ nhóm lừa đảo",
    DeedType.RECONCILE: "hòa giải mâu thuẫn giữa hai gia đình hàng xóm",
    DeedType.OTHER: "tổ chức tuần tra bảo vệ bình yên khu phố",
}
SENTENCES = [
    "Sự việc xảy ra vào buổi tối khi nhiều người đã đi nghỉ.",
    "Người dân xung quanh nhanh chóng hỗ trợ và báo cho công an xã, phường.",
    "Cán bộ cảnh sát khu vực có mặt kịp thời, lập biên bản và xử lý theo quy định.",
    "Hành động đẹp được cả khu phố biết đến và khen ngợi.",
    "Công an khuyến cáo người dân cảnh giác, khóa xe, khóa cửa cẩn thận.",
    "Gia đình người được giúp đỡ đã đến tận nhà cảm ơn.",
]
TOPICS = ["an toàn giao thông", "phòng chống tội phạm", "phòng cháy chữa cháy", "hòa giải", "cứu người"]
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN_NAMES = ["Văn Hùng", "Thị Lan", "Minh Đức", "Thu Hà", "Quốc Bảo", "Ngọc Ánh"]


def _next_step(parent: Page) -> int:
    """The number of the next child under `parent`, in treebeard's own path alphabet."""
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def add_bulk_stories(count: int, seed: int = 2025, batch_size: int = 1000, jobs: int = 1, stdout=None) -> int:
    """Add `count` live, public stories under the first story index, spread over all communes.

    Batches are independent (each has its own tree steps, serial numbers and random stream), so
    with `jobs` > 1 on PostgreSQL they are written by that many processes at once: one process
    spends most of its time in Python, and the database works while it does. The stories are the
    same whatever the number of processes.
    """
    parent = StoryIndexPage.objects.first()
    if parent is None:
        raise RuntimeError("Chưa có chuyên mục người tốt, việc tốt: hãy chạy `manage.py load_demo` trước.")
    plan = _Plan(
        parent=parent,
        communes=list(Commune.objects.order_by("code").values_list("code", "name")),
        content_type=ContentType.objects.get_for_model(StoryPage),
        locale=Locale.get_default(),
        start_step=_next_step(parent),
        existing=StoryPage.objects.count(),
        image_ids=list(get_image_model().objects.order_by("pk").values_list("pk", flat=True)) or [None],
        tags=[Tag.objects.get_or_create(name=name)[0] for name in TOPICS],
        seed=seed,
    )
    batches = [(first, min(batch_size, count - first)) for first in range(0, count, batch_size)]
    created = 0
    if jobs > 1 and connection.vendor == "postgresql" and len(batches) > 1:
        global _PLAN
        _PLAN = plan  # inherited by the forked workers, never pickled
        connections.close_all()  # each worker opens its own connection
        with multiprocessing.get_context("fork").Pool(jobs, initializer=connections.close_all) as pool:
            for n in pool.imap_unordered(_write_planned_batch, batches):
                created += n
                if stdout:
                    stdout.write(f"  {created}/{count}")
    else:
        for first, n in batches:
            created += _write_batch(plan, first, n)
            if stdout:
                stdout.write(f"  {created}/{count}")
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(StoryPage)
        if hasattr(index, "refresh_title_norms"):  # PostgreSQL's database index
            index.refresh_title_norms()
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    )
    return created


@dataclass
class _Plan:
    """What every batch of one run shares: where the stories go and what they draw from."""

    parent: Page
    communes: list
    content_type: ContentType
    locale: Locale
    start_step: int
    existing: int
    image_ids: list
    tags: list
    seed: int


_PLAN: _Plan | None = None


def _write_planned_batch(batch: tuple[int, int]) -> int:
    return _write_batch(_PLAN, *batch)


def _write_batch(plan: _Plan, first: int, n: int) -> int:
    """Write stories `first` .. `first + n - 1` of the run, in one transaction."""
    parent = plan.parent
    rng = random.Random(f"{plan.seed}-{plan.existing + first}")
    deed_types = list(DEEDS)
    base_date = datetime.date(2025, 7, 1)
    with transaction.atomic():
        pages, details = [], []
        for i in range(first, first + n):
            serial = plan.existing + i + 1
            commune_code, commune_name = plan.communes[(i * 7919) % len(plan.communes)]
            deed = deed_types[rng.randrange(len(deed_types))]
            title = f"{SUBJECTS[rng.randrange(len(SUBJECTS))]} {DEEDS[deed]} ở {commune_name} (số {serial})"
            slug = f"{ascii_slugify(title, max_length=70)}-{serial}"
            deed_date = base_date + datetime.timedelta(days=rng.randrange(480))
            published = timezone.make_aware(datetime.datetime.combine(deed_date, datetime.time(8)))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=plan.content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, plan.start_step + i),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale=plan.locale,
                )
            )
            body = " ".join(rng.sample(SENTENCES, 3))
            details.append(
                {
                    "sapo": f"{title}. {rng.choice(SENTENCES)}",
                    "body": [{"type": "paragraph", "value": f"<p>{body}</p>"}],
                    "deed_type": deed,
                    "deed_date": deed_date,
                    "commune_id": commune_code,
                    "byline": "Ban biên tập",
                    "hero_image_id": plan.image_ids[i % len(plan.image_ids)],
                }
            )
        Page.objects.bulk_create(pages)
        _insert_story_rows(pages, details)
        _add_topics_and_people(pages, details, plan.tags, rng)
        # Loaded with what the index reads of each (`search_about`: place, topics, parent),
        # in four queries a batch instead of four a story.
        stories = list(
            StoryPage.objects.filter(pk__in=[p.pk for p in pages])
            .select_related("commune__province")
            .prefetch_related("tagged_items__tag")
        )
        for story in stories:
            story._cached_parent_obj = parent  # treebeard's own cache of get_parent()
        with title_norms_deferred():
            for backend in get_search_backends(with_auto_update=True):
                backend.get_index_for_model(StoryPage).add_items(StoryPage, stories)
    return n


def _add_topics_and_people(pages: list[Page], details: list[dict], tags: list, rng: random.Random):
    """One or two topics and one consenting adult per story, in two bulk inserts each."""
    tagged, people = [], []
    for page, values in zip(pages, details, strict=True):
        for tag in rng.sample(tags, rng.choice((1, 2))):
            tagged.append(StoryTag(content_object_id=page.pk, tag=tag))
        people.append(
            StoryPerson(
                page_id=page.pk,
                sort_order=0,
                full_name=f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}",
                age=rng.randrange(20, 70),
                age_group=AgeGroup.ADULT,
                consent_given=True,
                consent_date=values["deed_date"],
                consent_scope=ConsentScope.NAME_AND_IMAGE,
                photo_id=values["hero_image_id"],
            )
        )
    StoryTag.objects.bulk_create(tagged)
    StoryPerson.objects.bulk_create(people)


def _insert_story_rows(pages: list[Page], details: list[dict]):
    """Insert the StoryPage table rows for pages whose base rows already exist.

    Django's bulk_create refuses multi-table inheritance, so the child rows go in with one
    executemany, each value prepared by its own model field (StreamField JSON, dates).
    """
    fields = [f for f in StoryPage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(StoryPage._meta.db_table)
    rows = []
    for page, values in zip(pages, details, strict=True):
        values = {"page_ptr_id": page.pk, **values}
        rows.append(
            [
                f.get_db_prep_save(values.get(f.attname, f.get_default()), connection)
                if f.attname not in {"body"}
                else f.get_db_prep_save(f.to_python(values["body"]), connection)
                for f in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
