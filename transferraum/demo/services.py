"""Demo data: a plausible, entirely fictional "Transfer über Köpfe" programme.

Every person, company and e-mail address here is invented; all addresses use `.example`
domains so that no mail can ever reach a real inbox. The data tables below are the single
place to change what the demo contains; docs/demo-data.md describes them for people.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
    PersonProfile,
    Sector,
    SizeClass,
)
from transferraum.actors.services import (
    membership_add,
    organisation_create,
    organisation_index,
    person_index,
    profile_for,
)
from transferraum.actors.vocabulary import competences_load_starter
from transferraum.challenges.catalogue import catalogue_load
from transferraum.challenges.models import Challenge, Comment, Follow, TopicField, TransferFormat
from transferraum.challenges.services import (
    STEP_SERVICES,
    challenge_assign,
    challenge_comment,
    challenge_follow,
    challenge_request_changes,
    challenge_save,
)
from transferraum.notifications.services import notifications_suppressed
from transferraum.regions.models import Municipality
from transferraum.regions.services import region_load_reference

# Documented in docs/demo-data.md and printed by `manage.py demo`; demo databases only.
DEMO_PASSWORD = "transfer-demo-2026"  # noqa: S105
DEMO_SEED = 2026
STUDENT_COUNT = 64  # generated students, in addition to the two named personas
STUDENT_DOMAIN = "studserv.uni-leipzig.example"

EILENBURG = "14730110"
ZEITZ = "15084590"
LEIPZIG = "14713000"

Kind = Organisation.Kind
Role = User.Role
Cat = ListingCategory
Visibility = PersonProfile.Visibility
ADMIN = Membership.Role.ADMIN
MEMBER = Membership.Role.MEMBER
BACHELOR = StudyProgramme.Degree.BACHELOR
MASTER = StudyProgramme.Degree.MASTER

# The people that the README, the docs and the tests name: (e-mail, role in German).
DEMO_LOGINS: tuple[tuple[str, str], ...] = (
    (
        "koordination@uni-leipzig.example",
        "Programmkoordination, Dr. Katrin Vogel (auch Zugang zu /admin/)",
    ),
    (
        "wirtschaft@eilenburg.example",
        "Wirtschaftsförderung Eilenburg, Thomas Berger (Admin der Stadtverwaltung)",
    ),
    (
        "stadtplanung@zeitz.example",
        "Stadtplanung Zeitz, Claudia Neumann (Admin der Stadtverwaltung)",
    ),
    (
        "inhaberin@zeitzer-werkstaetten.example",
        "Inhaberin der Zeitzer Werkstätten GmbH, Susanne Kirchner",
    ),
    (
        "betreuung@uni-leipzig.example",
        "Betreuerin am Institut für Geographie, Dr. Miriam Hahn",
    ),
    (
        "lena.schubert@studserv.uni-leipzig.example",
        "Studentin Geographie (B.Sc.), Lena Schubert",
    ),
    (
        "jonas.weber@studserv.uni-leipzig.example",
        "Student Informatik (B.Sc.), Jonas Weber",
    ),
    (
        "begleitforschung@uni-leipzig.example",
        "Begleitforschung am Institut für Soziologie, Dr. Paula Winkler",
    ),
    (
        "gruenderin@startup-eilenburg.example",
        "Gründerin der Kreislaufwerk Eilenburg UG, Mira Albrecht",
    ),
)


@dataclass(frozen=True)
class DemoReport:
    """What the demo holds after a run; `created` counts the rows this run added."""

    organisations: int
    people: int
    students: int
    created: int
    listings: int  # offers and needs in the demo's tables
    competences: int  # in the database, the starter vocabulary included
    challenges: int  # in the demo's tables


@dataclass(frozen=True)
class OrganisationSpec:
    """An organisation; everything after `short_description` fills its public profile."""

    name: str
    kind: str
    ags: str
    short_description: str
    description: str = ""  # Markdown
    sector: str = ""  # WZ 2008 section, for companies
    size_class: str = ""
    street: str = ""
    postcode: str = ""
    competences: tuple[str, ...] = ()  # slugs of the starter vocabulary
    offers: tuple[tuple[str, str], ...] = ()  # (ListingCategory, short text)
    needs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PersonSpec:
    email: str
    name: str
    role: str
    organisation: str
    membership: str
    position: str
    is_admin_site: bool = False
    bio: str = ""
    competences: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    languages: str = "Deutsch, Englisch"
    visibility: str = Visibility.MEMBERS


@dataclass(frozen=True)
class MembershipSpec:
    """A further membership of a person of PEOPLE: boards, steering groups, associations."""

    email: str
    organisation: str
    role: str
    position: str


@dataclass(frozen=True)
class StudentSpec:
    email: str
    name: str
    programme: tuple[str, str]  # (name, degree), the natural key of StudyProgramme
    semester: int
    # Filled in for the personas only; generated students get theirs from their programme.
    bio: str = ""
    competences: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()


# --- Study programmes: (name, degree, faculty) -------------------------------------------------

_GEO = "Fakultät für Physik und Erdsystemwissenschaften"
_SOZPHIL = "Fakultät für Sozialwissenschaften und Philosophie"
_WIWI = "Wirtschaftswissenschaftliche Fakultät"

PROGRAMMES: tuple[tuple[str, str, str], ...] = (
    ("Geographie", BACHELOR, _GEO),
    ("Humangeographie", MASTER, _GEO),
    ("Soziologie", BACHELOR, _SOZPHIL),
    ("Wirtschaftswissenschaften", BACHELOR, _WIWI),
    ("Informatik", BACHELOR, "Fakultät für Mathematik und Informatik"),
    ("Kommunikations- und Medienwissenschaft", BACHELOR, _SOZPHIL),
    ("Kulturwissenschaften", BACHELOR, _SOZPHIL),
    ("Stadtentwicklung", MASTER, _WIWI),
)

# What students of a programme can do: the first competence always, then one to three more.
PROGRAMME_COMPETENCES: dict[str, tuple[str, ...]] = {
    "Geographie": (
        "geoinformatik",
        "raumanalyse",
        "fernerkundung",
        "regionalentwicklung",
        "demografie",
        "stadtplanung",
    ),
    "Humangeographie": (
        "regionalentwicklung",
        "geoinformatik",
        "strukturwandel",
        "empirische-sozialforschung",
        "demografie",
        "quartiersentwicklung",
    ),
    "Soziologie": (
        "empirische-sozialforschung",
        "datenanalyse",
        "integration",
        "ehrenamt",
        "demografie",
        "moderation",
    ),
    "Wirtschaftswissenschaften": (
        "betriebswirtschaft",
        "marketing-und-vertrieb",
        "gruendung",
        "logistik",
        "fachkraeftesicherung",
        "datenanalyse",
    ),
    "Informatik": (
        "softwareentwicklung",
        "webentwicklung",
        "datenanalyse",
        "it-sicherheit",
        "ux-design",
        "offene-daten",
    ),
    "Kommunikations- und Medienwissenschaft": (
        "oeffentlichkeitsarbeit",
        "social-media",
        "mediengestaltung",
        "stadtmarketing",
        "buergerbeteiligung",
        "wissenschaftskommunikation",
    ),
    "Kulturwissenschaften": (
        "kulturmanagement",
        "kulturerbe",
        "tourismus",
        "moderation",
        "mediengestaltung",
    ),
    "Stadtentwicklung": (
        "stadtplanung",
        "leerstandsmanagement",
        "wohnungswirtschaft",
        "quartiersentwicklung",
        "geoinformatik",
        "bauwesen",
    ),
}

# What students are curious about beyond their subject.
STUDENT_INTERESTS: tuple[str, ...] = (
    "strukturwandel",
    "klimaschutz",
    "erneuerbare-energien",
    "kreislaufwirtschaft",
    "radverkehr",
    "gruendung",
    "ehrenamt",
    "kulturerbe",
    "buergerbeteiligung",
    "sport",
    "digitalisierung",
    "tourismus",
    "wohnungswirtschaft",
    "oepnv",
    "integration",
    "naturschutz",
)

# --- Organisations -----------------------------------------------------------------------------

_UL = "Universität Leipzig – "
TRANSFER_UNIT = _UL + "Transferstelle"
SMILE = _UL + "SMILE Gründungsinitiative"
GEOGRAPHY = _UL + "Institut für Geographie"
SOCIOLOGY = _UL + "Institut für Soziologie"
URBAN = (
    _UL + "Wirtschaftswissenschaftliche Fakultät, Institut für Stadtentwicklung und Bauwirtschaft"
)
COMPUTING = _UL + "Institut für Informatik"
MEDIA = _UL + "Institut für Kommunikations- und Medienwissenschaft"
CULTURE = _UL + "Institut für Kulturwissenschaften"
TOWN_EILENBURG = "Stadtverwaltung Eilenburg"
TOWN_ZEITZ = "Stadtverwaltung Zeitz"
STARTUP = "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)"
TRADE_EILENBURG = "Gewerbeverein Eilenburg e.V."
TRADE_ZEITZ = "Gewerbe- und Handelsverein Zeitz e.V."

PC_EILENBURG = "04838"
PC_ZEITZ = "06712"

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    # Partner towns
    OrganisationSpec(
        TOWN_EILENBURG,
        Kind.TOWN,
        EILENBURG,
        "Große Kreisstadt an der Mulde im Landkreis Nordsachsen und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
        description=(
            "Die Stadtverwaltung Eilenburg bringt im Programm **„Transfer über Köpfe“** Fragen "
            "aus Stadtplanung, Wirtschaftsförderung und Bürgerservice mit Studierenden der "
            "Universität Leipzig zusammen. Ansprechpartner im Rathaus ist die "
            "Wirtschaftsförderung.\n\n"
            "Aktuelle Themen:\n\n"
            "- Belebung der Innenstadt und Umgang mit Leerstand\n"
            "- Digitale Angebote der Verwaltung\n"
            "- Fachkräfte und Zuzug in die Region"
        ),
        size_class=SizeClass.MEDIUM,
        street="Marktplatz 1",
        postcode=PC_EILENBURG,
        competences=(
            "stadtplanung",
            "wirtschaftsfoerderung",
            "leerstandsmanagement",
            "e-government",
            "verwaltungsmanagement",
        ),
        offers=(
            (
                Cat.DATA,
                "Geodaten und Statistiken der Stadt: Bebauungspläne, Einwohnerzahlen, "
                "Leerstandskataster",
            ),
            (Cat.ROOMS, "Arbeitsplätze für Projektteams im Rathaus und im Bürgerhaus"),
            (Cat.CONTACTS, "Kontakte zu Unternehmen, Vereinen und Ortschaftsräten"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Praxisprojekte zur Belebung der Innenstadt und zum Leerstand"),
            (
                Cat.RESEARCH_PARTNER,
                "Wissenschaftliche Begleitung des integrierten Stadtentwicklungskonzepts",
            ),
            (Cat.SKILLED_STAFF, "Nachwuchs für Stadtplanung und Verwaltungsdigitalisierung"),
        ),
    ),
    OrganisationSpec(
        TOWN_ZEITZ,
        Kind.TOWN,
        ZEITZ,
        "Stadt an der Weißen Elster im Burgenlandkreis und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
        description=(
            "Zeitz gestaltet den **Strukturwandel** im mitteldeutschen Revier: Industriebrachen "
            "sollen neu genutzt, die Altstadt belebt und neue Arbeitsplätze angesiedelt werden. "
            "Die Stadtplanung koordiniert die Zusammenarbeit mit der Universität Leipzig und "
            "sucht Partner, die Ideen gemeinsam mit den Bürgerinnen und Bürgern erproben."
        ),
        size_class=SizeClass.LARGE,
        street="Altmarkt 1",
        postcode=PC_ZEITZ,
        competences=(
            "stadtplanung",
            "strukturwandel",
            "buergerbeteiligung",
            "klimaschutz",
            "foerdermittel",
        ),
        offers=(
            (Cat.DATA, "Stadtplanungs- und Verkehrsdaten, Luftbilder und historische Karten"),
            (Cat.ROOMS, "Projekträume im Rathaus und in leerstehenden Läden der Altstadt"),
            (Cat.CONTACTS, "Kontakte zu Wirtschaft, Vereinen und Stadtrat"),
        ),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Studentische Projekte zum Strukturwandel und zur Nachnutzung von Industriebrachen",
            ),
            (Cat.RESEARCH_PARTNER, "Forschungspartner für die Auswertung der Bürgerbeteiligung"),
            (Cat.SKILLED_STAFF, "Fachkräfte für Klimaschutz und Stadtentwicklung"),
        ),
    ),
    # University units
    OrganisationSpec(
        TRANSFER_UNIT,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Koordiniert „Transfer über Köpfe“ und vermittelt zwischen Hochschule, Städten und "
        "Partnern vor Ort.",
        description=(
            "Die Transferstelle koordiniert das Programm „Transfer über Köpfe“. Sie bringt "
            "Herausforderungen aus Eilenburg und Zeitz mit Lehrveranstaltungen, "
            "Abschlussarbeiten und Forschung der Universität Leipzig zusammen und begleitet "
            "die Projekte von der Idee bis zur Empfehlung."
        ),
        size_class=SizeClass.SMALL,
        street="Ritterstraße 26",
        postcode="04109",
        competences=("wissenschaftskommunikation", "moderation", "regionalentwicklung"),
        offers=(
            (Cat.CONTACTS, "Vermittlung zwischen Instituten, Städten und Betrieben"),
            (Cat.MENTORING, "Beratung zu Transferformaten und Kooperationsvereinbarungen"),
        ),
        needs=(
            (Cat.CONTACTS, "Ansprechpersonen in Betrieben und Vereinen vor Ort"),
            (Cat.ROOMS, "Arbeitsräume für Studierende in Eilenburg und Zeitz"),
        ),
    ),
    OrganisationSpec(
        SMILE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Berät Studierende und Forschende, die gründen wollen – auch mit Standort in Eilenburg "
        "oder Zeitz.",
        description=(
            "SMILE begleitet Gründungsideen aus der Universität vom ersten Workshop bis zur "
            "Finanzierung. Gründungsteams, die in Eilenburg oder Zeitz starten wollen, "
            "vermitteln wir an Wirtschaftsförderung und Gewerbevereine vor Ort."
        ),
        size_class=SizeClass.SMALL,
        street="Hohe Straße 27",
        postcode="04107",
        competences=("gruendung", "betriebswirtschaft", "foerdermittel"),
        offers=(
            (Cat.MENTORING, "Gründungsberatung, Ideenworkshops und Coaching"),
            (Cat.FUNDING, "Hilfe beim Antrag auf Gründungsstipendien"),
        ),
        needs=(
            (Cat.ROOMS, "Coworking-Plätze für Gründungsteams in Eilenburg und Zeitz"),
            (Cat.CONTACTS, "Mentorinnen und Mentoren aus Betrieben der Region"),
        ),
    ),
    OrganisationSpec(
        GEOGRAPHY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Regional-, Stadt- und Wirtschaftsgeographie; betreut Praxisprojekte in Eilenburg und "
        "Zeitz.",
        description=(
            "Das Institut für Geographie forscht zu Regionalentwicklung, Stadtumbau und "
            "Strukturwandel in Mitteldeutschland. Studierende arbeiten in Praxisprojekten mit "
            "**GIS**, Kartierungen und Befragungen.\n\n"
            "- Standort- und Erreichbarkeitsanalysen\n"
            "- Leerstandskartierung und Flächenmonitoring\n"
            "- Befragungen zu Zuzug und Pendeln"
        ),
        size_class=SizeClass.MEDIUM,
        street="Johannisallee 19",
        postcode="04103",
        competences=(
            "geoinformatik",
            "raumanalyse",
            "regionalentwicklung",
            "fernerkundung",
            "demografie",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Praxisprojekte zu Standortanalysen und Leerstandskartierung mit GIS",
            ),
            (Cat.THESES, "Bachelor- und Masterarbeiten zu Regionalentwicklung und Strukturwandel"),
            (Cat.RESEARCH_PARTNER, "Begleitforschung zu Zuzug, Pendeln und Flächennutzung"),
        ),
        needs=(
            (Cat.DATA, "Kommunale Geodaten, Flächen- und Einwohnerstatistiken"),
            (Cat.CONTACTS, "Praxispartner für Feldarbeit und Interviews vor Ort"),
        ),
    ),
    OrganisationSpec(
        SOCIOLOGY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Empirische Sozialforschung zu Engagement, Zuzug und Zusammenhalt in Klein- und "
        "Mittelstädten.",
        description=(
            "Das Institut für Soziologie untersucht, wie Engagement, Zuzug und Zusammenhalt in "
            "Klein- und Mittelstädten entstehen. Hier ist auch die **Begleitforschung** des "
            "Programms angesiedelt, die Befragungen und Fallstudien in Eilenburg und Zeitz "
            "durchführt."
        ),
        size_class=SizeClass.MEDIUM,
        street="Beethovenstraße 15",
        postcode="04107",
        competences=("empirische-sozialforschung", "datenanalyse", "ehrenamt", "integration"),
        offers=(
            (
                Cat.RESEARCH_PARTNER,
                "Begleitforschung und Befragungen zu Zuzug, Engagement und Zusammenhalt",
            ),
            (Cat.THESES, "Abschlussarbeiten mit Befragungen in Vereinen und Betrieben"),
        ),
        needs=(
            (Cat.CONTACTS, "Zugang zu Vereinen, Betrieben und Rückkehrenden für Interviews"),
            (Cat.DATA, "Anonymisierte Daten zu Zu- und Wegzügen der Partnerstädte"),
        ),
    ),
    OrganisationSpec(
        URBAN,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtumbau, Immobilienwirtschaft und Flächenentwicklung in wachsenden und "
        "schrumpfenden Städten.",
        description=(
            "Das Institut verbindet Stadtentwicklung mit Immobilien- und Bauwirtschaft. In "
            "Projekten mit Wohnungsgenossenschaften und Städten entstehen Konzepte für "
            "Umnutzung, Sanierung und altersgerechtes Wohnen."
        ),
        size_class=SizeClass.SMALL,
        street="Grimmaische Straße 12",
        postcode="04109",
        competences=(
            "stadtplanung",
            "wohnungswirtschaft",
            "leerstandsmanagement",
            "quartiersentwicklung",
            "bauwesen",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Praxisprojekte zu Leerstand, Umnutzung und Quartiersentwicklung",
            ),
            (Cat.RESEARCH_PARTNER, "Machbarkeitsstudien für Umnutzung und Sanierung"),
        ),
        needs=(
            (Cat.DATA, "Daten zu Wohnungsbestand, Leerstand und Mieten"),
            (Cat.CONTACTS, "Eigentümerinnen und Eigentümer leerstehender Gebäude"),
        ),
    ),
    OrganisationSpec(
        COMPUTING,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Softwaretechnik und Datenplattformen für Verwaltung, Handwerk und kleine Unternehmen.",
        description=(
            "In den Softwaretechnik-Praktika entwickeln Studierende im Team Anwendungen für "
            "echte Auftraggeber: von der Terminbuchung für einen Verein bis zur Datenplattform "
            "einer Stadt. Partner bringen die Aufgabe mit und stehen für Rückfragen bereit."
        ),
        size_class=SizeClass.MEDIUM,
        street="Augustusplatz 10",
        postcode="04109",
        competences=("softwareentwicklung", "webentwicklung", "offene-daten", "ux-design"),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Softwareprojekte im Praktikum: Apps, Datenplattformen und Websites für "
                "Partner vor Ort",
            ),
            (Cat.THESES, "Abschlussarbeiten zu Digitalisierung in Verwaltung und Handwerk"),
        ),
        needs=(
            (Cat.DATA, "Offene Daten der Städte für Lehrprojekte"),
            (Cat.CONTACTS, "Betriebe, die ihre Abläufe mit Studierenden digitalisieren wollen"),
        ),
    ),
    OrganisationSpec(
        MEDIA,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtmarketing, Bürgerbeteiligung und lokale Öffentlichkeit.",
        description=(
            "Das Institut forscht zu lokaler Öffentlichkeit, Stadtmarketing und "
            "Bürgerbeteiligung. In Seminaren entwickeln Studierende Kommunikationskonzepte und "
            "Kampagnen für Städte, Vereine und Betriebe."
        ),
        size_class=SizeClass.SMALL,
        street="Nikolaistraße 27",
        postcode="04109",
        competences=(
            "oeffentlichkeitsarbeit",
            "stadtmarketing",
            "social-media",
            "buergerbeteiligung",
        ),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Kommunikationskonzepte und Social-Media-Kampagnen im Seminar",
            ),
            (Cat.RESEARCH_PARTNER, "Studien zu lokaler Öffentlichkeit und Beteiligung"),
        ),
        needs=((Cat.CONTACTS, "Partner für Fallstudien zu Stadtmarketing und Lokalmedien"),),
    ),
    OrganisationSpec(
        CULTURE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Kulturelles Erbe, Industriekultur und Kulturarbeit im ländlichen Raum.",
        description=(
            "Das Institut beschäftigt sich mit kulturellem Erbe, Industriekultur und "
            "Kulturarbeit jenseits der Großstadt. Studierende entwickeln mit Vereinen "
            "Ausstellungen, Stadtführungen und Veranstaltungsformate."
        ),
        size_class=SizeClass.SMALL,
        street="Schillerstraße 6",
        postcode="04109",
        competences=("kulturmanagement", "kulturerbe", "tourismus"),
        offers=(
            (
                Cat.PRACTICE_PROJECTS,
                "Studentische Projekte zu Industriekultur, Ausstellungen und Stadtgeschichte",
            ),
            (Cat.THESES, "Abschlussarbeiten zu Kulturarbeit im ländlichen Raum"),
        ),
        needs=(
            (Cat.DATA, "Zugang zu Archiven, Fotos und Sammlungen der Vereine"),
            (Cat.CONTACTS, "Kulturvereine und Museen als Projektpartner"),
        ),
    ),
    # Eilenburg: companies and associations
    OrganisationSpec(
        "Muldental Metallbau GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Metall- und Stahlbau mit 28 Beschäftigten: Treppen, Geländer, Hallen. Sucht Fachkräfte "
        "und Ideen für die Betriebsnachfolge.",
        description=(
            "Seit 1991 fertigt die Muldental Metallbau GmbH Treppen, Geländer, Carports und "
            "Stahlhallen für Kunden in ganz Nordsachsen. Der Betrieb bildet jedes Jahr aus und "
            "bereitet die **Übergabe an die nächste Generation** vor."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Dübener Landstraße 41",
        postcode=PC_EILENBURG,
        competences=("metallbau", "cnc-fertigung", "berufsausbildung", "unternehmensnachfolge"),
        offers=(
            (Cat.INTERNSHIPS, "Praktikumsplätze in der Metallbearbeitung"),
            (
                Cat.THESES,
                "Themen für Abschlussarbeiten zur Betriebsnachfolge und zur digitalen Fertigung",
            ),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Fachkräfte für CNC-Fertigung"),
            (Cat.MENTORING, "Beratung zur Betriebsnachfolge im Familienbetrieb"),
        ),
    ),
    OrganisationSpec(
        "Bäckerei Sommerfeld",
        Kind.COMPANY,
        EILENBURG,
        "Familienbäckerei in dritter Generation mit vier Filialen in Eilenburg und Umgebung.",
        description=(
            "Die Bäckerei Sommerfeld backt in dritter Generation mit Sauerteig und Mehl aus "
            "der Region. Neben den vier Filialen beliefert sie Kitas und Schulen und möchte "
            "die Bestellung im Internet einführen."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Torgauer Straße 12",
        postcode=PC_EILENBURG,
        competences=("lebensmittelhandwerk", "berufsausbildung"),
        offers=((Cat.INTERNSHIPS, "Praktika in Backstube und Verkauf"),),
        needs=(
            (Cat.SKILLED_STAFF, "Bäckerinnen, Bäcker und Verkaufspersonal"),
            (Cat.PRACTICE_PROJECTS, "Ideen für Online-Bestellung und Social Media"),
        ),
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        Kind.COMPANY,
        EILENBURG,
        "Rund 1.200 Wohnungen in Eilenburg; modernisiert den Bestand und erprobt Probewohnen "
        "für Rückkehrende.",
        description=(
            "Die Genossenschaft vermietet rund 1.200 Wohnungen in Eilenburg-Ost und der "
            "Innenstadt. Mit **Probewohnen** lädt sie Rückkehrende und Familien aus Leipzig "
            "ein, das Leben in der Kleinstadt für einige Wochen auszuprobieren."
        ),
        sector=Sector.L,
        size_class=SizeClass.SMALL,
        street="Walther-Rathenau-Straße 18",
        postcode=PC_EILENBURG,
        competences=("wohnungswirtschaft", "quartiersentwicklung", "altersgerechtes-wohnen"),
        offers=(
            (
                Cat.ROOMS,
                "Gästewohnungen für Projektteams und ein Quartierstreff für Veranstaltungen",
            ),
            (Cat.DATA, "Anonymisierte Daten zu Leerstand und Mieterwechseln"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Konzepte für Probewohnen und die Ansprache Rückkehrender"),
            (Cat.RESEARCH_PARTNER, "Begleitung einer Befragung der Mitglieder"),
        ),
    ),
    OrganisationSpec(
        "Nordsachsen Logistik GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Spedition und Kontraktlogistik mit 60 Beschäftigten; sucht Nachwuchs für IT und "
        "Disposition.",
        description=(
            "Die Nordsachsen Logistik GmbH transportiert und lagert Waren für Industrie und "
            "Handel zwischen Leipzig und Torgau. Der Fuhrpark wird schrittweise elektrisch, "
            "die Disposition digital."
        ),
        sector=Sector.H,
        size_class=SizeClass.MEDIUM,
        street="Am Güterbahnhof 5",
        postcode=PC_EILENBURG,
        competences=("logistik", "elektromobilitaet", "digitalisierung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in Disposition, Lager und IT"),
            (Cat.THESES, "Abschlussarbeiten zu Tourenplanung und Lagerdigitalisierung"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Nachwuchs für IT und Disposition"),
            (Cat.PRACTICE_PROJECTS, "Studie zur Umstellung des Fuhrparks auf E-Lkw"),
        ),
    ),
    OrganisationSpec(
        "Tischlerei Hartmann & Söhne",
        Kind.COMPANY,
        EILENBURG,
        "Handwerksbetrieb für Fenster, Türen und Innenausbau; sucht eine Nachfolgelösung.",
        description=(
            "Die Tischlerei Hartmann baut seit drei Generationen Fenster, Türen und Treppen "
            "aus Holz. Der Inhaber sucht in den nächsten Jahren eine Nachfolge – gern auch "
            "Quereinsteigende mit Meisterbrief."
        ),
        sector=Sector.F,
        size_class=SizeClass.MICRO,
        street="Ziegelstraße 9",
        postcode=PC_EILENBURG,
        competences=("tischlerei", "unternehmensnachfolge"),
        offers=((Cat.INTERNSHIPS, "Schnupperpraktika in der Werkstatt"),),
        needs=(
            (Cat.MENTORING, "Unterstützung bei der Suche nach einer Nachfolge"),
            (Cat.SKILLED_STAFF, "Tischlergesellin oder Tischlergeselle"),
        ),
    ),
    OrganisationSpec(
        "Tourismusverein Muldenland e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Bündelt Gastgeber, Radwege und Ausflugsziele rund um Eilenburg und die Mulde.",
        description=(
            "Der Tourismusverein Muldenland vernetzt Gastgeber, Museen und Radverleihe an der "
            "Mulde. Er betreibt die Gästeinformation am Markt und gibt jedes Jahr eine "
            "Radkarte heraus."
        ),
        size_class=SizeClass.MICRO,
        street="Rinckartstraße 2",
        postcode=PC_EILENBURG,
        competences=("tourismus", "radverkehr", "stadtmarketing"),
        offers=((Cat.CONTACTS, "Netzwerk aus Gastgebern, Museen und Radverleihen"),),
        needs=(
            (Cat.VOLUNTEERS, "Ehrenamtliche für den Radwege-Check und Gästeführungen"),
            (Cat.PRACTICE_PROJECTS, "Digitale Radkarte und Befragung der Gäste"),
        ),
    ),
    OrganisationSpec(
        "SV Muldeaue Eilenburg e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Sportverein mit Fußball, Kanu und Gesundheitssport; 450 Mitglieder und viele "
        "Ehrenamtliche.",
        description=(
            "Der SV Muldeaue ist mit 450 Mitgliedern einer der größten Vereine der Stadt. "
            "Angeboten werden:\n\n"
            "- Fußball für alle Altersgruppen\n"
            "- Kanu auf der Mulde\n"
            "- Gesundheitssport und Reha-Gruppen"
        ),
        size_class=SizeClass.MICRO,
        street="Auenweg 14",
        postcode=PC_EILENBURG,
        competences=("sport", "ehrenamt", "jugendarbeit"),
        offers=((Cat.ROOMS, "Vereinsheim und Sporthalle für Veranstaltungen"),),
        needs=(
            (
                Cat.VOLUNTEERS,
                "Übungsleiterinnen und Übungsleiter für Kinder- und Gesundheitssport",
            ),
            (Cat.FUNDING, "Fördermittel für einen neuen Kanusteg"),
        ),
    ),
    OrganisationSpec(
        "Muldeufer Kulturverein e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Organisiert Lesungen, Konzerte und ein Sommerkino am Fluss.",
        description=(
            "Der Muldeufer Kulturverein bringt Kultur an den Fluss: Lesungen, Konzerte und "
            "jeden August das **Sommerkino am Muldeufer**. Alles wird ehrenamtlich organisiert."
        ),
        size_class=SizeClass.MICRO,
        street="Am Mühlgraben 3",
        postcode=PC_EILENBURG,
        competences=("kulturmanagement", "ehrenamt"),
        offers=((Cat.ROOMS, "Bühne und Sommerkino am Fluss für Veranstaltungen"),),
        needs=(
            (Cat.VOLUNTEERS, "Helferinnen und Helfer für Sommerkino und Lesungen"),
            (Cat.PRACTICE_PROJECTS, "Ein Programmheft und Social-Media-Auftritt für die Saison"),
        ),
    ),
    OrganisationSpec(
        STARTUP,
        Kind.STARTUP,
        EILENBURG,
        "Ausgründung aus der Universität: vermittelt gebrauchte Baustoffe aus Rückbau an "
        "Handwerk und Privatleute.",
        description=(
            "Kreislaufwerk rettet Türen, Ziegel, Dielen und Fenster aus dem Rückbau und "
            "vermittelt sie an Handwerk und Privatleute. Die Idee entstand in einem "
            "Praxisprojekt; heute baut das Team ein **Materialkataster** für die Region auf."
        ),
        sector=Sector.G,
        size_class=SizeClass.MICRO,
        street="Puschkinstraße 27",
        postcode=PC_EILENBURG,
        competences=("kreislaufwirtschaft", "gruendung", "bauwesen", "geoinformatik"),
        offers=(
            (Cat.PRACTICE_PROJECTS, "Praxisprojekt: Materialkataster für Rückbauflächen mit GIS"),
            (Cat.DATA, "Daten zu wiederverwendbaren Baustoffen aus Rückbau"),
        ),
        needs=(
            (Cat.MENTORING, "Beratung zu Finanzierung und Wachstum"),
            (Cat.ROOMS, "Lagerfläche für gebrauchte Baustoffe"),
            (Cat.SKILLED_STAFF, "Werkstudierende für Website und Logistik"),
        ),
    ),
    OrganisationSpec(
        TRADE_EILENBURG,
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Zusammenschluss von rund 80 Betrieben aus Handel, Handwerk und Dienstleistung.",
        description=(
            "Der Gewerbeverein vertritt rund 80 Betriebe aus Eilenburg und Umgebung. Er "
            "organisiert den Unternehmertag und den Ausbildungsmarkt und arbeitet eng mit der "
            "Wirtschaftsförderung der Stadt zusammen."
        ),
        size_class=SizeClass.MICRO,
        street="Leipziger Straße 55",
        postcode=PC_EILENBURG,
        competences=("wirtschaftsfoerderung", "fachkraeftesicherung", "stadtmarketing"),
        offers=(
            (Cat.CONTACTS, "Kontakte zu über 80 Betrieben in Eilenburg und Umgebung"),
            (Cat.MENTORING, "Erfahrene Unternehmerinnen und Unternehmer als Mentoren"),
        ),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Studie zur Fachkräftelage im Eilenburger Handwerk"),
            (Cat.VOLUNTEERS, "Helfende für den Ausbildungsmarkt im Frühjahr"),
        ),
    ),
    # Zeitz: companies and associations
    OrganisationSpec(
        "Zeitzer Werkstätten GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Tischlerei und Möbelbau mit 15 Beschäftigten; fertigt Einbauten für Praxen, Läden und "
        "Museen.",
        description=(
            "Die Zeitzer Werkstätten fertigen Möbel und Einbauten nach Maß für Arztpraxen, "
            "Läden und Museen. Auf dem CNC-Bearbeitungszentrum entstehen auch Einzelstücke; "
            "künftig sollen sie über einen **Online-Shop** verkauft werden."
        ),
        sector=Sector.C,
        size_class=SizeClass.SMALL,
        street="Naumburger Straße 48",
        postcode=PC_ZEITZ,
        competences=("tischlerei", "cnc-fertigung", "berufsausbildung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktikumsplätze in Tischlerei und Möbelbau"),
            (Cat.EQUIPMENT, "CNC-Bearbeitungszentrum für Holz für gemeinsame Projekte"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Tischlerinnen und Tischler, auch Quereinsteigende"),
            (Cat.PRACTICE_PROJECTS, "Online-Shop und Produktfotos für Einzelstücke"),
        ),
    ),
    OrganisationSpec(
        "Elster-IT Service GmbH",
        Kind.COMPANY,
        ZEITZ,
        "IT-Dienstleister für Handwerk, Praxen und Vereine: Netzwerke, Cloud und Datenschutz.",
        description=(
            "Elster-IT betreut Netzwerke, Server und Arbeitsplätze von Handwerksbetrieben, "
            "Arztpraxen und Vereinen im Burgenlandkreis. Das Team berät auch zu IT-Sicherheit "
            "und Datenschutz."
        ),
        sector=Sector.J,
        size_class=SizeClass.MICRO,
        street="Schützenstraße 11",
        postcode=PC_ZEITZ,
        competences=("it-administration", "it-sicherheit", "datenschutz", "webentwicklung"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in IT-Administration und Webentwicklung"),
            (Cat.MENTORING, "IT-Sicherheitsberatung für Vereine"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Fachinformatikerinnen und Fachinformatiker"),
            (Cat.THESES, "Abschlussarbeit zu Datenschutz in kleinen Betrieben"),
        ),
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        Kind.COMPANY,
        ZEITZ,
        "Genossenschaft mit 900 Wohnungen; sucht Konzepte gegen Leerstand und für "
        "altersgerechtes Wohnen.",
        description=(
            "Die Genossenschaft vermietet 900 Wohnungen mit Blick auf Schloss Moritzburg. "
            "Viele Mitglieder sind über 70; deshalb baut sie Wohnungen barrierearm um und "
            "sucht Ideen, wie leerstehende Wohnungen neue Bewohnerinnen und Bewohner finden."
        ),
        sector=Sector.L,
        size_class=SizeClass.SMALL,
        street="Geraer Straße 22",
        postcode=PC_ZEITZ,
        competences=("wohnungswirtschaft", "altersgerechtes-wohnen", "leerstandsmanagement"),
        offers=(
            (Cat.ROOMS, "Leerstehende Wohnungen für Probewohnen und Projektwerkstätten"),
            (Cat.DATA, "Daten zu Leerstand und Altersstruktur der Mieterschaft"),
        ),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Konzepte gegen Leerstand und für altersgerechtes Wohnen",
            ),
            (Cat.RESEARCH_PARTNER, "Begleitforschung zum Probewohnen"),
        ),
    ),
    OrganisationSpec(
        "Backstube Domgasse Zeitz",
        Kind.COMPANY,
        ZEITZ,
        "Handwerksbäckerei mit Café in der Altstadt; backt nach Rezepten aus der Region.",
        description=(
            "Die Backstube Domgasse backt Zeitzer Spezialitäten nach alten Rezepten und "
            "betreibt ein kleines Café in der Altstadt. Der Inhaber bildet selbst aus und "
            "möchte mehr Gäste aus dem Elster-Radweg in die Altstadt holen."
        ),
        sector=Sector.C,
        size_class=SizeClass.MICRO,
        street="Domgasse 6",
        postcode=PC_ZEITZ,
        competences=("lebensmittelhandwerk", "gastronomie"),
        offers=((Cat.INTERNSHIPS, "Praktikum in Backstube und Café"),),
        needs=(
            (Cat.SKILLED_STAFF, "Auszubildende im Bäckerhandwerk"),
            (Cat.PRACTICE_PROJECTS, "Marketingkonzept für das Altstadtcafé"),
        ),
    ),
    OrganisationSpec(
        "Elstertal Solartechnik GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Plant und montiert Photovoltaik und Wärmepumpen für Haushalte und Betriebe im "
        "Burgenlandkreis.",
        description=(
            "Elstertal Solartechnik plant und montiert Photovoltaikanlagen, Speicher und "
            "Wärmepumpen. Für Betriebe und Kommunen prüft das Team, welche Dächer sich "
            "eignen, und nutzt dafür Solarkataster und **GIS**."
        ),
        sector=Sector.F,
        size_class=SizeClass.SMALL,
        street="Am Elsterufer 15",
        postcode=PC_ZEITZ,
        competences=("erneuerbare-energien", "gebaeudetechnik", "klimaschutz"),
        offers=(
            (Cat.INTERNSHIPS, "Praktika in Planung und Montage von Photovoltaik"),
            (Cat.THESES, "Abschlussarbeiten zum Solarpotenzial von Dächern"),
        ),
        needs=(
            (Cat.SKILLED_STAFF, "Elektronikerinnen und Elektroniker für die Solarmontage"),
            (Cat.DATA, "Dachflächen- und Gebäudedaten der Stadt"),
        ),
    ),
    OrganisationSpec(
        "Zeitzer Heimatverein e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Pflegt die Stadtgeschichte, führt durch die Altstadt und sammelt Erinnerungen an die "
        "Industriezeit.",
        description=(
            "Der Heimatverein sammelt Fotos, Karten und Erinnerungen aus 1.000 Jahren "
            "Stadtgeschichte – besonders aus der Zeit der Zuckerfabriken und des "
            "Kinderwagenbaus. Mitglieder führen durch Altstadt und unterirdische Gänge."
        ),
        size_class=SizeClass.MICRO,
        street="Rahnestraße 8",
        postcode=PC_ZEITZ,
        competences=("kulturerbe", "ehrenamt", "tourismus"),
        offers=(
            (
                Cat.DATA,
                "Archiv mit Fotos, Karten und Zeitzeugenberichten zur Industriegeschichte",
            ),
            (Cat.CONTACTS, "Kontakte zu Zeitzeuginnen und Zeitzeugen"),
        ),
        needs=(
            (Cat.VOLUNTEERS, "Ehrenamtliche für Archiv und Stadtführungen"),
            (Cat.PRACTICE_PROJECTS, "Digitale Stadtführung zu den unterirdischen Gängen"),
        ),
    ),
    OrganisationSpec(
        "Tourismusverein Zeitzer Land e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Wirbt für Schloss, Dom und unterirdische Gänge der Stadt und für den Elster-Radweg.",
        description=(
            "Der Tourismusverein Zeitzer Land wirbt für Schloss Moritzburg, den Dom und die "
            "unterirdischen Gänge. Gemeinsam mit Gastgebern entlang des Elster-Radwegs "
            "entwickelt er Angebote für Tagesgäste aus Leipzig."
        ),
        size_class=SizeClass.MICRO,
        street="Altmarkt 16",
        postcode=PC_ZEITZ,
        competences=("tourismus", "stadtmarketing", "radverkehr"),
        offers=((Cat.CONTACTS, "Kontakte zu Gastgebern und Ausflugszielen"),),
        needs=(
            (
                Cat.PRACTICE_PROJECTS,
                "Befragung der Gäste und Marketingideen für den Elster-Radweg",
            ),
            (Cat.VOLUNTEERS, "Gästeführerinnen und Gästeführer"),
        ),
    ),
    OrganisationSpec(
        "Kanuverein Weiße Elster Zeitz e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Kanu- und Wassersport für alle Altersgruppen; betreibt ein Bootshaus an der Elster.",
        description=(
            "Der Kanuverein bietet Training für Kinder, Jugendliche und Erwachsene und "
            "geführte Touren auf der Weißen Elster. Das Bootshaus aus den 1930er-Jahren "
            "muss saniert werden."
        ),
        size_class=SizeClass.MICRO,
        street="Am Bootshaus 2",
        postcode=PC_ZEITZ,
        competences=("sport", "jugendarbeit", "naturschutz"),
        offers=(
            (Cat.EQUIPMENT, "Boote und Ausrüstung für Teamtage und Projektwochen"),
            (Cat.ROOMS, "Bootshaus für Workshops am Wasser"),
        ),
        needs=(
            (Cat.VOLUNTEERS, "Trainerinnen und Trainer für den Nachwuchs"),
            (Cat.FUNDING, "Fördermittel für die Sanierung des Bootshauses"),
        ),
    ),
    OrganisationSpec(
        TRADE_ZEITZ,
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Verein der Händler, Handwerksbetriebe und Dienstleister in Zeitz.",
        description=(
            "Der Verein vertritt Händler, Handwerk und Dienstleister in Zeitz. Er organisiert "
            "den Altstadtmarkt und setzt sich für eine lebendige Innenstadt ein.\n\n"
            "- Altstadtmarkt und verkaufsoffene Sonntage\n"
            "- Ausbildungsbörse mit den Schulen der Stadt"
        ),
        size_class=SizeClass.MICRO,
        street="Wendische Straße 30",
        postcode=PC_ZEITZ,
        competences=("wirtschaftsfoerderung", "stadtmarketing", "fachkraeftesicherung"),
        offers=((Cat.CONTACTS, "Kontakte zu Handel und Handwerk in Zeitz"),),
        needs=(
            (Cat.PRACTICE_PROJECTS, "Konzept zur Belebung der Geschäfte in der Altstadt"),
            (Cat.SKILLED_STAFF, "Nachwuchs für Handel und Handwerk"),
        ),
    ),
)

# --- People other than students ----------------------------------------------------------------


def _p(
    email: str,
    name: str,
    role: str,
    organisation: str,
    membership: str,
    position: str,
    *,
    is_admin_site: bool = False,
    bio: str = "",
    competences: tuple[str, ...] = (),
    interests: tuple[str, ...] = (),
    languages: str = "Deutsch, Englisch",
    visibility: str = Visibility.MEMBERS,
) -> PersonSpec:
    return PersonSpec(
        email,
        name,
        role,
        organisation,
        membership,
        position,
        is_admin_site,
        bio,
        competences,
        interests,
        languages,
        visibility,
    )


PEOPLE: tuple[PersonSpec, ...] = (
    # Programme coordination and start-up support
    _p(
        "koordination@uni-leipzig.example",
        "Dr. Katrin Vogel",
        Role.COORDINATOR,
        TRANSFER_UNIT,
        ADMIN,
        "Programmkoordination „Transfer über Köpfe“",
        is_admin_site=True,
        bio="Koordiniert „Transfer über Köpfe“ und ist erste Ansprechpartnerin für Städte, "
        "Betriebe und Institute. Vorher hat sie zehn Jahre in der Regionalentwicklung in "
        "Nordsachsen gearbeitet.",
        competences=("regionalentwicklung", "wissenschaftskommunikation", "foerdermittel"),
        interests=("strukturwandel",),
        languages="Deutsch, Englisch, Französisch",
    ),
    _p(
        "praxisprojekte@uni-leipzig.example",
        "Jan Reinhardt",
        Role.COORDINATOR,
        TRANSFER_UNIT,
        MEMBER,
        "Koordination Praxisprojekte und Partner vor Ort",
        bio="Bringt Praxisprojekte und Partner vor Ort zusammen und sitzt in den "
        "Lenkungskreisen beider Partnerstädte.",
        competences=("moderation", "wissenschaftskommunikation"),
        interests=("buergerbeteiligung",),
    ),
    _p(
        "gruendung@uni-leipzig.example",
        "Nora Baumann",
        Role.STAFF,
        SMILE,
        ADMIN,
        "Gründungsberatung",
        bio="Berät Gründungsteams aus der Universität – von der ersten Idee bis zum Businessplan.",
        competences=("gruendung", "betriebswirtschaft"),
    ),
    # Supervisors
    _p(
        "betreuung@uni-leipzig.example",
        "Dr. Miriam Hahn",
        Role.SUPERVISOR,
        GEOGRAPHY,
        MEMBER,
        "Wissenschaftliche Mitarbeiterin, Betreuung der Praxisprojekte",
        bio="Betreut die Praxisprojekte des Instituts in Eilenburg und Zeitz. Forscht zu "
        "Leerstand und Innenstadtentwicklung in Mittelstädten und kartiert am liebsten mit QGIS.",
        competences=("geoinformatik", "leerstandsmanagement", "raumanalyse"),
        interests=("kulturerbe",),
    ),
    _p(
        "ulrich.brandt@uni-leipzig.example",
        "Prof. Dr. Ulrich Brandt",
        Role.SUPERVISOR,
        GEOGRAPHY,
        ADMIN,
        "Professur für Regionalentwicklung",
        bio="Leitet die Professur für Regionalentwicklung und forscht zum Strukturwandel in "
        "Mitteldeutschland.",
        competences=("regionalentwicklung", "strukturwandel", "demografie"),
    ),
    _p(
        "nadine.seidel@uni-leipzig.example",
        "Dr. Nadine Seidel",
        Role.SUPERVISOR,
        SOCIOLOGY,
        ADMIN,
        "Lehrkraft für empirische Sozialforschung",
        bio="Lehrt empirische Sozialforschung und betreut Lehrforschungsprojekte mit "
        "Befragungen in Vereinen und Betrieben.",
        competences=("empirische-sozialforschung", "datenanalyse"),
    ),
    _p(
        "henrik.pohl@uni-leipzig.example",
        "Prof. Dr. Henrik Pohl",
        Role.SUPERVISOR,
        URBAN,
        ADMIN,
        "Professur für Stadtentwicklung",
        bio="Forscht zu Stadtumbau und Wohnungsmärkten in schrumpfenden Städten und sitzt im "
        "Aufsichtsrat einer Zeitzer Wohnungsgenossenschaft.",
        competences=("stadtplanung", "wohnungswirtschaft", "quartiersentwicklung"),
    ),
    _p(
        "felix.zimmermann@uni-leipzig.example",
        "Dr. Felix Zimmermann",
        Role.SUPERVISOR,
        COMPUTING,
        ADMIN,
        "Lehrkraft für Softwaretechnik",
        bio="Organisiert das Softwaretechnik-Praktikum, in dem Studierende für echte "
        "Auftraggeber entwickeln.",
        competences=("softwareentwicklung", "ux-design", "offene-daten"),
    ),
    _p(
        "ayse.demir@uni-leipzig.example",
        "Dr. Ayşe Demir",
        Role.SUPERVISOR,
        MEDIA,
        ADMIN,
        "Lehrkraft für strategische Kommunikation",
        bio="Lehrt strategische Kommunikation und begleitet Kampagnen für Städte und Vereine.",
        competences=("oeffentlichkeitsarbeit", "stadtmarketing", "buergerbeteiligung"),
        languages="Deutsch, Türkisch, Englisch",
    ),
    _p(
        "johanna.kraft@uni-leipzig.example",
        "Dr. Johanna Kraft",
        Role.SUPERVISOR,
        CULTURE,
        ADMIN,
        "Lehrkraft für Kulturmanagement",
        bio="Lehrt Kulturmanagement und engagiert sich im Beirat eines Eilenburger Kulturvereins.",
        competences=("kulturmanagement", "kulturerbe"),
    ),
    # Researchers
    _p(
        "begleitforschung@uni-leipzig.example",
        "Dr. Paula Winkler",
        Role.RESEARCHER,
        SOCIOLOGY,
        MEMBER,
        "Begleitforschung „Transfer über Köpfe“",
        bio="Leitet die Begleitforschung des Programms: Wer bleibt nach dem Studium in der "
        "Region, und warum?",
        competences=("empirische-sozialforschung", "demografie", "datenanalyse"),
        languages="Deutsch, Englisch, Polnisch",
    ),
    _p(
        "lukas.brenner@uni-leipzig.example",
        "Lukas Brenner",
        Role.RESEARCHER,
        GEOGRAPHY,
        MEMBER,
        "Doktorand in der Begleitforschung",
        bio="Promoviert zu Pendelwegen zwischen Leipzig und den Partnerstädten und paddelt in "
        "seiner Freizeit auf der Weißen Elster.",
        competences=("geoinformatik", "verkehrsplanung"),
        interests=("sport", "radverkehr"),
    ),
    # Founder
    _p(
        "gruenderin@startup-eilenburg.example",
        "Mira Albrecht",
        Role.FOUNDER,
        STARTUP,
        ADMIN,
        "Gründerin und Geschäftsführerin",
        bio="Hat Kreislaufwerk aus einem Praxisprojekt heraus gegründet und rettet Baustoffe "
        "vor dem Container.",
        competences=("kreislaufwirtschaft", "gruendung", "bauwesen"),
    ),
    # Town administrations
    _p(
        "wirtschaft@eilenburg.example",
        "Thomas Berger",
        Role.STAFF,
        TOWN_EILENBURG,
        ADMIN,
        "Wirtschaftsförderung",
        bio="Ansprechpartner für Betriebe in Eilenburg: Ansiedlung, Fachkräfte und "
        "Kooperationen mit der Hochschule.",
        competences=("wirtschaftsfoerderung", "fachkraeftesicherung"),
    ),
    _p(
        "stadtplanung@eilenburg.example",
        "Sabine Hoffmann",
        Role.STAFF,
        TOWN_EILENBURG,
        MEMBER,
        "Stadtplanung und Bauverwaltung",
        bio="Plant die Innenstadt von morgen und arbeitet dafür mit Geodaten und Bebauungsplänen.",
        competences=("stadtplanung", "geoinformatik"),
    ),
    _p(
        "buero-ob@eilenburg.example",
        "Anja Lorenz",
        Role.STAFF,
        TOWN_EILENBURG,
        MEMBER,
        "Referentin im Büro des Oberbürgermeisters",
        bio="Koordiniert im Büro des Oberbürgermeisters Beteiligung und Öffentlichkeitsarbeit.",
        competences=("buergerbeteiligung", "oeffentlichkeitsarbeit"),
    ),
    _p(
        "stadtplanung@zeitz.example",
        "Claudia Neumann",
        Role.STAFF,
        TOWN_ZEITZ,
        ADMIN,
        "Stadtplanung und Stadtentwicklung",
        bio="Leitet die Stadtplanung in Zeitz und sucht Ideen für Industriebrachen und "
        "leerstehende Läden.",
        competences=("stadtplanung", "strukturwandel", "leerstandsmanagement"),
    ),
    _p(
        "wirtschaft@zeitz.example",
        "Martin Schulze",
        Role.STAFF,
        TOWN_ZEITZ,
        MEMBER,
        "Wirtschaftsförderung",
        bio="Wirtschaftsförderer der Stadt Zeitz und Mitglied im Gewerbe- und Handelsverein.",
        competences=("wirtschaftsfoerderung", "foerdermittel"),
    ),
    _p(
        "buero-ob@zeitz.example",
        "Stefan Richter",
        Role.STAFF,
        TOWN_ZEITZ,
        MEMBER,
        "Referent im Büro des Oberbürgermeisters",
        bio="Referent für Digitalisierung und Bürgerservice im Büro des Oberbürgermeisters.",
        competences=("e-government", "verwaltungsmanagement"),
    ),
    # Eilenburg: companies and associations
    _p(
        "geschaeftsfuehrung@muldental-metallbau.example",
        "Frank Dietrich",
        Role.STAFF,
        "Muldental Metallbau GmbH",
        ADMIN,
        "Geschäftsführer",
        bio="Führt den Metallbaubetrieb in zweiter Generation und ist Vorsitzender des "
        "Gewerbevereins Eilenburg.",
        competences=("metallbau", "unternehmensnachfolge"),
        languages="Deutsch",
    ),
    _p(
        "personal@muldental-metallbau.example",
        "Kerstin Marx",
        Role.STAFF,
        "Muldental Metallbau GmbH",
        MEMBER,
        "Personal und Ausbildung",
        bio="Kümmert sich um Ausbildung und Praktika – und beantwortet gern jede Frage zum "
        "Einstieg ins Metallhandwerk.",
        competences=("berufsausbildung", "fachkraeftesicherung"),
    ),
    _p(
        "inhaberin@baeckerei-sommerfeld.example",
        "Heike Sommerfeld",
        Role.STAFF,
        "Bäckerei Sommerfeld",
        ADMIN,
        "Inhaberin und Bäckermeisterin",
        bio="Bäckermeisterin in dritter Generation; sitzt im Vorstand des Muldeufer Kulturvereins.",
        competences=("lebensmittelhandwerk", "berufsausbildung"),
        languages="Deutsch",
    ),
    _p(
        "vorstand@wg-muldeaue.example",
        "Andreas Teichmann",
        Role.STAFF,
        "Wohnungsgenossenschaft Muldeaue eG",
        ADMIN,
        "Vorstand",
        bio="Vorstand der Genossenschaft; treibt Sanierung und Probewohnen voran.",
        competences=("wohnungswirtschaft", "bauwesen"),
    ),
    _p(
        "vermietung@wg-muldeaue.example",
        "Julia Böhme",
        Role.STAFF,
        "Wohnungsgenossenschaft Muldeaue eG",
        MEMBER,
        "Vermietung und Quartiersarbeit",
        bio="Zuständig für Vermietung und Nachbarschaftsarbeit in Eilenburg-Ost.",
        competences=("quartiersentwicklung", "altersgerechtes-wohnen"),
    ),
    _p(
        "geschaeftsfuehrung@nordsachsen-logistik.example",
        "Matthias Ebert",
        Role.STAFF,
        "Nordsachsen Logistik GmbH",
        ADMIN,
        "Geschäftsführer",
        bio="Leitet die Spedition und stellt den Fuhrpark auf Elektro-Lkw um.",
        competences=("logistik", "elektromobilitaet"),
    ),
    _p(
        "ausbildung@nordsachsen-logistik.example",
        "Sandra Pietsch",
        Role.STAFF,
        "Nordsachsen Logistik GmbH",
        MEMBER,
        "Ausbildungsleiterin",
        bio="Betreut Auszubildende und Praktikantinnen in Lager, Disposition und IT.",
        competences=("berufsausbildung", "logistik"),
    ),
    _p(
        "kontakt@tischlerei-hartmann.example",
        "Bernd Hartmann",
        Role.STAFF,
        "Tischlerei Hartmann & Söhne",
        ADMIN,
        "Tischlermeister und Inhaber",
        bio="Tischlermeister mit eigenem Betrieb seit 1994; sucht eine Nachfolge für seine "
        "Werkstatt.",
        competences=("tischlerei", "unternehmensnachfolge"),
        languages="Deutsch",
    ),
    _p(
        "vorstand@muldenland-tourismus.example",
        "Petra Kühn",
        Role.STAFF,
        "Tourismusverein Muldenland e.V.",
        ADMIN,
        "Vorsitzende",
        bio="Vorsitzende des Tourismusvereins und Gästeführerin an der Mulde.",
        competences=("tourismus", "radverkehr"),
    ),
    _p(
        "vorstand@sv-muldeaue.example",
        "Dirk Schwarz",
        Role.STAFF,
        "SV Muldeaue Eilenburg e.V.",
        ADMIN,
        "Vorsitzender",
        bio="Ehrenamtlicher Vorsitzender des SV Muldeaue und Jugendtrainer im Fußball.",
        competences=("sport", "ehrenamt"),
        languages="Deutsch",
    ),
    _p(
        "jugend@sv-muldeaue.example",
        "Nicole Haase",
        Role.STAFF,
        "SV Muldeaue Eilenburg e.V.",
        MEMBER,
        "Jugendwartin",
        bio="Jugendwartin im Verein und hauptberuflich Erzieherin.",
        competences=("jugendarbeit", "sport"),
    ),
    _p(
        "vorstand@muldeufer-kultur.example",
        "Maren Vogt",
        Role.STAFF,
        "Muldeufer Kulturverein e.V.",
        ADMIN,
        "Vorsitzende",
        bio="Organisiert seit zwölf Jahren das Sommerkino am Muldeufer.",
        competences=("kulturmanagement", "ehrenamt"),
    ),
    # Zeitz: companies and associations
    _p(
        "inhaberin@zeitzer-werkstaetten.example",
        "Susanne Kirchner",
        Role.STAFF,
        "Zeitzer Werkstätten GmbH",
        ADMIN,
        "Inhaberin und Geschäftsführerin",
        bio="Hat die Werkstätten 2015 übernommen und baut Möbel für Praxen, Läden und Museen. "
        "Engagiert sich im Gewerbe- und Handelsverein und im Heimatverein.",
        competences=("tischlerei", "unternehmensnachfolge", "betriebswirtschaft"),
    ),
    _p(
        "werkstatt@zeitzer-werkstaetten.example",
        "Marco Lange",
        Role.STAFF,
        "Zeitzer Werkstätten GmbH",
        MEMBER,
        "Werkstattleiter",
        bio="Werkstattleiter und Ausbilder; programmiert das CNC-Bearbeitungszentrum.",
        competences=("cnc-fertigung", "tischlerei"),
        languages="Deutsch",
    ),
    _p(
        "team@elster-it.example",
        "Daniel Krüger",
        Role.STAFF,
        "Elster-IT Service GmbH",
        ADMIN,
        "Geschäftsführer",
        bio="Gründer von Elster-IT, Vorsitzender des Gewerbe- und Handelsvereins und "
        "Kassenwart im Kanuverein.",
        competences=("it-administration", "it-sicherheit", "datenschutz"),
    ),
    _p(
        "vorstand@wg-moritzburgblick.example",
        "Ines Möller",
        Role.STAFF,
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        ADMIN,
        "Vorstand",
        bio="Vorständin der Genossenschaft; baut Wohnungen für ältere Mitglieder um.",
        competences=("wohnungswirtschaft", "altersgerechtes-wohnen"),
    ),
    _p(
        "quartier@wg-moritzburgblick.example",
        "Tim Seifert",
        Role.STAFF,
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        MEMBER,
        "Quartiersmanagement",
        bio="Quartiersmanager mit Büro im Erdgeschoss – für Nachbarschaftsfeste und Mieterfragen.",
        competences=("quartiersentwicklung", "buergerbeteiligung"),
    ),
    _p(
        "backstube@domgasse-zeitz.example",
        "Lars Wendt",
        Role.STAFF,
        "Backstube Domgasse Zeitz",
        ADMIN,
        "Bäckermeister und Inhaber",
        bio="Bäckermeister mit Café in der Altstadt; Mitglied im Tourismusverein.",
        competences=("lebensmittelhandwerk", "gastronomie"),
        languages="Deutsch",
    ),
    _p(
        "kontakt@elstertal-solar.example",
        "Sebastian Otto",
        Role.STAFF,
        "Elstertal Solartechnik GmbH",
        ADMIN,
        "Geschäftsführer",
        bio="Elektromeister und Gründer von Elstertal Solartechnik.",
        competences=("erneuerbare-energien", "gebaeudetechnik"),
    ),
    _p(
        "projekte@elstertal-solar.example",
        "Aylin Kaya",
        Role.STAFF,
        "Elstertal Solartechnik GmbH",
        MEMBER,
        "Projektleitung",
        bio="Plant Solaranlagen für Betriebe und Kommunen und prüft Dachflächen mit GIS.",
        competences=("erneuerbare-energien", "geoinformatik", "klimaschutz"),
        languages="Deutsch, Türkisch, Englisch",
    ),
    _p(
        "vorstand@zeitzer-heimatverein.example",
        "Gerhard Pfeiffer",
        Role.STAFF,
        "Zeitzer Heimatverein e.V.",
        ADMIN,
        "Vorsitzender",
        bio="Ehemaliger Lehrer und Vorsitzender des Heimatvereins.",
        competences=("kulturerbe",),
        languages="Deutsch",
        visibility=Visibility.COORDINATORS,
    ),
    _p(
        "archiv@zeitzer-heimatverein.example",
        "Monika Rudolph",
        Role.STAFF,
        "Zeitzer Heimatverein e.V.",
        MEMBER,
        "Archiv und Stadtführungen",
        bio="Betreut das Vereinsarchiv und führt durch die unterirdischen Gänge.",
        competences=("kulturerbe", "tourismus"),
        languages="Deutsch, Russisch",
        visibility=Visibility.COORDINATORS,
    ),
    _p(
        "info@zeitzer-land.example",
        "Kathrin Heinze",
        Role.STAFF,
        "Tourismusverein Zeitzer Land e.V.",
        ADMIN,
        "Geschäftsführerin",
        bio="Führt die Geschäfte des Tourismusvereins und vermarktet den Elster-Radweg.",
        competences=("tourismus", "stadtmarketing", "social-media"),
    ),
    _p(
        "vorstand@kanu-zeitz.example",
        "Uwe Kaiser",
        Role.STAFF,
        "Kanuverein Weiße Elster Zeitz e.V.",
        ADMIN,
        "Vorsitzender",
        bio="Vorsitzender des Kanuvereins und Trainer der Jugendgruppe.",
        competences=("sport", "jugendarbeit"),
        languages="Deutsch, Russisch",
        visibility=Visibility.COORDINATORS,
    ),
)

# Further memberships, so that the cooperation graph links organisations through people.
MEMBERSHIPS: tuple[MembershipSpec, ...] = (
    # Steering groups of the partner towns
    MembershipSpec(
        "praxisprojekte@uni-leipzig.example",
        TOWN_EILENBURG,
        MEMBER,
        "Lenkungskreis „Transfer über Köpfe“ (für die Universität)",
    ),
    MembershipSpec(
        "praxisprojekte@uni-leipzig.example",
        TOWN_ZEITZ,
        MEMBER,
        "Lenkungskreis „Transfer über Köpfe“ (für die Universität)",
    ),
    MembershipSpec(
        "ulrich.brandt@uni-leipzig.example",
        TOWN_EILENBURG,
        MEMBER,
        "Lenkungskreis „Transfer über Köpfe“ (wissenschaftliche Beratung)",
    ),
    # Trade associations
    MembershipSpec(
        "geschaeftsfuehrung@muldental-metallbau.example", TRADE_EILENBURG, ADMIN, "Vorsitzender"
    ),
    MembershipSpec(
        "wirtschaft@eilenburg.example",
        TRADE_EILENBURG,
        MEMBER,
        "Mitglied für die Wirtschaftsförderung der Stadt",
    ),
    MembershipSpec(
        "inhaberin@baeckerei-sommerfeld.example", TRADE_EILENBURG, MEMBER, "Schatzmeisterin"
    ),
    MembershipSpec("kontakt@tischlerei-hartmann.example", TRADE_EILENBURG, MEMBER, "Mitglied"),
    MembershipSpec("gruenderin@startup-eilenburg.example", TRADE_EILENBURG, MEMBER, "Mitglied"),
    MembershipSpec("team@elster-it.example", TRADE_ZEITZ, ADMIN, "Vorsitzender"),
    MembershipSpec(
        "wirtschaft@zeitz.example",
        TRADE_ZEITZ,
        MEMBER,
        "Mitglied für die Wirtschaftsförderung der Stadt",
    ),
    MembershipSpec(
        "inhaberin@zeitzer-werkstaetten.example",
        TRADE_ZEITZ,
        MEMBER,
        "Stellvertretende Vorsitzende",
    ),
    MembershipSpec("backstube@domgasse-zeitz.example", TRADE_ZEITZ, MEMBER, "Mitglied"),
    # Boards and memberships in associations
    MembershipSpec(
        "geschaeftsfuehrung@muldental-metallbau.example",
        "SV Muldeaue Eilenburg e.V.",
        MEMBER,
        "Beisitzer im Vorstand",
    ),
    MembershipSpec(
        "inhaberin@baeckerei-sommerfeld.example",
        "Muldeufer Kulturverein e.V.",
        MEMBER,
        "Beisitzerin im Vorstand",
    ),
    MembershipSpec(
        "johanna.kraft@uni-leipzig.example",
        "Muldeufer Kulturverein e.V.",
        MEMBER,
        "Beirat",
    ),
    MembershipSpec(
        "betreuung@uni-leipzig.example",
        "Zeitzer Heimatverein e.V.",
        MEMBER,
        "Arbeitsgruppe Stadtgeschichte digital",
    ),
    MembershipSpec(
        "inhaberin@zeitzer-werkstaetten.example", "Zeitzer Heimatverein e.V.", MEMBER, "Mitglied"
    ),
    MembershipSpec(
        "team@elster-it.example", "Kanuverein Weiße Elster Zeitz e.V.", MEMBER, "Kassenwart"
    ),
    MembershipSpec(
        "lukas.brenner@uni-leipzig.example",
        "Kanuverein Weiße Elster Zeitz e.V.",
        MEMBER,
        "Mitglied",
    ),
    MembershipSpec(
        "backstube@domgasse-zeitz.example",
        "Tourismusverein Zeitzer Land e.V.",
        MEMBER,
        "Mitglied",
    ),
    MembershipSpec(
        "henrik.pohl@uni-leipzig.example",
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        MEMBER,
        "Mitglied des Aufsichtsrats",
    ),
    MembershipSpec("gruenderin@startup-eilenburg.example", SMILE, MEMBER, "Alumna und Mentorin"),
)

# --- Students ----------------------------------------------------------------------------------

PERSONA_STUDENTS: tuple[StudentSpec, ...] = (
    StudentSpec(
        f"lena.schubert@{STUDENT_DOMAIN}",
        "Lena Schubert",
        ("Geographie", BACHELOR),
        4,
        bio="Studiere Geographie im 4. Semester und kartiere am liebsten mit QGIS. Im "
        "Praxisprojekt möchte ich herausfinden, wie kleine Städte mit Leerstand umgehen.",
        competences=("geoinformatik", "raumanalyse", "regionalentwicklung"),
        interests=("strukturwandel", "radverkehr"),
    ),
    StudentSpec(
        f"jonas.weber@{STUDENT_DOMAIN}",
        "Jonas Weber",
        ("Informatik", BACHELOR),
        5,
        bio="Informatik im 5. Semester; baue gern Web-Anwendungen, die im Alltag helfen.",
        competences=("softwareentwicklung", "webentwicklung", "offene-daten"),
        interests=("e-government", "digitalisierung"),
    ),
)

GERMAN_FIRST_NAMES = (
    "Anna", "Paul", "Marie", "Felix", "Sophie", "Leon", "Emma", "Lukas", "Hannah", "Max",
    "Lea", "Jakob", "Clara", "Tim", "Johanna", "Moritz", "Laura", "Niklas", "Charlotte", "Erik",
    "Frieda", "Ben", "Greta", "Tom", "Ida", "Philipp", "Luise", "Anton", "Pia", "Jannik",
    "Carla", "Simon", "Helene", "Malte", "Nele", "Vincent", "Mia", "Oskar", "Theresa", "Till",
)  # fmt: skip
GERMAN_LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun",
    "Zimmermann", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
    "Meier", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser",
    "Fuchs", "Peters", "Möller", "Scholz", "Frank", "Günther",
)  # fmt: skip
INTERNATIONAL_FIRST_NAMES = (
    "Amir", "Leyla", "Mateo", "Olena", "Karim", "Mei", "Emre", "Zeynep", "Luca", "Sofia",
    "Aleksander", "Nadia", "Tariq", "Yasmin", "Dmytro", "Chiara", "Rahul", "Ana", "Kwame",
    "Linh",
)  # fmt: skip
INTERNATIONAL_LAST_NAMES = (
    "Yılmaz", "Nguyen", "Kowalski", "Haddad", "Rossi", "Petrenko", "García", "Chen", "Novak",
    "Özdemir", "Ivanova", "Mensah", "Sharma", "Santos", "Popescu", "Ahmadi", "Horvat", "Kim",
    "Al-Hassan", "Dąbrowska",
)  # fmt: skip

# Bachelor students are spread over ten semesters, most of them within the standard period.
_BACHELOR_SEMESTER_WEIGHTS = (14, 14, 14, 14, 12, 12, 8, 6, 3, 3)
_INTERNATIONAL_SHARE = 0.2


# German umlauts are spelled out; ł and ı have no ASCII decomposition that NFKD would find.
_SPELLED_OUT = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ł", "l"), ("ı", "i"))


def _email_local_part(name: str) -> str:
    """`Jörg Müller-Łoś` -> `joerg.mueller-los`: ASCII only, so every mail client accepts it."""
    text = name.lower()
    for letter, spelled in _SPELLED_OUT:
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"\s+", ".", text.strip())
    return re.sub(r"[^a-z0-9.\-]", "", text)


def demo_students(seed: int = DEMO_SEED) -> list[StudentSpec]:
    """The generated students (without the named personas); the same seed gives the same list.

    Names and e-mail addresses are unique among themselves and with the personas.
    """
    rng = random.Random(seed)
    names = {student.name for student in PERSONA_STUDENTS}
    emails = {student.email for student in PERSONA_STUDENTS}
    students: list[StudentSpec] = []
    while len(students) < STUDENT_COUNT:
        if rng.random() < _INTERNATIONAL_SHARE:
            first_names: Sequence[str] = INTERNATIONAL_FIRST_NAMES
            last_names: Sequence[str] = INTERNATIONAL_LAST_NAMES
        else:
            first_names, last_names = GERMAN_FIRST_NAMES, GERMAN_LAST_NAMES
        name = f"{rng.choice(first_names)} {rng.choice(last_names)}"
        if name in names:
            continue
        programme_name, degree, _faculty = rng.choice(PROGRAMMES)
        if degree == BACHELOR:
            semester = rng.choices(range(1, 11), weights=_BACHELOR_SEMESTER_WEIGHTS)[0]
        else:
            semester = rng.randint(1, 4)
        local = _email_local_part(name)
        email, n = f"{local}@{STUDENT_DOMAIN}", 2
        while email in emails:
            email, n = f"{local}{n}@{STUDENT_DOMAIN}", n + 1
        names.add(name)
        emails.add(email)
        students.append(StudentSpec(email, name, (programme_name, degree), semester))
    return students


# Languages besides German and English that students list; the first names decide the list.
_FURTHER_LANGUAGES_GERMAN = ("Französisch", "Spanisch", "Russisch", "Polnisch", "Tschechisch")
_FIRST_LANGUAGES_INTERNATIONAL = (
    "Arabisch", "Spanisch", "Ukrainisch", "Türkisch", "Italienisch", "Polnisch", "Vietnamesisch",
    "Portugiesisch", "Chinesisch", "Hindi",
)  # fmt: skip

# Map markers of a town's organisations spread around its centre, at most this far from it.
_SPREAD_KM = (0.2, 1.4)
_KM_PER_DEGREE_LATITUDE = 111.32


@dataclass(frozen=True)
class ProfileSpec:
    bio: str
    competences: tuple[str, ...]
    interests: tuple[str, ...]
    languages: str
    visibility: str


def person_profile_spec(person: PersonSpec) -> ProfileSpec:
    return ProfileSpec(
        person.bio, person.competences, person.interests, person.languages, person.visibility
    )


def student_profile_spec(student: StudentSpec, index: int, seed: int = DEMO_SEED) -> ProfileSpec:
    """The profile of a student at place `index` of all students; personas keep their own.

    Two to four competences of the programme, one to three interests, languages; every third
    student shows the profile publicly and a few show it to coordinators only.
    """
    if student.competences:
        return ProfileSpec(
            student.bio,
            student.competences,
            student.interests,
            "Deutsch, Englisch",
            Visibility.MEMBERS,
        )
    rng = random.Random(f"{seed}:{student.email}")
    core, *further = PROGRAMME_COMPETENCES[student.programme[0]]
    competences = (core, *rng.sample(further, rng.randint(1, 3)))
    choices = [slug for slug in STUDENT_INTERESTS if slug not in competences]
    interests = tuple(rng.sample(choices, rng.randint(1, 3)))
    if student.name.split()[0] in INTERNATIONAL_FIRST_NAMES:
        languages = f"{rng.choice(_FIRST_LANGUAGES_INTERNATIONAL)}, Englisch, Deutsch"
    elif rng.random() < 0.3:
        languages = f"Deutsch, Englisch, {rng.choice(_FURTHER_LANGUAGES_GERMAN)}"
    else:
        languages = "Deutsch, Englisch"
    if index % 3 == 0:
        visibility = Visibility.PUBLIC
    elif index % 8 == 4:
        visibility = Visibility.COORDINATORS
    else:
        visibility = Visibility.MEMBERS
    return ProfileSpec("", competences, interests, languages, visibility)


def demo_location(
    municipality: Municipality, name: str, seed: int = DEMO_SEED
) -> tuple[Decimal, Decimal]:
    """A point 0.2–1.4 km from the town's centre, the same for the same name and seed."""
    rng = random.Random(f"{seed}:{name}")
    distance = rng.uniform(*_SPREAD_KM)
    angle = rng.uniform(0, 2 * math.pi)
    centre_lat, centre_lon = float(municipality.lat), float(municipality.lon)
    lat = centre_lat + distance * math.cos(angle) / _KM_PER_DEGREE_LATITUDE
    km_per_degree_longitude = _KM_PER_DEGREE_LATITUDE * math.cos(math.radians(centre_lat))
    lon = centre_lon + distance * math.sin(angle) / km_per_degree_longitude
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


