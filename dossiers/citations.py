"""How to cite a publication: an APA-style reference, BibTeX, RIS and Highwire Press tags.

Every format names the authors in their order; a publication without authors is cited with
the institute as its (corporate) author. Names keep their accents: BibTeX and RIS are
served as UTF-8, only the BibTeX key is reduced to ASCII. The URL cited is the permanent
link (/p/<id>/), which outlives renames and moves.
"""

import re

from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from anyascii import anyascii

from core.models import SiteSettings
from core.models.snippets import split_name

# APA lists up to 20 authors; beyond, the first 19, an ellipsis and the last.
APA_MAX_AUTHORS = 20
BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def initials(given_names):
    """'Jan-Willem Anna' -> 'J.-W. A.'"""
    return " ".join(
        "-".join(f"{part[0]}." for part in name.split("-") if part) for name in given_names.split()
    )


def full_stop(text):
    """The period that ends an element of the reference, unless the text ends one already."""
    return "" if text.rstrip().endswith((".", "?", "!")) else "."


def bibtex_escape(text):
    return BIBTEX_SPECIAL.sub(
        lambda match: BIBTEX_REPLACEMENTS.get(match.group(1), "\\" + match.group(1)), text
    )


class Citation:
    """The citation of one publication, for a request (which gives the site's address)."""

    # publication type -> (BibTeX entry type, RIS type)
    ENTRY_TYPES = {
        "report": ("techreport", "RPRT"),
        "article": ("article", "JOUR"),
        "brochure": ("booklet", "PAMP"),
        "infographic": ("misc", "FIGURE"),
        "blog": ("online", "BLOG"),
        "video": ("misc", "VIDEO"),
    }
    # types whose title APA sets in italics (a work on its own, not part of a whole)
    STANDALONE = {"report", "brochure", "infographic", "video"}
    # types APA describes in square brackets after the title
    DESCRIBED = {"brochure", "infographic", "video"}

    def __init__(self, publication, request):
        self.publication = publication
        self.request = request

    @cached_property
    def institute(self):
        return SiteSettings.for_request(self.request).organisation_name

    @cached_property
    def authors(self):
        """(given names, family name) of each author, in order."""
        return [split_name(person.name) for person in self.publication.author_people]

    @cached_property
    def inverted_names(self):
        """'Family, Given' of each author; the institute's name when there are none."""
        names = [f"{family}, {given}" if given else family for given, family in self.authors]
        return names or [self.institute]

    @cached_property
    def url(self):
        return self.publication.get_permalink(self.request)

    @cached_property
    def pdf_url(self):
        return self.publication.document_full_url(self.request)

    @property
    def entry_types(self):
        return self.ENTRY_TYPES.get(self.publication.publication_type, ("misc", "GEN"))

    # APA ---------------------------------------------------------------------------------

    def apa_author(self, given, family):
        return f"{family}, {initials(given)}" if given else family

    def apa_authors(self):
        names = [self.apa_author(given, family) for given, family in self.authors]
        if not names:
            return self.institute
        if len(names) == 1:
            return names[0]
        if len(names) > APA_MAX_AUTHORS:
            return ", ".join(names[: APA_MAX_AUTHORS - 1]) + ", … " + names[-1]
        return ", ".join(names[:-1]) + ", & " + names[-1]

    @cached_property
    def apa_html(self):
        """Author, A. A., & Author, B. (2017). *Title* [Type]. Publisher. URL"""
        publication = self.publication
        authors = self.apa_authors()
        title = publication.title
        parts = [
            format_html("{}{} ", authors, full_stop(authors)),
            format_html("({}). ", publication.year),
        ]
        if publication.publication_type in self.STANDALONE:
            description = ""
            if publication.publication_type in self.DESCRIBED:
                label = publication.get_publication_type_display().capitalize()
                description = format_html(" [{}]", label)
            stop = full_stop(title) if not description else "."
            parts.append(format_html("<i>{}</i>{}{} ", title, description, stop))
            if self.authors:  # the publisher, unless it is the author already
                parts.append(format_html("{}. ", self.institute))
        else:  # part of a whole (the site): the title plain, the site in italics
            parts.append(format_html("{}{} <i>{}</i>. ", title, full_stop(title), self.institute))
        if self.url:  # a page never saved (its first preview) has no address yet
            parts.append(format_html('<a href="{}">{}</a>', self.url, self.url))
        return mark_safe("".join(parts))  # noqa: S308 (every part built by format_html)

    # BibTeX ------------------------------------------------------------------------------

    @cached_property
    def bibtex_key(self):
        family = self.authors[0][1] if self.authors else self.institute.split()[0]
        first_word = next(iter(self.publication.title.split()), "")
        key = anyascii(f"{family}{self.publication.year}{first_word}")
        return re.sub(r"[^A-Za-z0-9]", "", key)

    def bibtex(self):
        author = " and ".join(bibtex_escape(name) for name in self.inverted_names)
        if not self.authors:
            author = "{" + author + "}"  # braced: a corporate author, not a family name
        entry_type = self.entry_types[0]
        publication = self.publication
        fields = [
            ("author", author),
            ("title", "{" + bibtex_escape(publication.title) + "}"),
            ("year", str(publication.year)),
            ("date", publication.publication_date.isoformat()),
            (
                "institution" if entry_type == "techreport" else "publisher",
                bibtex_escape(self.institute),
            ),
            ("type", bibtex_escape(publication.get_publication_type_display())),
            ("language", publication.locale.language_code),
            ("url", self.url),
        ]
        if self.pdf_url:
            fields.append(("file", self.pdf_url))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@{entry_type}{{{self.bibtex_key},\n{body}\n}}\n"

    # RIS ---------------------------------------------------------------------------------

    def ris(self):
        publication = self.publication
        lines = [("TY", self.entry_types[1]), ("TI", publication.title)]
        if self.authors:
            lines += [
                ("AU", f"{family}, {given}" if given else family) for given, family in self.authors
            ]
        else:
            lines.append(("AU", self.institute))
        lines += [
            ("PY", str(publication.year)),
            ("DA", publication.publication_date.strftime("%Y/%m/%d/")),
            ("PB", self.institute),
            ("AB", " ".join(publication.summary.split())),
            ("LA", publication.locale.language_code),
            ("UR", self.url),
        ]
        if self.pdf_url:
            lines.append(("L1", self.pdf_url))
        lines.append(("ER", ""))
        return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)

    # Highwire Press ----------------------------------------------------------------------

    def meta_tags(self):
        """(name, content) of the ``citation_*`` <meta> tags scholarly indexes read."""
        publication = self.publication
        tags = [("citation_title", publication.title)]
        if self.authors:
            tags += [
                ("citation_author", f"{family}, {given}" if given else family)
                for given, family in self.authors
            ]
        else:
            tags.append(("citation_author", self.institute))
        tags += [
            ("citation_publication_date", publication.publication_date.strftime("%Y/%m/%d")),
            ("citation_publisher", self.institute),
            ("citation_language", publication.locale.language_code),
            ("citation_abstract_html_url", publication.get_full_url(self.request)),
        ]
        if publication.publication_type == "report":
            tags.append(("citation_technical_report_institution", self.institute))
        if self.pdf_url:
            tags.append(("citation_pdf_url", self.pdf_url))
        return tags

    def meta_html(self):
        return format_html_join("\n", '<meta name="{}" content="{}">', self.meta_tags())
