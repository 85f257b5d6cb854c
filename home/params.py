"""The public query parameters: one set of names for sections, search, feeds, the widget and
the feed builder, and the older spellings that answer with a permanent redirect.

    tinh=<province slug>  xa=<commune slug>  loai=<content kind slug>  chu-de=<topic slug>
    mo-hinh=<model type slug>  nam=<year>  trang=<page number>

`loai` is always a content kind, with the kind's slug from the registry (`home.kinds`):
the same value on a section, in search, in a feed and in the widget.
"""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect
from django.utils.http import urlencode

from home import kinds

PROVINCE = "tinh"
COMMUNE = "xa"
KIND = "loai"
TOPIC = "chu-de"
MODEL_TYPE = "mo-hinh"
YEAR = "nam"
PAGE = "trang"
SLICE = (PROVINCE, COMMUNE, KIND, TOPIC, MODEL_TYPE, YEAR)

# Names sections used before they were made one set: shared links keep working through a 301.
OLD_NAMES = {"chude": TOPIC}


def current_params(params, *, old_names: bool = True, type_kind: kinds.ContentKind | None = None):
    """The parameters with older spellings replaced, as a list of pairs; None when none were old.

    - `chude=` becomes `chu-de=` (with `old_names`, where a surface once used it);
    - an old kind slug (`loai=cau-chuyen`) becomes the kind's current slug;
    - on a section of a kind with types (`type_kind`), `loai=<type>`, which meant the model
      type there, becomes `mo-hinh=<type>`.
    """
    changed = False
    pairs = []
    present = set(params.keys())
    for name in params:
        for value in params.getlist(name):
            new_name, new_value = name, value
            if old_names and name in OLD_NAMES:
                new_name = OLD_NAMES[name]
            elif name == KIND and value:
                current = kinds.current_slug(value)
                if current:
                    new_value = current
                elif type_kind is not None and kinds.get(value) is None:
                    new_name = MODEL_TYPE
            if (new_name, new_value) != (name, value):
                changed = True
                if new_name != name and new_name in present:
                    continue  # the current spelling is given too: it wins
            pairs.append((new_name, new_value))
    return pairs if changed else None


def redirect_to_current(request, **options) -> HttpResponsePermanentRedirect | None:
    """A 301 to the same URL with the current spellings, when the request used older ones."""
    pairs = current_params(request.GET, **options)
    if pairs is None:
        return None
    query = urlencode(pairs)
    return HttpResponsePermanentRedirect(request.path + (f"?{query}" if query else ""))
