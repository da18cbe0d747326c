"""Feeds and open data inside the language prefix (/nl/feeds/…, /nl/open-data/…)."""

from django.urls import include, path

from syndication import exports, feeds

feed_patterns = [
    path(f"publications/{kind}.xml", feeds.PublicationFeed(kind), name=f"publications-{kind}")
    for kind in feeds.FEED_TYPES
]
feed_patterns += [
    path(f"themes/<int:page_id>/{kind}.xml", feeds.ThemePublicationFeed(kind), name=f"theme-{kind}")
    for kind in feeds.FEED_TYPES
]
feed_patterns += [
    path(
        f"dossiers/<int:page_id>/{kind}.xml",
        feeds.DossierPublicationFeed(kind),
        name=f"dossier-{kind}",
    )
    for kind in feeds.FEED_TYPES
]
feed_patterns += [
    path(f"questions/{kind}.xml", feeds.QuestionFeed(kind), name=f"questions-{kind}")
    for kind in feeds.FEED_TYPES
]

open_data_patterns = [
    path("", exports.index, name="index"),
    *(
        path(f"{dataset}.csv", exports.export_csv, {"dataset": dataset}, name=f"{dataset}-csv")
        for dataset in exports.EXPORTS
    ),
    *(
        path(f"{dataset}.json", exports.export_json, {"dataset": dataset}, name=f"{dataset}-json")
        for dataset in exports.EXPORTS
    ),
]

urlpatterns = [
    path("feeds/", include((feed_patterns, "feeds"))),
    path("open-data/", include((open_data_patterns, "open_data"))),
]