# --- Challenges --------------------------------------------------------------------------------

# The demo's "today": challenge dates are counted from here, never from the real date, so that a
# demo loaded next year tells the same story (what is finished, what runs, what starts soon).
DEMO_TODAY = date(2026, 11, 24)
BAD_DUEBEN = "14730020"
COORDINATOR = "koordination@uni-leipzig.example"  # acts in every review step
COORDINATOR_PROJECTS = "praxisprojekte@uni-leipzig.example"

Status = Challenge.Status
Offer = Challenge.PartnerOffer
Definition = Challenge.Definition
Depth = Challenge.Depth
PUBLIC = Challenge.Confidentiality.PUBLIC
SUMMARY = Challenge.Confidentiality.SUMMARY
CONFIDENTIAL = Challenge.Confidentiality.CONFIDENTIAL


@dataclass(frozen=True)
class ChallengeSpec:
    """A challenge and how far it got; the services take it there step by step.

    `author` (e-mail of a member) writes, submits and withdraws; the coordinator does the rest.
    `note` is what the last step says: the change request, the rejection reason or why the
    organisation withdrew. With `revision_request` the challenge was first sent back once
    without its desired result, which the author then added.
    """

    organisation: str
    author: str
    status: str
    title: str
    problem: str  # Markdown, in the partner's words
    context: str
    desired_result: str
    topics: tuple[str, ...]  # slugs of the catalogue
    start: int | None  # days after DEMO_TODAY, negative before
    deadline: int | None
    offers: tuple[str, ...] = ()
    offers_note: str = ""
    contact: str = ""  # e-mail of a member; the author when empty
    municipality: str = ""  # AGS; the organisation's when empty
    confidentiality: str = PUBLIC
    public_summary: str = ""
    nda: bool = False
    format_wish: str = ""
    definition: str = Definition.PARTLY
    citizens: bool = False
    depth: str = Depth.MEDIUM
    team_size: int | None = None
    formats: tuple[str, ...] = ()  # assigned on acceptance
    coordinator: str = COORDINATOR  # responsible from acceptance on
    withdrawn_from: str = ""  # the status in which a withdrawn challenge was withdrawn
    note: str = ""
    revision_request: str = ""
    comments: tuple[tuple[str, str, bool], ...] = ()  # (author e-mail, text, visible to submitter)
    followers: tuple[str, ...] = ()  # e-mails of the student personas


