"""What every bulk generator shares: tree paths, the batch loop, the parallel pool, the search
index and the parent's child count.

Creating pages one by one through `add_child` costs ~30 ms each (tree bookkeeping, revision,
search index, signals), so 10,000 would take five minutes. Here the tree paths are computed
once, base page rows go in with `bulk_create`, the kind's own table rows with one executemany,
its child rows (topics, people, figures…) with `bulk_create`, and the search index is filled in
batches through the configured backends.

A kind (`BulkKind`) says only what its pages hold: the fields of one page, the rows that hang
from a batch of pages, and what its search index reads. `add_bulk` does the rest.
"""

import datetime
import multiprocessing
import random
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from home.content_version import forget_recent_version
from home.models import Commune
from home.slugs import ascii_slugify
from search.backends.postgres import title_norms_deferred

# What the commands accept: enough for the whole country several times over.
MAX_COUNT = 1_000_000
MAX_COUNT_TEXT = f"{MAX_COUNT:,}".replace(",", ".")  # as a Vietnamese reader writes it
MAX_JOBS = 16


@dataclass
class Drawn:
    """One page of a batch as its kind drew it: the base page's words and dates, the values of
    the kind's own table (by column attname) and what else `BulkKind.add_rows` needs."""

    title: str
    published: datetime.datetime
    values: dict
    extra: dict = field(default_factory=dict)


class BulkKind:
    """One kind of page written in bulk. Subclasses set the models and draw the pages."""

    model: type[Page]
    index_model: type[Page]
    # Said when there is no section to fill (the demo was not loaded).
    missing_parent: str
    # Prefix of each batch's random stream, so two kinds with the same seed differ.
    stream: str = ""

    def prepare(self) -> dict:
        """What every batch draws from, read once a run (model types, tags, series…)."""
        return {}

    def draw(self, plan: "Plan", i: int, serial: int, rng: random.Random) -> Drawn:
        """Page `i` of the run, the `serial`-th of its kind."""
        raise NotImplementedError

    def add_rows(self, plan: "Plan", pages: list[Page], drawn: list[Drawn], rng: random.Random):
        """The rows that hang from this batch's pages, inserted in bulk (none by default)."""

    def for_index(self, pages):
        """The batch's pages loaded with what their search entry reads, in a few queries."""
        return pages


@dataclass
class Plan:
    """What every batch of one run shares: where the pages go and what they draw from."""

    kind: BulkKind
    parent: Page
    communes: list  # (code, name, province_id), by code
    content_type: ContentType
    locale: Locale
    start_step: int
    existing: int
    image_ids: list
    seed: int
    shared: dict = field(default_factory=dict)

    def image(self, i: int):
        return self.image_ids[i % len(self.image_ids)]


def lower_first(text: str) -> str:
    """ "Phường Láng" → "phường Láng", as a unit's name reads after "Công an"."""
    return text[:1].lower() + text[1:]


def next_step(parent: Page) -> int:
    """The number of the next child under `parent`, in treebeard's own path alphabet."""
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def add_bulk(
    kind: BulkKind, count: int, seed: int = 2025, batch_size: int = 1000, jobs: int = 1, stdout=None
):
    """Add `count` live, public pages of `kind` under the first section of that kind, after
    its last child. Returns the number added.

    Batches are independent (each has its own tree steps, serial numbers and random stream), so
    with `jobs` > 1 on PostgreSQL they are written by that many processes at once: one process
    spends most of its time in Python, and the database works while it does. The pages are the
    same whatever the number of processes.
    """
    parent = kind.index_model.objects.first()
    if parent is None:
        raise RuntimeError(kind.missing_parent)
    plan = Plan(
        kind=kind,
        parent=parent,
        communes=list(Commune.objects.order_by("code").values_list("code", "name", "province_id")),
        content_type=ContentType.objects.get_for_model(kind.model),
        locale=Locale.get_default(),
        start_step=next_step(parent),
        existing=kind.model.objects.count(),
        image_ids=list(get_image_model().objects.order_by("pk").values_list("pk", flat=True)) or [None],
        seed=seed,
        shared=kind.prepare(),
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
        _PLAN = None
    else:
        for first, n in batches:
            created += write_batch(plan, first, n)
            if stdout:
                stdout.write(f"  {created}/{count}")
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(kind.model)
        if hasattr(index, "refresh_title_norms"):  # PostgreSQL's database index
            index.refresh_title_norms()
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    )
    # Rows written in bulk send no signals: this process's page cache reads the version anew.
    forget_recent_version()
    return created


_PLAN: Plan | None = None


def _write_planned_batch(batch: tuple[int, int]) -> int:
    return write_batch(_PLAN, *batch)


def write_batch(plan: Plan, first: int, n: int) -> int:
    """Write pages `first` .. `first + n - 1` of the run, in one transaction."""
    kind, parent = plan.kind, plan.parent
    rng = random.Random(f"{plan.seed}-{kind.stream}{plan.existing + first}")
    with transaction.atomic():
        pages, drawn = [], []
        for i in range(first, first + n):
            serial = plan.existing + i + 1
            one = kind.draw(plan, i, serial, rng)
            slug = f"{ascii_slugify(one.title, max_length=70)}-{serial}"
            pages.append(
                Page(
                    title=one.title,
                    draft_title=one.title,
                    slug=slug,
                    content_type=plan.content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, plan.start_step + i),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=one.published,
                    last_published_at=one.published,
                    locale=plan.locale,
                )
            )
            drawn.append(one)
        Page.objects.bulk_create(pages)
        insert_kind_rows(kind.model, pages, [one.values for one in drawn])
        kind.add_rows(plan, pages, drawn, rng)
        index_batch(kind, [p.pk for p in pages], parent)
    return n


def index_batch(kind: BulkKind, page_ids: list[int], parent: Page):
    """Index the batch's pages through every auto-updated backend, loaded as `for_index` says
    (what `search_about` reads: place, kicker, topics, parent) in a few queries a batch."""
    pages = list(kind.for_index(kind.model.objects.filter(pk__in=page_ids)))
    for page in pages:
        page._cached_parent_obj = parent  # treebeard's own cache of get_parent()
    with title_norms_deferred():
        for backend in get_search_backends(with_auto_update=True):
            backend.get_index_for_model(kind.model).add_items(kind.model, pages)


def insert_kind_rows(model, pages: list[Page], values: list[dict]):
    """Insert the kind's table rows for pages whose base rows already exist.

    Django's bulk_create refuses multi-table inheritance, so these rows go in with one
    executemany, each value prepared by its own model field (StreamField JSON, dates). A
    column a page does not name takes the field's default; a StreamField's value is its raw
    list of blocks.
    """
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    rows = []
    for page, row in zip(pages, values, strict=True):
        row = {"page_ptr_id": page.pk, **row}
        rows.append(
            [
                f.get_db_prep_save(f.to_python(row.get(f.attname, [])), connection)
                if isinstance(f, StreamField)
                else f.get_db_prep_save(row.get(f.attname, f.get_default()), connection)
                for f in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
