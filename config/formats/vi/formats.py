"""Vietnamese formats: 21/11/2026, 14:30 and 1.234,5 — as Vietnamese government sites write them.

Django's own vi formats spell dates out ("14:30 Ngày 21 tháng 11 năm 2026") and, because they
set no input formats, read "05/11/2026" typed in the admin's date pickers as 11 May (the US
order). The input formats below read day/month/year first, matching WAGTAIL_DATE_FORMAT and
WAGTAIL_DATETIME_FORMAT in config/settings.py, which must stay the first entries here.
"""

# Output (Django date-format syntax)
DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y, H:i"
YEAR_MONTH_FORMAT = r"\T\há\n\g n/Y"  # Tháng 11/2026
MONTH_DAY_FORMAT = "d/m"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Input (strftime syntax): day first
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 21/11/2026 — WAGTAIL_DATE_FORMAT
    "%d/%m/%y",  # 21/11/26
    "%d-%m-%Y",  # 21-11-2026
    "%Y-%m-%d",  # 2026-11-21 (ISO, used by APIs and imports)
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # 21/11/2026 14:30 — WAGTAIL_DATETIME_FORMAT
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%d/%m/%y %H:%M",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]

# Numbers: 1.234.567,89
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