_REVIEW = ("submit", "start_review")
_ACCEPT = (*_REVIEW, "accept", "assign")
# "assign" is the coordinator's choice of formats and responsible person (challenge_assign).
CHALLENGE_PATHS: dict[str, tuple[str, ...]] = {
    Status.DRAFT: (),
    Status.SUBMITTED: ("submit",),
    Status.IN_REVIEW: _REVIEW,
    Status.CHANGES_REQUESTED: (*_REVIEW, "request_changes"),
    Status.REJECTED: (*_REVIEW, "reject"),
    Status.ACCEPTED: _ACCEPT,
    Status.PUBLISHED: (*_ACCEPT, "publish"),
    Status.IN_PROGRESS: (*_ACCEPT, "publish", "start"),
    Status.COMPLETED: (*_ACCEPT, "publish", "start", "complete"),
}


def challenge_steps(spec: ChallengeSpec) -> tuple[str, ...]:
    """The actions that take a new draft to `spec.status`, in order.

    Besides the workflow's actions: "assign" (formats and coordinator), "request_revision" (the
    change request of `revision_request`) and "revise" (the author adds the desired result).
    """
    if spec.status == Status.WITHDRAWN:
        steps = (*CHALLENGE_PATHS[spec.withdrawn_from], "withdraw")
    else:
        steps = CHALLENGE_PATHS[spec.status]
    if spec.revision_request:
        steps = (*_REVIEW, "request_revision", "revise", *steps)
    return steps


