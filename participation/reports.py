"""Admin report "Đánh giá bài viết": the "was this page useful?" counts per page, section and unit."""

from django.db.models import Count, Q
from django.shortcuts import render
from wagtail.models import Page

from participation.models import PageVote
from participation.statuses import NotUsefulReason


def page_votes(request):
    rows = (
        PageVote.objects.values("page")
        .annotate(
            yes=Count("pk", filter=Q(useful=True)),
            no=Count("pk", filter=Q(useful=False)),
            **{
                f"reason_{value.replace('-', '_')}": Count("pk", filter=Q(reason=value))
                for value in NotUsefulReason.values
            },
        )
        .order_by("-no", "-yes")[:500]
    )
    rows = list(rows)
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    parents = {}
    sections: dict[str, dict] = {}
    units: dict[str, dict] = {}
    for row in rows:
        page = pages.get(row["page"])
        if page is None:
            continue
        specific = page.specific
        parent = parents.setdefault(page.pk, page.get_parent())
        row["title"], row["url"] = page.title, page.url
        row["section"] = parent.title if parent else ""
        row["unit"] = str(getattr(specific, "unit", "") or "")
        row["reasons"] = [
            (label, row[f"reason_{value.replace('-', '_')}"])
            for value, label in NotUsefulReason.choices
            if row[f"reason_{value.replace('-', '_')}"]
        ]
        for key, groups in ((row["section"], sections), (row["unit"], units)):
            total = groups.setdefault(key or "(không rõ)", {"yes": 0, "no": 0})
            total["yes"] += row["yes"]
            total["no"] += row["no"]
    return render(
        request,
        "participation/admin/page_votes.html",
        {
            "rows": [row for row in rows if "title" in row],
            "sections": sorted(sections.items()),
            "units": sorted(units.items()),
        },
    )
