"""Reading the search page's HTML in tests."""

import re

RESULT_LINK = re.compile(r'<h2 class="result-title"><a href="([^"]*)">')
COUNT = re.compile(r"Tìm thấy <strong>([\d.]+)</strong> kết quả")
FAILURE = "Chưa tìm được ngay lúc này"


def result_urls(response) -> list[str]:
    return RESULT_LINK.findall(response.content.decode())


def result_count(response) -> int:
    match = COUNT.search(response.content.decode())
    return int(match.group(1).replace(".", "")) if match else 0


def unaccent(title: str) -> str:
    """How a reader types on a phone without a Vietnamese keyboard: no marks, đ as d."""
    from search.folding import fold

    return fold(title)


def search(client, **params):
    """The search page for these parameters, which must answer 200 and not fail."""
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    assert FAILURE not in response.content.decode()
    return response