_EB_TOWN = "wirtschaft@eilenburg.example"
_EB_PLANNING = "stadtplanung@eilenburg.example"
_ZZ_PLANNING = "stadtplanung@zeitz.example"
_LENA = f"lena.schubert@{STUDENT_DOMAIN}"
_JONAS = f"jonas.weber@{STUDENT_DOMAIN}"

# In the order of their lifecycle, from finished to fresh: the board lists the most recently
# published first, so the open challenges lead it and the completed ones close it.
CHALLENGES: tuple[ChallengeSpec, ...] = (
    # --- completed
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_PLANNING,
        Status.COMPLETED,
        "Leerstandskataster für die Eilenburger Innenstadt",
        "Rund um den Marktplatz und in der Torgauer Straße stehen Ladenlokale leer, aber "
        "niemand in der Verwaltung weiß genau, wie viele es sind und wem sie gehören. Unsere "
        "Daten stammen aus einer Begehung von 2019 und aus Hinweisen von Bürgerinnen und "
        "Bürgern. Wenn eine Gründerin nach einem Laden fragt, recherchieren wir jedes Mal neu. "
        "Wir brauchen einen **aktuellen Überblick**, den wir selbst fortschreiben können.",
        "Das integrierte Stadtentwicklungskonzept sieht ein Leerstandsmanagement vor. Die Stadt "
        "arbeitet mit QGIS, hat aber niemanden, der sich hauptberuflich um Leerstand kümmert.",
        "- eine Kartierung aller Erdgeschosslagen der Innenstadt\n"
        "- eine QGIS-Vorlage, die wir selbst pflegen können\n"
        "- Empfehlungen, welche Lagen sich für eine Zwischennutzung eignen",
        ("innenstadt-leerstand",),
        -420,
        -120,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Bebauungspläne, Liegenschaftskarte und die Begehung von 2019 stellen wir "
        "bereit; Frau Hoffmann ist jeden Dienstag erreichbar.",
        format_wish="praxisprojekt",
        definition=Definition.CLEAR,
        team_size=4,
        formats=("praxisprojekt",),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Bäckerei Sommerfeld",
        "inhaberin@baeckerei-sommerfeld.example",
        Status.COMPLETED,
        "Online vorbestellen, in der Filiale abholen",
        "Unsere Kundschaft fragt immer öfter, ob sie Brötchen und Torten im Internet bestellen "
        "kann. Heute läuft alles über Telefon und Zettel, und am Samstagmorgen klingelt das "
        "Telefon ununterbrochen. Große Shopsysteme sind uns für vier Filialen zu teuer und zu "
        "kompliziert. Wir wünschen uns eine einfache Lösung, die unsere Verkäuferinnen ohne "
        "Schulung bedienen können.",
        "Die Bäckerei hat vier Filialen in Eilenburg und Umgebung und beliefert Kitas und "
        "Schulen, deren Bestellungen bisher per Fax kommen.",
        "Ein erprobter Prototyp für Vorbestellungen mit Filiale und Abholzeit und eine "
        "Empfehlung, ob wir ihn selbst betreiben oder einen Dienstleister beauftragen.",
        ("ansiedlung-wirtschaft",),
        -300,
        -90,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Das Team darf einen Vormittag in Backstube und Verkauf mitlaufen.",
        definition=Definition.CLEAR,
        team_size=5,
        formats=("praxisprojekt", "praktikum"),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        "Tourismusverein Zeitzer Land e.V.",
        "info@zeitzer-land.example",
        Status.COMPLETED,
        "Wer radelt den Elster-Radweg? Eine Befragung der Radgäste",
        "Jedes Jahr fahren Tausende auf dem Elster-Radweg durch Zeitz, aber nur wenige halten "
        "in der Altstadt an. Wir wissen nicht, woher die Gäste kommen, wie lange sie bleiben "
        "und was ihnen fehlt. Gastgeber und Cafés fragen uns, ob sich längere Öffnungszeiten "
        "oder ein Fahrradservice lohnen würden. Ohne Zahlen können wir darauf keine ehrliche "
        "Antwort geben.",
        "In Zeitz zählt eine Zählstelle die Radfahrenden auf dem Elster-Radweg, aber niemand "
        "wertet ihre Daten aus.",
        "Eine Befragung in der Saison, die Auswertung der Zählstelle und drei bis fünf "
        "konkrete Empfehlungen für Gastgeber und Stadt.",
        ("kultur-tourismus", "mobilitaet"),
        -480,
        -240,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Daten der Radzählstelle seit 2021 und Kontakte zu 30 Gastgebern entlang "
        "des Radwegs.",
        citizens=True,
        team_size=4,
        formats=("praxisprojekt", "exkursion"),
    ),
    # --- in progress
    ChallengeSpec(
        TOWN_ZEITZ,
        _ZZ_PLANNING,
        Status.IN_PROGRESS,
        "Zwischennutzung für leere Läden am Altmarkt",
        "Am Altmarkt und in der Judenstraße stehen elf Ladenlokale leer, manche seit über zehn "
        "Jahren. Die Eigentümer warten auf zahlungskräftige Mieter, die nicht kommen, und die "
        "Schaufenster verstauben. Wir wollen ausprobieren, ob Pop-up-Läden, Ateliers oder ein "
        "Repair-Café wieder Leben in die Altstadt bringen. Dafür brauchen wir Menschen mit "
        "Ideen und einen Plan, wie wir weitere Eigentümer überzeugen.",
        "Zwei Eigentümer stellen ihre Läden für sechs Monate mietfrei zur Verfügung. Der "
        "Stadtrat unterstützt das Vorhaben als Teil des Strukturwandels.",
        "- zwei Zwischennutzungen, die ein halbes Jahr laufen\n"
        "- eine Auswertung: Wer kam, was hat funktioniert?\n"
        "- ein Leitfaden für weitere Eigentümerinnen und Eigentümer",
        ("innenstadt-leerstand", "kultur-tourismus"),
        -40,
        140,
        offers=(Offer.ROOMS, Offer.BUDGET, Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Zwei Ladenlokale am Altmarkt stehen mietfrei zur Verfügung; für Material "
        "gibt es ein Budget von 5.000 Euro.",
        format_wish="reallabor",
        citizens=True,
        depth=Depth.LOW,
        team_size=6,
        formats=("reallabor", "praxisprojekt"),
        coordinator=COORDINATOR_PROJECTS,
        comments=(
            (
                COORDINATOR,
                "Das Team hat sich gefunden: sechs Studierende aus Geographie und "
                "Stadtentwicklung, betreut von Prof. Dr. Pohl. Zum Auftakt am Altmarkt halten "
                "Sie bitte die Schlüssel für beide Läden bereit.",
                True,
            ),
        ),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Muldental Metallbau GmbH",
        "personal@muldental-metallbau.example",
        Status.IN_PROGRESS,
        "Warum bewirbt sich niemand? Ausbildungsmarketing im Metallhandwerk",
        "Seit drei Jahren bleiben zwei unserer vier Ausbildungsplätze unbesetzt. Auf Anzeigen "
        "melden sich kaum Jugendliche, und auf Berufsmessen bleiben die Schülerinnen und "
        "Schüler lieber bei den großen Firmen aus Leipzig stehen. Dabei bieten wir sichere "
        "Arbeit, Übernahme und moderne CNC-Maschinen. Wir möchten verstehen, wie Jugendliche "
        "heute nach Ausbildungsplätzen suchen und wie wir sie erreichen.",
        "Der Betrieb hat 28 Beschäftigte, davon vier Auszubildende. Ein Drittel der "
        "Belegschaft geht in den nächsten zehn Jahren in Rente.",
        "Ein Kommunikationskonzept mit Kanälen, Botschaften und Beispielbeiträgen, das wir mit "
        "eigenen Leuten umsetzen können.",
        ("fachkraefte-demografie", "bildung"),
        -30,
        90,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        depth=Depth.LOW,
        team_size=4,
        formats=("praxisprojekt", "design-thinking"),
    ),
    ChallengeSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        "vorstand@wg-moritzburgblick.example",
        Status.IN_PROGRESS,
        "Energetische Sanierung: Welche Häuser zuerst?",
        "Unsere 900 Wohnungen verteilen sich auf 34 Häuser aus den Baujahren 1928 bis 1989. "
        "Bis 2045 sollen alle klimaneutral sein, aber das Geld reicht für höchstens zwei "
        "Häuser im Jahr. Wir wollen wissen, wo jeder Euro am meisten CO₂ spart, ohne dass die "
        "Mieten für unsere älteren Mitglieder unbezahlbar werden. Dafür müssten Verbräuche, "
        "Baualter und Mieterstruktur gemeinsam ausgewertet werden.",
        "Die Verbrauchsdaten stammen aus den Heizkostenabrechnungen der letzten fünf Jahre und "
        "lassen Rückschlüsse auf einzelne Haushalte zu.",
        "Eine Rangfolge der Häuser mit nachvollziehbaren Kriterien und eine Modellrechnung für "
        "die Entwicklung der Mieten.",
        ("energie-klima",),
        -60,
        200,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Zugang zu Verbrauchs- und Gebäudedaten nach Unterzeichnung einer "
        "Vertraulichkeitsvereinbarung.",
        confidentiality=SUMMARY,
        public_summary="Eine Zeitzer Wohnungsgenossenschaft sucht eine Reihenfolge für die "
        "energetische Sanierung ihrer 34 Häuser, die Klimaschutz und bezahlbare Mieten "
        "zusammen denkt. Die Auswertung stützt sich auf vertrauliche Verbrauchsdaten.",
        nda=True,
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=2,
        formats=("abschlussarbeit", "forschungsprojekt"),
    ),
    # --- published
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_TOWN,
        Status.PUBLISHED,
        "Zurück nach Eilenburg: Pendelnde aus Leipzig für Arbeit vor Ort gewinnen",
        "Jeden Morgen fahren über 4.000 Eilenburgerinnen und Eilenburger zur Arbeit nach "
        "Leipzig, während unsere Betriebe Stellen nicht besetzen können. Viele von ihnen haben "
        "hier Haus und Familie, wissen aber nicht, welche Arbeitgeber es vor Ort gibt. Wir "
        "wissen nicht, was Pendelnde zum Wechsel bewegen würde: das Gehalt, die gesparte "
        "Fahrzeit oder flexible Arbeitszeiten. Das möchten wir herausfinden, bevor wir Geld in "
        "eine Kampagne stecken.",
        "Die Zahlen stammen aus der Pendlerstatistik der Bundesagentur für Arbeit. Der "
        "Gewerbeverein hat angeboten, Betriebe für Interviews zu gewinnen.",
        "Eine Befragung von Pendelnden, Interviews mit fünf bis zehn Betrieben und Empfehlungen "
        "für eine Kampagne, die Pendelnde zurückgewinnt.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        45,
        240,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Kontakte zum Gewerbeverein und Räume im Rathaus für Interviews.",
        team_size=4,
        formats=("forschungsprojekt", "praxisprojekt"),
        revision_request="Vielen Dank für die Einreichung! Bitte ergänzen Sie noch, was am Ende "
        "vorliegen soll: eine Befragung, eine Kampagne oder beides? Davon hängt ab, welches "
        "Format und welches Institut wir ansprechen.",
        comments=(
            (
                COORDINATOR,
                "Danke für die Ergänzung – so passt die Herausforderung gut zur "
                "Begleitforschung. Dr. Winkler vom Institut für Soziologie hat Interesse "
                "signalisiert.",
                True,
            ),
        ),
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        "buero-ob@zeitz.example",
        Status.PUBLISHED,
        "Bürgerservice digital: Welche Behördengänge zuerst online?",
        "Das Onlinezugangsgesetz verlangt, dass Bürgerinnen und Bürger Verwaltungsleistungen "
        "digital erledigen können. In Zeitz nutzen aber kaum Menschen die vorhandenen "
        "Online-Formulare, und im Bürgerbüro sind die Wartezeiten lang. Wir wissen nicht, ob "
        "die Angebote unbekannt, zu kompliziert oder schlicht die falschen sind. Bevor wir "
        "weitere Dienste einführen, wollen wir verstehen, was die Menschen brauchen – auch die "
        "Älteren ohne Smartphone.",
        "Zeitz nutzt das Serviceportal des Landes Sachsen-Anhalt. Das Bürgerbüro bearbeitet "
        "im Monat rund 2.500 Anliegen.",
        "Eine Rangliste der Leistungen, die zuerst digital werden sollten, erprobte "
        "Verbesserungen für zwei Formulare und Vorschläge für Hilfe vor Ort für Menschen ohne "
        "Internet.",
        ("digitale-verwaltung",),
        30,
        180,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        format_wish="design-thinking",
        citizens=True,
        team_size=5,
        formats=("design-thinking", "buergerdialog"),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_PLANNING,
        Status.PUBLISHED,
        "Sicher mit dem Rad zur S-Bahn",
        "Vom Bahnhof Eilenburg ist man mit der S-Bahn in einer halben Stunde in Leipzig, aber "
        "aus den Ortsteilen und aus Eilenburg-Ost kommt man mit dem Rad kaum sicher dorthin. An "
        "der Dübener Landstraße fehlt ein Radweg, und die Abstellanlage am Bahnhof ist morgens "
        "voll. Eltern erzählen uns, dass sie ihre Kinder lieber mit dem Auto zum Zug bringen. "
        "Wir möchten wissen, welche Lücken im Netz wir zuerst schließen sollten.",
        "Die Stadt erarbeitet ein Radverkehrskonzept und kann Fördermittel des Freistaats "
        "beantragen, braucht dafür aber eine begründete Prioritätenliste.",
        "Eine Karte der Routen zum Bahnhof mit Mängeln und Prioritäten, Zählungen an der "
        "Abstellanlage und Vorschläge, die in den Förderantrag eingehen können.",
        ("mobilitaet",),
        60,
        220,
        offers=(Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Verkehrszählungen, Unfalldaten der Polizei und Luftbilder stellen wir bereit.",
        format_wish="praxisprojekt",
        definition=Definition.CLEAR,
        citizens=True,
        team_size=4,
        formats=("praxisprojekt", "reallabor"),
        followers=(_LENA,),
    ),
    ChallengeSpec(
        "Zeitzer Werkstätten GmbH",
        "inhaberin@zeitzer-werkstaetten.example",
        Status.PUBLISHED,
        "Produktionsplanung mit den eigenen Daten",
        "Wir planen Aufträge, Maschinenzeiten am CNC-Bearbeitungszentrum und Liefertermine mit "
        "einer Magnettafel und einer Excel-Liste. Bei Eilaufträgen verschieben sich andere "
        "Termine, und wir merken es oft erst, wenn der Kunde anruft. Aus Maschinensteuerung und "
        "Auftragsverwaltung haben wir Daten aus fünf Jahren, die niemand auswertet. Wir möchten "
        "wissen, ob sich daraus eine verlässlichere Planung ableiten lässt.",
        "Die Daten enthalten Kundennamen, Preise und Kalkulationen und verlassen das Haus nur "
        "anonymisiert.",
        "Eine Auswertung der Durchlaufzeiten und ein einfacher Planungsvorschlag, den unser "
        "Werkstattleiter im Alltag nutzen kann.",
        ("ansiedlung-wirtschaft",),
        30,
        210,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        offers_note="Ein Arbeitsplatz in der Werkstatt und die Daten nach Unterzeichnung einer "
        "Vertraulichkeitsvereinbarung.",
        contact="werkstatt@zeitzer-werkstaetten.example",
        confidentiality=CONFIDENTIAL,
        public_summary="Eine Tischlerei in Zeitz möchte mit Daten aus Auftragsverwaltung und "
        "CNC-Steuerung ihre Produktionsplanung verbessern. Geeignet für eine Abschlussarbeit "
        "in Informatik oder Wirtschaftswissenschaften; die Daten sind vertraulich.",
        nda=True,
        format_wish="abschlussarbeit",
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=1,
        formats=("abschlussarbeit", "praktikum"),
        comments=(
            (
                COORDINATOR,
                "Die Vertraulichkeitsvereinbarung ist abgestimmt. Interessierte erhalten den "
                "vollen Text nach Unterzeichnung über die Transferstelle.",
                True,
            ),
        ),
        followers=(_JONAS,),
    ),
    ChallengeSpec(
        "Tourismusverein Muldenland e.V.",
        "vorstand@muldenland-tourismus.example",
        Status.PUBLISHED,
        "Mulde erleben: Tagesausflüge für Familien aus Leipzig",
        "Zwischen Eilenburg und Bad Düben gibt es Auenwälder, Kanutouren, Museen und den "
        "Mulderadweg, aber kaum eine Familie aus Leipzig kennt das. Unsere Radkarte erreicht "
        "vor allem Menschen, die ohnehin schon hier sind. Wir möchten Ausflüge entwickeln, die "
        "mit S-Bahn und Rad ohne Auto funktionieren und für Kinder spannend sind. Dafür fehlt "
        "uns der Blick von außen.",
        "Im Verein sind 40 Gastgeber, Radverleihe und Museen zwischen Eilenburg und Bad Düben "
        "organisiert. Die Gästeinformation am Markt ist ehrenamtlich besetzt.",
        "Drei erprobte Tagestouren mit Anreise per S-Bahn, Texte und Bilder für Website und "
        "Social Media und eine kleine Befragung der Familien, die sie getestet haben.",
        ("kultur-tourismus", "mobilitaet"),
        120,
        300,
        offers=(Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        municipality=BAD_DUEBEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=5,
        formats=("design-thinking", "exkursion"),
    ),
    ChallengeSpec(
        "Backstube Domgasse Zeitz",
        "backstube@domgasse-zeitz.example",
        Status.PUBLISHED,
        "Radgäste in die Altstadt: ein Café am Elster-Radweg, das keiner findet",
        "Unser Café liegt 400 Meter vom Elster-Radweg entfernt, aber die Radfahrenden fahren "
        "unten an der Elster vorbei, ohne die Altstadt zu sehen. Ein Schild am Radweg wurde "
        "uns nicht genehmigt. Wir glauben, dass mit anderen Händlern zusammen mehr möglich "
        "wäre: eine gemeinsame Route, ein Stempelheft, Fahrradbügel vor dem Dom. Allein fehlt "
        "uns dafür die Zeit.",
        "Die Backstube ist Mitglied im Tourismusverein Zeitzer Land und im Gewerbe- und "
        "Handelsverein. Die Befragung der Radgäste aus dem letzten Jahr liegt vor.",
        "Ein Konzept mit anderen Händlern der Altstadt, wie Radgäste vom Radweg in die Altstadt "
        "finden, und ein erster Test an einem Sommerwochenende.",
        ("kultur-tourismus", "innenstadt-leerstand"),
        150,
        280,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Unser Café steht für Treffen zur Verfügung, Kaffee und Kuchen inklusive.",
        depth=Depth.LOW,
        team_size=3,
        formats=("praxisprojekt", "sprechstunde"),
    ),
    ChallengeSpec(
        TRADE_EILENBURG,
        "geschaeftsfuehrung@muldental-metallbau.example",
        Status.PUBLISHED,
        "Vom Klassenzimmer in die Werkstatt: den Übergang von der Schule in den Beruf stärken",
        "Jedes Frühjahr organisieren wir einen Ausbildungsmarkt, aber die Jugendlichen kommen "
        "mit ihren Eltern, laufen einmal durch die Halle und gehen wieder. Die Betriebe wünschen "
        "sich echte Begegnungen: Schnuppertage, Werkstattbesuche, Gespräche mit "
        "Auszubildenden. Die Oberschulen sind offen dafür, aber der Stundenplan lässt wenig "
        "Raum. Wir suchen ein Format, das für Schulen, Jugendliche und Betriebe gleichermaßen "
        "funktioniert.",
        "Im Gewerbeverein sind rund 80 Betriebe organisiert; die beiden Oberschulen und das "
        "Berufliche Schulzentrum Eilenburg machen mit.",
        "Ein mit Jugendlichen, Lehrkräften und Betrieben entwickeltes Konzept für den nächsten "
        "Ausbildungsmarkt und ein erster Schnuppertag im Herbst.",
        ("bildung", "fachkraefte-demografie"),
        60,
        200,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        contact=_EB_TOWN,
        format_wish="zukunftswerkstatt",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=6,
        formats=("zukunftswerkstatt", "praxisprojekt"),
        coordinator=COORDINATOR_PROJECTS,
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        _ZZ_PLANNING,
        Status.PUBLISHED,
        "Gut versorgt im Dorf: Pflege und Nachbarschaftshilfe in den Ortsteilen",
        "In Zeitzer Ortsteilen wie Kayna, Luckenau oder Theißen ist fast jede dritte Person "
        "älter als 70. Der Pflegedienst fährt weite Wege, die Hausarztpraxis in Kayna sucht "
        "eine Nachfolge, und am Wochenende fährt kaum ein Bus. Viele Ältere möchten im Dorf "
        "bleiben, brauchen aber Hilfe beim Einkaufen, beim Arztbesuch oder im Garten. Wir "
        "wissen zu wenig darüber, welche Nachbarschaftshilfe heute schon funktioniert und was "
        "fehlt.",
        "Zeitz besteht nach mehreren Eingemeindungen aus über 30 Ortsteilen. Ortschaftsräte "
        "und Kirchgemeinden sind zur Mitarbeit bereit.",
        "Eine Bestandsaufnahme der Versorgung in drei Ortsteilen, Gespräche mit Älteren und "
        "Angehörigen und Vorschläge, welche Angebote die Stadt unterstützen sollte.",
        ("gesundheit-pflege", "fachkraefte-demografie"),
        90,
        300,
        offers=(Offer.DATA, Offer.ROOMS, Offer.WEEKLY_CONTACT),
        offers_note="Räume in den Dorfgemeinschaftshäusern und Kontakte zu den Ortschaftsräten.",
        contact="buero-ob@zeitz.example",
        definition=Definition.OPEN,
        citizens=True,
        team_size=4,
        formats=("forschungsprojekt", "buergerdialog"),
    ),
    # --- accepted
    ChallengeSpec(
        "Kanuverein Weiße Elster Zeitz e.V.",
        "vorstand@kanu-zeitz.example",
        Status.ACCEPTED,
        "Das Bootshaus an der Elster als Treffpunkt für Sport und Gäste",
        "Unser Bootshaus aus den 1930er-Jahren ist undicht, schlecht gedämmt und nicht "
        "barrierefrei. Wir möchten es sanieren und dabei öffnen: für Schulklassen, Paddelgäste "
        "vom Elster-Radweg und Veranstaltungen. Für einen Förderantrag brauchen wir ein "
        "Nutzungskonzept und eine grobe Kostenschätzung, die wir als Ehrenamtliche nicht "
        "allein erstellen können.",
        "Der Verein hat 120 Mitglieder, davon 45 Kinder und Jugendliche. Das Grundstück gehört "
        "der Stadt, die einen Förderantrag unterstützen würde.",
        "Ein Nutzungskonzept mit Raumprogramm, eine Kostenschätzung für die Sanierung und "
        "Hinweise auf passende Förderprogramme.",
        ("kultur-tourismus", "energie-klima"),
        90,
        270,
        offers=(Offer.SITE_ACCESS, Offer.ROOMS),
        offers_note="Das Bootshaus steht für Aufmaß und Workshops offen; ein Teamtag im Boot "
        "auf der Elster gehört dazu.",
        team_size=3,
        formats=("praxisprojekt", "abschlussarbeit"),
    ),
    ChallengeSpec(
        "Nordsachsen Logistik GmbH",
        "geschaeftsfuehrung@nordsachsen-logistik.example",
        Status.ACCEPTED,
        "E-Lkw im Verteilerverkehr: Rechnet sich das für uns?",
        "Wir fahren täglich 22 Touren zwischen Leipzig, Eilenburg und Torgau, alle mit Diesel. "
        "Kunden fragen zunehmend nach CO₂-armen Transporten, und die Maut für Diesel-Lkw "
        "steigt. Ob sich E-Lkw für unsere Touren rechnen, hängt von Reichweite, Ladezeiten am "
        "Depot und Strompreisen ab. Wir möchten das mit unseren echten Tourdaten durchrechnen "
        "lassen, bevor wir investieren.",
        "Die Tourdaten enthalten Kunden, Lieferadressen und Konditionen und sind vertraulich.",
        "Eine Wirtschaftlichkeitsrechnung für drei Szenarien und eine Empfehlung, welche Touren "
        "zuerst elektrisch gefahren werden können.",
        ("energie-klima", "mobilitaet"),
        60,
        240,
        offers=(Offer.DATA, Offer.BUDGET, Offer.WEEKLY_CONTACT),
        offers_note="Für die Abschlussarbeit ist eine Aufwandsentschädigung von 1.500 Euro "
        "möglich.",
        confidentiality=CONFIDENTIAL,
        public_summary="Eine Spedition in Eilenburg möchte wissen, ob und auf welchen Touren "
        "sich Elektro-Lkw rechnen. Grundlage sind vertrauliche Tourdaten; geeignet für eine "
        "Abschlussarbeit in Wirtschaftswissenschaften oder Geographie.",
        nda=True,
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=1,
        formats=("abschlussarbeit",),
        coordinator=COORDINATOR_PROJECTS,
    ),
    # --- in review
    ChallengeSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        "vorstand@wg-muldeaue.example",
        Status.IN_REVIEW,
        "Probewohnen für Rückkehrende: Wie erreichen wir Familien in Leipzig?",
        "Seit einem Jahr bieten wir möblierte Gästewohnungen zum Probewohnen an: vier Wochen "
        "Eilenburg zum kleinen Preis. Gebucht haben bisher vor allem Menschen, die ohnehin "
        "umziehen wollten. Familien aus Leipzig, die über einen Wegzug aus der Großstadt "
        "nachdenken, erreichen wir nicht. Wir wissen nicht, ob es an der Ansprache, am Angebot "
        "oder an fehlenden Jobs für beide Partner liegt.",
        "Drei unserer rund 1.200 Wohnungen sind als Gästewohnungen eingerichtet. Die "
        "Buchungsdaten enthalten persönliche Angaben.",
        "Interviews mit Probewohnenden und mit Familien in Leipzig, eine überarbeitete "
        "Ansprache und Ideen, wie Stadt und Betriebe das Angebot ergänzen können.",
        ("fachkraefte-demografie",),
        90,
        270,
        offers=(Offer.ROOMS, Offer.DATA, Offer.WEEKLY_CONTACT),
        offers_note="Projektteams übernachten während der Feldphase kostenlos in einer "
        "Gästewohnung.",
        contact="vermietung@wg-muldeaue.example",
        confidentiality=SUMMARY,
        public_summary="Eine Eilenburger Wohnungsgenossenschaft möchte ihr Probewohnen für "
        "Familien aus Leipzig attraktiver machen und sucht dafür Interviews und Ideen für die "
        "Ansprache.",
        citizens=True,
        team_size=3,
        comments=(
            (
                COORDINATOR,
                "Intern: Passt zur Begleitforschung (Dr. Winkler) und zur Herausforderung der "
                "Wirtschaftsförderung zu Pendelnden. Vor der Annahme beide zusammenbringen, "
                "damit niemand doppelt befragt wird.",
                False,
            ),
        ),
    ),
    ChallengeSpec(
        "Elstertal Solartechnik GmbH",
        "projekte@elstertal-solar.example",
        Status.IN_REVIEW,
        "Solarpotenzial der Gewerbedächer in Zeitz-Ost",
        "Im Gewerbegebiet Zeitz-Ost gibt es große Hallendächer, auf denen noch keine einzige "
        "Solaranlage steht. Viele Betriebe wissen nicht, ob ihr Dach trägt, was eine Anlage "
        "kostet und ob sie den Strom selbst verbrauchen könnten. Das Solarkataster des Landes "
        "ist für Gewerbedächer zu grob. Wir möchten eine belastbare Übersicht, mit der wir und "
        "die Stadt gezielt auf Betriebe zugehen können.",
        "Wir planen Anlagen mit Luftbildern und GIS. Die Lastgänge der einzelnen Betriebe sind "
        "Geschäftsgeheimnisse.",
        "Eine GIS-Analyse aller Hallendächer mit Ertragsabschätzung und für fünf "
        "Beispielbetriebe eine Rechnung zum Eigenverbrauch.",
        ("energie-klima", "ansiedlung-wirtschaft"),
        45,
        200,
        offers=(Offer.DATA, Offer.SITE_ACCESS),
        confidentiality=SUMMARY,
        public_summary="Ein Solarbetrieb aus Zeitz möchte das Photovoltaik-Potenzial der "
        "Hallendächer im Gewerbegebiet Zeitz-Ost mit GIS erfassen und Betrieben konkrete "
        "Zahlen an die Hand geben.",
        definition=Definition.CLEAR,
        depth=Depth.HIGH,
        team_size=2,
        comments=(
            (
                COORDINATOR,
                "Wir klären, ob die Stadt die Dachdaten aus der Befliegung 2024 bereitstellt. "
                "Dürften Studierende die Ergebnisse Ihrer Beispielbetriebe anonymisiert in "
                "einer Abschlussarbeit veröffentlichen?",
                True,
            ),
            (
                "projekte@elstertal-solar.example",
                "Ja, anonymisiert ist das kein Problem. Die Betriebe fragen wir vorher.",
                True,
            ),
        ),
    ),
    # --- submitted
    ChallengeSpec(
        "SV Muldeaue Eilenburg e.V.",
        "jugend@sv-muldeaue.example",
        Status.SUBMITTED,
        "Übungsleitende gesucht: Ehrenamt im Sportverein attraktiver machen",
        "Wir haben Wartelisten für Kinderturnen und Kanu, aber nicht genug Übungsleiterinnen "
        "und Übungsleiter. Die Ehrenamtlichen, die wir haben, sind meist über 50 und machen das "
        "seit Jahrzehnten. Junge Erwachsene ziehen zum Studium oder zur Ausbildung weg, und wer "
        "bleibt, hat mit Beruf und Familie wenig Zeit. Wir möchten herausfinden, welche Form "
        "von Engagement heute noch passt.",
        "Der Verein hat 450 Mitglieder und zwölf Übungsleitende mit Lizenz. Die Ausbildung zur "
        "Lizenz dauert mehrere Wochenenden.",
        "Eine Befragung von Mitgliedern und Eltern und Ideen für kürzere, flexiblere Formen "
        "des Engagements, die wir eine Saison lang ausprobieren.",
        ("bildung", "fachkraefte-demografie"),
        120,
        300,
        offers=(Offer.ROOMS, Offer.WEEKLY_CONTACT),
        citizens=True,
        depth=Depth.LOW,
        team_size=3,
    ),
    ChallengeSpec(
        "Zeitzer Heimatverein e.V.",
        "archiv@zeitzer-heimatverein.example",
        Status.SUBMITTED,
        "Die unterirdischen Gänge digital erlebbar machen",
        "Unter der Zeitzer Altstadt liegt ein Labyrinth aus mittelalterlichen Gängen, das wir "
        "bei Führungen zeigen. Die Gänge sind eng, feucht und nicht barrierefrei, und im "
        "Winter bleiben sie wegen der Fledermäuse geschlossen. Viele Gäste werden sie deshalb "
        "nie sehen. Aus Fotos, Plänen und Geschichten aus hundert Jahren möchten wir ein "
        "digitales Erlebnis machen, das auch an der Oberfläche funktioniert.",
        "Der Heimatverein führt jedes Jahr rund 3.000 Gäste durch die Gänge. Das Archiv ist in "
        "Teilen digitalisiert.",
        "Ein Prototyp, etwa eine 360-Grad-Tour oder eine Audioführung mit Karte, den wir am Tag "
        "des offenen Denkmals zeigen können.",
        ("kultur-tourismus",),
        90,
        280,
        offers=(Offer.DATA, Offer.SITE_ACCESS),
        offers_note="Fotos, Pläne und Zeitzeugenberichte aus dem Vereinsarchiv; eine Begehung "
        "mit Führung nach Absprache.",
        format_wish="hackathon",
        team_size=5,
    ),
    ChallengeSpec(
        TOWN_EILENBURG,
        "buero-ob@eilenburg.example",
        Status.SUBMITTED,
        "Mitreden, auch ohne Bürgerversammlung",
        "Zu unseren Bürgerversammlungen kommen meist dieselben zwanzig Menschen, fast alle "
        "über 60. Familien, Jugendliche und Menschen im Schichtdienst hören wir kaum, obwohl es "
        "um ihre Spielplätze, Schulwege und ihre Innenstadt geht. Eine Online-Umfrage auf der "
        "Website brachte 2024 nur 80 Antworten. Wir suchen Formen der Beteiligung, die zu den "
        "Menschen gehen statt umgekehrt.",
        "Im nächsten Jahr wird das Stadtentwicklungskonzept fortgeschrieben; die Beteiligung "
        "der Öffentlichkeit ist dabei vorgeschrieben.",
        "Zwei bis drei erprobte Beteiligungsformate, etwa am Schultor, im Supermarkt oder per "
        "Messenger, und eine Auswertung, wen sie erreicht haben.",
        ("digitale-verwaltung", "innenstadt-leerstand"),
        60,
        240,
        offers=(Offer.ROOMS, Offer.BUDGET, Offer.WEEKLY_CONTACT),
        offers_note="Für Material und Aufwandsentschädigungen stehen 2.000 Euro bereit.",
        format_wish="buergerdialog",
        citizens=True,
        team_size=4,
    ),
    # --- changes requested
    ChallengeSpec(
        TRADE_ZEITZ,
        "team@elster-it.example",
        Status.CHANGES_REQUESTED,
        "Ein Altstadt-Gutschein für Zeitz",
        "Immer mehr Geld aus Zeitz fließt in den Online-Handel und in die Einkaufszentren an "
        "der Autobahn. Ein gemeinsamer Gutschein für alle Geschäfte, Cafés und "
        "Handwerksbetriebe der Altstadt könnte die Kaufkraft in der Stadt halten. Andere Städte "
        "haben so etwas, aber wir wissen nicht, welches System zu uns passt und wer es "
        "betreiben soll.",
        "Der Verein vertritt rund 60 Betriebe. Ein Gutschein auf Papier wurde 2018 eingeführt "
        "und nach zwei Jahren wieder eingestellt.",
        "Eine Empfehlung für ein Gutscheinsystem.",
        ("innenstadt-leerstand", "ansiedlung-wirtschaft"),
        60,
        150,
        offers=(Offer.WEEKLY_CONTACT,),
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=2,
        note="Danke für die Idee! Bevor wir die Herausforderung annehmen, bitten wir um zwei "
        "Ergänzungen: Warum wurde der Papiergutschein 2018 eingestellt, und was soll diesmal "
        "anders sein? Und was müsste eine gute Empfehlung enthalten – einen Vergleich von "
        "Anbietern, ein Betreibermodell oder eine Befragung der Händler?",
    ),
    ChallengeSpec(
        "Muldeufer Kulturverein e.V.",
        "vorstand@muldeufer-kultur.example",
        Status.CHANGES_REQUESTED,
        "Sommerkino am Muldeufer: Wie erreichen wir junges Publikum?",
        "Unser Sommerkino zieht jeden August 200 bis 300 Gäste an, aber kaum jemand ist unter "
        "30. Jugendliche fahren für Kino und Konzerte nach Leipzig. Wir möchten wissen, was "
        "das Sommerkino für junge Leute interessant machen würde: andere Filme, Musik, Essen "
        "oder selbst mitmachen?",
        "Das Sommerkino wird ehrenamtlich organisiert und finanziert sich über Eintritt und "
        "Getränke.",
        "Mehr junge Gäste.",
        ("kultur-tourismus",),
        20,
        60,
        format_wish="design-thinking",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
        team_size=4,
        note="Vielen Dank! Der Zeitraum ist für ein Projekt im Semester sehr knapp: Zwischen "
        "Start und Ergebnis liegen sechs Wochen über den Jahreswechsel, und das Sommersemester "
        "beginnt erst im April. Könnten Sie das Ergebnis auf die Saison im August ausrichten "
        "und beschreiben, was Sie erwarten: einen Programmvorschlag, eine Befragung oder eine "
        "Kampagne?",
    ),
    # --- rejected
    ChallengeSpec(
        "Tischlerei Hartmann & Söhne",
        "kontakt@tischlerei-hartmann.example",
        Status.REJECTED,
        "Nachfolge für die Tischlerei gesucht",
        "Ich bin 63 und möchte meine Tischlerei in drei bis vier Jahren übergeben. Meine Söhne "
        "haben andere Berufe gewählt. Ich suche jemanden mit Meisterbrief, der den Betrieb mit "
        "seinen drei Gesellen weiterführt. Vielleicht gibt es unter den Studierenden jemanden, "
        "der Interesse hat oder jemanden kennt.",
        "Der Betrieb besteht seit 1994 und hat feste Kundschaft in Eilenburg und Umgebung.",
        "Eine Nachfolgerin oder ein Nachfolger.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        30,
        720,
        offers=(Offer.SITE_ACCESS,),
        confidentiality=SUMMARY,
        public_summary="Ein Eilenburger Tischlereibetrieb sucht eine Nachfolge.",
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=1,
        note="Vielen Dank für Ihr Vertrauen. Eine Nachfolge können wir über das Programm nicht "
        "vermitteln: Studierende bearbeiten Aufgaben, und eine Übernahme braucht einen "
        "Meisterbrief. Wir empfehlen die Nachfolgebörse der Handwerkskammer und ein Gespräch "
        "mit der Wirtschaftsförderung. Gern prüfen wir eine neue Herausforderung, etwa eine "
        "Abschlussarbeit zur Bewertung und Übergabe Ihres Betriebs.",
    ),
    ChallengeSpec(
        "Elster-IT Service GmbH",
        "team@elster-it.example",
        Status.REJECTED,
        "Studierende für laufende Kundenprojekte",
        "Wir haben mehr Aufträge, als wir bearbeiten können: Websites, Netzwerke, Umstellungen "
        "auf Cloud-Telefonie. Fachinformatiker finden wir in Zeitz kaum. Wir würden gern zwei "
        "oder drei Informatikstudierende einsetzen, die bei unseren Kunden mitarbeiten. Die "
        "Bezahlung klären wir gern im Gespräch.",
        "Elster-IT betreut rund 150 Kunden im Burgenlandkreis.",
        "Zwei bis drei Studierende, die ab sofort mitarbeiten.",
        ("fachkraefte-demografie", "ansiedlung-wirtschaft"),
        7,
        120,
        offers=(Offer.BUDGET,),
        definition=Definition.CLEAR,
        team_size=3,
        note="Vielen Dank für die Anfrage. Das Programm vermittelt keine Arbeitskräfte für "
        "laufende Kundenaufträge; dafür eignet sich eine Stellenanzeige für Werkstudierende. "
        "Wenn Sie eine Frage haben, die Studierende in einem Projekt bearbeiten können – etwa "
        "zur IT-Sicherheit Ihrer Kunden aus dem Handwerk –, reichen Sie sie gern neu ein.",
    ),
    # --- withdrawn
    ChallengeSpec(
        STARTUP,
        "gruenderin@startup-eilenburg.example",
        Status.WITHDRAWN,
        "Lagerfläche für gebrauchte Baustoffe",
        "Wir retten Türen, Dielen, Ziegel und Fenster aus Abrissgebäuden, aber unser Lager in "
        "einer Garage ist voll. Für eine größere Halle fehlt uns als junges Unternehmen das "
        "Geld. Wir fragen uns, ob es in Eilenburg leerstehende Flächen gibt, die wir gemeinsam "
        "mit anderen nutzen könnten, und wie ein solches Modell aussehen könnte.",
        "Kreislaufwerk ist aus einem Praxisprojekt der Universität entstanden und hat zwei "
        "Beschäftigte.",
        "Eine Übersicht geeigneter Flächen und ein Vorschlag für ein gemeinsames Lager mit "
        "anderen Betrieben.",
        ("ansiedlung-wirtschaft", "innenstadt-leerstand"),
        30,
        150,
        offers=(Offer.WEEKLY_CONTACT,),
        depth=Depth.LOW,
        team_size=2,
        withdrawn_from=Status.SUBMITTED,
        note="Hat sich erledigt: Die Wirtschaftsförderung hat uns eine Halle am Güterbahnhof "
        "vermittelt. Vielen Dank!",
    ),
    ChallengeSpec(
        TOWN_ZEITZ,
        "wirtschaft@zeitz.example",
        Status.WITHDRAWN,
        "Flächenexposés für die Industriebrachen an der Weißen Elster",
        "Auf den früheren Industrieflächen an der Weißen Elster liegen über 40 Hektar brach. "
        "Ansiedlungsinteressierte fragen nach Erschließung, Altlasten und Netzanschluss, und "
        "wir brauchen Wochen, um die Angaben aus verschiedenen Ämtern zusammenzutragen. Für "
        "zwei laufende Anfragen brauchen wir schnell aussagekräftige Exposés. Die Namen der "
        "Interessenten und die Altlastengutachten sind vertraulich.",
        "Die Flächen werden mit Mitteln für den Strukturwandel im Mitteldeutschen Revier "
        "entwickelt.",
        "Eine Vorlage für Flächenexposés und ausgefüllte Exposés für zwei Flächen.",
        ("ansiedlung-wirtschaft",),
        14,
        100,
        offers=(Offer.DATA, Offer.SITE_ACCESS, Offer.WEEKLY_CONTACT),
        confidentiality=CONFIDENTIAL,
        public_summary="Die Stadt Zeitz möchte Industriebrachen an der Weißen Elster für "
        "Ansiedlungen aufbereiten und sucht Unterstützung für aussagekräftige Flächenexposés.",
        nda=True,
        definition=Definition.CLEAR,
        team_size=2,
        formats=("praxisprojekt",),
        withdrawn_from=Status.PUBLISHED,
        note="Der Stadtrat hat beschlossen, die Exposés von einem Planungsbüro erstellen zu "
        "lassen, weil die Anfragen der Investoren nicht bis zum Semester warten können.",
    ),
    # --- drafts
    ChallengeSpec(
        TOWN_EILENBURG,
        _EB_TOWN,
        Status.DRAFT,
        "Coworking im ehemaligen Kaufhaus?",
        "Das ehemalige Kaufhaus am Marktplatz steht seit Jahren leer. Wir überlegen, ob sich "
        "dort Coworking für Pendelnde, Gründerinnen und Selbstständige einrichten ließe. Noch "
        "wissen wir nicht, ob es dafür genug Nachfrage gibt.",
        "",
        "",
        ("innenstadt-leerstand", "ansiedlung-wirtschaft"),
        None,
        None,
        definition=Definition.OPEN,
    ),
    ChallengeSpec(
        "Zeitzer Werkstätten GmbH",
        "werkstatt@zeitzer-werkstaetten.example",
        Status.DRAFT,
        "Einzelstücke online verkaufen",
        "Aus Reststücken bauen wir Hocker, Schneidebretter und kleine Regale, die sich im Laden "
        "gut verkaufen. Wir möchten sie auch online anbieten, haben aber keine Erfahrung mit "
        "Produktfotos, Versand und Shopsystemen. Der Aufwand muss neben der Werkstatt "
        "überschaubar bleiben.",
        "",
        "Ein einfacher Online-Shop mit Produktfotos und eine Schätzung, ob sich der Aufwand lohnt.",
        ("ansiedlung-wirtschaft",),
        90,
        240,
        offers=(Offer.SITE_ACCESS,),
        format_wish="praktikum",
        definition=Definition.CLEAR,
        depth=Depth.LOW,
        team_size=2,
    ),
    ChallengeSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        "quartier@wg-moritzburgblick.example",
        Status.DRAFT,
        "Gemeinschaftsräume im Quartier: Wer braucht was?",
        "Im Erdgeschoss unserer Häuser in der Geraer Straße stehen drei Ladenwohnungen leer. "
        "Wir könnten sie als Nachbarschaftscafé, Werkstatt oder Raum für Pflegeberatung "
        "nutzen. Welche Nutzung unseren Mitgliedern wirklich fehlt, haben wir noch nicht "
        "gefragt.",
        "",
        "",
        ("innenstadt-leerstand", "gesundheit-pflege"),
        None,
        None,
        confidentiality=SUMMARY,
        public_summary="Eine Zeitzer Wohnungsgenossenschaft möchte leere Räume im Erdgeschoss "
        "für die Nachbarschaft öffnen.",
        definition=Definition.OPEN,
        citizens=True,
        depth=Depth.LOW,
    ),
)

