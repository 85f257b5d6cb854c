"""Template tags of model showcases: the server-rendered charts."""

from django import template

from models_showcase import charts

register = template.Library()


@register.inclusion_tag("models_showcase/includes/series_chart.html")
def series_chart(series, number: int):
    """A figure series as a bar chart (SVG) with its table, the text equivalent."""
    return {"series": series, "chart": charts.series_chart(series), "chart_id": f"bieu-do-{number}"}


@register.inclusion_tag("models_showcase/includes/bar_chart.html")
def bar_chart(rows, title: str, chart_id: str, unit: str = ""):
    """Horizontal bars for (label, value) rows, e.g. models by type on the statistics page;
    the table next to it on the page is its text equivalent."""
    bars, height = charts.hbars([(label, value) for label, value in rows])
    return {
        "bars": bars,
        "title": title,
        "chart_id": chart_id,
        "unit": unit,
        "width": charts.WIDTH,
        "height": height,
        "side": charts.SIDE,
    }
