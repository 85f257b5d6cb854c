"""The citizens' pages: the forms, the tracking page, the "was this page useful?" vote.

Form and tracking pages are `private, no-store` (they carry a CSRF token or someone's own
submission); the forum page that links to them stays publicly cacheable. Every refusal is a 4xx
with a Vietnamese explanation, never a 5xx.
"""

from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.log_actions import log
from wagtail.models import Page

from forums.models import ForumAnnouncementPage
from home.models import visible
from participation import codes, guards, intake
from participation.forms import FeedbackForm, NominationForm, SubmissionForm, TrackingForm
from participation.models import ContactDetails, PageVote, Submission
from participation.statuses import Kind, NotUsefulReason
from participation.texts import closed_reason


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def page(request, template, context, status=200):
    from home.models import SiteSettings

    hotlines = SiteSettings.for_request(request).hotlines
    return private(render(request, template, {"hotlines": hotlines, **context}, status=status))


def refused(request, message, status=400):
    return page(request, "participation/refused.html", {"message": message}, status=status)


def too_many(request):
    response = refused(
        request, "Bạn đã gửi nhiều lần trong thời gian ngắn. Xin đợi khoảng 10 phút rồi gửi lại.", status=429
    )
    response["Retry-After"] = "600"
    return response


def _receive(request, form, kind, commune_of, forum=None, extra_of=lambda data: {}):
    """The common path of a POST: guards, then the rows, then the tracking page."""
    scopes = [f"ip:{guards.client_address(request)}"]
    if forum is not None:
        scopes.append(f"forum:{forum.pk}")
    if guards.over_limit(*scopes):
        return None, too_many(request)
    if form.is_bot:
        return None, refused(request, "Không gửi được. Xin tải lại trang và gửi lại.")
    if not form.is_valid():
        return None, None
    commune = commune_of(form.cleaned_data)
    if forum is None and guards.over_limit(f"commune:{commune.pk}"):
        return None, too_many(request)  # a flood spread over many addresses, at one commune
    if intake.is_duplicate(intake.fingerprint_of(kind, commune, forum, form.cleaned_data["text"])):
        form.add_error(None, intake.DUPLICATE)
        return None, None
    submission = intake.create(kind, form, commune, forum, **extra_of(form.cleaned_data))
    url = reverse("participation:tracking", args=[submission.code]) + "?moi=1"
    response = HttpResponseRedirect(url)
    response.status_code = 303  # See Other: the browser GETs the tracking page
    return submission, response


MAX_ID = 2**31 - 1  # a larger id names nothing (and would overflow the database's integer)


def _live_forum(forum_id):
    if forum_id > MAX_ID:
        raise Http404("Không có diễn đàn này.")
    return get_object_or_404(
        visible(ForumAnnouncementPage.objects.all()).select_related("commune__province"), pk=forum_id
    )


@require_http_methods(["GET", "HEAD", "POST"])
def forum_question(request, forum_id: int):
    forum = _live_forum(forum_id)
    context = {"forum": forum, "closed": closed_reason(forum)}
    if context["closed"]:
        return page(
            request,
            "participation/forum_question.html",
            context,
            status=200 if request.method != "POST" else 409,
        )
    form = SubmissionForm(request.POST or None)
    if request.method == "POST":
        _, response = _receive(request, form, Kind.FORUM_QUESTION, lambda data: forum.commune, forum)
        if response is not None:
            return response
    context["form"] = form
    return page(request, "participation/forum_question.html", context, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request):
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        _, response = _receive(request, form, Kind.FEEDBACK, lambda data: data["commune"])
        if response is not None:
            return response
    return page(request, "participation/feedback.html", {"form": form}, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def nomination(request):
    form = NominationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":

        def extra(data):
            fields = {"happened_on": data["happened_on"], "place": data["place"]}
            fields["featured_person"] = data["featured_person"]
            if data.get("photo"):
                fields["photo"] = data["photo"]
            return fields

        _, response = _receive(request, form, Kind.NOMINATION, lambda data: data["commune"], extra_of=extra)
        if response is not None:
            return response
    return page(
        request, "participation/nomination.html", {"form": form}, status=400 if form.is_bound else 200
    )


@require_http_methods(["GET", "HEAD"])
def tracking_lookup(request):
    form = TrackingForm(request.GET or None)
    if form.is_valid():
        code = codes.normalise(form.cleaned_data["ma"])
        if code:
            return redirect("participation:tracking", code=code)
        form.add_error("ma", "Mã tra cứu gồm 10 chữ và số, ví dụ ABCD-EFGH-23.")
    return page(request, "participation/lookup.html", {"form": form}, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def tracking(request, code: str):
    if guards.over_limit(f"ip:{guards.client_address(request)}") if request.method == "POST" else False:
        return too_many(request)
    code = codes.normalise(code)
    submission = (
        Submission.objects.select_related("forum", "commune", "story").filter(code=code).first()
        if code
        else None
    )
    if submission is None:
        return refused(request, "Không có ý kiến nào với mã tra cứu này. Xin kiểm tra lại mã.", status=404)
    withdrawn = False
    if request.method == "POST" and request.POST.get("rut-thong-tin"):
        deleted, _ = ContactDetails.objects.filter(submission=submission).delete()
        if deleted:
            log(submission, "participation.contact_withdrawn", user=None)
        withdrawn = True
    has_contact = ContactDetails.objects.filter(submission=submission).exists()
    story = (
        visible(type(submission.story).objects.filter(pk=submission.story_id)).first()
        if submission.story_id
        else None
    )
    context = {
        "submission": submission,
        "history": submission.history.all(),
        "new": request.GET.get("moi") == "1",
        "has_contact": has_contact,
        "withdrawn": withdrawn,
        "story": story,
    }
    return page(request, "participation/tracking.html", context)


@csrf_exempt  # no cookie on public pages (they stay cacheable); the vote holds no personal data
@require_POST
def vote(request, page_id: int):
    """One anonymous yes/no (and a reason from the fixed list) for a live public page."""
    target = visible(Page.objects.filter(pk=page_id)).first() if page_id <= MAX_ID else None
    origin = request.headers.get("Origin")
    if origin and origin != f"{request.scheme}://{request.get_host()}":
        return HttpResponseBadRequest("Yêu cầu không hợp lệ.", content_type="text/plain; charset=utf-8")
    if target is None:
        return refused(request, "Không tìm thấy bài viết này.", status=404)
    if guards.over_limit(f"vote:{guards.client_address(request)}"):
        return too_many(request)
    answer = request.POST.get("huu-ich")
    reason = request.POST.get("ly-do", "")
    if answer not in ("co", "khong") or (reason and reason not in NotUsefulReason.values):
        return refused(request, "Xin chọn “Có” hoặc “Không”.")
    PageVote.objects.create(page=target, useful=answer == "co", reason=reason if answer == "khong" else "")
    return page(request, "participation/voted.html", {"target": target.specific})
