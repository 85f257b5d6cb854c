"""The admin screens of model dossiers ("Hồ sơ mô hình"): the list of the unit's models, one
model's dossier (documents against the required list, public choices, evaluations), a printable
one-page summary, and the editors' reminders on the dashboard.

Scoping is the page's own: whoever may edit a showcase page (Wagtail's page permissions, which
give a unit's editors their unit's subtree) may work on its dossier; anyone else gets a 403
and sees nothing of it. Registered in models_showcase/wagtail_hooks.py.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.permission_policies.pages import PagePermissionPolicy

from models_showcase.models import CriteriaSet, Dossier, DossierDocument, Evaluation, ModelShowcasePage

TITLE = "Hồ sơ mô hình"
# The required document that an evaluation's minutes are (in the default criteria set).
MINUTES_CODE = "bien-ban-danh-gia"


def editable_showcases(user):
    """The showcases `user` may edit: their unit's, or all for an administrator."""
    pages = ModelShowcasePage.objects.all()
    if not user.is_superuser:
        allowed = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
        pages = pages.filter(pk__in=allowed.values("pk"))
    return pages.select_related("model_type", "province").order_by("title")


def _page_or_403(request, page_id):
    page = get_object_or_404(ModelShowcasePage, pk=page_id)
    if request.user.is_superuser or page.permissions_for_user(request.user).can_edit():
        return page, None
    html = render_to_string("models_showcase/admin/forbidden.html", {"page": page}, request=request)
    return page, HttpResponseForbidden(html)


