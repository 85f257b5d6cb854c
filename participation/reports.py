"""Admin report "Đánh giá bài viết": the "was this page useful?" counts per page, section and unit.

Each editor sees the pages they may edit (a unit's editors their unit's pages, as everywhere in
the admin); the report reads its pages, their specific kinds and their sections in three queries
whatever its length.
"""

from django.db.models import Count, Q
from django.shortcuts import render
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from participation.models import PageVote
from participation.statuses import NotUsefulReason


def page_votes(request):
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    rows = (
        PageVote.objects.filter(page__in=editable.values("pk"))
        .values("page")
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
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[row["page"] for row in rows]).specific()}
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in={page.path[: -Page.steplen] for page in pages.values()})
    }
    sections: dict[str, dict] = {}
    units: dict[str, dict] = {}
    for row in rows:
        page = pages.get(row["page"])
        if page is None:
            continue
        parent = parents.get(page.path[: -Page.steplen])
        row["title"], row["url"] = page.title, page.url
        row["section"] = parent.title if parent else ""
        row["unit"] = str(getattr(page, "unit", "") or "")
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
