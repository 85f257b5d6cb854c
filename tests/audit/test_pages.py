"""Accessibility (axe-core in Chromium) and HTML validity (Nu HTML Checker) of the audited pages.

The page list is tools/audit/audit.config.json, shared with `make audit` (which also measures
Lighthouse scores and page weights; those are budgets, not tests). A page marked `may_be_missing`
that answers 404 is skipped as not built yet.
"""

import pytest

from tests.audit.helpers import PAGE_NAMES

pages = pytest.mark.parametrize("audited_page", PAGE_NAMES, indirect=True)


def answered(page: dict, result: dict) -> None:
    where = f"{page['name']} {page['path']}"
    if result.get("error"):
        pytest.fail(f"{where}: {result['error']}", pytrace=False)
    if result["status"] == 404 and page.get("may_be_missing"):
        pytest.skip(f"{where} answers 404: not built yet")
    if result["status"] != 200:
        pytest.fail(f"{where} answered HTTP {result['status']}", pytrace=False)


@pages
def test_page_has_no_axe_violations(audited_page, axe_results):
    result = axe_results[audited_page["name"]]
    answered(audited_page, result)
    if result["violations"]:
        lines = [f"axe-core: {len(result['violations'])} violation(s) on {audited_page['path']}"]
        for violation in result["violations"]:
            lines.append(
                f"  {violation['id']} ({violation['impact']}): {violation['help']}  {violation['helpUrl']}"
            )
            lines.extend(
                f"      {node['target']}    {' '.join(node['html'].split())[:160]}"
                for node in violation["nodes"]
            )
        pytest.fail("\n".join(lines), pytrace=False)


@pages
def test_page_is_valid_html(audited_page, vnu_results):
    result = vnu_results[audited_page["name"]]
    answered(audited_page, result)
    if result["errors"]:
        lines = [f"Nu HTML Checker: {len(result['errors'])} error(s) on {audited_page['path']}"]
        for error in result["errors"]:
            lines.append(f"  line {error['line']}:{error['column']}: {error['message']}")
            if error["extract"]:
                lines.append(f"      {' '.join(error['extract'].split())}")
        pytest.fail("\n".join(lines), pytrace=False)


@pages
def test_page_requests_nothing_from_another_host(audited_page, axe_results):
    result = axe_results[audited_page["name"]]
    answered(audited_page, result)
    third_party = result["network"]["thirdParty"]
    assert not third_party, f"{audited_page['path']} requests other hosts: {third_party}"
