"""Demo model showcases: common kinds of model, with figures from public reports."""

import datetime

from demo.content import DA_NANG, HA_NOI, HO_CHI_MINH

# fmt: off
SHOWCASES = [
    {
        "slug": "camera-an-ninh-xa-soc-son", "model_type": "camera-an-ninh",
        "title": "Camera an ninh xã Sóc Sơn: mỗi thôn một mắt thần",
        "sapo": "Từ năm 2021, người dân các thôn đã góp tiền lắp camera ở ngã ba, cổng làng, kết nối "
                "về công an xã; nhiều vụ trộm cắp đã được làm rõ nhờ hình ảnh trích xuất.",
        "province": HA_NOI, "communes": ["soc_son"], "year_started": 2021, "status": "hieu-qua",
        "coordinating_unit": "Công an xã Sóc Sơn phối hợp Ban Công tác Mặt trận các thôn",
        "funding": "xa-hoi-hoa", "funding_note": "Khoảng 90% camera do người dân và doanh nghiệp đóng góp.",
        "figures": [("Camera đã lắp", "120", "chiếc", datetime.date(2021, 12, 31)),
                    ("Camera đã lắp", "265", "chiếc", datetime.date(2023, 12, 31)),
                    ("Camera đã lắp", "412", "chiếc", datetime.date(2026, 6, 30)),
                    ("Vụ việc được làm rõ nhờ camera", "12", "vụ", datetime.date(2023, 12, 31)),
                    ("Vụ việc được làm rõ nhờ camera", "37", "vụ", datetime.date(2026, 6, 30)),
                    ("Hộ tham gia đóng góp", "2650", "hộ", datetime.date(2026, 6, 30))],
        "how": "Mỗi thôn cử hai người quản lý tài khoản xem camera. Khi có vụ việc, công an xã được "
               "trích xuất hình ảnh ngay; hình ảnh lưu 30 ngày rồi tự xóa.",
        "join": "Hộ gia đình muốn lắp camera hướng ra ngõ liên hệ trưởng thôn để được hướng dẫn "
                "kết nối; chi phí khoảng 1,5 triệu đồng một điểm.",
        "hotline": "024 3884 0000",
    },
    {
        "slug": "to-lien-gia-an-toan-pccc-phuong-lang", "model_type": "to-lien-gia-an-toan-pccc",
        "title": "Tổ liên gia an toàn PCCC phường Láng",
        "sapo": "Năm đến mười hộ liền kề cùng nhau lắp chuông báo cháy liên gia, trang bị bình chữa "
                "cháy và mở lối thoát nạn thứ hai, để phát hiện sớm và dập lửa ngay từ đầu.",
        "province": HA_NOI, "communes": ["lang", "dong_da"], "year_started": 2023, "status": "hieu-qua",
        "coordinating_unit": "Công an phường Láng",
        "funding": "ket-hop", "funding_note": "Chuông báo cháy do ngân sách hỗ trợ, bình chữa cháy do các hộ tự mua.",
        "figures": [("Tổ liên gia", "74", "tổ", datetime.date(2024, 6, 30)),
                    ("Tổ liên gia", "186", "tổ", datetime.date(2026, 9, 30)),
                    ("Hộ tham gia", "1420", "hộ", datetime.date(2026, 9, 30)),
                    ("Đám cháy được dập từ đầu", "9", "vụ", datetime.date(2026, 9, 30))],
        "how": "Mỗi tổ có một tổ trưởng, một bảng phân công và một nhóm liên lạc. Hằng quý, cảnh sát "
               "PCCC hướng dẫn diễn tập thoát nạn và sử dụng bình chữa cháy.",
        "join": "Các hộ liền kề đăng ký với cảnh sát khu vực; phường hỗ trợ lắp chuông liên gia.",
        "hotline": "024 3834 0000",
    },
    {
        "slug": "nha-tro-tu-quan-phuong-thu-duc", "model_type": "nha-tro-tu-quan-van-minh",
        "title": "Nhà trọ tự quản, văn minh ở phường Thủ Đức",
        "sapo": "Chủ nhà trọ ký cam kết quản lý người thuê, khai báo lưu trú đầy đủ và tham gia nhóm "
                "Zalo với cảnh sát khu vực, giúp hàng nghìn công nhân, sinh viên ở trọ yên tâm.",
        "province": HO_CHI_MINH, "communes": ["thu_duc"], "year_started": 2019, "status": "hieu-qua",
        "coordinating_unit": "Công an phường Thủ Đức phối hợp Ủy ban MTTQ phường",
        "funding": "xa-hoi-hoa", "funding_note": "Chủ nhà trọ tự trang bị camera và bình chữa cháy.",
        "figures": [("Nhà trọ tham gia", "205", "nhà", datetime.date(2022, 12, 31)),
                    ("Nhà trọ tham gia", "318", "nhà", datetime.date(2026, 8, 31)),
                    ("Camera do chủ nhà trọ lắp", "1270", "chiếc", datetime.date(2026, 8, 31)),
                    ("Phòng trọ", "5240", "phòng", datetime.date(2026, 8, 31))],
        "how": "Mỗi nhà trọ có nội quy chung, sổ theo dõi người thuê và một người liên lạc với cảnh "
               "sát khu vực. Hằng năm phường bình xét và gắn biển nhà trọ văn minh.",
        "join": "Chủ nhà trọ đăng ký tại Công an phường Thủ Đức hoặc qua cảnh sát khu vực phụ trách.",
        "hotline": "028 3896 0000",
    },
    {
        "slug": "nhom-zalo-ket-noi-binh-yen-cu-chi", "model_type": "nhom-zalo-ket-noi-binh-yen",
        "title": "Nhóm Zalo kết nối bình yên các ấp xã Củ Chi",
        "sapo": "Mỗi ấp một nhóm Zalo có cảnh sát khu vực, trưởng ấp và đại diện các hộ; người dân "
                "báo tin về trộm cắp, tai nạn, cháy nổ chỉ bằng một tin nhắn.",
        "province": HO_CHI_MINH, "communes": ["cu_chi"], "year_started": 2022, "status": "dang-hoat-dong",
        "coordinating_unit": "Công an xã Củ Chi",
        "funding": "ngan-sach", "funding_note": "",
        "figures": [("Nhóm Zalo", "24", "nhóm", datetime.date(2026, 9, 30)),
                    ("Thành viên", "8300", "người", datetime.date(2026, 9, 30)),
                    ("Tin báo được xử lý", "512", "tin", datetime.date(2026, 9, 30))],
        "how": "Cảnh sát khu vực quản trị nhóm, trả lời tin báo trong giờ hành chính và chuyển ngay "
               "cho trực ban khi khẩn cấp. Nhóm không đăng nội dung quảng cáo, chính trị.",
        "join": "Quét mã QR dán ở nhà văn hóa ấp hoặc nhờ trưởng ấp thêm vào nhóm.",
        "hotline": "028 3892 0000",
    },
    {
        "slug": "to-dan-pho-tu-quan-hai-chau", "model_type": "to-dan-pho-tu-phong-tu-quan-tu-bao-ve",
        "title": "Tổ dân phố tự phòng, tự quản, tự bảo vệ ở Hải Châu",
        "sapo": "Các tổ dân phố tự lập nhóm tuần tra đêm, quản lý người lạ đến cư trú và nhắc nhau "
                "khóa xe, khóa cửa, góp phần kéo giảm trộm cắp trên địa bàn trung tâm Đà Nẵng.",
        "province": DA_NANG, "communes": ["hai_chau"], "year_started": 2020, "status": "hieu-qua",
        "coordinating_unit": "Công an phường Hải Châu",
        "funding": "xa-hoi-hoa", "funding_note": "Các hộ góp quỹ mua đèn pin, áo phản quang cho nhóm tuần tra.",
        "figures": [("Tổ dân phố tham gia", "48", "tổ", datetime.date(2026, 6, 30)),
                    ("Lượt tuần tra", "2900", "lượt", datetime.date(2026, 6, 30))],
        "how": "Mỗi tổ phân ca tuần tra và ghi nhật ký; cảnh sát khu vực tập huấn cách xử lý khi phát "
               "hiện nghi vấn và giữ liên lạc qua điện thoại.",
        "join": "Liên hệ tổ trưởng tổ dân phố để đăng ký ca tuần tra.",
        "hotline": "0236 3822 000",
    },
    {
        "slug": "xe-om-tu-quan-ho-guom", "model_type": "xe-om-tu-quan",
        "title": "Tổ xe ôm tự quản quanh hồ Hoàn Kiếm",
        "sapo": "Những người chạy xe ôm quanh hồ mặc áo đồng phục, niêm yết giá, giúp du khách hỏi "
                "đường và sẵn sàng hỗ trợ công an khi gặp vụ việc.",
        "province": HA_NOI, "communes": ["hoan_kiem"], "year_started": 2018, "status": "dang-hoat-dong",
        "coordinating_unit": "Công an phường Hoàn Kiếm",
        "funding": "ngan-sach", "funding_note": "Phường hỗ trợ áo đồng phục và thẻ thành viên.",
        "figures": [("Thành viên", "64", "người", datetime.date(2026, 5, 31)),
                    ("Lượt hỗ trợ du khách", "1150", "lượt", datetime.date(2026, 5, 31))],
        "how": "Thành viên đăng ký với công an phường, cam kết không chèo kéo khách và tham gia sinh "
               "hoạt hằng tháng để nắm tình hình an ninh trật tự.",
        "join": "Người chạy xe ôm trên địa bàn phường đăng ký tại trụ sở Công an phường Hoàn Kiếm.",
        "hotline": "024 3825 0000",
    },
    {
        "slug": "xom-dao-binh-yen-hoi-an", "model_type": "xom-dao-binh-yen",
        "title": "Xóm đạo bình yên ở Hội An",
        "sapo": "Giáo họ và ban công tác mặt trận khối phố cùng vận động bà con giữ an ninh trật tự, "
                "không để xảy ra tệ nạn trong các dịp lễ lớn.",
        "province": DA_NANG, "communes": ["hoi_an"], "year_started": 2017, "status": "tam-dung",
        "coordinating_unit": "Ủy ban MTTQ phường Hội An phối hợp Công an phường",
        "funding": "xa-hoi-hoa", "funding_note": "",
        "figures": [("Hộ giáo dân tham gia", "420", "hộ", datetime.date(2025, 12, 31))],
        "how": "Hằng năm giáo họ ký giao ước thi đua với khối phố; đội thanh niên giữ trật tự trong "
               "các dịp lễ. Mô hình tạm dừng để kiện toàn ban điều hành sau sáp nhập phường.",
        "join": "Liên hệ ban công tác mặt trận khối phố.",
        "hotline": "",
    },
]
# fmt: on

