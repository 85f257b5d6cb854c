"""What a request to the API asks for, read from the public parameters (`home.params`).

The slice (`tinh`, `xa`, `loai`, `chu-de`, `mo-hinh`, `nam`) is read by the same rule as feeds
and the widget (`feeds.slices.FeedSlice`), so the same parameters give the same pages. The API
adds `since` (pages published or updated since a date or a moment) and Wagtail's `limit` and
`offset`. Anything wrong is an `ApiBadRequest` with a Vietnamese message: a 400, never a 500.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from feeds.slices import FeedSlice, SliceNotFound, check_names
from home import params

SINCE = "since"
LIMIT = "limit"
OFFSET = "offset"
LIMIT_DEFAULT = 20
LIMIT_MAX = 50
OFFSET_MAX = 10_000
LISTING_PARAMETERS = (
    params.PROVINCE,
    params.COMMUNE,
    params.KIND,
    params.TOPIC,
    params.MODEL_TYPE,
    params.YEAR,
    SINCE,
    LIMIT,
    OFFSET,
)
NUMBER_RE = re.compile(r"^[0-9]{1,6}$")


class ApiBadRequest(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class ListingQuery:
    slice: FeedSlice
    since: datetime.datetime | None
    limit: int
    offset: int


def _number(query, name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name, "")
    if raw == "":
        return default
    if not NUMBER_RE.match(raw) or not low <= int(raw) <= high:
        raise ApiBadRequest(f"Tham số {name} phải là số nguyên từ {low} đến {high}.")
    return int(raw)


def _since(raw: str) -> datetime.datetime | None:
    if raw == "":
        return None
    message = (
        "Tham số since phải là ngày dạng NNNN-TT-NN (ví dụ 2026-01-31) "
        "hoặc thời điểm ISO 8601 (ví dụ 2026-01-31T08:00:00+07:00)."
    )
    try:
        moment = parse_datetime(raw) if "T" in raw or " " in raw else None
        day = None if moment else parse_date(raw)
    except ValueError as error:  # well formed but impossible, such as 2026-02-30
        raise ApiBadRequest(message) from error
    if moment is None and day is None:
        raise ApiBadRequest(message)
    if day is not None:  # the start of that day in Vietnam
        moment = datetime.datetime.combine(day, datetime.time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if not 1900 <= moment.year <= 2999:
        raise ApiBadRequest(message)
    return moment


def listing_query(request) -> ListingQuery:
    """The listing's slice, `since`, `limit` and `offset`, or `ApiBadRequest`."""
    query = request.GET
    try:
        check_names(query, LISTING_PARAMETERS)
        found = FeedSlice.from_params(query, paged=False, request=request)
    except SliceNotFound as error:  # an unknown value is a bad request here, not a missing feed
        raise ApiBadRequest(error.message) from error
    return ListingQuery(
        slice=found,
        since=_since(query.get(SINCE, "").strip()),
        limit=_number(query, LIMIT, LIMIT_DEFAULT, 1, LIMIT_MAX),
        offset=_number(query, OFFSET, 0, 0, OFFSET_MAX),
    )


def check_detail_query(request) -> None:
    """A page's own address takes no parameters (but tracking ones)."""
    try:
        check_names(request.GET, ())
    except SliceNotFound as error:
        raise ApiBadRequest(error.message.replace(" Các tham số dùng được: .", "")) from error
