"""A forum as an iCalendar file (`…/lich/`), so a reader can add it to their phone's calendar:
its status (TENTATIVE while postponed, CANCELLED), a SEQUENCE raised whenever the time or place
changes, and the time, notice and sapo as its description."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from forums.schedule import ICAL_STATUS


def ics_response(page, request) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Binh Yen//dien-dan//VI")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"forum-{page.pk}@{request.get_host()}")
    notice = page.notice_words
    event.add("summary", f"[{notice}] {page.title}" if notice else page.title)
    event.add("dtstart", timezone.localtime(page.starts_at))
    event.add("dtend", timezone.localtime(page.ends_at))
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("sequence", page.calendar_sequence)
    event.add("location", f"{page.venue}, {page.address}, {page.commune}")
    lines = [page.when_where[0], page.schedule_notice.strip(), page.sapo, page.full_url]
    event.add("description", "\n\n".join(line for line in lines if line))
    event.add("url", page.full_url)
    event.add("status", ICAL_STATUS.get(page.status, "CONFIRMED"))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response
