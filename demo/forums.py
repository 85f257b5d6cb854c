"""Demo dialogue forums: two past ones, and upcoming ones relative to the day the demo is loaded."""

import datetime

# fmt: off
# Forum dates: the two past ones are fixed; the upcoming ones are relative to the day the demo
# is loaded (days ahead, hour) so a fresh site always has forums to announce.
FORUMS = [
    {
        "title": "Công an lắng nghe ý kiến nhân dân: an ninh trật tự khu nhà trọ phường Thủ Đức",
        "sapo": "Công an phường Thủ Đức đối thoại với chủ nhà trọ và người thuê trọ về khai báo lưu "
                "trú, phòng cháy và phòng chống lừa đảo qua mạng.",
        "commune": "thu_duc", "topic": "An ninh trật tự và phòng cháy ở khu nhà trọ",
        "starts_at": datetime.datetime(2026, 3, 14, 8, 0), "hours": 3,
        "venue": "Hội trường UBND phường Thủ Đức", "address": "Số 43 đường Nguyễn Văn Bá",
        "hosting_units": "Công an phường Thủ Đức và Ủy ban MTTQ Việt Nam phường Thủ Đức",
        "chairs": [("Nguyễn Hữu Tài", "Trưởng Công an phường"), ("Lâm Thị Hồng", "Chủ tịch Ủy ban MTTQ phường")],
        "summary": "Hơn 200 người dự, 27 ý kiến được nêu, tập trung vào khai báo tạm trú trực tuyến "
                   "và lối thoát nạn ở các dãy trọ cũ.",
        "outcomes": "Công an phường mở điểm hỗ trợ khai báo lưu trú mỗi sáng thứ Bảy; 40 dãy trọ "
                    "được hướng dẫn mở lối thoát nạn thứ hai trước tháng 6.",
    },
    {
        "title": "Diễn đàn đối thoại về trật tự giao thông quanh chợ Đống Đa",
        "sapo": "Người dân, tiểu thương và Công an phường Đống Đa cùng bàn cách giải tỏa ùn tắc và "
                "lấn chiếm vỉa hè quanh khu chợ vào giờ cao điểm.",
        "commune": "dong_da", "topic": "Trật tự giao thông và lòng đường, vỉa hè",
        "starts_at": datetime.datetime(2026, 8, 22, 14, 0), "hours": 2,
        "venue": "Nhà văn hóa tổ dân phố số 7", "address": "Ngõ 105 phố Tây Sơn",
        "hosting_units": "Công an phường Đống Đa và Ủy ban MTTQ Việt Nam phường Đống Đa",
        "chairs": [("Trần Quang Huy", "Phó Trưởng Công an phường")],
        "summary": "Các hộ kinh doanh đồng ý sắp xếp lại chỗ để xe, phường bố trí thêm điểm trông giữ xe.",
        "outcomes": "Từ tháng 9, vỉa hè phía đông chợ dành cho người đi bộ; tổ công tác kiểm tra hằng ngày.",
    },
    {
        "title": "Công an lắng nghe ý kiến nhân dân phường Hải Châu quý IV",
        "sapo": "Người dân phường Hải Châu được mời góp ý trực tiếp với công an phường về an ninh "
                "trật tự, phòng chống lừa đảo và thủ tục hành chính về cư trú.",
        "commune": "hai_chau", "topic": "Phòng chống lừa đảo qua mạng và thủ tục cư trú",
        "days_ahead": 10, "hour": 8, "hours": 3,
        "venue": "Hội trường Công an phường Hải Châu", "address": "Số 12 đường Trần Phú",
        "hosting_units": "Công an phường Hải Châu và Ủy ban MTTQ Việt Nam phường Hải Châu",
        "chairs": [("Nguyễn Thanh Sơn", "Trưởng Công an phường")],
        "livestream_url": "https://www.facebook.com/",
    },
    {
        "title": "Đối thoại về an ninh trật tự ở vùng ven: xã Củ Chi lắng nghe người dân",
        "sapo": "Công an xã Củ Chi tổ chức diễn đàn để người dân các ấp nêu ý kiến về trộm cắp gia súc, "
                "tụ tập đua xe và hoạt động của nhóm Zalo kết nối bình yên.",
        "commune": "cu_chi", "topic": "Trộm cắp tài sản và tụ tập gây rối ở vùng ven",
        "days_ahead": 24, "hour": 14, "hours": 2,
        "venue": "Nhà văn hóa ấp 3", "address": "Tỉnh lộ 8, ấp 3",
        "hosting_units": "Công an xã Củ Chi và Ủy ban MTTQ Việt Nam xã Củ Chi",
        "chairs": [("Đặng Văn Phúc", "Trưởng Công an xã"), ("Huỳnh Thị Nga", "Chủ tịch Ủy ban MTTQ xã")],
    },
    {
        "title": "Tạm hoãn diễn đàn đối thoại tại phường Sơn Trà do ảnh hưởng của bão",
        "sapo": "Diễn đàn Công an lắng nghe ý kiến nhân dân phường Sơn Trà được tạm hoãn để ưu tiên "
                "ứng phó bão; thời gian mới sẽ được thông báo sau.",
        "commune": "son_tra", "topic": "An ninh trật tự khu du lịch ven biển",
        "days_ahead": 5, "hour": 8, "hours": 3, "postponed": True,
        "notice": "Diễn đàn tạm hoãn để lực lượng công an và dân phòng tập trung ứng phó bão. "
                  "Câu hỏi đã gửi được giữ lại cho buổi đối thoại sau.",
        "venue": "Hội trường UBND phường Sơn Trà", "address": "Số 1 đường Lê Văn Duyệt",
        "hosting_units": "Công an phường Sơn Trà",
        "chairs": [],
    },
]
# fmt: on
