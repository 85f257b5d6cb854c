"""Demo content: realistic, in our own words, deterministic. Other features test against it.

People in the stories are invented; facts and figures about the movement come from public
reports. Commune codes are the official July 2025 codes.
"""

import datetime

# Communes used by the demo (official codes) -> province code.
HA_NOI, HO_CHI_MINH, DA_NANG = 1, 79, 48
COMMUNES = {
    "hoan_kiem": 70,  # Phường Hoàn Kiếm, Hà Nội
    "dong_da": 235,  # Phường Đống Đa, Hà Nội
    "lang": 187,  # Phường Láng, Hà Nội
    "soc_son": 376,  # Xã Sóc Sơn, Hà Nội
    "ben_thanh": 26743,  # Phường Bến Thành, TP.HCM
    "tan_dinh": 26737,  # Phường Tân Định, TP.HCM
    "thu_duc": 26824,  # Phường Thủ Đức, TP.HCM
    "cu_chi": 27553,  # Xã Củ Chi, TP.HCM
    "hai_chau": 20242,  # Phường Hải Châu, Đà Nẵng
    "son_tra": 20263,  # Phường Sơn Trà, Đà Nẵng
    "hoi_an": 20410,  # Phường Hội An, Đà Nẵng
}

SITE_SETTINGS = {
    "operating_unit": "Ban biên tập Bình Yên – Công an phường Hoàn Kiếm",
    "supervising_agency": "Công an Thành phố Hà Nội",
    "content_responsible": "Trung tá Lê Minh Quang, Phó Trưởng Công an phường",
    "address": "Số 1 phố Hàng Bài, phường Hoàn Kiếm, Thành phố Hà Nội",
    "email": "binhyen@example.vn",
    "phone": "024 3825 0000",
    "licence_line": "Trang trình diễn: nội dung và nhân vật là minh họa, không phải thông tin chính thức.",
    "hotlines": [
        {"type": "hotline", "value": {"label": "Cảnh sát", "number": "113", "note": "Trực 24/7"}},
        {
            "type": "hotline",
            "value": {"label": "Cứu nạn, cứu hộ, PCCC", "number": "114", "note": "Trực 24/7"},
        },
        {"type": "hotline", "value": {"label": "Cấp cứu y tế", "number": "115", "note": ""}},
        {"type": "hotline", "value": {"label": "Bảo vệ trẻ em", "number": "111", "note": "Miễn phí"}},
    ],
    "social_links": [
        {"type": "link", "value": {"platform": "facebook", "url": "https://www.facebook.com/"}},
        {"type": "link", "value": {"platform": "zalo", "url": "https://zalo.me/"}},
    ],
}

SECTIONS = {
    "stories": {
        "title": "Người tốt, việc tốt",
        "slug": "nguoi-tot-viec-tot",
        "intro": "Những con người bình dị đã không ngần ngại giúp người, giữ bình yên cho khu phố.",
    },
    "showcases": {
        "title": "Mô hình bảo đảm an ninh trật tự",
        "slug": "mo-hinh",
        "intro": "Những cách làm hay do chính người dân góp sức, từ camera an ninh đến nhà trọ tự quản.",
    },
    "forums": {
        "title": "Diễn đàn đối thoại",
        "slug": "dien-dan",
        "intro": "Lịch các buổi Công an lắng nghe ý kiến nhân dân và kết quả sau mỗi buổi.",
    },
}

FORUM_SERIES = [
    (
        "Công an lắng nghe ý kiến nhân dân",
        "Chuỗi diễn đàn định kỳ để người dân góp ý trực tiếp với công an xã, phường.",
    ),
]


def p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def quote(text: str, speaker: str, role: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "speaker": speaker, "speaker_role": role}}


def facts(title: str, *items: str) -> dict:
    body = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    return {"type": "fact_box", "value": {"title": title, "body": body}}


def person(
    name,
    age,
    role,
    consent=True,
    initials_only=False,
    consent_date=None,
    guardian_date=None,
    guardian_relation="",
):
    """A featured person; the age group follows the age, a minor's guardian consent is optional."""
    return {
        "full_name": name,
        "age": age,
        "role": role,
        "consent_given": consent,
        "consent_date": consent_date if consent else None,
        "initials_only": initials_only,
        "guardian_consent": guardian_date is not None,
        "guardian_consent_date": guardian_date,
        "guardian_relation": guardian_relation,
    }


