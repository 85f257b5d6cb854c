import random

from django.core.management.base import BaseCommand

from devtools.benchmark import HEADER, cpu_reference_line, measure, verdict
from home import listing
from stories.models import StoryIndexPage, StoryPage


class Command(BaseCommand):
    help = (
        "Đo thời gian máy chủ (median, p95) và số truy vấn của trang chủ, chuyên mục, trang câu chuyện "
        "và trang số liệu phong trào."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=50, help="Số trang câu chuyện lấy mẫu.")
        parser.add_argument("--rounds", type=int, default=3)

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
        for result in (
            measure("trang chủ /", ["/"], rounds=rounds * 10),
            story,
            measure("chuyên mục, trang 1", [index.url], rounds=rounds * 10),
            measure(f"chuyên mục, trang {last_page}", [f"{index.url}?trang={last_page}"], rounds=rounds * 10),
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
        self.stdout.write(verdict("số liệu phong trào (trung vị < 60 ms)", stats.median_ms < 60))
