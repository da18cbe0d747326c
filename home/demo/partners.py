"""The partner organisations named in the 2017 report, and the partner index (/partners/).

Named in the report: the partners listed near its end, the organisations that asked the
22 complex questions, the organisations of the people quoted and of the requesters of the
example questions. The slugs are stable: other demo steps (e.g. the questions) find a
partner with ``partner("gemeente-eindhoven")``.
"""

from wagtail.models import Locale

from core.models import Partner
from home.demo.utils import ensure_child
from home.models import PartnerIndexPage

K = Partner.Kind

PARTNERS = [
    # (slug, name, kind)
    # the partners listed at the end of the report
    ("radar-art1", "RADAR/Art.1", K.NGO),
    ("ser", "Sociaal-Economische Raad (SER)", K.MINISTRY),
    ("vno-ncw", "VNO-NCW", K.COMPANY),
    ("s-ipi", "S-IPI", K.NGO),
    ("coalitie-erbij", "Coalitie Erbij", K.NGO),
    ("mezzo", "Mezzo", K.NGO),
    ("pharos", "Pharos", K.KNOWLEDGE_INSTITUTE),
    ("sgan", "SGAN", K.MIGRANT_ORGANISATION),
    ("in-voor-mantelzorg", "In voor Mantelzorg", K.NGO),
    ("von", "Vluchtelingenorganisaties Nederland (VON)", K.MIGRANT_ORGANISATION),
    ("trias-pedagogica", "Trias Pedagogica", K.KNOWLEDGE_INSTITUTE),
    ("triple-p", "Triple P International", K.COMPANY),
    ("ketja", "KeTJA", K.KNOWLEDGE_INSTITUTE),
    ("expertise-unit-sociale-stabiliteit", "Expertise-unit Sociale Stabiliteit", K.MINISTRY),
    ("lize", "Stichting Lize", K.MIGRANT_ORGANISATION),
    ("vng", "Vereniging van Nederlandse Gemeenten (VNG)", K.MUNICIPALITY),
    ("otav", "OTAV", K.MIGRANT_ORGANISATION),
    ("divosa", "Divosa", K.MUNICIPALITY),
    ("stichting-piezo", "Stichting Piëzo", K.NGO),
    ("mjg", "Stichting Multicultureel Jongeren Geluid (MJG)", K.MIGRANT_ORGANISATION),
    ("vluchtelingenwerk", "VluchtelingenWerk Nederland", K.NGO),
    # the organisations that asked the 22 complex questions
    ("schilderswijkmoeders", "Project Schilderswijkmoeders", K.MIGRANT_ORGANISATION),
    ("stichting-hindustani", "Stichting Hindustani", K.MIGRANT_ORGANISATION),
    ("rechtbank-amsterdam", "Rechtbank Amsterdam", K.MINISTRY),
    ("gemeente-eindhoven", "Gemeente Eindhoven", K.MUNICIPALITY),
    ("sicn", "SICN (Stichting Islamitisch Centrum Nederland)", K.MIGRANT_ORGANISATION),
    ("cmo", "CMO (Contactorgaan Moslims & Overheid)", K.NGO),
    ("ministerie-szw", "Ministerie van Sociale Zaken en Werkgelegenheid", K.MINISTRY),
    ("moc-schilderswijk", "MOC Schilderswijk", K.NGO),
    ("coc-midden-nederland", "COC Midden Nederland", K.NGO),
    ("artikel-1-midden-nederland", "Artikel 1 Midden Nederland", K.NGO),
    ("saluti", "Saluti", K.NGO),
    ("isbo", "Stichting ISBO (Islamitische Schoolbesturen Organisatie)", K.EDUCATION),
    ("mokum-roze", "Mokum Roze", K.NGO),
    ("coc-nederland", "COC Nederland", K.NGO),
    ("los", "LOS (Landelijk Ongedocumenteerden Steunpunt)", K.NGO),
    ("askv", "ASKV (Steunpunt Vluchtelingen)", K.NGO),
    ("gemeente-amsterdam", "Gemeente Amsterdam", K.MUNICIPALITY),
    ("leren-helpt", "Stichting Leren Helpt!", K.EDUCATION),
    (
        "landelijk-knooppunt-huwelijksdwang",
        "Landelijk Knooppunt Huwelijksdwang en Achterlating",
        K.KNOWLEDGE_INSTITUTE,
    ),
    ("het-interlokaal", "Stichting Het Interlokaal", K.NGO),
    ("tandem-nijmegen", "Tandem Nijmegen", K.NGO),
    # the requesters of the example questions and the organisations of the people quoted
    ("gemeente-groningen", "Gemeente Groningen", K.MUNICIPALITY),
    ("vumc", "VU Medisch Centrum", K.EDUCATION),
    ("welzijn-lelystad", "Welzijn Lelystad", K.NGO),
    ("keti-koti", "Stichting Keti Koti Dialoog Tafel", K.NGO),
    ("verwey-jonker", "Verwey-Jonker Instituut", K.KNOWLEDGE_INSTITUTE),
]

INDEX_INTRO = (
    "We werken samen met gemeenten, ministeries, onderwijsinstellingen, migranten- en "
    "vluchtelingenorganisaties en maatschappelijke organisaties. Hier staan de organisaties "
    "waarmee we in 2017 samenwerkten of die ons een vraag stelden, met hun projecten en "
    "vragen."
)


def partner(slug):
    """The Dutch partner with ``slug`` (after :func:`load`)."""
    return Partner.objects.get(slug=slug, locale=Locale.get_default())


def ensure_partners():
    """Every partner of the report, live; existing ones (by slug) are left as they are."""
    locale = Locale.get_default()
    existing = set(Partner.objects.filter(locale=locale).values_list("slug", flat=True))
    for slug, name, kind in PARTNERS:
        if slug in existing:
            continue
        organisation = Partner(slug=slug, name=name, kind=kind, locale=locale, live=False)
        organisation.save()
        organisation.save_revision().publish()
    return {item.slug: item for item in Partner.objects.filter(locale=locale)}


def load(home):
    partners = ensure_partners()
    index = ensure_child(home, PartnerIndexPage, "partners", title="Partners", intro=INDEX_INTRO)
    return partners, index