# fmt: off
STORIES = [
    {
        "title": "Tài xế xe ôm truy đuổi kẻ cướp giật điện thoại trên phố Hàng Bài",
        "sapo": "Nghe tiếng kêu cứu của một nữ du khách, anh Đỗ Văn Thành đã nổ máy đuổi theo, "
                "cùng người dân khống chế đối tượng cướp giật và giao cho Công an phường Hoàn Kiếm.",
        "commune": "hoan_kiem", "deed_type": "bat-trom", "deed_date": datetime.date(2026, 3, 8),
        "body": [
            *p("Khoảng 21 giờ tối 8/3, một nữ du khách đang đứng chụp ảnh trên phố Hàng Bài thì bị "
               "một đối tượng đi xe máy áp sát giật chiếc điện thoại rồi tăng ga bỏ chạy.",
               "Anh Đỗ Văn Thành, tài xế xe ôm đang chờ khách gần đó, lập tức quay đầu xe đuổi theo. "
               "Đến ngã tư Tràng Tiền, đối tượng hoảng sợ ngã xe và bị anh Thành cùng hai người dân khống chế."),
            quote("Tôi chỉ nghĩ phải lấy lại điện thoại cho chị ấy, khách đến Hà Nội mà gặp chuyện "
                  "thì buồn lắm.", "Anh Đỗ Văn Thành", "Tài xế xe ôm, thành viên Tổ xe ôm tự quản"),
            *p("Công an phường Hoàn Kiếm đã tiếp nhận đối tượng, thu hồi tang vật trả lại cho người bị hại."),
            facts("Khi bị cướp giật", "Hô hoán để người xung quanh hỗ trợ", "Ghi nhớ biển số, đặc điểm xe",
                  "Gọi ngay 113 hoặc báo công an phường gần nhất"),
        ],
        "people": [person("Đỗ Văn Thành", 46, "tài xế xe ôm", consent_date=datetime.date(2026, 3, 9))],
        "commendation": ("Chủ tịch UBND phường Hoàn Kiếm", "giay-khen", datetime.date(2026, 3, 20)),
        "byline": "Minh Châu – Công an phường Hoàn Kiếm", "tags": ["cướp giật", "xe ôm tự quản"],
        "related_showcase": "xe-om-tu-quan-ho-guom",
    },
    {
        "title": "Học sinh lớp 9 trả lại túi xách có hơn 40 triệu đồng nhặt được",
        "sapo": "Trên đường đi học về, em N.T.H. nhặt được chiếc túi đựng tiền và giấy tờ, "
                "em đã nhờ mẹ đưa đến Công an phường Đống Đa để trả lại người đánh rơi.",
        "commune": "dong_da", "deed_type": "tra-lai-tai-san", "deed_date": datetime.date(2026, 4, 15),
        "body": [
            *p("Chiều 15/4, em H. phát hiện một chiếc túi xách nữ rơi bên vỉa hè phố Tây Sơn. "
               "Bên trong có hơn 40 triệu đồng, căn cước công dân và nhiều giấy tờ của một tiểu thương.",
               "Về đến nhà, em kể lại với mẹ và hai mẹ con mang túi đến trụ sở công an phường. "
               "Chỉ sau hai giờ, cán bộ đã liên hệ được chủ nhân là bà T., bán hàng ở chợ gần đó."),
            quote("Số tiền đó là tiền nhập hàng của cả tháng. Tôi cảm ơn cháu và gia đình rất nhiều.",
                  "Bà T.", "Người đánh rơi tài sản"),
        ],
        "people": [person("Nguyễn Thu Hà", 14, "học sinh lớp 9", initials_only=True,
                          consent_date=datetime.date(2026, 4, 16))],
        "commendation": ("Công an phường Đống Đa", "giay-khen", datetime.date(2026, 4, 25)),
        "byline": "Thanh Hương", "tags": ["trả lại tài sản", "học sinh"],
    },
    {
        "title": "Người dân phá cửa cứu cụ bà mắc kẹt trong đám cháy ở phường Láng",
        "sapo": "Thấy khói bốc lên từ căn nhà ống đóng kín cửa, anh Phạm Quốc Bảo cùng các thành viên "
                "tổ liên gia đã phá khóa, đưa cụ bà 82 tuổi ra ngoài an toàn trước khi lửa lan rộng.",
        "commune": "lang", "deed_type": "chua-chay", "deed_date": datetime.date(2026, 1, 19),
        "body": [
            *p("Rạng sáng 19/1, khói đen bốc ra từ tầng một một căn nhà trong ngõ Láng Trung. "
               "Người phát hiện đầu tiên đã bấm chuông báo cháy liên gia mà tổ vừa được trang bị.",
               "Anh Bảo dùng xà beng phá khóa cửa, hai người khác dùng bình bột chữa cháy dập lửa ở "
               "khu bếp trong lúc anh đưa cụ bà đang ngủ trên gác xép ra ngoài."),
            quote("Nhờ có chuông liên gia mà cả xóm cùng dậy, chỉ chậm vài phút là không kịp.",
                  "Anh Phạm Quốc Bảo", "Tổ trưởng tổ liên gia an toàn PCCC số 3"),
            *p("Lực lượng cảnh sát PCCC đến ngay sau đó, xác định nguyên nhân do chập điện ấm siêu tốc."),
        ],
        "people": [person("Phạm Quốc Bảo", 38, "tổ trưởng tổ liên gia", consent_date=datetime.date(2026, 1, 20))],
        "commendation": ("Chủ tịch UBND Thành phố Hà Nội", "bang-khen", datetime.date(2026, 2, 10)),
        "byline": "Đức Anh – Công an phường Láng", "tags": ["phòng cháy chữa cháy", "tổ liên gia"],
        "related_showcase": "to-lien-gia-an-toan-pccc-phuong-lang",
    },
    {
        "title": "Camera do người dân góp giúp tìm lại cháu bé đi lạc ở Sóc Sơn",
        "sapo": "Từ hình ảnh của hệ thống camera an ninh do người dân đóng góp, Công an xã Sóc Sơn "
                "đã tìm thấy cháu bé 5 tuổi đi lạc chỉ sau 40 phút nhận tin báo.",
        "commune": "soc_son", "deed_type": "cuu-nguoi", "deed_date": datetime.date(2025, 11, 2),
        "body": [
            *p("Chiều 2/11, gia đình anh L. hốt hoảng báo tin con trai 5 tuổi chơi trước cửa rồi biến mất. "
               "Cán bộ trực ban trích xuất hình ảnh từ camera lắp ở các ngã ba trong thôn.",
               "Hình ảnh cho thấy cháu đi theo đàn vịt ra phía cánh đồng. Tổ bảo vệ an ninh cơ sở cùng "
               "người dân chia nhau tìm và đưa cháu về với gia đình an toàn."),
            quote("Mỗi nhà góp một ít để lắp camera, giờ mới thấy nó quý thế nào.", "Ông Ngô Văn Tính",
                  "Trưởng thôn"),
        ],
        "people": [person("Ngô Văn Tính", 61, "trưởng thôn", consent_date=datetime.date(2025, 11, 3))],
        "byline": "Hải Đăng", "tags": ["camera an ninh", "trẻ em"],
        "related_showcase": "camera-an-ninh-xa-soc-son",
    },
    {
        "title": "Chủ nhà trọ báo tin giúp bắt đối tượng trốn truy nã",
        "sapo": "Nhờ ghi chép đầy đủ thông tin người thuê trọ và trao đổi qua nhóm Zalo với công an "
                "phường, bà Lý Thị Mai đã giúp lực lượng chức năng bắt giữ một đối tượng bị truy nã.",
        "commune": "thu_duc", "deed_type": "to-giac-toi-pham", "deed_date": datetime.date(2026, 5, 27),
        "body": [
            *p("Một người đàn ông đến thuê phòng nhưng không xuất trình được giấy tờ tùy thân, "
               "chỉ đọc một số căn cước. Theo quy chế nhà trọ tự quản, bà Mai gửi thông tin qua nhóm Zalo.",
               "Cán bộ cảnh sát khu vực kiểm tra và phát hiện người này đang bị truy nã về tội lừa đảo. "
               "Đối tượng bị bắt giữ ngay trong đêm mà không gây xáo trộn cho các phòng trọ khác."),
            quote("Khách thuê ở đây như người nhà, mình phải giữ bình yên cho họ.", "Bà Lý Thị Mai",
                  "Chủ nhà trọ, phường Thủ Đức"),
        ],
        "people": [person("Lý Thị Mai", 54, "chủ nhà trọ", consent_date=datetime.date(2026, 5, 29))],
        "commendation": ("Công an Thành phố Hồ Chí Minh", "thu-khen", datetime.date(2026, 6, 12)),
        "byline": "Khánh Linh – Công an phường Thủ Đức", "tags": ["nhà trọ", "truy nã"],
        "related_showcase": "nha-tro-tu-quan-phuong-thu-duc",
    },
    {
        "title": "Thanh niên nhảy xuống kênh cứu người phụ nữ bị đuối nước",
        "sapo": "Đang trên đường đi làm, anh Trần Minh Đức đã nhảy xuống kênh Nhiêu Lộc – Thị Nghè "
                "cứu một phụ nữ bị trượt chân, rồi lặng lẽ rời đi khi người bị nạn đã tỉnh.",
        "commune": "tan_dinh", "deed_type": "cuu-nguoi", "deed_date": datetime.date(2026, 6, 3),
        "body": [
            *p("Sáng 3/6, người đi đường phát hiện một phụ nữ chới với giữa dòng kênh. Anh Đức dừng xe, "
               "cởi áo khoác và nhảy xuống, đưa nạn nhân vào bờ trong khoảng ba phút.",
               "Người dân sơ cứu, gọi 115 và báo Công an phường Tân Định. Nạn nhân được đưa đi cấp cứu "
               "kịp thời. Phải mất hai ngày, cán bộ phường mới tìm được người đã cứu chị."),
            quote("Thấy người gặp nạn thì phải giúp, ai ở vị trí của tôi cũng sẽ làm như vậy.",
                  "Anh Trần Minh Đức", "Nhân viên giao hàng"),
        ],
        "people": [person("Trần Minh Đức", 27, "nhân viên giao hàng", consent_date=datetime.date(2026, 6, 6))],
        "commendation": ("Chủ tịch UBND Thành phố Hồ Chí Minh", "bang-khen", datetime.date(2026, 6, 20)),
        "byline": "Bảo Ngọc", "tags": ["cứu người", "đuối nước"],
    },
    {
        "title": "Tổ hòa giải giúp hai gia đình làm lành sau ba năm tranh chấp lối đi",
        "sapo": "Sau nhiều buổi gặp gỡ do tổ hòa giải và cảnh sát khu vực tổ chức, hai gia đình ở "
                "phường Bến Thành đã cùng ký biên bản mở lại lối đi chung, chấm dứt mâu thuẫn kéo dài.",
        "commune": "ben_thanh", "deed_type": "hoa-giai", "deed_date": datetime.date(2026, 7, 11),
        "body": [
            *p("Mâu thuẫn bắt đầu từ việc xây lại bức tường ngăn giữa hai nhà, khiến lối đi chung "
               "chỉ còn hơn nửa mét. Đã có lúc hai bên to tiếng, hàng xóm lo xảy ra xô xát.",
               "Tổ hòa giải gặp riêng từng gia đình, mời cán bộ địa chính đo đạc lại và đề xuất "
               "phương án mỗi bên lùi tường 20 phân. Biên bản hòa giải được ký ngày 11/7."),
            quote("Hàng xóm tối lửa tắt đèn có nhau, giữ được tình làng nghĩa xóm là quý nhất.",
                  "Bà Hồ Thị Lan", "Tổ trưởng tổ hòa giải"),
        ],
        "people": [person("Hồ Thị Lan", 63, "tổ trưởng tổ hòa giải", consent_date=datetime.date(2026, 7, 12))],
        "byline": "Quốc Việt", "tags": ["hòa giải", "tình làng nghĩa xóm"],
    },
    {
        "title": "Nông dân Củ Chi giữ chân nhóm trộm bò chờ công an đến",
        "sapo": "Phát hiện ba người lạ lùa bò lên xe tải lúc nửa đêm, ông Võ Văn Sáu đã báo tin lên "
                "nhóm Zalo của ấp, chỉ mười phút sau cả ấp cùng lực lượng công an xã đã có mặt.",
        "commune": "cu_chi", "deed_type": "bat-trom", "deed_date": datetime.date(2026, 2, 22),
        "body": [
            *p("Tiếng bò kêu lúc gần 1 giờ sáng khiến ông Sáu thức giấc. Ông soi đèn thì thấy chiếc "
               "xe tải đậu sát chuồng bò nhà hàng xóm.",
               "Ông nhắn vào nhóm Zalo kết nối bình yên của ấp, rồi cùng con trai chặn đầu xe bằng "
               "máy cày. Lực lượng công an xã bắt giữ ba đối tượng, thu hồi hai con bò."),
        ],
        "people": [person("Võ Văn Sáu", 67, "nông dân", consent_date=datetime.date(2026, 2, 23))],
        "commendation": ("Chủ tịch UBND xã Củ Chi", "giay-khen", datetime.date(2026, 3, 2)),
        "byline": "Thanh Tâm – Công an xã Củ Chi", "tags": ["trộm cắp", "nhóm Zalo"],
        "related_showcase": "nhom-zalo-ket-noi-binh-yen-cu-chi",
    },
    {
        "title": "Ngư dân Sơn Trà cứu sáu du khách bị sóng đánh lật thuyền",
        "sapo": "Đang thu lưới gần bán đảo Sơn Trà, anh Lê Văn Hòa cùng các bạn chài đã kịp cứu "
                "sáu du khách bị lật thuyền kayak khi biển bất ngờ nổi sóng lớn.",
        "commune": "son_tra", "deed_type": "cuu-nguoi", "deed_date": datetime.date(2026, 8, 16),
        "body": [
            *p("Chiều 16/8, gió mùa mạnh lên khiến ba chiếc thuyền kayak của nhóm du khách bị lật. "
               "Anh Hòa cho thuyền thúng máy tiến lại, ném phao và kéo từng người lên.",
               "Sáu du khách được đưa vào bờ an toàn, trong đó hai người bị hạ thân nhiệt được "
               "đưa đến trạm y tế. Đồn Biên phòng và Công an phường Sơn Trà đã ghi nhận sự việc."),
            quote("Đi biển thì phải giúp nhau, nhất là lúc biển động.", "Anh Lê Văn Hòa", "Ngư dân"),
        ],
        "people": [person("Lê Văn Hòa", 41, "ngư dân", consent_date=datetime.date(2026, 8, 18))],
        "commendation": ("Chủ tịch UBND Thành phố Đà Nẵng", "bang-khen", datetime.date(2026, 9, 5)),
        "byline": "Minh Tú", "tags": ["cứu người", "du lịch"],
    },
    {
        "title": "Tiểu thương Hội An trả lại ví cho du khách nước ngoài",
        "sapo": "Bà Trương Thị Thu, bán đèn lồng ở phố cổ, đã giữ chiếc ví du khách bỏ quên suốt "
                "một buổi chiều và nhờ công an phường tìm lại người mất.",
        "commune": "hoi_an", "deed_type": "tra-lai-tai-san", "deed_date": datetime.date(2026, 9, 21),
        "body": [
            *p("Chiếc ví có hộ chiếu và khoảng 700 đô la Mỹ. Bà Thu cất ví và chờ người quay lại, "
               "đến tối thì mang đến trụ sở Công an phường Hội An.",
               "Qua thông tin lưu trú, cán bộ liên hệ được với khách sạn nơi du khách nghỉ và trao "
               "trả ví ngay trong đêm."),
        ],
        "people": [person("Trương Thị Thu", 58, "tiểu thương", consent_date=datetime.date(2026, 9, 22))],
        "byline": "Hoài An", "tags": ["trả lại tài sản", "du lịch"],
    },
    {
        "title": "Tổ dân phố Hải Châu tự tổ chức tuần tra đêm, ngăn trộm cắp xe máy",
        "sapo": "Sau hai vụ mất xe trong một tháng, tổ dân phố số 12 đã lập nhóm tuần tra gồm 16 thành "
                "viên thay phiên nhau mỗi đêm; từ đó đến nay khu phố không còn mất xe.",
        "commune": "hai_chau", "deed_type": "khac", "deed_date": datetime.date(2025, 12, 5),
        "body": [
            *p("Nhóm tuần tra chia thành bốn ca, mỗi ca bốn người, đi bộ các kiệt hẻm từ 22 giờ đến "
               "4 giờ sáng. Cảnh sát khu vực hướng dẫn cách ghi nhật ký và báo tin khi có nghi vấn.",
               "Sau sáu tháng, nhóm đã nhắc nhở hơn 80 trường hợp để xe không khóa và phát hiện, "
               "báo công an hai đối tượng nghi vấn."),
            quote("Mỗi người bỏ ra một đêm mỗi tuần, đổi lại cả khu ngủ ngon.", "Ông Phan Đình Lộc",
                  "Tổ trưởng tổ dân phố số 12"),
        ],
        "people": [person("Phan Đình Lộc", 59, "tổ trưởng tổ dân phố", consent_date=datetime.date(2025, 12, 6))],
        "byline": "Nhật Minh – Công an phường Hải Châu", "tags": ["tuần tra", "tổ dân phố"],
        "related_showcase": "to-dan-pho-tu-quan-hai-chau",
    },
    {
        "title": "Người mẹ trẻ báo tin cuộc gọi lừa đảo, giúp cả khu phố cảnh giác",
        "sapo": "Nhận cuộc gọi giả danh giáo viên báo con cấp cứu, chị H.T.N. đã gọi ngay cho nhà trường "
                "và báo cảnh sát khu vực; thông tin được chia sẻ kịp thời trong nhóm Zalo của phường.",
        "commune": "dong_da", "deed_type": "to-giac-toi-pham", "deed_date": datetime.date(2026, 10, 7),
        "body": [
            *p("Kẻ gian gọi điện, nói con chị bị tai nạn và yêu cầu chuyển 30 triệu đồng để mổ gấp. "
               "Chị N. bình tĩnh gọi cho cô chủ nhiệm và biết con vẫn đang học bình thường.",
               "Chị gửi số điện thoại của kẻ gian cho cảnh sát khu vực. Chỉ trong buổi chiều, "
               "ba phụ huynh khác trong trường nhận cuộc gọi tương tự nhưng không ai mắc bẫy."),
            facts("Nhận diện cuộc gọi lừa đảo", "Giả danh giáo viên, bác sĩ, công an",
                  "Hối thúc chuyển tiền gấp", "Yêu cầu giữ bí mật, không gọi cho người thân"),
        ],
        "people": [person("Hoàng Thị Ngọc", 34, "phụ huynh học sinh", consent=False, initials_only=True)],
        "byline": "Thu Trang", "tags": ["lừa đảo", "công nghệ cao"],
    },
    {
        "title": "Bảo vệ chung cư dập tắt đám cháy xe điện trong tầng hầm",
        "sapo": "Nhận tín hiệu từ đầu báo khói, anh Vũ Đình Khang đã dùng bình chữa cháy dập tắt đám "
                "cháy xe máy điện đang sạc, ngăn lửa lan sang hàng trăm xe khác trong tầng hầm.",
        "commune": "hoan_kiem", "deed_type": "chua-chay", "deed_date": datetime.date(2026, 10, 28),
        "body": [
            *p("Đám cháy bùng lên từ pin của một chiếc xe máy điện đang sạc lúc gần nửa đêm. "
               "Anh Khang ngắt cầu dao khu vực sạc và dùng hai bình bột dập lửa trong vòng hai phút.",
               "Công an phường sau đó phối hợp ban quản trị tòa nhà chuyển khu sạc xe điện ra sát "
               "lối thoát hiểm và lắp thêm đầu báo khói."),
        ],
        "people": [person("Vũ Đình Khang", 31, "nhân viên bảo vệ", consent_date=datetime.date(2026, 10, 29))],
        "byline": "Minh Châu – Công an phường Hoàn Kiếm", "tags": ["phòng cháy chữa cháy", "chung cư"],
    },
]

