"""The demo's people: the named logins, staff of the organisations with their profiles, further
memberships, the study programmes, the two student personas and the names that the generated
students are drawn from (the drawing itself is code, in `transferraum.demo.services`).
"""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.accounts.models import StudyProgramme, User
from transferraum.actors.models import Membership, PersonProfile
from transferraum.demo.data.organisations import (
    COMPUTING,
    CULTURE,
    GEOGRAPHY,
    MEDIA,
    SMILE,
    SOCIOLOGY,
    STARTUP,
    TOWN_EILENBURG,
    TOWN_ZEITZ,
    TRADE_EILENBURG,
    TRADE_ZEITZ,
    TRANSFER_UNIT,
    URBAN,
)

STUDENT_DOMAIN = "studserv.uni-leipzig.example"
COORDINATOR = "koordination@uni-leipzig.example"  # acts in every review step
COORDINATOR_PROJECTS = "praxisprojekte@uni-leipzig.example"

Role = User.Role
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
class PersonSpec:
    """A person other than a student: their account, their first membership and their profile."""

    email: str
    name: str
    roles: tuple[str, ...]
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
    """A student persona, or a generated student (then without profile texts)."""

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


# --- People other than students ----------------------------------------------------------------


def _p(
    email: str,
    name: str,
    role: str | tuple[str, ...],
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
        (role,) if isinstance(role, str) else role,
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
        (Role.SUPERVISOR, Role.RESEARCHER),  # several roles: she also researches
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

# Languages besides German and English that students list; the first names decide the list.
FURTHER_LANGUAGES_GERMAN = ("Französisch", "Spanisch", "Russisch", "Polnisch", "Tschechisch")
FIRST_LANGUAGES_INTERNATIONAL = (
    "Arabisch", "Spanisch", "Ukrainisch", "Türkisch", "Italienisch", "Polnisch", "Vietnamesisch",
    "Portugiesisch", "Chinesisch", "Hindi",
)  # fmt: skip


# --- people who have just signed up and ask for a role or to join an organisation --------------


@dataclass(frozen=True)
class NewcomerSpec:
    """An account with the public role and one open request: for a role in the programme
    (`role`) or to join an organisation (`organisation`, with `position`)."""

    email: str
    name: str
    note: str
    role: str = ""
    organisation: str = ""
    position: str = ""
    bio: str = ""
    competences: tuple[str, ...] = ()
    languages: str = "Deutsch, Englisch"


# The university's student domain in the demo: verified addresses there are students at once.
STUDENT_EMAIL_DOMAINS = (STUDENT_DOMAIN,)

NEWCOMERS = (
    NewcomerSpec(
        email="j.brandt@uni-leipzig.example",
        name="Dr. Jonas Brandt",
        role=User.Role.SUPERVISOR,
        note=(
            "Ich bin seit Oktober am Institut für Geographie und möchte im Sommer ein "
            "Praxisprojekt zur Wärmeplanung in Zeitz betreuen."
        ),
        bio="Wissenschaftlicher Mitarbeiter am Institut für Geographie, Schwerpunkt Energieräume.",
        competences=("geoinformatik", "raumanalyse"),
    ),
    NewcomerSpec(
        email="l.koenig@zeitz.example",
        name="Lena König",
        organisation=TOWN_ZEITZ,
        position="Wirtschaftsförderung",
        note="Ich habe im Dezember in der Wirtschaftsförderung der Stadt angefangen.",
        bio="Wirtschaftsförderin der Stadt Zeitz, zuständig für Gewerbeflächen und Gründungen.",
        competences=("regionalentwicklung", "foerdermittel"),
        languages="Deutsch",
    ),
)
