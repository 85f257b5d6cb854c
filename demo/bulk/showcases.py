"""Synthetic model showcases in bulk, for benchmarks (how, in `demo.bulk.engine`).

Each reads like a real showcase to listings, search and the API: one of the existing model
types, a lead image, the commune where it runs and its province, a lifecycle (recognised, then
perhaps replicated or paused), one to three replication points and two dated figure series, all
rows of the page as an editor would have entered them.
"""

import datetime
import random

from django.utils import timezone

from demo.bulk.engine import BulkKind, Drawn, add_bulk, lower_first
from models_showcase.models import (
    FigureValue,
    LifecycleEvent,
    ModelShowcasePage,
    ModelType,
    ReplicationPoint,
    ShowcaseIndexPage,
)
from models_showcase.models.pages import Funding, ShowcaseStatus
from models_showcase.models.records import LifecycleStage, Metric

# {commune} opens a sentence ("Phường Láng"), {unit} is inside one ("ở phường Láng").
TITLES = [
    "{type} ở {unit}",
    "{type} {unit}: người dân cùng giữ bình yên",
    "Nhân rộng {model} tại {unit}",
    "{commune} duy trì hiệu quả {model}",
]
SAPOS = [
    "Mô hình do người dân và công an cùng xây dựng, góp phần kéo giảm trộm cắp trên địa bàn.",
    "Các hộ tự nguyện tham gia, phân công trực và báo tin kịp thời cho cảnh sát khu vực.",
    "Sau mỗi năm hoạt động, số vụ việc phức tạp về an ninh trật tự trên địa bàn giảm rõ rệt.",
    "Mô hình được Ủy ban nhân dân công nhận và đang được nhân rộng ra các tổ dân phố lân cận.",
]
HOW = [
    "Mỗi tổ dân phố cử một người phụ trách, giữ liên lạc thường xuyên với cảnh sát khu vực.",
    "Hằng tháng, thành viên họp rút kinh nghiệm và phân công ca trực cho tháng sau.",
    "Khi phát hiện dấu hiệu nghi vấn, người dân báo ngay qua điện thoại hoặc nhóm liên lạc.",
    "Công an xã, phường tập huấn kỹ năng nhận diện tội phạm và cách phối hợp xử lý ban đầu.",
    "Kinh phí được công khai tại nhà văn hóa và báo cáo trong buổi sơ kết hằng năm.",
]
JOIN = [
    "Người dân muốn tham gia đăng ký với tổ trưởng tổ dân phố hoặc cảnh sát khu vực.",
    "Hộ gia đình liên hệ trụ sở công an xã, phường để được hướng dẫn tham gia.",
]
PLACES = ["Tổ dân phố số {n}", "Thôn {village}", "Khu phố {n}", "Ấp {village}", "Xóm {village}"]
VILLAGES = ["Đông", "Đoài", "Thượng", "Hạ", "Trung", "Bắc", "Nam", "Tân Lập", "Hòa Bình", "Phú Cường"]
# Two series a showcase: what most models count, by metric, label and unit.
SERIES = [
    (Metric.HOUSEHOLDS, "Hộ tham gia", "hộ", 20, 900),
    (Metric.MEMBERS, "Thành viên", "người", 10, 300),
    (Metric.CASES, "Vụ việc được phát hiện, làm rõ", "vụ", 1, 40),
    (Metric.CAMERAS, "Camera đã lắp", "chiếc", 5, 400),
]
# Figures are counted at the end of each year up to the last one that is over.
LAST_COUNTED_YEAR = 2025
STATUSES = [ShowcaseStatus.EFFECTIVE] * 5 + [ShowcaseStatus.ACTIVE] * 4 + [ShowcaseStatus.PAUSED]