# The records of each demo model: its lifecycle steps (stage, date, who decided) and its
# replication points (commune key, place, start date, households, members). "bulk_points"
# generates that many camera points, as one province reported "Camera an ninh" at 331 points.
D = datetime.date
# fmt: off
RECORDS = {
    "camera-an-ninh-xa-soc-son": {
        "lifecycle": [("de-xuat", D(2021, 3, 2), "Công an xã Sóc Sơn"),
                      ("cong-nhan", D(2021, 5, 10), "Chủ tịch UBND xã Sóc Sơn"),
                      ("nhan-rong", D(2023, 1, 16), "UBND xã Sóc Sơn"),
                      ("so-ket", D(2025, 12, 20), "Ban Chỉ đạo phong trào xã Sóc Sơn")],
        "bulk_points": 331, "bulk_commune": "soc_son", "bulk_place": "Điểm camera số {n}, thôn {village}",
    },
    "to-lien-gia-an-toan-pccc-phuong-lang": {
        "lifecycle": [("cong-nhan", D(2023, 4, 3), "Chủ tịch UBND phường Láng"),
                      ("nhan-rong", D(2024, 7, 1), "UBND phường Láng")],
        "points": [("lang", "Tổ dân phố số 3", D(2023, 4, 15), 48, None),
                   ("lang", "Tổ dân phố số 7", D(2023, 6, 1), 52, None),
                   ("dong_da", "Ngõ 120 phố Chùa Láng", D(2024, 8, 10), 35, None)],
    },
    "nha-tro-tu-quan-phuong-thu-duc": {
        "lifecycle": [("cong-nhan", D(2019, 9, 5), "Chủ tịch UBND phường"),
                      ("tong-ket", D(2024, 12, 18), "Ủy ban MTTQ phường Thủ Đức")],
        "points": [("thu_duc", "Khu phố 1", D(2019, 9, 20), None, 640),
                   ("thu_duc", "Khu phố 4", D(2020, 3, 1), None, 910)],
    },
    "nhom-zalo-ket-noi-binh-yen-cu-chi": {
        "lifecycle": [("de-xuat", D(2022, 2, 14), "Công an xã Củ Chi")],
        "points": [("cu_chi", "Ấp Bàu Tre", D(2022, 3, 1), None, 420),
                   ("cu_chi", "Ấp Chợ", D(2022, 3, 1), None, 380)],
    },
    "to-dan-pho-tu-quan-hai-chau": {
        "lifecycle": [("cong-nhan", D(2020, 6, 1), "Chủ tịch UBND phường Hải Châu")],
        "points": [("hai_chau", "Tổ dân phố 12", D(2020, 6, 15), 86, None),
                   ("hai_chau", "Tổ dân phố 18", D(2021, 1, 10), 74, None)],
    },
    "xe-om-tu-quan-ho-guom": {
        "lifecycle": [("cong-nhan", D(2018, 8, 1), "Công an phường Hoàn Kiếm")],
        "points": [("hoan_kiem", "Bờ hồ phố Đinh Tiên Hoàng", D(2018, 8, 1), None, 40),
                   ("hoan_kiem", "Phố Hàng Khay", D(2019, 2, 1), None, 24)],
    },
    "xom-dao-binh-yen-hoi-an": {
        "lifecycle": [("cong-nhan", D(2017, 5, 1), "UBND phường Hội An"),
                      ("tam-dung", D(2025, 8, 1), "UBND phường Hội An",)],
        "points": [("hoi_an", "Khối phố An Hội", D(2017, 5, 1), 420, None)],
    },
}
VILLAGES = ("Đông", "Đoài", "Thượng", "Hạ", "Trung", "Bắc", "Nam")
# fmt: on
