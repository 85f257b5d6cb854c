"""What the bulk commands (`add_bulk_stories`, `add_bulk_content`) ask and check alike."""

from django.core.management.base import CommandError

from demo.bulk.engine import MAX_COUNT, MAX_COUNT_TEXT, MAX_JOBS


def add_common_arguments(parser, total_help: str):
    parser.add_argument("--total", action="store_true", help=total_help)
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="Số tiến trình ghi cùng lúc trên PostgreSQL (SQLite luôn ghi bằng một tiến trình).",
    )


def check_count(count: int, message: str):
    """`message` names the number, e.g. "Số mô hình"; the bounds are added."""
    if not 0 <= count <= MAX_COUNT:
        raise CommandError(f"{message} phải từ 0 đến {MAX_COUNT_TEXT}.")


def check_jobs(jobs: int):
    if not 1 <= jobs <= MAX_JOBS:
        raise CommandError(f"Số tiến trình phải từ 1 đến {MAX_JOBS}.")