class Showcases(BulkKind):
    model = ModelShowcasePage
    index_model = ShowcaseIndexPage
    missing_parent = (
        "Chưa có chuyên mục mô hình bảo đảm an ninh trật tự: hãy chạy `manage.py load_demo` trước."
    )
    stream = "mo-hinh-"

    def prepare(self) -> dict:
        types = list(ModelType.objects.order_by("slug").values_list("pk", "name"))
        if not types:
            raise RuntimeError("Chưa có loại mô hình nào: hãy chạy `manage.py migrate` trước.")
        return {"types": types}

    def draw(self, plan, i, serial, rng) -> Drawn:
        commune_code, commune_name, province_id = plan.communes[(serial * 7919) % len(plan.communes)]
        type_id, type_name = plan.shared["types"][rng.randrange(len(plan.shared["types"]))]
        pattern = TITLES[rng.randrange(len(TITLES))]
        unit = lower_first(commune_name)
        model = lower_first(type_name)
        if not model.startswith("mô hình"):
            model = f"mô hình {model}"
        title = (
            f"{pattern.format(type=type_name, model=model, commune=commune_name, unit=unit)} (số {serial})"
        )
        year = rng.randrange(2015, LAST_COUNTED_YEAR + 1)
        published = timezone.make_aware(
            datetime.datetime.combine(
                datetime.date(year, 6, 1) + datetime.timedelta(days=rng.randrange(180)), datetime.time(9)
            )
        )
        values = {
            "sapo": f"{type_name} ở {unit}. {SAPOS[rng.randrange(len(SAPOS))]}",
            "hero_image_id": plan.image(i),
            "hero_credit": "Ảnh minh họa",
            "model_type_id": type_id,
            "province_id": province_id,
            "coordinating_unit": f"Công an {unit}"
            + (f" phối hợp Ủy ban MTTQ {unit}" if rng.random() < 0.5 else ""),
            "year_started": year,
            "status": STATUSES[rng.randrange(len(STATUSES))],
            "how_it_works": "<p>" + " ".join(rng.sample(HOW, 3)) + "</p>",
            "join_text": f"<p>{rng.choice(JOIN)}</p>",
            "funding": rng.choice(Funding.values),
        }
        return Drawn(title, published, values, {"commune": commune_code, "unit": unit})

    def add_rows(self, plan, pages, drawn, rng: random.Random):
        """The communes, lifecycle, points and figures of the batch, one bulk insert each."""
        Through = ModelShowcasePage.communes.through
        communes, steps, points, figures = [], [], [], []
        for page, one in zip(pages, drawn, strict=True):
            v, commune, unit = one.values, one.extra["commune"], one.extra["unit"]
            year, who = v["year_started"], f"Chủ tịch UBND {unit}"
            communes.append(Through(modelshowcasepage_id=page.pk, commune_id=commune))
            recognised = datetime.date(year, 3, 1) + datetime.timedelta(days=rng.randrange(90))
            steps.append(
                LifecycleEvent(
                    page_id=page.pk,
                    sort_order=0,
                    stage=LifecycleStage.RECOGNISED,
                    date=recognised,
                    decided_by=who,
                )
            )
            if v["status"] == ShowcaseStatus.PAUSED:
                steps.append(
                    LifecycleEvent(
                        page_id=page.pk,
                        sort_order=1,
                        stage=LifecycleStage.PAUSED,
                        date=datetime.date(LAST_COUNTED_YEAR, 9, 1),
                        decided_by=who,
                        note="Tạm dừng để kiện toàn ban điều hành.",
                    )
                )
            elif year < LAST_COUNTED_YEAR:
                steps.append(
                    LifecycleEvent(
                        page_id=page.pk,
                        sort_order=1,
                        stage=LifecycleStage.REPLICATED,
                        date=datetime.date(year + 1, 1, 15),
                        decided_by=f"UBND {unit}",
                    )
                )
            for n in range(1, rng.randrange(2, 5)):
                points.append(
                    ReplicationPoint(
                        page_id=page.pk,
                        sort_order=n - 1,
                        commune_id=commune,
                        place=rng.choice(PLACES).format(n=rng.randrange(1, 30), village=rng.choice(VILLAGES)),
                        started_on=recognised + datetime.timedelta(days=30 * n),
                        households=rng.randrange(8, 120),
                    )
                )
            order = 0
            for metric, label, unit, low, high in rng.sample(SERIES, 2):
                value = rng.randrange(low, high)
                for counted in range(year, LAST_COUNTED_YEAR + 1):
                    figures.append(
                        FigureValue(
                            page_id=page.pk,
                            sort_order=order,
                            metric=metric,
                            label=label,
                            value=value,
                            unit=unit,
                            as_of=datetime.date(counted, 12, 31),
                        )
                    )
                    order += 1
                    value += rng.randrange(0, max(2, value // 4))
        Through.objects.bulk_create(communes)
        LifecycleEvent.objects.bulk_create(steps)
        ReplicationPoint.objects.bulk_create(points)
        FigureValue.objects.bulk_create(figures)

    def for_index(self, pages):
        return pages.select_related("model_type", "province").prefetch_related("communes")


def add_bulk_showcases(
    count: int, seed: int = 2025, batch_size: int = 1000, jobs: int = 1, stdout=None
) -> int:
    """Add `count` live, public model showcases under the first showcase index, spread over all
    communes."""
    return add_bulk(Showcases(), count, seed=seed, batch_size=batch_size, jobs=jobs, stdout=stdout)
