"""What to read after an article: other pages of its kind, nearest first.

Those of the same commune(s) and the same kicker (deed type, model type) first, then the same
commune(s), then the same kicker, then the same province; newest first within each.

The candidates are read first, in three small queries: the pages of the same commune(s) (a
commune's pages are few), then the newest `count` of the same kicker outside them, then the
newest `count` of the same province outside both (all that each tier can add). The listing
query ranks those alone. Ranking every story of the same deed type or province in one query, a
seventh or a thirtieth of the country, took 0.3 s at 300,000 stories; a CASE over
`pk IN (subquery) OR …` still made PostgreSQL read the whole story table.
"""

from functools import reduce

from django.db.models import Case, IntegerField, Q, Value, When

from home import kinds


def related_pages(page, count: int) -> list:
    """Up to `count` pages of `page`'s kind a reader may see, loaded as cards."""
    kind = kinds.of_article(page)
    if kind is None or not page.pk:
        return []
    others = kind.model.objects.listing().exclude(pk=page.pk)

    def newest(rule: Q, taken: list) -> list:
        found = others.filter(rule).exclude(pk__in=taken).order_by(*page.listing_order)
        return list(found.values_list("pk", flat=True)[:count])

    communes = [commune.pk for commune in page.place_communes()]
    place_ids = list(
        others.filter(**{f"{kind.commune_lookup}__in": communes}).order_by().values_list("pk", flat=True)
    )
    same_place = Q(pk__in=place_ids)
    same_kicker, kicker_ids = Q(pk__in=[]), []
    path = kind.kicker_field.split("__") if kind.kicker_field else []
    value = reduce(lambda obj, name: getattr(obj, name, None), path, None if not path else page)
    if value not in (None, ""):
        same_kicker = Q(**{kind.kicker_field: value})
        kicker_ids = newest(same_kicker, place_ids)
    province = getattr(page, "province", None)
    province_ids = (
        [] if province is None else newest(Q(**{kind.province_lookup: province}), place_ids + kicker_ids)
    )
    closeness = Case(
        When(same_place & same_kicker, then=Value(3)),
        When(same_place, then=Value(2)),
        When(same_kicker, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    pages = (
        others.filter(pk__in=place_ids + kicker_ids + province_ids)
        .annotate(closeness=closeness)
        .order_by("-closeness", *page.listing_order)
    )
    return list(pages[:count])
