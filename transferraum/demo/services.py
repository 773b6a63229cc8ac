"""Demo data: a plausible, entirely fictional "Transfer über Köpfe" programme.

Every person, company and e-mail address here is invented; all addresses use `.example`
domains so that no mail can ever reach a real inbox. The data tables below are the single
place to change what the demo contains; docs/demo-data.md describes them for people.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Membership, Organisation
from transferraum.actors.services import membership_add, organisation_create
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


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str
    ags: str
    short_description: str


@dataclass(frozen=True)
class PersonSpec:
    email: str
    name: str
    role: str
    organisation: str
    membership: str
    position: str
    is_admin_site: bool = False


@dataclass(frozen=True)
class StudentSpec:
    email: str
    name: str
    programme: tuple[str, str]  # (name, degree), the natural key of StudyProgramme
    semester: int


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

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    # Partner towns
    OrganisationSpec(
        TOWN_EILENBURG,
        Kind.TOWN,
        EILENBURG,
        "Große Kreisstadt an der Mulde im Landkreis Nordsachsen und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
    ),
    OrganisationSpec(
        TOWN_ZEITZ,
        Kind.TOWN,
        ZEITZ,
        "Stadt an der Weißen Elster im Burgenlandkreis und Partnerstadt im Programm "
        "„Transfer über Köpfe“.",
    ),
    # University units
    OrganisationSpec(
        TRANSFER_UNIT,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Koordiniert „Transfer über Köpfe“ und vermittelt zwischen Hochschule, Städten und "
        "Partnern vor Ort.",
    ),
    OrganisationSpec(
        SMILE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Berät Studierende und Forschende, die gründen wollen – auch mit Standort in Eilenburg "
        "oder Zeitz.",
    ),
    OrganisationSpec(
        GEOGRAPHY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Regional-, Stadt- und Wirtschaftsgeographie; betreut Praxisprojekte in Eilenburg und "
        "Zeitz.",
    ),
    OrganisationSpec(
        SOCIOLOGY,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Empirische Sozialforschung zu Engagement, Zuzug und Zusammenhalt in Klein- und "
        "Mittelstädten.",
    ),
    OrganisationSpec(
        URBAN,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtumbau, Immobilienwirtschaft und Flächenentwicklung in wachsenden und "
        "schrumpfenden Städten.",
    ),
    OrganisationSpec(
        COMPUTING,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Softwaretechnik und Datenplattformen für Verwaltung, Handwerk und kleine Unternehmen.",
    ),
    OrganisationSpec(
        MEDIA,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Stadtmarketing, Bürgerbeteiligung und lokale Öffentlichkeit.",
    ),
    OrganisationSpec(
        CULTURE,
        Kind.UNIVERSITY_UNIT,
        LEIPZIG,
        "Kulturelles Erbe, Industriekultur und Kulturarbeit im ländlichen Raum.",
    ),
    # Eilenburg: companies and associations
    OrganisationSpec(
        "Muldental Metallbau GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Metall- und Stahlbau mit 28 Beschäftigten: Treppen, Geländer, Hallen. Sucht Fachkräfte "
        "und Ideen für die Betriebsnachfolge.",
    ),
    OrganisationSpec(
        "Bäckerei Sommerfeld",
        Kind.COMPANY,
        EILENBURG,
        "Familienbäckerei in dritter Generation mit vier Filialen in Eilenburg und Umgebung.",
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Muldeaue eG",
        Kind.COMPANY,
        EILENBURG,
        "Rund 1.200 Wohnungen in Eilenburg; modernisiert den Bestand und erprobt Probewohnen "
        "für Rückkehrende.",
    ),
    OrganisationSpec(
        "Nordsachsen Logistik GmbH",
        Kind.COMPANY,
        EILENBURG,
        "Spedition und Kontraktlogistik mit 60 Beschäftigten; sucht Nachwuchs für IT und "
        "Disposition.",
    ),
    OrganisationSpec(
        "Tischlerei Hartmann & Söhne",
        Kind.COMPANY,
        EILENBURG,
        "Handwerksbetrieb für Fenster, Türen und Innenausbau; sucht eine Nachfolgelösung.",
    ),
    OrganisationSpec(
        "Tourismusverein Muldenland e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Bündelt Gastgeber, Radwege und Ausflugsziele rund um Eilenburg und die Mulde.",
    ),
    OrganisationSpec(
        "SV Muldeaue Eilenburg e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Sportverein mit Fußball, Kanu und Gesundheitssport; 450 Mitglieder und viele "
        "Ehrenamtliche.",
    ),
    OrganisationSpec(
        "Muldeufer Kulturverein e.V.",
        Kind.CIVIL_SOCIETY,
        EILENBURG,
        "Organisiert Lesungen, Konzerte und ein Sommerkino am Fluss.",
    ),
    OrganisationSpec(
        STARTUP,
        Kind.STARTUP,
        EILENBURG,
        "Ausgründung aus der Universität: vermittelt gebrauchte Baustoffe aus Rückbau an "
        "Handwerk und Privatleute.",
    ),
    # Zeitz: companies and associations
    OrganisationSpec(
        "Zeitzer Werkstätten GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Tischlerei und Möbelbau mit 15 Beschäftigten; fertigt Einbauten für Praxen, Läden und "
        "Museen.",
    ),
    OrganisationSpec(
        "Elster-IT Service GmbH",
        Kind.COMPANY,
        ZEITZ,
        "IT-Dienstleister für Handwerk, Praxen und Vereine: Netzwerke, Cloud und Datenschutz.",
    ),
    OrganisationSpec(
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        Kind.COMPANY,
        ZEITZ,
        "Genossenschaft mit 900 Wohnungen; sucht Konzepte gegen Leerstand und für "
        "altersgerechtes Wohnen.",
    ),
    OrganisationSpec(
        "Backstube Domgasse Zeitz",
        Kind.COMPANY,
        ZEITZ,
        "Handwerksbäckerei mit Café in der Altstadt; backt nach Rezepten aus der Region.",
    ),
    OrganisationSpec(
        "Elstertal Solartechnik GmbH",
        Kind.COMPANY,
        ZEITZ,
        "Plant und montiert Photovoltaik und Wärmepumpen für Haushalte und Betriebe im "
        "Burgenlandkreis.",
    ),
    OrganisationSpec(
        "Zeitzer Heimatverein e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Pflegt die Stadtgeschichte, führt durch die Altstadt und sammelt Erinnerungen an die "
        "Industriezeit.",
    ),
    OrganisationSpec(
        "Tourismusverein Zeitzer Land e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Wirbt für Schloss, Dom und unterirdische Gänge der Stadt und für den Elster-Radweg.",
    ),
    OrganisationSpec(
        "Kanuverein Weiße Elster Zeitz e.V.",
        Kind.CIVIL_SOCIETY,
        ZEITZ,
        "Kanu- und Wassersport für alle Altersgruppen; betreibt ein Bootshaus an der Elster.",
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
) -> PersonSpec:
    return PersonSpec(email, name, role, organisation, membership, position, is_admin_site)


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
    ),
    _p(
        "praxisprojekte@uni-leipzig.example",
        "Jan Reinhardt",
        Role.COORDINATOR,
        TRANSFER_UNIT,
        MEMBER,
        "Koordination Praxisprojekte und Partner vor Ort",
    ),
    _p(
        "gruendung@uni-leipzig.example",
        "Nora Baumann",
        Role.STAFF,
        SMILE,
        ADMIN,
        "Gründungsberatung",
    ),
    # Supervisors
    _p(
        "betreuung@uni-leipzig.example",
        "Dr. Miriam Hahn",
        Role.SUPERVISOR,
        GEOGRAPHY,
        MEMBER,
        "Wissenschaftliche Mitarbeiterin, Betreuung der Praxisprojekte",
    ),
    _p(
        "ulrich.brandt@uni-leipzig.example",
        "Prof. Dr. Ulrich Brandt",
        Role.SUPERVISOR,
        GEOGRAPHY,
        ADMIN,
        "Professur für Regionalentwicklung",
    ),
    _p(
        "nadine.seidel@uni-leipzig.example",
        "Dr. Nadine Seidel",
        Role.SUPERVISOR,
        SOCIOLOGY,
        ADMIN,
        "Lehrkraft für empirische Sozialforschung",
    ),
    _p(
        "henrik.pohl@uni-leipzig.example",
        "Prof. Dr. Henrik Pohl",
        Role.SUPERVISOR,
        URBAN,
        ADMIN,
        "Professur für Stadtentwicklung",
    ),
    _p(
        "felix.zimmermann@uni-leipzig.example",
        "Dr. Felix Zimmermann",
        Role.SUPERVISOR,
        COMPUTING,
        ADMIN,
        "Lehrkraft für Softwaretechnik",
    ),
    _p(
        "ayse.demir@uni-leipzig.example",
        "Dr. Ayşe Demir",
        Role.SUPERVISOR,
        MEDIA,
        ADMIN,
        "Lehrkraft für strategische Kommunikation",
    ),
    _p(
        "johanna.kraft@uni-leipzig.example",
        "Dr. Johanna Kraft",
        Role.SUPERVISOR,
        CULTURE,
        ADMIN,
        "Lehrkraft für Kulturmanagement",
    ),
    # Researchers
    _p(
        "begleitforschung@uni-leipzig.example",
        "Dr. Paula Winkler",
        Role.RESEARCHER,
        SOCIOLOGY,
        MEMBER,
        "Begleitforschung „Transfer über Köpfe“",
    ),
    _p(
        "lukas.brenner@uni-leipzig.example",
        "Lukas Brenner",
        Role.RESEARCHER,
        GEOGRAPHY,
        MEMBER,
        "Doktorand in der Begleitforschung",
    ),
    # Founder
    _p(
        "gruenderin@startup-eilenburg.example",
        "Mira Albrecht",
        Role.FOUNDER,
        STARTUP,
        ADMIN,
        "Gründerin und Geschäftsführerin",
    ),
    # Town administrations
    _p(
        "wirtschaft@eilenburg.example",
        "Thomas Berger",
        Role.STAFF,
        TOWN_EILENBURG,
        ADMIN,
        "Wirtschaftsförderung",
    ),
    _p(
        "stadtplanung@eilenburg.example",
        "Sabine Hoffmann",
        Role.STAFF,
        TOWN_EILENBURG,
        MEMBER,
        "Stadtplanung und Bauverwaltung",
    ),
    _p(
        "buero-ob@eilenburg.example",
        "Anja Lorenz",
        Role.STAFF,
        TOWN_EILENBURG,
        MEMBER,
        "Referentin im Büro des Oberbürgermeisters",
    ),
    _p(
        "stadtplanung@zeitz.example",
        "Claudia Neumann",
        Role.STAFF,
        TOWN_ZEITZ,
        ADMIN,
        "Stadtplanung und Stadtentwicklung",
    ),
    _p(
        "wirtschaft@zeitz.example",
        "Martin Schulze",
        Role.STAFF,
        TOWN_ZEITZ,
        MEMBER,
        "Wirtschaftsförderung",
    ),
    _p(
        "buero-ob@zeitz.example",
        "Stefan Richter",
        Role.STAFF,
        TOWN_ZEITZ,
        MEMBER,
        "Referent im Büro des Oberbürgermeisters",
    ),
    # Eilenburg: companies and associations
    _p(
        "geschaeftsfuehrung@muldental-metallbau.example",
        "Frank Dietrich",
        Role.STAFF,
        "Muldental Metallbau GmbH",
        ADMIN,
        "Geschäftsführer",
    ),
    _p(
        "personal@muldental-metallbau.example",
        "Kerstin Marx",
        Role.STAFF,
        "Muldental Metallbau GmbH",
        MEMBER,
        "Personal und Ausbildung",
    ),
    _p(
        "inhaberin@baeckerei-sommerfeld.example",
        "Heike Sommerfeld",
        Role.STAFF,
        "Bäckerei Sommerfeld",
        ADMIN,
        "Inhaberin und Bäckermeisterin",
    ),
    _p(
        "vorstand@wg-muldeaue.example",
        "Andreas Teichmann",
        Role.STAFF,
        "Wohnungsgenossenschaft Muldeaue eG",
        ADMIN,
        "Vorstand",
    ),
    _p(
        "vermietung@wg-muldeaue.example",
        "Julia Böhme",
        Role.STAFF,
        "Wohnungsgenossenschaft Muldeaue eG",
        MEMBER,
        "Vermietung und Quartiersarbeit",
    ),
    _p(
        "geschaeftsfuehrung@nordsachsen-logistik.example",
        "Matthias Ebert",
        Role.STAFF,
        "Nordsachsen Logistik GmbH",
        ADMIN,
        "Geschäftsführer",
    ),
    _p(
        "ausbildung@nordsachsen-logistik.example",
        "Sandra Pietsch",
        Role.STAFF,
        "Nordsachsen Logistik GmbH",
        MEMBER,
        "Ausbildungsleiterin",
    ),
    _p(
        "kontakt@tischlerei-hartmann.example",
        "Bernd Hartmann",
        Role.STAFF,
        "Tischlerei Hartmann & Söhne",
        ADMIN,
        "Tischlermeister und Inhaber",
    ),
    _p(
        "vorstand@muldenland-tourismus.example",
        "Petra Kühn",
        Role.STAFF,
        "Tourismusverein Muldenland e.V.",
        ADMIN,
        "Vorsitzende",
    ),
    _p(
        "vorstand@sv-muldeaue.example",
        "Dirk Schwarz",
        Role.STAFF,
        "SV Muldeaue Eilenburg e.V.",
        ADMIN,
        "Vorsitzender",
    ),
    _p(
        "jugend@sv-muldeaue.example",
        "Nicole Haase",
        Role.STAFF,
        "SV Muldeaue Eilenburg e.V.",
        MEMBER,
        "Jugendwartin",
    ),
    _p(
        "vorstand@muldeufer-kultur.example",
        "Maren Vogt",
        Role.STAFF,
        "Muldeufer Kulturverein e.V.",
        ADMIN,
        "Vorsitzende",
    ),
    # Zeitz: companies and associations
    _p(
        "inhaberin@zeitzer-werkstaetten.example",
        "Susanne Kirchner",
        Role.STAFF,
        "Zeitzer Werkstätten GmbH",
        ADMIN,
        "Inhaberin und Geschäftsführerin",
    ),
    _p(
        "werkstatt@zeitzer-werkstaetten.example",
        "Marco Lange",
        Role.STAFF,
        "Zeitzer Werkstätten GmbH",
        MEMBER,
        "Werkstattleiter",
    ),
    _p(
        "team@elster-it.example",
        "Daniel Krüger",
        Role.STAFF,
        "Elster-IT Service GmbH",
        ADMIN,
        "Geschäftsführer",
    ),
    _p(
        "vorstand@wg-moritzburgblick.example",
        "Ines Möller",
        Role.STAFF,
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        ADMIN,
        "Vorstand",
    ),
    _p(
        "quartier@wg-moritzburgblick.example",
        "Tim Seifert",
        Role.STAFF,
        "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
        MEMBER,
        "Quartiersmanagement",
    ),
    _p(
        "backstube@domgasse-zeitz.example",
        "Lars Wendt",
        Role.STAFF,
        "Backstube Domgasse Zeitz",
        ADMIN,
        "Bäckermeister und Inhaber",
    ),
    _p(
        "kontakt@elstertal-solar.example",
        "Sebastian Otto",
        Role.STAFF,
        "Elstertal Solartechnik GmbH",
        ADMIN,
        "Geschäftsführer",
    ),
    _p(
        "projekte@elstertal-solar.example",
        "Aylin Kaya",
        Role.STAFF,
        "Elstertal Solartechnik GmbH",
        MEMBER,
        "Projektleitung",
    ),
    _p(
        "vorstand@zeitzer-heimatverein.example",
        "Gerhard Pfeiffer",
        Role.STAFF,
        "Zeitzer Heimatverein e.V.",
        ADMIN,
        "Vorsitzender",
    ),
    _p(
        "archiv@zeitzer-heimatverein.example",
        "Monika Rudolph",
        Role.STAFF,
        "Zeitzer Heimatverein e.V.",
        MEMBER,
        "Archiv und Stadtführungen",
    ),
    _p(
        "info@zeitzer-land.example",
        "Kathrin Heinze",
        Role.STAFF,
        "Tourismusverein Zeitzer Land e.V.",
        ADMIN,
        "Geschäftsführerin",
    ),
    _p(
        "vorstand@kanu-zeitz.example",
        "Uwe Kaiser",
        Role.STAFF,
        "Kanuverein Weiße Elster Zeitz e.V.",
        ADMIN,
        "Vorsitzender",
    ),
)

# --- Students ----------------------------------------------------------------------------------

PERSONA_STUDENTS: tuple[StudentSpec, ...] = (
    StudentSpec(f"lena.schubert@{STUDENT_DOMAIN}", "Lena Schubert", ("Geographie", BACHELOR), 4),
    StudentSpec(f"jonas.weber@{STUDENT_DOMAIN}", "Jonas Weber", ("Informatik", BACHELOR), 5),
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


@transaction.atomic
def demo_load(*, seed: int = DEMO_SEED) -> DemoReport:
    """Fill the database with the demo programme; idempotent.

    Rules: loads the region reference data first (the towns and Leipzig must exist);
    organisations are found by name, people by e-mail, programmes by name and degree, and only
    what is missing is created, so a second run adds and changes nothing; new accounts get
    DEMO_PASSWORD, language German and a verified primary e-mail address. `seed` decides the
    generated students only. Raises Municipality.DoesNotExist if the reference data lacks a
    town the demo needs.
    """
    region_load_reference()
    created = 0
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
        organisations[spec.name] = organisation
        created += was_created

    for person in PEOPLE:
        user, added = _person_get_or_create(
            email=person.email,
            name=person.name,
            role=person.role,
            password_hash=password_hash,
            is_admin_site=person.is_admin_site,
        )
        created += added
        created += _membership_ensure(
            user, organisations[person.organisation], person.membership, person.position
        )

    students = [*PERSONA_STUDENTS, *demo_students(seed)]
    for student in students:
        _user, added = _person_get_or_create(
            email=student.email,
            name=student.name,
            role=Role.STUDENT,
            password_hash=password_hash,
            study_programme=programmes[student.programme],
            semester=student.semester,
        )
        created += added

    return DemoReport(
        organisations=len(ORGANISATIONS),
        people=len(PEOPLE),
        students=len(students),
        created=created,
    )
