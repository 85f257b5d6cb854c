"""Search relevance measured on a judged query set (`demo_queries.toml` beside this file).

Each query runs through the search page's own code (`search.queries.search`, with a request for
the default site), so what is measured is what a reader gets. Where a query finds nothing and
the page offers a spelling correction, the correction is followed, as a reader taps it.

Per query: precision@5 (judged pages in the top 5, over the number that can fit there),
recall@10 (judged pages in the top 10, over the number that can fit there) and the reciprocal
rank of the first judged page; the set's figures are their means.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).with_name("demo_queries.toml")


@dataclass
class Judged:
    q: str
    why: str
    pages: list[str]
    kind: str = ""
    tinh: str = ""


@dataclass
class Scored:
    judged: Judged
    relevant: set[str]
    found: list[str]  # slugs of the first 10 results
    followed: str = ""  # the corrected query followed, if any

    @property
    def precision_at_5(self) -> float:
        fit = min(5, len(self.relevant)) or 1
        return len(self.relevant.intersection(self.found[:5])) / fit

    @property
    def recall_at_10(self) -> float:
        fit = min(10, len(self.relevant)) or 1
        return len(self.relevant.intersection(self.found[:10])) / fit

    @property
    def reciprocal_rank(self) -> float:
        for rank, slug in enumerate(self.found[:10], start=1):
            if slug in self.relevant:
                return 1 / rank
        return 0.0


def load_queries(path: Path = QUERIES_FILE) -> list[Judged]:
    with path.open("rb") as file:
        data = tomllib.load(file)
    return [
        Judged(
            q=entry["q"],
            why=entry.get("why", ""),
            pages=list(entry.get("pages", [])),
            kind=entry.get("kind", ""),
            tinh=entry.get("tinh", ""),
        )
        for entry in data["query"]
    ]


def relevant_slugs(judged: Judged) -> set[str]:
    """The live pages judged relevant: those named, and every page of the kind or province."""
    from home import kinds
    from home.models import visible

    slugs = set(judged.pages)
    for kind in kinds.all_kinds():
        if judged.kind == kind.slug:
            slugs.update(visible(kind.model.objects.all()).values_list("slug", flat=True))
        if judged.tinh:
            in_province = kind.narrow(kind.model.objects.all(), province=_province(judged.tinh))
            slugs.update(visible(in_province).values_list("slug", flat=True))
    return slugs


def _province(slug: str):
    from home.models import Province

    return Province.objects.get(slug=slug)


def run_query(q: str) -> tuple[list[str], str]:
    """The slugs of the first 10 results for `q` as the search page lists them, and the
    corrected query followed when `q` found nothing."""
    from django.test import RequestFactory

    from search import queries
    from search.params import SearchParams

    def slugs_for(text):
        request = RequestFactory().get("/tim-kiem/", {"q": text})
        params = SearchParams.from_querydict({"q": text}, request)
        outcome = queries.search(request, params)
        found = [hit.page.slug for hit in [*outcome.promoted, *outcome.hits] if hasattr(hit, "page")]
        return found, outcome

    found, outcome = slugs_for(q)
    correction = getattr(outcome, "correction", None)
    if not found and correction:
        found, _ = slugs_for(correction.query)
        return found[:10], correction.query
    return found[:10], ""


def score_all(judged_queries: list[Judged] | None = None) -> list[Scored]:
    scored = []
    for judged in judged_queries or load_queries():
        found, followed = run_query(judged.q)
        scored.append(Scored(judged, relevant_slugs(judged), found, followed))
    return scored


def summary(scored: list[Scored]) -> dict[str, float]:
    count = len(scored) or 1
    return {
        "precision@5": sum(s.precision_at_5 for s in scored) / count,
        "recall@10": sum(s.recall_at_10 for s in scored) / count,
        "MRR": sum(s.reciprocal_rank for s in scored) / count,
    }
