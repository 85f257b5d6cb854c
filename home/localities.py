"""Load the 34 provinces and 3,321 communes from the `vietnam-provinces` package.

Idempotent: rows are matched by official code, changed names are updated, nothing is
duplicated. Used by a data migration (so every database has them) and by the
`load_localities` command (to pick up a newer release of the package).
"""

from collections import Counter

from vietnam_provinces import Province as VnProvince
from vietnam_provinces import Ward as VnWard

from home.collation import name_key
from home.slugs import ascii_slugify

PROVINCE_PREFIXES = ("Thành phố ", "Tỉnh ")


def _province_slug(name: str) -> str:
    for prefix in PROVINCE_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return ascii_slugify(name)


def _commune_rows():
    wards = list(VnWard.iter_all())
    base = {w.code: ascii_slugify(w.name) for w in wards}
    # A few communes in one province fold to the same ASCII name (Vân Lăng / Văn Lang):
    # every member of such a group carries its code, so no slug depends on load order.
    clashes = Counter((int(w.province_code), base[w.code]) for w in wards)
    for w in wards:
        slug = base[w.code]
        if clashes[(int(w.province_code), slug)] > 1:
            slug = f"{slug}-{int(w.code)}"
        yield {
            "code": int(w.code),
            "name": w.name,
            "division_type": w.division_type.value,
            "province_id": int(w.province_code),
            "slug": slug,
        }


def _sync(model, rows: list[dict], fields: list[str]) -> tuple[int, int]:
    # The Vietnamese sort key, when this (possibly historical) model has the column.
    if any(field.name == "sort_key" for field in model._meta.get_fields()):
        fields = [*fields, "sort_key"]
        rows = [{**row, "sort_key": name_key(row["name"])} for row in rows]
    existing = {obj.pk: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for row in rows:
        obj = existing.get(row["code"])
        if obj is None:
            to_create.append(model(**row))
        elif any(getattr(obj, f) != row[f] for f in fields):
            for f in fields:
                setattr(obj, f, row[f])
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=500)
    return len(to_create), len(to_update)


def load_localities(province_model=None, commune_model=None) -> dict[str, tuple[int, int]]:
    """Create or update every province and commune; returns (created, updated) per model."""
    if province_model is None or commune_model is None:
        from home.models import Commune, Province

        province_model, commune_model = Province, Commune
    provinces = [
        {
            "code": int(p.code),
            "name": p.name,
            "division_type": p.division_type.value,
            "slug": _province_slug(p.name),
        }
        for p in VnProvince.iter_all()
    ]
    return {
        "provinces": _sync(province_model, provinces, ["name", "division_type", "slug"]),
        "communes": _sync(
            commune_model, list(_commune_rows()), ["name", "division_type", "province_id", "slug"]
        ),
    }
