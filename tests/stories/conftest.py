"""The editorial tests' demo accounts and sections, for the stories' own admin tests."""

from tests.editorial.conftest import editor, leader, stories_index  # noqa: F401
