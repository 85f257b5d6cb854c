"""A default criteria set, so a fresh site can hold dossiers and score evaluations at once.

The wording is this project's own; units replace it with their province's set in the admin
("Bộ tiêu chí"), as a new version with its own effective date.
"""

import datetime
from decimal import Decimal

from django.db import migrations

DEFAULT_SET = {
    "name": "Tiêu chí đánh giá, phân loại mô hình bảo đảm an ninh trật tự ở cơ sở",
    "version": 1,
    "effective_from": datetime.date(2022, 11, 18),
    "basis": "Soạn theo tinh thần hướng dẫn của Bộ Công an về xây dựng, đánh giá, phân loại mô hình, điển hình tiên tiến.",
    "excellent_from": Decimal(90),
    "good_from": Decimal(70),
    "pass_from": Decimal(50),
}
REQUIRED_DOCUMENTS = [
    ("quyet-dinh-thanh-lap", "Quyết định thành lập"),
    ("quy-che-hoat-dong", "Quy chế hoạt động"),
    ("danh-sach-thanh-vien", "Danh sách thành viên"),
    ("bao-cao-so-ket-tong-ket", "Báo cáo sơ kết, tổng kết"),
    ("bien-ban-danh-gia", "Biên bản đánh giá"),
    ("minh-chung-ket-qua", "Minh chứng kết quả"),
]
CRITERIA = [
    ("Có tổ chức và quy chế rõ ràng, người phụ trách và phân công cụ thể", Decimal(20)),
    ("Thu hút người dân, hộ gia đình, doanh nghiệp tham gia và đóng góp", Decimal(20)),
    ("Góp phần phòng ngừa, phát hiện, tố giác tội phạm và vi phạm pháp luật trên địa bàn", Decimal(30)),
    ("Duy trì hoạt động thường xuyên, có sơ kết, rút kinh nghiệm", Decimal(15)),
    ("Có thể nhân rộng ra địa bàn khác", Decimal(15)),
]


def forwards(apps, schema_editor):
    CriteriaSet = apps.get_model("models_showcase", "CriteriaSet")
    RequiredDocument = apps.get_model("models_showcase", "RequiredDocument")
    Criterion = apps.get_model("models_showcase", "Criterion")
    if CriteriaSet.objects.exists():
        return
    criteria_set = CriteriaSet.objects.create(**DEFAULT_SET)
    for order, (code, name) in enumerate(REQUIRED_DOCUMENTS):
        RequiredDocument.objects.create(criteria_set=criteria_set, sort_order=order, code=code, name=name)
    for order, (name, points) in enumerate(CRITERIA):
        Criterion.objects.create(criteria_set=criteria_set, sort_order=order, name=name, max_points=points)


class Migration(migrations.Migration):
    dependencies = [("models_showcase", "0006_figures_are_series")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