# A unit's own sub-section: the ward's communications staff edit only here (see DEMO_ACCOUNTS).
WARD_SECTION = {
    "title": "Phường Hoàn Kiếm",
    "slug": "phuong-hoan-kiem",
    "intro": "Câu chuyện người tốt, việc tốt do Công an phường Hoàn Kiếm biên tập.",
}

WARD_STORIES = [
    {
        "title": "Hai học sinh đưa cụ bà lạc đường về nhà trong đêm mưa",
        "sapo": "Gặp một cụ bà đứng một mình dưới mưa ở phố Hàng Bạc, hai học sinh lớp 7 đã ở bên cụ, "
                "nhờ cảnh sát khu vực tìm người nhà và đưa cụ về đến nơi an toàn.",
        "commune": "hoan_kiem", "deed_type": "khac", "deed_date": datetime.date(2026, 9, 12),
        "body": [
            *p("Khoảng 20 giờ tối 12/9, trên đường đi học thêm về, hai bạn nhỏ thấy một cụ bà mặc áo mưa "
               "đứng lặng ở góc phố Hàng Bạc. Cụ không nhớ số nhà, chỉ nhắc mãi tên một ngõ nhỏ.",
               "Các em đưa cụ vào mái hiên trú mưa, mua cho cụ cốc nước ấm rồi nhờ chủ cửa hàng gọi cảnh sát "
               "khu vực. Chưa đầy một giờ sau, cụ đã được con trai đón về."),
            quote("Bà cháu mình cứ đứng đợi, không sao đâu bà ạ.", "Em L.G.B.", "Học sinh lớp 7"),
        ],
        "people": [
            person("Lê Gia Bảo", 12, "học sinh lớp 7", consent_date=datetime.date(2026, 9, 14),
                   guardian_date=datetime.date(2026, 9, 14), guardian_relation="mẹ"),
            person("Đinh Khánh An", 12, "học sinh lớp 7", initials_only=True, consent=False),
        ],
        "byline": "Thu Trang – Công an phường Hoàn Kiếm", "tags": ["học sinh", "giúp người già"],
    },
]

