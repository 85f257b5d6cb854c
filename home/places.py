"""Where content happened, as readers say it, and localities looked up from public parameters."""

from __future__ import annotations

from home.content_version import cached
from home.models.localities import Commune, Province


def place_text(communes, province: str, fallback: str = "") -> str:
    """The one rule for a page's place: its first two communes and its province's short name,
    "Phường Láng, Hà Nội" or "Phường A, Phường B, …, Hà Nội"; the province alone without communes."""
    if not communes:
        return province or fallback
    names = [*communes[:2], *(["…"] if len(communes) > 2 else [])]
    return f"{', '.join(names)}, {province}" if province else ", ".join(names)


def province_by_slug(slug: str, request=None) -> Province | None:
    """The province with this slug, kept until the content changes."""
    return cached(f"places:province:{slug}", lambda: Province.objects.filter(slug=slug).first(), request)


def communes_by_slug(slug: str, province: Province | None, request=None) -> list[Commune]:
    """Up to two communes with this slug (in the province, if given); a few names repeat."""

    def build():
        communes = Commune.objects.select_related("province").filter(slug=slug)
        if province is not None:
            communes = communes.filter(province=province)
        return list(communes[:2]) or None

    return cached(f"places:communes:{slug}:{province.pk if province else ''}", build, request) or []
