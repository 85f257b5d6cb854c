"""What an editor does in the admin, in a real browser, shared by the admin journeys.

Each step works the page as a person would (finds fields by their labels, types, picks), and
never posts anything the page itself would fill in.
"""

from selenium.webdriver.support.select import Select


def pick_commune(driver, field_id: str, words: str, commune_name: str) -> None:
    """Choose the commune `commune_name` ("Phường Hoàn Kiếm, Hà Nội") in the commune field whose
    input has id `field_id` (e.g. "id_commune"), after typing `words` ("hoan kiem") where the
    field lets the editor search.

    Today the field is a plain <select>: the words are not used. The searchable commune chooser
    replaces this step with its own (open the chooser, type the words, pick the result).
    """
    Select(driver.find_element("id", field_id)).select_by_visible_text(commune_name)