# Board challenges get one to five followers among the generated students, besides personas.
_FOLLOWERS = (1, 5)


# --- Writing -----------------------------------------------------------------------------------


def _programme_get_or_create(name: str, degree: str, faculty: str) -> tuple[StudyProgramme, bool]:
    return StudyProgramme.objects.get_or_create(
        name=name, degree=degree, defaults={"faculty": faculty}
    )


def _organisation_get_or_create(
    spec: OrganisationSpec, municipality: Municipality
) -> tuple[Organisation, bool]:
    existing = Organisation.objects.filter(name=spec.name).first()
    if existing is not None:
        return existing, False
    organisation = organisation_create(
        actor=None,
        name=spec.name,
        kind=spec.kind,
        municipality=municipality,
        short_description=spec.short_description,
    )
    return organisation, True


_PROFILE_FIELDS = ("description", "sector", "size_class", "street", "postcode")


def _organisation_fill(
    organisation: Organisation, spec: OrganisationSpec, municipality: Municipality, seed: int
) -> None:
    """Fill the organisation's empty profile fields from `spec`; filled ones stay as they are."""
    changed = []
    for name in _PROFILE_FIELDS:
        value = getattr(spec, name)
        if value and not getattr(organisation, name):
            setattr(organisation, name, value)
            changed.append(name)
    if organisation.lat is None or organisation.lon is None:
        organisation.lat, organisation.lon = demo_location(municipality, spec.name, seed)
        changed += ["lat", "lon"]
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])


