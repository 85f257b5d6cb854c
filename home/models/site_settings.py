"""Site-wide settings: the legal footer Vietnamese e-information rules expect, hotlines, links."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from home.blocks import HotlineBlock, SocialLinkBlock, phone_validator
from home.content_version import cached


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    # Every page without its own image previews with the default one: load it with the settings.
    select_related = ["default_share_image"]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, from a copy kept under the content version (edits in the admin are logged,
        which changes it: `home.known_site`)."""
        attr = cls.get_cache_attr_name()
        if hasattr(request, attr):
            return getattr(request, attr)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's own error
        found = cached(f"site-settings:{site.pk}", lambda: cls.for_site(site), request)
        found._request = request  # as Wagtail does, for page URLs; never pickled
        setattr(request, attr, found)
        return found

    operating_unit = models.CharField(
        "đơn vị vận hành",
        max_length=200,
        help_text="Đơn vị trực tiếp quản lý trang, ví dụ: Công an phường Hoàn Kiếm.",
    )
    supervising_agency = models.CharField(
        "cơ quan chủ quản",
        max_length=200,
        help_text="Cơ quan cấp trên chịu trách nhiệm về trang, ví dụ: Công an Thành phố Hà Nội.",
    )
    content_responsible = models.CharField(
        "người chịu trách nhiệm nội dung",
        max_length=200,
        help_text="Họ tên và chức vụ, ví dụ: Thượng tá Nguyễn Văn A, Trưởng Công an phường.",
    )
    address = models.CharField("địa chỉ liên hệ", max_length=300)
    email = models.EmailField("thư điện tử")
    phone = models.CharField("điện thoại", max_length=20, validators=[phone_validator])
    licence_line = models.CharField(
        "giấy phép",
        max_length=300,
        blank=True,
        help_text="Số giấy phép thiết lập trang thông tin (nếu có), ví dụ: Giấy phép số …/GP-TTĐT.",
    )
    hotlines = StreamField(
        [("hotline", HotlineBlock())],
        verbose_name="đường dây nóng",
        blank=True,
        help_text="Hiện ở đầu và cuối trang; người dân chạm để gọi.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name="mạng xã hội",
        blank=True,
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chia sẻ mặc định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Dùng khi trang không có ảnh đại diện (tối thiểu 1200×630 điểm ảnh).",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("operating_unit"),
                FieldPanel("supervising_agency"),
                FieldPanel("content_responsible"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("licence_line"),
            ],
            heading="Thông tin pháp lý ở chân trang",
        ),
        FieldPanel("hotlines"),
        FieldPanel("social_links"),
        FieldPanel("default_share_image"),
    ]

    @property
    def publisher_name(self) -> str:
        """Who publishes, as titles, link previews and search engines name it: the operating
        unit, or the product's name (`WAGTAIL_SITE_NAME`) before it is filled in."""
        return self.operating_unit or settings.WAGTAIL_SITE_NAME

    class Meta:
        verbose_name = "cấu hình trang"
        verbose_name_plural = "cấu hình trang"
