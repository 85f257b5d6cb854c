"""Blocks only forum announcements use."""

from wagtail import blocks


class ChairBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Họ và tên", max_length=120)
    position = blocks.CharBlock(label="Chức vụ", max_length=200, help_text="Ví dụ: Trưởng Công an phường.")

    class Meta:
        icon = "user"
        label = "Người chủ trì"
        description = "Người chủ trì hoặc đồng chủ trì diễn đàn."
        preview_value = {"name": "Nguyễn Văn An", "position": "Trưởng Công an phường"}


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label="Giờ", required=False, help_text="Giờ bắt đầu mục này (nếu có).")
    item = blocks.CharBlock(label="Nội dung", max_length=300)

    class Meta:
        icon = "time"
        label = "Mục chương trình"
        description = "Một mục trong chương trình diễn đàn."
        preview_value = {"item": "Công an phường báo cáo tình hình an ninh trật tự quý III"}