def _organisations_link(
    organisations: dict[str, Organisation], competences: dict[str, Competence]
) -> int:
    """Competences and offers and needs for organisations that have none yet; returns rows."""
    ids = [organisation.pk for organisation in organisations.values()]
    through = Organisation.competences.through
    with_competences = set(
        through.objects.filter(organisation_id__in=ids).values_list("organisation_id", flat=True)
    )
    with_listings = set(
        Listing.objects.filter(organisation_id__in=ids).values_list("organisation_id", flat=True)
    )
    links = [
        through(organisation_id=organisations[spec.name].pk, competence_id=competences[slug].pk)
        for spec in ORGANISATIONS
        if organisations[spec.name].pk not in with_competences
        for slug in spec.competences
    ]
    listings = [
        Listing(organisation=organisations[spec.name], direction=direction, category=c, text=t)
        for spec in ORGANISATIONS
        if organisations[spec.name].pk not in with_listings
        for direction, entries in (
            (Listing.Direction.OFFER, spec.offers),
            (Listing.Direction.NEED, spec.needs),
        )
        for c, t in entries
    ]
    through.objects.bulk_create(links)
    Listing.objects.bulk_create(listings)
    return len(links) + len(listings)


def _person_get_or_create(
    *,
    email: str,
    name: str,
    role: str,
    password_hash: str,
    is_admin_site: bool = False,
    study_programme: StudyProgramme | None = None,
    semester: int | None = None,
) -> tuple[User, int]:
    """The account for `email`, created with a verified address if missing; returns rows added.

    An existing account is left as it is (its password too), so a second run changes nothing.
    """
    created = 0
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create(
            email=email.lower(),
            password=password_hash,
            name=name,
            role=role,
            language="de",
            is_staff=is_admin_site,
            is_superuser=is_admin_site,
            study_programme=study_programme,
            semester=semester,
        )
        created += 1
    if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        # Mandatory verification would otherwise stop the login of a demo person.
        EmailAddress.objects.create(
            user=user,
            email=user.email,
            verified=True,
            primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
        )
        created += 1
    return user, created


