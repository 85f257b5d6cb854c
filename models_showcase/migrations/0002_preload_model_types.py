"""Preload the model types the movement uses most, so editors pick instead of typing."""

from django.db import migrations

MODEL_TYPES = [
    ("Camera an ninh", "camera-an-ninh",
     "Camera do người dân, doanh nghiệp đóng góp lắp ở ngõ, đường, kết nối với công an xã, phường."),
    ("Tổ liên gia an toàn PCCC", "to-lien-gia-an-toan-pccc",
     "Các hộ liền kề giúp nhau phòng cháy, báo cháy và chữa cháy ban đầu."),
    ("Tổ dân phố tự phòng – tự quản – tự bảo vệ", "to-dan-pho-tu-phong-tu-quan-tu-bao-ve",
     "Tổ dân phố tự tổ chức phòng ngừa, quản lý và bảo vệ an ninh trật tự nơi cư trú."),
    ("Dòng họ tự quản về ANTT", "dong-ho-tu-quan-ve-antt",
     "Dòng họ cam kết con cháu chấp hành pháp luật, không vi phạm an ninh trật tự."),
    ("Nhà trọ tự quản, văn minh", "nha-tro-tu-quan-van-minh",
     "Chủ nhà trọ và người thuê cùng quản lý cư trú, giữ an ninh trật tự khu trọ."),
    ("Xóm đạo bình yên", "xom-dao-binh-yen",
     "Giáo xứ, giáo họ cùng chính quyền giữ an ninh trật tự trong cộng đồng công giáo."),
    ("Câu lạc bộ Điểm sáng biên giới", "cau-lac-bo-diem-sang-bien-gioi",
     "Người dân khu vực biên giới cùng bộ đội biên phòng, công an giữ bình yên đường biên."),
    ("Nhóm Zalo kết nối bình yên", "nhom-zalo-ket-noi-binh-yen",
     "Nhóm Zalo để người dân báo tin về an ninh trật tự cho công an xã, phường."),
    ("Chốt dân phòng tự quản", "chot-dan-phong-tu-quan",
     "Chốt trực của lực lượng dân phòng tại các điểm phức tạp về an ninh trật tự."),
    ("Xe ôm tự quản", "xe-om-tu-quan",
     "Người chạy xe ôm tự quản lý, giúp đỡ nhau và hỗ trợ công an khi có vụ việc."),
    ("Mô hình 5+1", "mo-hinh-5-1",
     "Năm thành phần cùng giúp đỡ một người lầm lỗi tái hòa nhập cộng đồng."),
]


def preload(apps, schema_editor):
    ModelType = apps.get_model("models_showcase", "ModelType")
    for name, slug, description in MODEL_TYPES:
        ModelType.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("models_showcase", "0001_initial")]

    operations = [migrations.RunPython(preload, migrations.RunPython.noop)]
