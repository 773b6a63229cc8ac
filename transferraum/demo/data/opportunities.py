"""The demo's opportunities in Eilenburg and Zeitz (issue 22, point 7): every kind, some
expired and some filled, with applications, saved searches and the towns' welcome contacts.

Amounts are whole euros per month (the loader keeps cents); `start` counts days from the day
the demo is loaded, as do deadlines and expiry dates (the services refuse dates in the past)."""

from __future__ import annotations

from dataclasses import dataclass

from transferraum.demo.data.organisations import EILENBURG, ZEITZ

EILENBURG_TOWN = "Stadtverwaltung Eilenburg"
ZEITZ_TOWN = "Stadtverwaltung Zeitz"
METALLBAU = "Muldental Metallbau GmbH"
LOGISTIK = "Nordsachsen Logistik GmbH"
WG_MULDEAUE = "Wohnungsgenossenschaft Muldeaue eG"
KREISLAUF = "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)"
SV_MULDEAUE = "SV Muldeaue Eilenburg e.V."
WERKSTAETTEN = "Zeitzer Werkstätten GmbH"
ELSTER_IT = "Elster-IT Service GmbH"
WG_ZEITZ = "Wohnungsgenossenschaft Moritzburgblick Zeitz eG"
SOLAR = "Elstertal Solartechnik GmbH"
HEIMAT = "Zeitzer Heimatverein e.V."

POSTERS = {
    EILENBURG_TOWN: "wirtschaft@eilenburg.example",
    ZEITZ_TOWN: "wirtschaft@zeitz.example",
    METALLBAU: "personal@muldental-metallbau.example",
    LOGISTIK: "ausbildung@nordsachsen-logistik.example",
    WG_MULDEAUE: "vermietung@wg-muldeaue.example",
    KREISLAUF: "gruenderin@startup-eilenburg.example",
    SV_MULDEAUE: "jugend@sv-muldeaue.example",
    WERKSTAETTEN: "inhaberin@zeitzer-werkstaetten.example",
    ELSTER_IT: "team@elster-it.example",
    WG_ZEITZ: "quartier@wg-moritzburgblick.example",
    SOLAR: "projekte@elstertal-solar.example",
    HEIMAT: "vorstand@zeitzer-heimatverein.example",
}


@dataclass(frozen=True)
class OpportunitySpec:
    organisation: str
    kind: str
    title: str
    ags: str
    pay: tuple[int | None, int | None] = (None, None)
    start: int | None = 30
    duration: str = ""
    competences: tuple[str, ...] = ()
    languages: str = "Deutsch"
    remote: int = 0
    end: str = "published"  # published, filled, expired, submitted, draft
    link: str = ""
    description: str = ""