def _membership_ensure(user: User, organisation: Organisation, role: str, position: str) -> int:
    """Add the membership if missing; an existing one keeps its role and position."""
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        return 0
    membership_add(actor=None, user=user, organisation=organisation, role=role, position=position)
    return 1


def _profiles_fill(
    people: Iterable[tuple[User, ProfileSpec]], competences: dict[str, Competence]
) -> int:
    """A profile for every person; an untouched one gets the demo's text, terms and visibility.

    A profile is untouched while it has no text, no languages, no competences and no interests:
    whatever a person filled in themselves stays. Returns the rows added.
    """
    before = PersonProfile.objects.count()
    profiles = [(profile_for(user), spec) for user, spec in people]
    ids = [profile.pk for profile, _spec in profiles]
    competence_links = PersonProfile.competences.through
    interest_links = PersonProfile.interests.through
    touched = set(
        competence_links.objects.filter(personprofile_id__in=ids).values_list(
            "personprofile_id", flat=True
        )
    ) | set(
        interest_links.objects.filter(personprofile_id__in=ids).values_list(
            "personprofile_id", flat=True
        )
    )
    untouched = [
        (profile, spec)
        for profile, spec in profiles
        if not (profile.bio or profile.languages or profile.pk in touched)
    ]
    for profile, spec in untouched:
        profile.bio, profile.languages = spec.bio, spec.languages
        profile.visibility = spec.visibility
        profile.save(update_fields=["bio", "languages", "visibility", "updated_at"])
    new_competences = [
        competence_links(personprofile_id=profile.pk, competence_id=competences[slug].pk)
        for profile, spec in untouched
        for slug in spec.competences
    ]
    new_interests = [
        interest_links(personprofile_id=profile.pk, competence_id=competences[slug].pk)
        for profile, spec in untouched
        for slug in spec.interests
    ]
    competence_links.objects.bulk_create(new_competences)
    interest_links.objects.bulk_create(new_interests)
    return PersonProfile.objects.count() - before + len(new_competences) + len(new_interests)


