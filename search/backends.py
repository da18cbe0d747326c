"""Wagtail's PostgreSQL search backend, stemming every object in the language of its locale.

modelsearch keeps one index table (``IndexEntry``) for every backend, so two backends with
different ``SEARCH_CONFIG`` values overwrite each other's entries (wagtail/wagtail#9253).
This backend keeps the one table and chooses the text-search configuration per object and
per query instead:

- an object is indexed with the configuration of its own locale (``dutch`` for a Dutch
  page, ``english`` for an English one); objects without a locale (documents, images, people)
  use ``SEARCH_CONFIG``;
- a query is parsed with the configuration of the active language;
- a ``Fuzzy`` query (spelling-tolerant suggestions) compares the query with titles only:
  comparing it with every page's whole text costs about 0.75 ms per page (measured with
  bench/search_bench.py), which any query that finds nothing would set off;
- relevance is the rank of the query in the *title* (times its length norm), ties broken by
  the queryset's own order (the search page orders by date, newest first): an object still
  matches on its whole text (``title || body``, through the GIN index of search/0003), but
  ranking the body too meant reading the out-of-line (TOASTed) body vector of every match,
  about 10 µs each, 145 ms for a word in 13,800 of the 14,000 pages (docs/search.md).

Settings (``WAGTAILSEARCH_BACKENDS["default"]``)::

    "BACKEND": "search.backends",
    "SEARCH_CONFIG": "simple",
    "LANGUAGE_CONFIGS": {"nl": "dutch", "en": "english"},

Only PostgreSQL: ``site_cms.settings`` selects it when the database is PostgreSQL.
"""

import copy
from collections import defaultdict

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db.models import F, TextField, Value
from django.db.models.expressions import CombinedExpression
from django.utils import translation

from modelsearch.backends.database.postgres.postgres import (
    FUnaccent,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from wagtail.models import Locale


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index the objects in groups, each with the configuration of its language."""
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            language_code = language_codes.get(getattr(obj, "locale_id", None))
            groups[self.backend.config_for_language(language_code)].append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())

    def _build_fuzzy_queryset(self, config, backend):
        """Pages whose title has a word like the query (trigram word similarity)."""
        query = Value(self.query.query_string, output_field=TextField())
        title = F("index_entries__title_text")
        if self.query.unaccent:
            query, title = FUnaccent(query), FUnaccent(title)
        queryset = self.queryset.annotate(
            _fuzzy_similarity=TrigramWordSimilarity(query, title)
        ).filter(_fuzzy_similarity__gte=backend.fuzzy_similarity_threshold)
        return queryset, F("_fuzzy_similarity")

    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search, but the matched vector is an alias, not a selected column:
        selected, PostgreSQL built ``title || body`` of every match before sorting them
        (reading each out-of-line body, ~10 µs a match). Fuzzy and match-all as modelsearch."""
        if isinstance(self.query, (MatchAll, Fuzzy)) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = CombinedExpression(combined_vector, "||", vector)
        queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def _build_rank_expression(self, vectors, config):
        """The rank of the title only, when the whole index entry is searched (see above)."""
        if self.fields is None:
            vectors = vectors[:1]  # (title, title_norm); the body only matches
        return super()._build_rank_expression(vectors, config)

    def _apply_ordering_and_scoring(self, queryset, rank_expression, start, stop, score_field=None):
        """Best first, equal ranks in the queryset's own order (then newest object first)."""
        if not self.order_by_relevance:
            return super()._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )
        queryset = queryset.order_by(rank_expression.desc(), *queryset.query.order_by, "-pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank_expression})
        return queryset[start:stop]


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalisedPostgresSearchQueryCompiler
    index_class = LocalisedPostgresIndex
    # Fuzzy() queries (trigram matching) work: search/migrations enable pg_trgm.
    supports_fuzzy = True

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))

    def config_for_language(self, language_code):
        """The text-search configuration for a language code ('nl', 'en-gb', None)."""
        if language_code:
            for code in (language_code, language_code.split("-")[0]):
                if code in self.language_configs:
                    return self.language_configs[code]
        return self.config

    def with_config(self, config):
        """A copy of this backend whose default configuration is ``config``."""
        backend = copy.copy(self)
        backend.config = config
        return backend


SearchBackend = LocalisedPostgresSearchBackend