Spec = OpportunitySpec
OPPORTUNITIES: tuple[OpportunitySpec, ...] = (
    # Eilenburg
    Spec(
        EILENBURG_TOWN,
        "internship",
        "Praktikum Stadtentwicklung und Leerstand",
        EILENBURG,
        (600, 800),
        45,
        "3 Monate",
        ("geoinformatik",),
    ),
    Spec(
        EILENBURG_TOWN,
        "thesis",
        "Masterarbeit: Mobilität zwischen Eilenburg und Leipzig",
        EILENBURG,
        start=60,
        duration="6 Monate",
    ),
    Spec(
        EILENBURG_TOWN,
        "job",
        "Sachbearbeitung Wirtschaftsförderung (m/w/d)",
        EILENBURG,
        (3400, 3900),
        90,
        "unbefristet",
        remote=20,
    ),
    Spec(
        EILENBURG_TOWN,
        "voluntary",
        "Freiwilliges Jahr im Bürgerbüro",
        EILENBURG,
        (450, 450),
        120,
        "12 Monate",
    ),
    Spec(
        EILENBURG_TOWN,
        "trial_living",
        "Probewohnen Eilenburg 2027",
        EILENBURG,
        start=150,
        duration="4 Wochen",
        link="https://www.eilenburg.example/probewohnen",
    ),
    Spec(
        EILENBURG_TOWN,
        "working_student",
        "Werkstudium Social Media der Stadt",
        EILENBURG,
        (14, 16),
        20,
        "ab sofort",
        end="filled",
    ),
    Spec(
        METALLBAU,
        "apprenticeship",
        "Ausbildung Metallbauer/in Konstruktionstechnik",
        EILENBURG,
        (950, 1150),
        240,
        "3,5 Jahre",
    ),
    Spec(
        METALLBAU,
        "internship",
        "Praktikum Produktionsplanung",
        EILENBURG,
        (700, 900),
        30,
        "3 Monate",
        end="expired",
    ),
    Spec(
        METALLBAU,
        "job",
        "Ingenieur/in Konstruktion",
        EILENBURG,
        (4200, 5200),
        60,
        "unbefristet",
        remote=40,
    ),
    Spec(
        METALLBAU,
        "thesis",
        "Bachelorarbeit: Energieeffizienz in der Fertigung",
        EILENBURG,
        start=45,
    ),
    Spec(
        LOGISTIK,
        "apprenticeship",
        "Ausbildung Kaufleute für Spedition und Logistik",
        EILENBURG,
        (1000, 1200),
        240,
        "3 Jahre",
    ),
    Spec(
        LOGISTIK,
        "working_student",
        "Werkstudium Datenanalyse Lager",
        EILENBURG,
        (15, 17),
        14,
        "6 Monate",
        ("datenanalyse",),
        remote=50,
    ),
    Spec(
        LOGISTIK, "job", "Disposition Nahverkehr (m/w/d)", EILENBURG, (3000, 3500), 30, end="filled"
    ),
    Spec(WG_MULDEAUE, "flat", "2-Raum-Wohnung an der Mulde, 54 m²", EILENBURG, (420, 420), 30),
    Spec(WG_MULDEAUE, "flat", "3-Raum-Wohnung mit Balkon, 71 m²", EILENBURG, (560, 560), 60),
    Spec(WG_MULDEAUE, "room", "WG-Zimmer für Studierende, möbliert", EILENBURG, (290, 290), 14),
    Spec(WG_MULDEAUE, "flat", "1-Raum-Wohnung Altstadt", EILENBURG, (330, 330), 10, end="filled"),
    Spec(
        KREISLAUF,
        "internship",
        "Praktikum Kreislaufwirtschaft und Reparatur",
        EILENBURG,
        (500, 700),
        30,
        "2 Monate",
    ),
    Spec(
        KREISLAUF,
        "working_student",
        "Werkstudium Web-Shop",
        EILENBURG,
        (14, 15),
        7,
        remote=80,
        end="expired",
    ),
    Spec(
        SV_MULDEAUE,
        "voluntary",
        "Übungsleitung Jugendfußball",
        EILENBURG,
        start=14,
        duration="ab sofort",
    ),
    # Zeitz
    Spec(
        ZEITZ_TOWN,
        "internship",
        "Praktikum Innenstadtmanagement",
        ZEITZ,
        (600, 800),
        45,
        "3 Monate",
    ),
    Spec(
        ZEITZ_TOWN, "thesis", "Masterarbeit: Strukturwandel im Revier und Rückkehr", ZEITZ, start=60
    ),
    Spec(
        ZEITZ_TOWN,
        "trial_living",
        "Summer of Pioneers Zeitz",
        ZEITZ,
        start=180,
        duration="6 Monate",
        link="https://www.zeitz.example/pioneers",
    ),
    Spec(
        ZEITZ_TOWN,
        "job",
        "Klimaschutzmanager/in (m/w/d)",
        ZEITZ,
        (3700, 4300),
        75,
        "befristet, 3 Jahre",
        remote=20,
    ),
    Spec(
        ZEITZ_TOWN,
        "voluntary",
        "Freiwilliges Jahr Kultur im Schloss Moritzburg",
        ZEITZ,
        (450, 450),
        100,
        "12 Monate",
        end="expired",
    ),
    Spec(
        WERKSTAETTEN,
        "apprenticeship",
        "Ausbildung Industriemechaniker/in",
        ZEITZ,
        (950, 1100),
        240,
        "3,5 Jahre",
    ),
    Spec(
        WERKSTAETTEN,
        "internship",
        "Praktikum Instandhaltung",
        ZEITZ,
        (600, 700),
        30,
        "2 Monate",
        end="filled",
    ),
    Spec(WERKSTAETTEN, "job", "Metallbauer/in Montage", ZEITZ, (2900, 3300), 21),
    Spec(ELSTER_IT, "working_student", "Werkstudium IT-Support", ZEITZ, (15, 17), 14, remote=30),
    Spec(
        ELSTER_IT,
        "internship",
        "Praktikum Softwareentwicklung",
        ZEITZ,
        (800, 1000),
        60,
        "6 Monate",
        ("softwareentwicklung",),
        "Deutsch, Englisch",
        50,
    ),
    Spec(
        ELSTER_IT,
        "thesis",
        "Bachelorarbeit: Digitale Verwaltungsdienste kleiner Städte",
        ZEITZ,
        start=45,
        remote=60,
    ),
    Spec(ELSTER_IT, "job", "Systemadministrator/in", ZEITZ, (3300, 4000), 45, end="submitted"),
    Spec(WG_ZEITZ, "flat", "2-Raum-Wohnung Moritzburgblick, 58 m²", ZEITZ, (360, 360), 30),
    Spec(WG_ZEITZ, "flat", "4-Raum-Wohnung für Familien, 92 m²", ZEITZ, (610, 610), 60),
    Spec(WG_ZEITZ, "room", "Zimmer im Gründerhaus, möbliert", ZEITZ, (250, 250), 7),
    Spec(WG_ZEITZ, "flat", "Altbauwohnung am Domplatz", ZEITZ, (480, 480), 30, end="expired"),
    Spec(
        SOLAR,
        "internship",
        "Praktikum Photovoltaik-Planung",
        ZEITZ,
        (700, 900),
        40,
        "3 Monate",
        remote=20,
    ),
    Spec(
        SOLAR,
        "apprenticeship",
        "Ausbildung Elektroniker/in Energietechnik",
        ZEITZ,
        (1000, 1200),
        240,
        "3,5 Jahre",
        end="filled",
    ),
    Spec(SOLAR, "job", "Projektleitung Solarparks", ZEITZ, (4500, 5500), 60, end="draft"),
    Spec(
        HEIMAT,
        "voluntary",
        "Ehrenamt Stadtarchiv: Fotos digitalisieren",
        ZEITZ,
        start=7,
        duration="nach Absprache",
    ),
)