def _search_index(organisations: Iterable[Organisation], users: Iterable[User]) -> None:
    """Recompute the search text of the demo's organisations and people (cheap, so always)."""
    for organisation in (
        Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        .select_related("municipality__district")
        .prefetch_related("competences", "listings")
    ):
        organisation_index(organisation)
    for profile in (
        PersonProfile.objects.filter(user__in=[u.pk for u in users])
        .select_related("user__study_programme")
        .prefetch_related("competences", "interests")
    ):
        person_index(profile)


def _day(offset: int | None) -> date | None:
    return None if offset is None else DEMO_TODAY + timedelta(days=offset)


def _challenge_create(
    spec: ChallengeSpec,
    *,
    organisation: Organisation,
    users: dict[str, User],
    topics: dict[str, TopicField],
    formats: dict[str, TransferFormat],
    municipalities: dict[str, Municipality],
) -> Challenge:
    """Write the challenge as its author and take it through `challenge_steps(spec)`."""
    author, coordinator = users[spec.author], users[COORDINATOR]
    data: dict[str, Any] = {
        "title": spec.title,
        "problem": spec.problem,
        "context": spec.context,
        "desired_result": "" if spec.revision_request else spec.desired_result,
        "public_summary": spec.public_summary,
        "contact_person": users[spec.contact or spec.author],
        "earliest_start": _day(spec.start),
        "deadline": _day(spec.deadline),
        "partner_offers": list(spec.offers),
        "partner_offers_note": spec.offers_note,
        "confidentiality": spec.confidentiality,
        "nda_required": spec.nda,
        "format_wish": formats[spec.format_wish] if spec.format_wish else None,
        "definition": spec.definition,
        "citizen_involvement": spec.citizens,
        "technical_depth": spec.depth,
        "expected_team_size": spec.team_size,
    }
    if spec.municipality:
        data["municipality"] = municipalities[spec.municipality]
    challenge_topics = [topics[slug] for slug in spec.topics]
    challenge = challenge_save(
        actor=author, organisation=organisation, data=data, topics=challenge_topics
    )
    for step in challenge_steps(spec):
        if step == "assign":
            challenge = challenge_assign(
                actor=coordinator,
                challenge=challenge,
                formats=[formats[slug] for slug in spec.formats],
                coordinator=users[spec.coordinator],
            )
        elif step == "request_revision":
            challenge = challenge_request_changes(
                actor=coordinator,
                challenge=challenge,
                note=spec.revision_request,
            )
        elif step == "revise":
            challenge = challenge_save(
                actor=author,
                organisation=organisation,
                challenge=challenge,
                data={"desired_result": spec.desired_result},
                topics=challenge_topics,
            )
        else:
            by_author = step in ("submit", "withdraw")
            with_note = step in ("request_changes", "reject", "withdraw")
            challenge = STEP_SERVICES[step](
                actor=author if by_author else coordinator,
                challenge=challenge,
                note=spec.note if with_note else "",
            )
    for email, text, visible in spec.comments:
        challenge_comment(
            actor=users[email], challenge=challenge, text=text, visible_to_submitter=visible
        )
    return challenge


def _challenges_load(
    organisations: dict[str, Organisation], users: dict[str, User], students: list[User], seed: int
) -> int:
    """Create the demo challenges that are missing, found by organisation and title.

    A challenge that exists is left alone, whatever happened to it since, and so are its
    comments and followers. Returns the rows added (challenges, comments, follows).
    """
    counts = (Challenge.objects.count, Comment.objects.count, Follow.objects.count)
    before = sum(count() for count in counts)
    existing = set(
        Challenge.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation_id", "title"
        )
    )
    topics: dict[str, TopicField] = TopicField.objects.in_bulk(field_name="slug")
    formats: dict[str, TransferFormat] = TransferFormat.objects.in_bulk(field_name="slug")
    municipalities = {
        m.ags: m
        for m in Municipality.objects.filter(
            ags__in={spec.municipality for spec in CHALLENGES if spec.municipality}
        )
    }
    # Nobody is mailed about demo challenges.
    with notifications_suppressed():
        for spec in CHALLENGES:
            organisation = organisations[spec.organisation]
            if (organisation.pk, spec.title) in existing:
                continue
            challenge = _challenge_create(
                spec,
                organisation=organisation,
                users=users,
                topics=topics,
                formats=formats,
                municipalities=municipalities,
            )
            if challenge.is_on_board:
                rng = random.Random(f"{seed}:follows:{spec.title}")
                generated = rng.sample(students, rng.randint(*_FOLLOWERS))
                for student in [*(users[email] for email in spec.followers), *generated]:
                    challenge_follow(actor=student, challenge=challenge, follow=True)
    return sum(count() for count in counts) - before


@transaction.atomic
def demo_load(*, seed: int = DEMO_SEED) -> DemoReport:
    """Fill the database with the demo programme; idempotent.

    Rules: loads the region reference data, the starter vocabulary of competences and the
    catalogue of topic fields and transfer formats first (the towns, Leipzig, the competences
    and the formats must exist); organisations are found by name,
    people by e-mail, programmes by name and degree, memberships by person and organisation,
    and only what is missing is created, so a second run adds and changes nothing. New
    accounts get DEMO_PASSWORD, language German and a verified primary e-mail address.
    Organisation fields, competences and offers and needs are filled only where empty;
    a person's profile only while nobody has filled it in. Administrators of the demo's
    organisations are shown as contact persons. `seed` decides the generated students, their
    profiles and where the organisations sit on the map. Search texts are recomputed at the
    end. Challenges are found by organisation and title; a missing one is written by a member
    and taken to its status through the challenge services (so the activity log and comments
    are real), without notifying anybody; dates count from DEMO_TODAY. Raises
    Municipality.DoesNotExist if the reference data lacks a town the demo needs.
    """
    region_load_reference()
    created = competences_load_starter()
    created += catalogue_load()
    competences: dict[str, Competence] = Competence.objects.in_bulk(field_name="slug")
    # One hash for all accounts: the password is public anyway, and hashing it a hundred
    # times with the production hasher would make the command take half a minute.
    password_hash = make_password(DEMO_PASSWORD)

    programmes: dict[tuple[str, str], StudyProgramme] = {}
    for name, degree, faculty in PROGRAMMES:
        programme, was_created = _programme_get_or_create(name, degree, faculty)
        programmes[(name, degree)] = programme
        created += was_created

    municipalities = {
        m.ags: m for m in Municipality.objects.filter(ags__in=(EILENBURG, ZEITZ, LEIPZIG))
    }
    organisations: dict[str, Organisation] = {}
    for spec in ORGANISATIONS:
        municipality = municipalities.get(spec.ags)
        if municipality is None:
            raise Municipality.DoesNotExist(f"Municipality {spec.ags} is missing for {spec.name}.")
        organisation, was_created = _organisation_get_or_create(spec, municipality)
        _organisation_fill(organisation, spec, municipality, seed)
        organisations[spec.name] = organisation
        created += was_created
    created += _organisations_link(organisations, competences)

    users: dict[str, User] = {}
    profiles: list[tuple[User, ProfileSpec]] = []
    for person in PEOPLE:
        user, added = _person_get_or_create(
            email=person.email,
            name=person.name,
            role=person.role,
            password_hash=password_hash,
            is_admin_site=person.is_admin_site,
        )
        users[person.email] = user
        profiles.append((user, person_profile_spec(person)))
        created += added
        created += _membership_ensure(
            user, organisations[person.organisation], person.membership, person.position
        )
    for extra in MEMBERSHIPS:
        created += _membership_ensure(
            users[extra.email], organisations[extra.organisation], extra.role, extra.position
        )
    Membership.objects.filter(
        organisation__in=organisations.values(),
        user__in=users.values(),
        role=ADMIN,
        is_contact=False,
    ).update(is_contact=True)

    students = [*PERSONA_STUDENTS, *demo_students(seed)]
    for index, student in enumerate(students):
        user, added = _person_get_or_create(
            email=student.email,
            name=student.name,
            role=Role.STUDENT,
            password_hash=password_hash,
            study_programme=programmes[student.programme],
            semester=student.semester,
        )
        users[student.email] = user
        profiles.append((user, student_profile_spec(student, index, seed)))
        created += added

    created += _profiles_fill(profiles, competences)
    _search_index(organisations.values(), users.values())
    generated = [users[student.email] for student in students[len(PERSONA_STUDENTS) :]]
    created += _challenges_load(organisations, users, generated, seed)
    # rounds.py builds on this module's tables, so it is imported here rather than at the top.
    from transferraum.demo.recommendations import demo_recommendations_load
    from transferraum.demo.rounds import ROUND_CHALLENGES, demo_rounds_load

    created += demo_rounds_load(seed=seed).created
    created += demo_recommendations_load().created

    return DemoReport(
        organisations=len(ORGANISATIONS),
        people=len(PEOPLE),
        students=len(students),
        created=created,
        listings=sum(len(spec.offers) + len(spec.needs) for spec in ORGANISATIONS),
        competences=len(competences),
        challenges=len(CHALLENGES) + len(ROUND_CHALLENGES),
    )
