"""The partner organisations in one language and everything they are linked to.

A partner (core.Partner) may be translated or not: a language shows its own translation of a
partner, else the partner in the default language. Pages link partners in any language
(translations keep the partners chosen in Dutch), so links are matched by translation key.
Every function here costs a fixed number of queries, however many partners or pages.
The pages of the feature apps are named by string (partners is a feature app itself).
"""

from django.apps import apps
from django.db.models import F, Q

from wagtail.models import Locale

from core.listings import published, with_renditions
from core.models import Partner

LOGO_RENDITION = "max-160x80"  # the size of the logos on the partner index
PROJECTS = "themes.ProjectPage"
QUESTIONS = "questions.QuestionPage"
PUBLICATIONS = "dossiers.PublicationPage"


def partners_in(locale):
    """The live partners of ``locale``, with the untranslated ones of the default locale."""
    default = Locale.get_default()
    own = Partner.objects.filter(live=True, locale=locale)
    return Partner.objects.filter(
        Q(live=True)
        & (
            Q(locale=locale)
            | (Q(locale=default) & ~Q(translation_key__in=own.values("translation_key")))
        )
    )


def partner_listing(locale, kind=None):
    """``partners_in(locale)`` by name, optionally of one kind, with logo renditions."""
    partners = partners_in(locale).order_by("name")
    if kind:
        partners = partners.filter(kind=kind)
    return with_renditions(partners, "logo", LOGO_RENDITION)


def find_partner(locale, slug):
    """The partner shown at ``slug`` in ``locale`` (None if there is none)."""
    return partners_in(locale).filter(slug=slug).select_related("logo").first()


def translation_in(partner, locale):
    """The partner as ``locale`` shows it: its translation there, else the partner itself."""
    return partners_in(locale).filter(translation_key=partner.translation_key).first()


def _linked(model, partner, locale):
    return (
        published(apps.get_model(model).objects.filter(locale=locale))
        .filter(partners__translation_key=partner.translation_key)
        .distinct()
        .defer_streamfields()
    )


def partner_projects(partner, locale):
    return list(_linked(PROJECTS, partner, locale).order_by("title"))


def partner_questions(partner, locale):
    """The answered questions the partner asked (published question pages)."""
    questions = _linked(QUESTIONS, partner, locale)
    return list(questions.order_by(F("first_published_at").desc(nulls_last=True), "-pk"))


def partner_publications(partner, locale):
    """The publications that came out of the partner's projects and questions, or that its
    questions point to, newest first."""
    key = partner.translation_key
    questions = apps.get_model(QUESTIONS).objects.filter(partners__translation_key=key)
    results = (
        apps.get_model(PROJECTS)
        .objects.filter(partners__translation_key=key)
        .exclude(result_page=None)
    )
    pointed_to = (
        Q(translation_key__in=results.values("result_page__translation_key"))
        | Q(
            translation_key__in=questions.exclude(result_page=None).values(
                "result_page__translation_key"
            )
        )
        | Q(
            translation_key__in=questions.exclude(related_publications=None).values(
                "related_publications__translation_key"
            )
        )
    )
    return list(
        published(apps.get_model(PUBLICATIONS).objects.filter(locale=locale))
        .filter(pointed_to)
        .order_by("-publication_date", "-pk")
        .defer_streamfields()
    )
