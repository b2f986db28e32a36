"""Finding practices: Danish full-text search on PostgreSQL, every word on SQLite."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import CombinedExpression

from .models import Practice


def _vector() -> CombinedExpression:
    # The fields' weights: the title first, then what they did and the advice.
    return (
        SearchVector("title", weight="A", config="danish")
        + SearchVector("lead", "partner", weight="B", config="danish")
        + SearchVector("method", "results", "advice", "municipalities", weight="C", config="danish")
    )


def practice_search(*, q: str = "", theme: int | None = None) -> QuerySet[Practice]:
    """Practices matching `q`, best first when searching, else by number (the list's form
    sorts them otherwise when asked: forms.PracticeListForm)."""
    practices = Practice.objects.all()
    if theme:
        practices = practices.filter(theme=theme)
    if q and connection.vendor == "postgresql":
        query = SearchQuery(q, search_type="websearch", config="danish")
        vector = _vector()
        practices = (
            practices.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", "number")
        )
    elif q:
        # SQLite has no Danish stemmer: each word must occur (as a prefix of a word or
        # anywhere in one), so "virksomhed" also finds "virksomhederne".
        for word in q.lower().split():
            practices = practices.filter(search_text__contains=word)
    if not q:
        practices = practices.order_by("number")
    return practices.only(
        "number", "theme", "title", "municipalities", "partner", "persons_in_programme", "lead"
    )