class UploadForm(forms.Form):
    code = forms.ChoiceField(label="Văn bản", choices=())
    file = forms.FileField(label="Tải tệp lên", required=False)
    existing = forms.ModelChoiceField(
        label="hoặc chọn tài liệu đã có", queryset=get_document_model().objects.none(), required=False
    )
    title = forms.CharField(label="Tên tài liệu", max_length=255, required=False)
    is_public = forms.BooleanField(label="Công khai trên trang mô hình", required=False)

    def __init__(self, *args, required=(), user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [(r.code, r.name) for r in required]
        self.fields["existing"].queryset = document_policy.instances_user_has_any_permission_for(
            user, ["choose"]
        ).order_by("-created_at")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("existing"):
            raise forms.ValidationError("Hãy tải một tệp lên hoặc chọn một tài liệu đã có.")
        return data


def dossier_list(request):
    today = timezone.localdate()
    criteria_set = CriteriaSet.objects.for_date(today)
    rows = []
    pages = list(editable_showcases(request.user))
    dossiers = {d.page_id: d for d in Dossier.objects.filter(page__in=pages).prefetch_related("documents")}
    for page in pages:
        dossier = dossiers.get(page.pk) or Dossier(page=page)
        documents = list(dossier.documents.all()) if dossier.pk else []
        rows.append({"page": page, "completeness": dossier.completeness(criteria_set, documents)})
    return TemplateResponse(
        request,
        "models_showcase/admin/dossier_list.html",
        {"title": TITLE, "rows": rows, "criteria_set": criteria_set},
    )


def _criteria_for(request) -> tuple[CriteriaSet | None, datetime.date]:
    raw = request.POST.get("evaluated_on") or request.GET.get("ngay") or ""
    try:
        date = datetime.date.fromisoformat(raw) if raw else timezone.localdate()
    except ValueError:
        date = timezone.localdate()
    return CriteriaSet.objects.for_date(date), date


def dossier_detail(request, page_id):
    page, refused = _page_or_403(request, page_id)
    if refused:
        return refused
    dossier = Dossier.of(page)
    current = CriteriaSet.objects.for_date(timezone.localdate())
    required = list(current.required_documents.all()) if current else []
    upload = UploadForm(user=request.user, required=required)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "upload":
        upload = UploadForm(request.POST, request.FILES, user=request.user, required=required)
        if upload.is_valid():
            _add_document(request, dossier, upload.cleaned_data, required)
            return redirect("models_showcase_dossier", page_id=page.pk)
    elif action == "public":
        dossier.show_completeness = bool(request.POST.get("show_completeness"))
        dossier.show_classification = bool(request.POST.get("show_classification"))
        dossier.save()
        # Logged: the audit trail, and a new content version, so the page cache shows the change.
        log(
            dossier,
            "models_showcase.dossier_public",
            user=request.user,
            data={"completeness": dossier.show_completeness, "classification": dossier.show_classification},
        )
        messages.success(request, "Đã lưu những gì được công khai trên trang mô hình.")
        return redirect("models_showcase_dossier", page_id=page.pk)
    evaluation_errors = []
    if action == "evaluate":
        evaluation_errors = _evaluate(request, dossier)
        if not evaluation_errors:
            return redirect("models_showcase_dossier", page_id=page.pk)
    scoring_set, scoring_date = _criteria_for(request)
    documents = list(dossier.documents.select_related("document"))
    held = {}
    for held_document in documents:
        held.setdefault(held_document.code, []).append(held_document)
    context = {
        "title": f"{TITLE}: {page.title}",
        "page": page,
        "dossier": dossier,
        "criteria_set": current,
        "checklist": [{"requirement": r, "held": held.get(r.code, [])} for r in required],
        "completeness": dossier.completeness(current, documents),
        "upload": upload,
        "scoring_set": scoring_set,
        "scoring_date": scoring_date,
        "scoring_criteria": list(scoring_set.criteria.all()) if scoring_set else [],
        "evaluation_errors": evaluation_errors,
        "evaluations": dossier.evaluations.select_related(
            "criteria_set", "evaluator", "minutes"
        ).prefetch_related("scores__criterion"),
    }
    response = TemplateResponse(request, "models_showcase/admin/dossier.html", context)
    if action and (evaluation_errors or upload.errors):
        response.status_code = 400
    return response


def _add_document(request, dossier, data, required):
    document = data.get("existing")
    if data.get("file"):
        if not document_policy.user_has_permission(request.user, "add"):
            messages.error(request, "Bạn chưa có quyền tải tài liệu lên.")
            return
        name = dict((r.code, r.name) for r in required)[data["code"]]
        document = get_document_model()(
            title=data.get("title") or f"{name} – {dossier.page.title}"[:255],
            file=data["file"],
            collection=Collection.get_first_root_node(),
            uploaded_by_user=request.user,
        )
        document.file_size = data["file"].size
        document.save()
    DossierDocument.objects.create(
        dossier=dossier,
        code=data["code"],
        document=document,
        is_public=data.get("is_public", False),
        added_by=request.user,
    )
    log(
        dossier,
        "models_showcase.dossier_document",
        user=request.user,
        data={"code": data["code"], "title": document.title},
    )
    messages.success(request, f"Đã thêm “{document.title}” vào hồ sơ. {dossier.completeness()}.")


def _evaluate(request, dossier) -> list[str]:
    errors = []
    try:
        evaluated_on = datetime.date.fromisoformat(request.POST.get("evaluated_on", ""))
    except ValueError:
        return ["Ngày đánh giá không hợp lệ."]
    if evaluated_on > timezone.localdate():
        errors.append("Ngày đánh giá không thể ở tương lai.")
    criteria_set = CriteriaSet.objects.for_date(evaluated_on)
    if criteria_set is None:
        return ["Chưa có bộ tiêu chí áp dụng cho ngày này."]
    if str(criteria_set.pk) != request.POST.get("criteria_set"):
        errors.append(f"Ngày này áp dụng {criteria_set}; hãy chấm lại theo các tiêu chí bên dưới.")
    points = {}
    for criterion in criteria_set.criteria.all():
        try:
            value = Decimal(request.POST.get(f"criterion-{criterion.pk}", "") or "0")
        except InvalidOperation:
            value = Decimal(-1)
        if not 0 <= value <= criterion.max_points:
            errors.append(f"“{criterion.name}”: điểm từ 0 đến {criterion.max_points:g}.")
        points[criterion.pk] = value
    unit = (request.POST.get("evaluator_unit") or "").strip()[:200]
    if not unit:
        errors.append("Hãy ghi hội đồng hoặc đơn vị đánh giá.")
    if errors:
        return errors
    minutes = None
    upload = request.FILES.get("minutes")
    if upload is not None:
        if not document_policy.user_has_permission(request.user, "add"):
            return ["Bạn chưa có quyền tải tài liệu lên."]
        minutes = get_document_model()(
            title=f"Biên bản đánh giá năm {evaluated_on.year} – {dossier.page.title}"[:255],
            file=upload,
            collection=Collection.get_first_root_node(),
            uploaded_by_user=request.user,
        )
        minutes.file_size = upload.size
        minutes.save()
    evaluation = Evaluation.record(
        dossier,
        evaluated_on,
        points,
        period=evaluated_on.year,
        evaluator=request.user,
        evaluator_unit=unit,
        minutes=minutes,
    )
    if minutes is not None and any(r.code == MINUTES_CODE for r in criteria_set.required_documents.all()):
        # The minutes are also the dossier's "biên bản đánh giá".
        DossierDocument.objects.create(
            dossier=dossier, code=MINUTES_CODE, document=minutes, added_by=request.user
        )
    log(
        dossier,
        "models_showcase.evaluation",
        user=request.user,
        data={
            "period": evaluation.period,
            "total": float(evaluation.total),
            "classification": str(evaluation.classification),
        },
    )
    messages.success(
        request,
        f"Đã ghi lần đánh giá năm {evaluation.period}: {evaluation.total:g} điểm, {evaluation.classification}.",
    )
    return []


def dossier_print(request, page_id):
    page, refused = _page_or_403(request, page_id)
    if refused:
        return refused
    dossier = Dossier.of(page)
    current = CriteriaSet.objects.for_date(timezone.localdate())
    documents = list(dossier.documents.select_related("document"))
    held = {d.code for d in documents}
    return TemplateResponse(
        request,
        "models_showcase/admin/dossier_print.html",
        {
            "page": page,
            "dossier": dossier,
            "criteria_set": current,
            "completeness": dossier.completeness(current, documents),
            "checklist": [(r, r.code in held) for r in (current.required_documents.all() if current else [])],
            "evaluation": dossier.evaluations.select_related("criteria_set")
            .prefetch_related("scores__criterion")
            .first(),
            "steps": page.lifecycle_steps(),
            "points": page.point_summary(),
            "printed_on": timezone.localdate(),
        },
    )


# --- The dashboard reminder -------------------------------------------------------------------


def next_deadlines(today: datetime.date) -> list[tuple[datetime.date, str]]:
    """This year's deadlines (settings.MODEL_RECORD_DEADLINES) not yet passed, soonest first."""
    dates = [
        (datetime.date(today.year, month, day), what) for day, month, what in settings.MODEL_RECORD_DEADLINES
    ]
    return sorted((date, what) for date, what in dates if date >= today)


class DossierRemindersPanel(Component):
    """The unit's models with an incomplete dossier or no evaluation for this year yet."""

    name = "model_dossier_reminders"
    order = 150
    template_name = "models_showcase/admin/reminders_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = timezone.localdate()
        criteria_set = CriteriaSet.objects.for_date(today)
        pages = list(editable_showcases(request.user))
        dossiers = {
            d.page_id: d
            for d in Dossier.objects.filter(page__in=pages).prefetch_related("documents", "evaluations")
        }
        incomplete, unevaluated = [], []
        for page in pages:
            dossier = dossiers.get(page.pk)
            documents = list(dossier.documents.all()) if dossier else []
            completeness = (dossier or Dossier(page=page)).completeness(criteria_set, documents)
            if not completeness.complete:
                incomplete.append({"page": page, "completeness": completeness})
            if not dossier or not any(e.period == today.year for e in dossier.evaluations.all()):
                unevaluated.append(page)
        return {
            "incomplete": incomplete,
            "unevaluated": unevaluated,
            "deadlines": next_deadlines(today),
            "year": today.year,
        }