@dataclass(frozen=True)
class ApplicationSpec:
    email: str
    title: str
    end: str = "submitted"  # submitted, under_review, accepted, declined, withdrawn


STUDENT = "lena.schubert@studserv.uni-leipzig.example"
STUDENT_2 = "jonas.weber@studserv.uni-leipzig.example"

APPLICATIONS: tuple[ApplicationSpec, ...] = (
    ApplicationSpec(STUDENT, "Praktikum Stadtentwicklung und Leerstand", "under_review"),
    ApplicationSpec(STUDENT, "Praktikum Innenstadtmanagement", "accepted"),
    ApplicationSpec(STUDENT, "Masterarbeit: Strukturwandel im Revier und Rückkehr"),
    ApplicationSpec(STUDENT_2, "Praktikum Softwareentwicklung", "accepted"),
    ApplicationSpec(STUDENT_2, "Werkstudium IT-Support", "declined"),
    ApplicationSpec(STUDENT_2, "Praktikum Kreislaufwirtschaft und Reparatur", "withdrawn"),
    ApplicationSpec(STUDENT_2, "Bachelorarbeit: Digitale Verwaltungsdienste kleiner Städte"),
)


@dataclass(frozen=True)
class SavedSearchSpec:
    email: str
    name: str
    query: str  # the feed's address after "?"
    frequency: str = "weekly"


SAVED_SEARCHES: tuple[SavedSearchSpec, ...] = (
    SavedSearchSpec(STUDENT, "Praktika in Eilenburg", f"art=internship&ort={EILENBURG}", "daily"),
    SavedSearchSpec(STUDENT, "Wohnungen in Zeitz", f"art=flat&ort={ZEITZ}"),
    SavedSearchSpec(STUDENT_2, "Software", "q=Software"),
    SavedSearchSpec(STUDENT_2, "Werkstudium", "art=working_student", "daily"),
)


@dataclass(frozen=True)
class ContactSpec:
    ags: str
    kind: str
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    note: str = ""


CONTACTS: tuple[ContactSpec, ...] = (
    ContactSpec(
        EILENBURG,
        "childcare",
        "Kita-Platzvergabe der Stadt Eilenburg",
        "Marktplatz 1, 04838 Eilenburg",
        "03423 000000",
        "kita@eilenburg.example",
        "Anmeldung für alle städtischen Kitas",
    ),
    ContactSpec(
        EILENBURG, "school", "Grundschule Ost", "Schulstraße 5, 04838 Eilenburg", "03423 000001"
    ),
    ContactSpec(
        EILENBURG,
        "welcome",
        "Willkommensbüro im Rathaus",
        "Marktplatz 1, 04838 Eilenburg",
        email="willkommen@eilenburg.example",
        note="Hilfe bei Wohnungssuche und Anmeldung",
    ),
    ContactSpec(
        ZEITZ,
        "childcare",
        "Kita-Servicestelle Zeitz",
        "Altmarkt 1, 06712 Zeitz",
        "03441 000000",
        "kita@zeitz.example",
    ),
    ContactSpec(
        ZEITZ, "school", "Gymnasium am Schloss", "Schlossstraße 3, 06712 Zeitz", "03441 000001"
    ),
    ContactSpec(
        ZEITZ,
        "welcome",
        "Rückkehr- und Zuzugsberatung Zeitz",
        "Altmarkt 1, 06712 Zeitz",
        email="zuzug@zeitz.example",
    ),
)
