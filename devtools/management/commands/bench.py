import random

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.test import RequestFactory

from devtools.benchmark import HEADER, cpu_reference_line, measure, verdict
from home import kinds, listing
from home.topics import known_topics
from stories.models import StoryIndexPage, StoryPage


class Command(BaseCommand):
    help = (
        "Đo thời gian máy chủ (median, p95) và số truy vấn của trang chủ, chuyên mục, trang câu chuyện "
        "và trang số liệu phong trào."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=50, help="Số trang câu chuyện lấy mẫu.")
        parser.add_argument("--rounds", type=int, default=3)

    def section_pages(self, last_page: int) -> list[tuple[str, str]]:
        """The section's first and deepest pages, and its filters: a province (first and
        deepest page), a commune of it, a topic, a year."""
        pages = [("chuyên mục, trang 1", ""), (f"chuyên mục, trang {last_page}", f"?trang={last_page}")]
        story = StoryPage.objects.live().select_related("commune__province").order_by("-pk").first()
        if story is None:
            return pages
        commune = story.commune
        in_province = StoryPage.objects.live().filter(commune__province=commune.province).count()
        deepest = max(1, min(-(-in_province // StoryIndexPage.page_size), listing.MAX_PAGES))
        province = f"tinh={commune.province.slug}"
        pages += [
            ("chuyên mục, lọc theo tỉnh", f"?{province}"),
            (f"chuyên mục, lọc theo tỉnh, trang {deepest}", f"?{province}&trang={deepest}"),
            ("chuyên mục, lọc theo xã", f"?{province}&xa={commune.slug}"),
            ("chuyên mục, lọc theo năm", f"?nam={story.deed_date.year}"),
        ]
        topic = next(iter(known_topics().values()), None)
        if topic is not None:
            pages.append(("chuyên mục, lọc theo chủ đề", f"?chu-de={topic.slug}"))
        return pages

    def other_sections(self) -> list[tuple[str, str]]:
        """The first and deepest pages of every other kind's first section (showcases, forums),
        as (name, URL): at national scale they hold tens of thousands of pages too."""
        found = []
        for kind in kinds.all_kinds():
            if kind.model is StoryPage:
                continue
            index = kind.index_model.objects.live().first()
            if index is None:
                continue
            # Its paginator says how deep it goes (a forums section pages only past forums).
            request = RequestFactory(HTTP_HOST="127.0.0.1").get(index.url)
            request.user = AnonymousUser()
            deepest = index.get_context(request)["page_obj"].paginator.num_pages
            found += [
                (f"{kind.short_label}, trang 1", index.url),
                (f"{kind.short_label}, trang {deepest}", f"{index.url}?trang={deepest}"),
            ]
        return found

    def handle(self, *args, pages, rounds, **options):
        story_count = StoryPage.objects.live().count()
        self.stdout.write(cpu_reference_line())
        self.stdout.write(f"Số câu chuyện: {story_count}")
        ids = list(StoryPage.objects.live().values_list("pk", flat=True))
        sample = random.Random(7).sample(ids, min(pages, len(ids)))
        story_urls = [p.url for p in StoryPage.objects.filter(pk__in=sample)]
        index = StoryIndexPage.objects.live().first()
        # The deepest page a reader reaches (home.listing.MAX_PAGES bounds a listing's depth).
        last_page = max(1, min(-(-story_count // StoryIndexPage.page_size), listing.MAX_PAGES))
        self.stdout.write(HEADER)
        story = measure("trang câu chuyện (mẫu)", story_urls, rounds=rounds)
        stats = measure("số liệu phong trào", ["/so-lieu-phong-trao/"], rounds=rounds * 10)
        home = measure("trang chủ /", ["/"], rounds=rounds * 10)
        home_first = measure("trang chủ /, ngay sau khi đăng bài", ["/"], rounds=rounds * 3, cold=True)
        section_pages = self.section_pages(last_page)
        sections = [
            measure(name, [f"{index.url}{query}"], rounds=rounds * 10) for name, query in section_pages
        ]
        others = [measure(name, [url], rounds=rounds * 10) for name, url in self.other_sections()]
        # The slowest of them (and the home page) for the first reader after a publication:
        # everything kept under the content version is built again (the home page's cards, filter
        # choices, the list's keys). Shown, not judged: the budget is for what readers meet, and
        # a publication is followed by many.
        slowest = max(range(len(sections)), key=lambda i: sections[i].median_ms)
        first_after_publish = measure(
            f"{sections[slowest].name}, ngay sau khi đăng bài",
            [f"{index.url}{section_pages[slowest][1]}"],
            rounds=rounds * 3,
            cold=True,
        )
        for result in (
            home,
            home_first,
            story,
            *sections,
            *others,
            first_after_publish,
            # Answered by the page cache for anonymous readers (home.page_cache), brotli.
            measure(
                "trang câu chuyện (cache trang)",
                story_urls,
                rounds=rounds,
                page_cache=True,
                HTTP_ACCEPT_ENCODING="br",
            ),
            stats,
        ):
            self.stdout.write(result.line())
        self.stdout.write(verdict("trang câu chuyện (trung vị < 25 ms)", story.median_ms < 25))
        self.stdout.write(verdict("trang chủ (trung vị < 40 ms)", home.median_ms < 40))
        self.stdout.write(
            verdict(
                "chuyên mục, mọi trang (trung vị < 60 ms)",
                all(s.median_ms < 60 for s in [*sections, *others]),
            )
        )
        self.stdout.write(verdict("số liệu phong trào (trung vị < 60 ms)", stats.median_ms < 60))