# Not published: the ward editor finishes it and submits it for approval. The featured person has
# not given consent yet, so a leader cannot approve it until the editor records the consent or
# chooses initials only.
WARD_DRAFTS = [
    {
        "title": "Tổ dân phố số 4 Hàng Bạc góp tiền lắp thêm sáu camera",
        "sapo": "Sau hai vụ mất trộm xe máy, các hộ ở tổ dân phố số 4 đã tự nguyện góp tiền lắp thêm sáu "
                "camera an ninh, kết nối với điện thoại của tổ trưởng và cảnh sát khu vực.",
        "commune": "hoan_kiem", "deed_type": "khac", "deed_date": datetime.date(2026, 10, 20),
        "body": [
            *p("Bản nháp: cần bổ sung số hộ tham gia và ý kiến của cảnh sát khu vực.",
               "Sáu camera được lắp ở hai đầu ngõ và bãi gửi xe chung, ghi hình cả ngày lẫn đêm."),
        ],
        "people": [person("Nguyễn Văn Tâm", 58, "tổ trưởng tổ dân phố số 4", consent=False)],
        "byline": "Thu Trang – Công an phường Hoàn Kiếm", "tags": ["camera an ninh"],
    },
]

WARD_EDITORS_GROUP = "Biên tập viên – Phường Hoàn Kiếm"

# Local demo accounts (passwords generated once into var/demo-accounts.json, printed by `make run`).
DEMO_ACCOUNTS = [
    {"username": "bientap", "name": "Trần Minh Châu", "group": "Biên tập viên",
     "role": "biên tập viên, viết và gửi duyệt mọi chuyên mục"},
    {"username": "lanhdao", "name": "Lê Minh Quang", "group": "Lãnh đạo duyệt",
     "role": "lãnh đạo, duyệt và đăng bài"},
    {"username": "bientap-hoankiem", "name": "Phạm Thu Trang", "group": WARD_EDITORS_GROUP,
     "role": "biên tập viên chỉ của chuyên mục Phường Hoàn Kiếm"},
]
# fmt: on
