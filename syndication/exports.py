"""Open data: the exports of projects and publications (CSV, JSON) and the page about them."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core import csv_writer
from core.csv_writer import csv_response
from core.models import SiteSettings
from syndication.open_data import (
    LICENCE,
    PROJECT_COLUMNS,
    PUBLICATION_COLUMNS,
    csv_columns,
    project_rows,
    publication_rows,
)

EXPORTS = {"projects": project_rows, "publications": publication_rows}
LIST_SEPARATOR = "; "


def _licensed(response):
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


def _filename(dataset, extension):
    return f"{dataset}-{get_language()}.{extension}"


def _flat(row):
    """A row for CSV: lists joined, the figures of each year in columns of their own."""
    flat = {}
    for name, value in row.items():
        if name == "figures":
            for figures in value:
                flat[f"views_{figures['year']}"] = figures["views"]
                flat[f"downloads_{figures['year']}"] = figures["downloads"]
        elif isinstance(value, list):
            flat[name] = LIST_SEPARATOR.join(value)
        else:
            flat[name] = "" if value is None else value
    return flat


@require_GET
def export_csv(request, dataset):
    rows = [_flat(row) for row in EXPORTS[dataset](request)]
    response = csv_response(_filename(dataset, "csv"))
    writer = csv_writer.dict_writer(response, csv_columns(dataset), lineterminator="\r\n")
    writer.writerows(rows)
    return _licensed(response)


@require_GET
def export_json(request, dataset):
    document = {
        "licence": LICENCE,
        "attribution": SiteSettings.for_request(request).organisation_name,
        "source": request.build_absolute_uri(reverse("open_data:index")),
        "language": get_language(),
        "generated": timezone.now().isoformat(timespec="seconds"),
        dataset: EXPORTS[dataset](request),
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="{_filename(dataset, "json")}"'
    return _licensed(response)


@require_GET
def index(request):
    return render(
        request,
        "open_data/index.html",
        {
            "licence": LICENCE,
            "datasets": [
                ("projects", PROJECT_COLUMNS),
                ("publications", PUBLICATION_COLUMNS),
            ],
        },
    )
