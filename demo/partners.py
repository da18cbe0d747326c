"""The partner organisations named in the 2017 report, and the partner index (/partners/).

Named in the report: the partners listed near its end, the organisations that asked the
22 complex questions, the organisations of the people quoted and of the requesters of the
example questions. The slugs are stable: other demo steps (e.g. the questions) find a
partner with ``partner("gemeente-eindhoven")``. Each partner and the index are translated
into English: an organisation's English name where it has one, else its Dutch name.
"""

from wagtail.models import Locale

from core.models import Partner
from demo.utils import ensure_child, ensure_snippet_translation, ensure_translation
from partners.models import PartnerIndexPage

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

# English names where the organisation has one (or its name describes it); every other
# partner's English translation keeps the Dutch name.
NAMES_EN = {
    "ser": "Social and Economic Council of the Netherlands (SER)",
    "von": "Refugee Organisations in the Netherlands (VON)",
    "expertise-unit-sociale-stabiliteit": "Social Stability Expertise Unit",
    "lize": "Lize Foundation",
    "vng": "Association of Netherlands Municipalities (VNG)",
    "stichting-piezo": "Piëzo Foundation",
    "mjg": "Multicultural Youth Voice Foundation (MJG)",
    "vluchtelingenwerk": "Dutch Council for Refugees (VluchtelingenWerk Nederland)",
    "schilderswijkmoeders": "Schilderswijk Mothers Project",
    "stichting-hindustani": "Hindustani Foundation",
    "rechtbank-amsterdam": "Amsterdam District Court",
    "gemeente-eindhoven": "Municipality of Eindhoven",
    "sicn": "SICN (Islamic Centre Foundation of the Netherlands)",
    "cmo": "CMO (Contact Body for Muslims and Government)",
    "ministerie-szw": "Ministry of Social Affairs and Employment",
    "isbo": "ISBO (Organisation of Islamic School Boards)",
    "los": "LOS (National Support Centre for Undocumented People)",
    "askv": "ASKV (Refugee Support)",
    "gemeente-amsterdam": "Municipality of Amsterdam",
    "leren-helpt": "Leren Helpt! Foundation",
    "landelijk-knooppunt-huwelijksdwang": (
        "National Centre of Expertise on Forced Marriage and Abandonment"
    ),
    "het-interlokaal": "Het Interlokaal Foundation",
    "gemeente-groningen": "Municipality of Groningen",
    "vumc": "VU University Medical Center",
    "keti-koti": "Keti Koti Dialogue Table Foundation",
    "verwey-jonker": "Verwey-Jonker Institute",
}

INDEX_INTRO = (
    "We werken samen met gemeenten, ministeries, onderwijsinstellingen, migranten- en "
    "vluchtelingenorganisaties en maatschappelijke organisaties. Hier staan de organisaties "
    "waarmee we in 2017 samenwerkten of die ons een vraag stelden, met hun projecten en "
    "vragen."
)
INDEX_EN = (
    "Partners",
    "partners",
    "We work with municipalities, ministries, educational institutions, migrant and refugee "
    "organisations and civil-society organisations. Here are the organisations we worked with "
    "in 2017 or that asked us a question, with their projects and questions.",
)


def partner(slug):
    """The Dutch partner with ``slug`` (after :func:`load`)."""
    return Partner.objects.get(slug=slug, locale=Locale.get_default())


def ensure_partners():
    """Every partner of the report, live, in Dutch and English; existing ones (by slug) and
    existing translations are left as they are. Returns {slug: Dutch partner}."""
    locale = Locale.get_default()
    existing = {item.slug: item for item in Partner.objects.filter(locale=locale)}
    for slug, name, kind in PARTNERS:
        organisation = existing.get(slug)
        if organisation is None:
            organisation = Partner(slug=slug, name=name, kind=kind, locale=locale, live=False)
            organisation.save()
            organisation.save_revision().publish()
            existing[slug] = organisation
        ensure_snippet_translation(organisation, "en", name=NAMES_EN.get(slug, name))
    return existing


def load(home):
    partners = ensure_partners()
    index = ensure_child(home, PartnerIndexPage, "partners", title="Partners", intro=INDEX_INTRO)
    title, slug, intro = INDEX_EN
    ensure_translation(index, "en", title=title, slug=slug, intro=intro)
    return partners, index
