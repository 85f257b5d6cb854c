"""Fixtures for the search tests: a clean cache and a closed Elasticsearch circuit breaker."""

import pytest
from django.core.cache import cache

from search.backends.elasticsearch import breaker


@pytest.fixture(autouse=True)
def _fresh_search_state():
    cache.clear()
    breaker.reset()
    yield
    cache.clear()
    breaker.reset()
