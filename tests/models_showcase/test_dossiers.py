"""Dossiers against versioned criteria: completeness, evaluations that keep their version, unit
scoping, what the showcase page shows publicly, and the dashboard reminder."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, ModelLogEntry

from models_showcase.models import CriteriaSet, Dossier, DossierDocument, Evaluation, ModelShowcasePage
from tests.helpers import html_of

pytestmark = pytest.mark.django_db

HELD = ("quyet-dinh-thanh-lap", "danh-sach-thanh-vien", "bao-cao-so-ket-tong-ket", "minh-chung-ket-qua")


def a_document(title="Tài liệu"):
    document = get_document_model()(title=title, file=ContentFile(b"%PDF-1.4 demo", name="tai-lieu.pdf"))
    document.save()
    return document


def four_of_six(page) -> Dossier:
    dossier = Dossier.of(page)
    for code in HELD:
        DossierDocument.objects.create(dossier=dossier, code=code, document=a_document(code))
    return dossier


def signed_in(username):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def admin_client_(django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri-hoso", "qt@example.vn", "mat-khau-thu-nghiem-1"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


@pytest.fixture
def xe_om():
    return ModelShowcasePage.objects.get(slug="xe-om-tu-quan-ho-guom")


@pytest.fixture
def ward_editor(xe_om):
    """The Hoàn Kiếm ward's editors may edit their ward's model (and nothing else of models)."""
    from django.contrib.auth.models import Group

    from demo.content import WARD_EDITORS_GROUP

    GroupPagePermission.objects.create(
        group=Group.objects.get(name=WARD_EDITORS_GROUP),
        page=xe_om,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    return signed_in("bientap-hoankiem")


def test_default_criteria_set_is_data_with_six_documents_and_scored_criteria():
    criteria_set = CriteriaSet.objects.for_date(datetime.date(2026, 1, 1))
    assert criteria_set.version == 1
    assert criteria_set.required_documents.count() == 6
    assert criteria_set.max_total == Decimal(100)


def test_completeness_names_the_missing_documents(xe_om):
    dossier = four_of_six(xe_om)
    completeness = dossier.completeness()
    assert str(completeness) == "4/6 hồ sơ, thiếu: quy chế hoạt động, biên bản đánh giá"
    assert completeness.percent == 67


def test_a_new_version_applies_from_its_date_and_old_evaluations_keep_theirs(xe_om):
    dossier = Dossier.of(xe_om)
    v1 = CriteriaSet.objects.get(version=1)
    old = Evaluation.record(
        dossier,
        datetime.date(2025, 12, 1),
        {c.pk: c.max_points for c in v1.criteria.all()},
        period=2025,
        evaluator_unit="Hội đồng",
    )
    v2 = CriteriaSet.objects.create(
        name="Bộ tiêu chí mới",
        version=2,
        effective_from=datetime.date(2026, 3, 1),
        excellent_from=45,
        good_from=35,
        pass_from=25,
    )
    v2.required_documents.create(code="quyet-dinh-thanh-lap", name="Quyết định thành lập")
    only = v2.criteria.create(name="Kết quả giữ gìn an ninh trật tự", max_points=50)
    v2.save()
    assert CriteriaSet.objects.for_date(datetime.date(2026, 2, 28)) == v1
    assert CriteriaSet.objects.for_date(datetime.date(2026, 3, 1)) == v2
    new = Evaluation.record(
        dossier, datetime.date(2026, 6, 1), {only.pk: 40}, period=2026, evaluator_unit="Hội đồng"
    )
    old.refresh_from_db()
    assert old.criteria_set == v1 and old.total == 100 and old.classification == "Tiêu biểu"
    assert old.scores.count() == 5 and {s.criterion.criteria_set_id for s in old.scores.all()} == {v1.pk}
    assert new.criteria_set == v2 and new.total == 40 and new.classification == "Hiệu quả"
    # The dossier is held against the version in force: v2 asks for one document only.
    with time_machine.travel(datetime.datetime(2026, 6, 2, 9, tzinfo=datetime.UTC)):
        assert str(dossier.completeness()) == "0/1 hồ sơ, thiếu: quyết định thành lập"


def test_editor_uploads_a_missing_document_and_the_percentage_and_dashboard_change(admin_client_, xe_om):
    four_of_six(xe_om)
    url = f"/admin/ho-so-mo-hinh/{xe_om.pk}/"
    html = html_of(admin_client_, url)
    assert "4/6 hồ sơ, thiếu: quy chế hoạt động, biên bản đánh giá" in html and "(67%)" in html
    dashboard = html_of(admin_client_, "/admin/")
    assert "Hồ sơ mô hình cần hoàn thiện" in dashboard and "4/6 hồ sơ" in dashboard
    upload = SimpleUploadedFile("quy-che.pdf", b"%PDF-1.4 quy che", content_type="application/pdf")
    response = admin_client_.post(url, {"action": "upload", "code": "quy-che-hoat-dong", "file": upload})
    assert response.status_code == 302
    html = html_of(admin_client_, url)
    assert "5/6 hồ sơ, thiếu: biên bản đánh giá" in html and "(83%)" in html
    dashboard = html_of(admin_client_, "/admin/")
    assert "5/6 hồ sơ, thiếu: biên bản đánh giá" in dashboard
    assert get_document_model().objects.filter(title__startswith="Quy chế hoạt động").exists()


def test_an_upload_without_a_file_or_with_bad_scores_is_refused_in_vietnamese(admin_client_, xe_om):
    url = f"/admin/ho-so-mo-hinh/{xe_om.pk}/"
    response = admin_client_.post(url, {"action": "upload", "code": "quy-che-hoat-dong"})
    assert response.status_code == 400
    assert "Hãy tải một tệp lên hoặc chọn một tài liệu đã có." in response.content.decode()
    v1 = CriteriaSet.objects.get(version=1)
    first = v1.criteria.first()
    response = admin_client_.post(
        url,
        {
            "action": "evaluate",
            "criteria_set": v1.pk,
            "evaluated_on": "2026-11-25",
            "evaluator_unit": "Hội đồng thi đua phường",
            f"criterion-{first.pk}": "999",
        },
    )
    assert response.status_code == 400
    assert "điểm từ 0 đến 20" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_an_evaluation_is_recorded_with_its_version_total_and_evaluator(admin_client_, xe_om):
    v1 = CriteriaSet.objects.get(version=1)
    data = {
        "action": "evaluate",
        "criteria_set": v1.pk,
        "evaluated_on": "2026-11-25",
        "evaluator_unit": "Hội đồng",
    }
    data.update({f"criterion-{c.pk}": "15" for c in v1.criteria.all()})
    data["minutes"] = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban", content_type="application/pdf")
    assert admin_client_.post(f"/admin/ho-so-mo-hinh/{xe_om.pk}/", data).status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.total, evaluation.classification, evaluation.period) == (Decimal(75), "Hiệu quả", 2026)
    assert evaluation.evaluator.username == "quantri-hoso"
    # The attached minutes are the dossier's "biên bản đánh giá" too.
    assert evaluation.minutes.title.startswith("Biên bản đánh giá năm 2026")
    assert "biên bản đánh giá" not in str(Dossier.of(xe_om).completeness())
    printed = html_of(admin_client_, f"/admin/ho-so-mo-hinh/{xe_om.pk}/in/")
    assert "@media print" in printed and "Hiệu quả" in printed and "phiên bản 1" in printed


def test_a_unit_editor_never_sees_another_units_dossier(ward_editor, xe_om):
    other = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    four_of_six(other)
    listing = html_of(ward_editor, "/admin/ho-so-mo-hinh/")
    assert xe_om.title in listing and other.title not in listing
    assert ward_editor.get(f"/admin/ho-so-mo-hinh/{xe_om.pk}/").status_code == 200
    for url in (f"/admin/ho-so-mo-hinh/{other.pk}/", f"/admin/ho-so-mo-hinh/{other.pk}/in/"):
        response = ward_editor.get(url)
        assert response.status_code == 403
        assert "đơn vị khác" in response.content.decode() and "quyet-dinh" not in response.content.decode()
    response = ward_editor.post(
        f"/admin/ho-so-mo-hinh/{other.pk}/", {"action": "public", "show_completeness": "on"}
    )
    assert response.status_code == 403 and not Dossier.objects.get(page=other).show_completeness
    dashboard = html_of(ward_editor, "/admin/")
    assert other.title not in dashboard and xe_om.title in dashboard


def test_the_page_shows_only_what_the_unit_made_public(client, admin_client_, xe_om):
    """Made public in the dossier screen, seen on the next request (the page cache included):
    each dossier change is logged, which gives the site a new content version."""
    dossier = four_of_six(xe_om)
    private = DossierDocument.objects.filter(dossier=dossier).first().document
    html = html_of(client, xe_om.url)
    assert "Hồ sơ, đánh giá" not in html and private.url not in html
    url = f"/admin/ho-so-mo-hinh/{xe_om.pk}/"
    upload = SimpleUploadedFile("quy-che.pdf", b"%PDF-1.4 quy che", content_type="application/pdf")
    response = admin_client_.post(
        url, {"action": "upload", "code": "quy-che-hoat-dong", "file": upload, "is_public": "on"}
    )
    assert response.status_code == 302
    assert admin_client_.post(url, {"action": "public", "show_completeness": "on"}).status_code == 302
    public = DossierDocument.objects.get(dossier=dossier, code="quy-che-hoat-dong").document
    html = html_of(client, xe_om.url)
    assert "Hồ sơ đang được hoàn thiện (83%)" in html
    assert public.url in html and private.url not in html
    history = ModelLogEntry.objects.filter(object_id=str(dossier.pk)).values_list("action", flat=True)
    assert {"models_showcase.dossier_document", "models_showcase.dossier_public"} <= set(history)


def test_admin_screens_of_records_and_criteria_open_in_vietnamese(admin_client_):
    showcase = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    edit = html_of(admin_client_, f"/admin/pages/{showcase.pk}/edit/")
    for heading in ("Vòng đời mô hình", "Số liệu theo thời gian", "Điểm nhân rộng"):
        assert heading in edit
    listing = html_of(admin_client_, "/admin/snippets/models_showcase/criteriaset/")
    assert "Tiêu chí đánh giá, phân loại mô hình" in listing
    criteria_set = CriteriaSet.objects.get(version=1)
    form = html_of(admin_client_, f"/admin/snippets/models_showcase/criteriaset/edit/{criteria_set.pk}/")
    assert "Hồ sơ bắt buộc" in form and "Tiêu chí chấm điểm" in form and "Quy chế hoạt động" in form
    assert "Hồ sơ mô hình" in html_of(admin_client_, "/admin/ho-so-mo-hinh/")
    assert admin_client_.get("/admin/ho-so-mo-hinh/999999/").status_code == 404


def test_leaders_keep_the_criteria_sets_and_editors_read_them():
    leaders = signed_in("lanhdao")
    assert leaders.get("/admin/snippets/models_showcase/criteriaset/add/").status_code == 200
    editors = signed_in("bientap")
    assert editors.get("/admin/snippets/models_showcase/criteriaset/").status_code == 200
    assert editors.get("/admin/snippets/models_showcase/criteriaset/add/").status_code in (302, 403)
