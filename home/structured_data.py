"""schema.org data (JSON-LD) that search engines and link previews read.

The Organization comes from site settings; each content page describes itself through its
`structured_data()` method (NewsArticle for stories, Event for forums…).
"""

from django.templatetags.static import static


def organization(request, site_settings) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": site_settings.publisher_name,
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(static("img/icon-512.png")),
    }
    if site_settings.email:
        data["email"] = site_settings.email
    if site_settings.phone:
        data["telephone"] = site_settings.phone
    if site_settings.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": site_settings.address,
            "addressCountry": "VN",
        }
    if site_settings.supervising_agency:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": site_settings.supervising_agency,
        }
    return data


def publisher(request, site_settings) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": site_settings.publisher_name,
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/icon-512.png"))},
    }


def for_page(page, request, site_settings) -> dict | None:
    build = getattr(page, "structured_data", None)
    if build is None:
        return None
    data = build(request, site_settings)
    return {"@context": "https://schema.org", **data} if data else None
