"""Figures of the question service for the annual report (called by home's statistics)."""

from django.db.models import Count

from core.caching.requestcache import memoize
from questions.models import QuestionKind, SubmittedQuestion


def answered_by_kind(year):
    """Questions answered in ``year``, per kind and in total.

    ``{"straightforward": 99, "research": 0, "complex": 22, "total": 121}``: a question
    counts in the year it was answered (``answered_at``), whatever its status now. The total
    also counts answered questions whose kind was never set (the admin form prevents that).
    Counted once per request (the report shows several of these numbers).
    """
    return memoize(("answered_by_kind", year), lambda: _answered_by_kind(year))


def _answered_by_kind(year):
    rows = (
        SubmittedQuestion.objects.filter(answered_at__year=year)
        .values("kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    per_kind = {row["kind"]: row["count"] for row in rows}
    counts = {kind: per_kind.get(kind, 0) for kind in QuestionKind.values}
    counts["total"] = sum(per_kind.values())
    return counts
